/**
 * A token bucket: `rate` tokens a second, holding at most `burst`. Honest bursts (a paste, a fast typist) fit in the
 * burst; a flood drains it and is refused.
 */
/** Shared by every bucket: a default parameter would allocate a closure per bucket (three per connection). */
const monotonicNow = (): number => performance.now();

export class TokenBucket {
  #tokens: number;
  #last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = monotonicNow,
  ) {
    this.#tokens = burst;
    this.#last = now();
  }

  /** Takes `cost` tokens; false when there are not enough (nothing is taken then). */
  take(cost = 1): boolean {
    const t = this.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((t - this.#last) / 1000) * this.rate);
    this.#last = t;
    if (this.#tokens < cost) return false;
    this.#tokens -= cost;
    return true;
  }
}
