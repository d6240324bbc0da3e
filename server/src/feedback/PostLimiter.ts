/**
 * How many comments and reviews one person posted in the last minute. A sliding window, so a burst right after a
 * quiet minute is not doubled; entries of people who stopped posting are dropped as they age out.
 */
export class PostLimiter {
  readonly #posts = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Records a post by `who` unless they are at the limit; false (and nothing recorded) when they are. */
  take(who: string): boolean {
    const t = this.now();
    const recent = (this.#posts.get(who) ?? []).filter((at) => t - at < this.windowMs);
    if (recent.length >= this.max) {
      this.#posts.set(who, recent);
      return false;
    }
    recent.push(t);
    this.#posts.set(who, recent);
    this.#sweep(t);
    return true;
  }

  #sweep(t: number): void {
    // Bounded work per call: only when the map has grown, drop everyone whose last post is out of the window.
    if (this.#posts.size < 1000) return;
    for (const [who, times] of this.#posts) if (t - (times.at(-1) ?? 0) >= this.windowMs) this.#posts.delete(who);
  }
}
