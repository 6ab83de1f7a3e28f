export interface RateLimits {
  hourly: number;
  tenSecond: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  /** Seconds until the refusing window resets (when not allowed). */
  retryAfter: number;
}

interface Window {
  start: number;
  used: number;
}

const HOUR = 3_600_000;
const TEN_SECONDS = 10_000;

/**
 * Procore's two windows per user: an hourly budget and a 10-second spike limit, fixed windows
 * starting at a user's first request. `X-Rate-Limit-*` describe the hourly window; a refusal by
 * the spike window reports Remaining 0 and that window's Reset, so Reset is always when to retry.
 * Refused requests are not counted.
 */
export class RateLimiter {
  private readonly hourly = new Map<string, Window>();
  private readonly spike = new Map<string, Window>();

  constructor(public limits: RateLimits) {}

  take(key: string, now: number): RateDecision {
    const hour = current(this.hourly, key, now, HOUR);
    const spike = current(this.spike, key, now, TEN_SECONDS);
    const hourReset = Math.ceil((hour.start + HOUR) / 1000);
    if (hour.used >= this.limits.hourly) return refuse(this.limits.hourly, hour.start + HOUR, now);
    if (spike.used >= this.limits.tenSecond) return refuse(this.limits.hourly, spike.start + TEN_SECONDS, now);
    hour.used += 1;
    spike.used += 1;
    return {
      allowed: true,
      retryAfter: 0,
      headers: headers(this.limits.hourly, this.limits.hourly - hour.used, hourReset),
    };
  }

  reset(limits?: RateLimits): void {
    if (limits) this.limits = limits;
    this.hourly.clear();
    this.spike.clear();
  }
}

function current(windows: Map<string, Window>, key: string, now: number, length: number): Window {
  const existing = windows.get(key);
  if (existing && now < existing.start + length) return existing;
  const fresh = { start: now, used: 0 };
  windows.set(key, fresh);
  return fresh;
}

function refuse(limit: number, windowEnd: number, now: number): RateDecision {
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((windowEnd - now) / 1000)), headers: headers(limit, 0, Math.ceil(windowEnd / 1000)) };
}

const headers = (limit: number, remaining: number, reset: number) => ({
  'X-Rate-Limit-Limit': String(limit),
  'X-Rate-Limit-Remaining': String(remaining),
  'X-Rate-Limit-Reset': String(reset),
});
