/**
 * Token buckets per key (a client address, a conversation id): each key may spend `burst`
 * requests at once and regains `perMinute` a minute. Pure apart from the injected clock; the
 * number of keys tracked is capped (least recently used forgotten first), so a flood of new
 * keys cannot grow memory.
 */
export interface RateLimit {
  readonly perMinute: number;
  readonly burst: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until one more request would be allowed (0 when allowed). */
  readonly retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Spends one request for `key` if it has one. */
  take(key: string): RateDecision {
    const now = this.clock();
    const perMs = this.limit.perMinute / 60_000;
    const known = this.buckets.get(key);
    const bucket: Bucket = known
      ? { tokens: Math.min(this.limit.burst, known.tokens + (now - known.at) * perMs), at: now }
      : { tokens: this.limit.burst, at: now };
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  /** Keys tracked (for tests). */
  get size(): number {
    return this.buckets.size;
  }
}
