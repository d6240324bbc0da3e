import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

const EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;

/** Whether this person has something to undo or redo, for the toolbar buttons. */
export function useUndoState(undo: Y.UndoManager): { canUndo: boolean; canRedo: boolean } {
  const key = useSyncExternalStore(
    (listener) => {
      for (const name of EVENTS) undo.on(name, listener);
      return () => {
        for (const name of EVENTS) undo.off(name, listener);
      };
    },
    () => `${undo.canUndo()}|${undo.canRedo()}`,
  );
  const [canUndo, canRedo] = key.split('|');
  return { canUndo: canUndo === 'true', canRedo: canRedo === 'true' };
}
