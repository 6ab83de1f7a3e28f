import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../test/sim/api/rate-limiter';

const T0 = Date.parse('2026-11-20T15:00:00.250Z');

describe('the sandbox rate limiter', () => {
  it('refuses past the 10-second spike window and serves again once it resets', () => {
    const limiter = new RateLimiter({ hourly: 100, tenSecond: 3 });
    const answers = [0, 1, 2, 3].map((i) => limiter.take('user:1', T0 + i * 100));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false]);
    expect(answers[2]!.headers).toEqual({ 'X-Rate-Limit-Limit': '100', 'X-Rate-Limit-Remaining': '97', 'X-Rate-Limit-Reset': String(Math.ceil((T0 + 3_600_000) / 1000)) });
    expect(answers[3]!.headers['X-Rate-Limit-Remaining']).toBe('0');
    expect(answers[3]!.headers['X-Rate-Limit-Reset']).toBe(String(Math.ceil((T0 + 10_000) / 1000)));
    expect(answers[3]!.retryAfter).toBe(10);
    expect(limiter.take('user:1', T0 + 10_000).allowed).toBe(true);
  });

  it('refuses past the hourly budget until the hour ends, and counts no refused request', () => {
    const limiter = new RateLimiter({ hourly: 2, tenSecond: 50 });
    expect(limiter.take('u', T0).allowed).toBe(true);
    expect(limiter.take('u', T0 + 20_000).allowed).toBe(true);
    const refused = limiter.take('u', T0 + 40_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBe(3_560);
    expect(limiter.take('u', T0 + 3_599_999).allowed).toBe(false);
    const next = limiter.take('u', T0 + 3_600_000);
    expect(next.allowed).toBe(true);
    expect(next.headers['X-Rate-Limit-Remaining']).toBe('1');
  });

  it('keeps users apart, and reset() applies new limits to fresh windows', () => {
    const limiter = new RateLimiter({ hourly: 1, tenSecond: 1 });
    expect(limiter.take('a', T0).allowed).toBe(true);
    expect(limiter.take('a', T0).allowed).toBe(false);
    expect(limiter.take('b', T0).allowed).toBe(true);
    limiter.reset({ hourly: 5, tenSecond: 5 });
    expect(limiter.take('a', T0).headers['X-Rate-Limit-Remaining']).toBe('4');
  });
});
