/**
 * Open threads per note or initiative of one team, as a tiny external store: each badge subscribes to its own count,
 * so a new comment re-renders the one note it is on, not every note of the board.
 */
export class ThreadCounts {
  #counts: ReadonlyMap<string, number> = new Map();
  readonly #listeners = new Set<() => void>();

  set(counts: ReadonlyMap<string, number>): void {
    this.#counts = counts;
    for (const listener of this.#listeners) listener();
  }

  /** Open threads on the target keyed `${kind}:${id}` (`targetKey`). */
  get = (key: string): number => this.#counts.get(key) ?? 0;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}
