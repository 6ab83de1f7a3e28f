import { describe, expect, it } from 'vitest';
import { boundsFromDateHeader, clockOffset, narrowClock, serverNow, toLocalTime, type ClockBounds } from '../../../utils/domain/server-clock';

const SERVER = Date.parse('2026-11-15T17:40:05Z');
const header = (serverMs: number) => new Date(Math.floor(serverMs / 1000) * 1000).toUTCString();

/** What a server `aheadMs` ahead of the local clock answers to a request sent at local `sentAt` and stamped `stampAfter` ms later. */
function response(aheadMs: number, sentAt: number, stampAfter: number, roundTrip: number): ClockBounds {
  return boundsFromDateHeader(header(sentAt + stampAfter + aheadMs), sentAt, sentAt + roundTrip)!;
}

describe('server clock', () => {
  it('bounds the offset of a laptop that is behind within the second the header was rounded to', () => {
    const local = SERVER - 90_000; // laptop 90 s slow; the answer is stamped and received at once
    const bounds = boundsFromDateHeader('Sun, 15 Nov 2026 17:40:05 GMT', local, local)!;
    expect(bounds).toEqual({ low: 90_000, high: 91_000, at: local });
    expect(clockOffset(bounds)).toBe(90_500);
    expect(serverNow(local + 1_000, clockOffset(bounds))).toBe(SERVER + 1_500);
  });

  it('gives a negative offset when the laptop is ahead, and maps server deadlines to local alarms', () => {
    const offset = clockOffset(boundsFromDateHeader('Sun, 15 Nov 2026 17:40:05 GMT', SERVER + 3_600_000, SERVER + 3_600_000)!);
    expect(offset).toBe(-3_599_500);
    const deadline = SERVER + 600_000;
    expect(serverNow(toLocalTime(deadline, offset), offset)).toBe(deadline);
  });

  it('widens the bounds by the round trip: the header was stamped somewhere between request and answer', () => {
    const bounds = boundsFromDateHeader('Sun, 15 Nov 2026 17:40:05 GMT', SERVER - 300, SERVER)!;
    expect(bounds).toEqual({ low: 0, high: 1_300, at: SERVER });
  });

  it('pins the offset to tens of ms after a few dozen responses stamped at different points of their second', () => {
    const ahead = 1_234_100;
    let known: ClockBounds | null = null;
    const offsets: number[] = [];
    // Requests 2.137 s apart with a 40 ms round trip: each header is rounded at another point of its second.
    for (let i = 0; i < 30; i++) {
      known = narrowClock(known, response(ahead, SERVER + i * 2_137, 15, 40));
      offsets.push(clockOffset(known));
    }
    expect(Math.abs(offsets[0]! - ahead)).toBeGreaterThan(100);
    expect(known!.high - known!.low).toBeLessThan(120);
    expect(Math.abs(offsets.at(-1)! - ahead)).toBeLessThan(60);
    // Always within what a single header allows: never worse than before.
    for (const offset of offsets) expect(Math.abs(offset - ahead)).toBeLessThanOrEqual(1_040);
  });

  it('lets what it learnt widen with time (the local clock drifts), and starts again when the clock is set', () => {
    const pinned: ClockBounds = { low: 5_000, high: 5_010, at: SERVER };
    // An hour on, the same offset still fits: 500 ppm of an hour either side.
    const later = narrowClock(pinned, response(5_900, SERVER + 3_600_000, 0, 0));
    expect(later.low).toBeGreaterThanOrEqual(5_900 - 1_000);
    expect(later.high).toBeLessThanOrEqual(5_010 + 1_800);
    expect(clockOffset(later)).toBeGreaterThan(5_010);
    // A minute on, the laptop's clock was set back 30 s: the old bounds no longer fit; the newest rules.
    const set = response(35_000, SERVER + 60_000, 0, 0);
    expect(narrowClock(pinned, set)).toEqual(set);
  });

  it.each([null, undefined, '', 'yesterday', '2026-11-15T17:40:05Z', 'Sun, 15 Nov 2026 25:40:05 GMT', 'Sunday, 15-Nov-26 17:40:05 GMT', 'Sun, 15 Nov 2026 17:40:05 PST'])(
    'refuses a missing or malformed header %s',
    (value) => {
      expect(boundsFromDateHeader(value, SERVER, SERVER)).toBeNull();
    },
  );
});
