// RFC 9110 IMF-fixdate, the form servers send: "Sun, 15 Nov 2026 17:40:05 GMT". The obsolete
// forms are not accepted: a header that cannot be read exactly is worse than no correction.
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * How far the server's clock is ahead of the local one (ms; negative when behind): somewhere in
 * [low, high], as learnt by the local time `at`.
 */
export interface ClockBounds {
  low: number;
  high: number;
  at: number;
}

// Bounds learnt earlier widen as time passes: local clocks drift, and NTP slews them, by well
// under this (500 ppm is 1.8 s an hour).
const DRIFT_PER_MS = 0.0005;

/**
 * What one response's `Date` header says of the offset. The header has whole seconds and is
 * stamped between the request leaving and the response arriving, so the server read [date,
 * date + 1 s) at a local time in [sentAt, receivedAt]. Null when the header is missing or malformed.
 */
export function boundsFromDateHeader(dateHeader: string | null | undefined, sentAt: number, receivedAt: number): ClockBounds | null {
  const text = dateHeader?.trim() ?? '';
  const serverMs = IMF_FIXDATE.test(text) ? Date.parse(text) : NaN;
  return Number.isFinite(serverMs) ? { low: serverMs - receivedAt, high: serverMs + 1000 - sentAt, at: receivedAt } : null;
}

/**
 * The known bounds narrowed by a new response's: each header cuts the second it was rounded to
 * at another point, so a few responses pin the offset to tens of ms where one alone leaves a
 * second. Bounds that no longer overlap (the local clock was set, a header came from a cache)
 * give way to the newest.
 */
export function narrowClock(known: ClockBounds | null, sample: ClockBounds): ClockBounds {
  if (!known) return sample;
  const slack = Math.abs(sample.at - known.at) * DRIFT_PER_MS;
  const low = Math.max(known.low - slack, sample.low);
  const high = Math.min(known.high + slack, sample.high);
  return low <= high ? { low, high, at: sample.at } : sample;
}

/** The offset to use: the middle of what is known, at most half the bounds' width off. */
export function clockOffset(bounds: ClockBounds): number {
  return Math.round((bounds.low + bounds.high) / 2);
}

/** The server's time now, from the local clock and the last known offset. */
export function serverNow(localNow: number, offsetMs: number): number {
  return localNow + offsetMs;
}

/** The local time at which a server time occurs: where a local alarm for a server deadline goes. */
export function toLocalTime(serverTime: number, offsetMs: number): number {
  return serverTime - offsetMs;
}
