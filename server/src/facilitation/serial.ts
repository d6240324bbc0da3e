/**
 * One queue per session: facilitator commands, readiness marks and votes of a session run one after another. Each
 * reads the session document, decides and writes; in between, another could otherwise close a round under a vote
 * being cast or pause a timer being resumed.
 */
export class SessionSerializer {
  readonly #tails = new Map<string, Promise<void>>();

  run<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(sessionId) ?? Promise.resolve();
    const result = previous.then(fn);
    const tail = result.then(
      () => {},
      () => {},
    );
    this.#tails.set(sessionId, tail);
    void tail.then(() => {
      if (this.#tails.get(sessionId) === tail) this.#tails.delete(sessionId);
    });
    return result;
  }
}
