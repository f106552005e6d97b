/**
 * Graph's service limits the product can run into (kept in memory; a restart or reset forgets them):
 * "A maximum of 4 requests per second per app can be issued on a given team or channel" (throttling-limits.md)
 * and "Notifications will be automatically throttled if the count exceeds 10" per minute per user
 * (activity feed best practices). Only accepted requests count, so a client that waits Retry-After gets through.
 */
import { tooManyRequests } from './http';

/** A sliding-window counter per key. */
export class Limiter {
  private readonly hits = new Map<string, number[]>();

  public constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Throws 429 with Retry-After (seconds until the oldest hit leaves the window) when a key is full. */
  public check(keys: readonly string[], now: number): void {
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.max) {
        throw tooManyRequests(Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000)));
      }
    }
  }

  /** Counts one accepted request for each key. */
  public record(keys: readonly string[], now: number): void {
    for (const key of keys) this.hits.set(key, [...this.recent(key, now), now]);
  }

  /** Forgets everything. */
  public reset(): void {
    this.hits.clear();
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}

/** The limits of one local Graph. */
export interface Limits {
  /** 4 per second per team channel. */
  channel: Limiter;
  /** 10 per minute per activity recipient. */
  recipient: Limiter;
}

/** Fresh limits. */
export function newLimits(): Limits {
  return { channel: new Limiter(4, 1000), recipient: new Limiter(10, 60000) };
}
