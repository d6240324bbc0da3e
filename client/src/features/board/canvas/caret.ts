/**
 * Where a caret at `index` ends up after a change described by a Yjs delta: text inserted or deleted before it
 * shifts it; text inserted exactly at it stays after it.
 */
export function transformIndex(
  index: number,
  delta: ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>,
): number {
  let position = 0;
  let caret = index;
  for (const op of delta) {
    if (op.retain) {
      position += op.retain;
    } else if (typeof op.insert === 'string') {
      if (position < caret) caret += op.insert.length;
      position += op.insert.length;
    } else if (op.delete && position < caret) {
      caret -= Math.min(op.delete, caret - position);
    }
  }
  return caret;
}
