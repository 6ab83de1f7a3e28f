import { describe, expect, it } from 'vitest';
import { clockOffsetFromDateHeader, serverNow, toLocalTime } from '../../../utils/domain/server-clock';

const SERVER = Date.parse('2026-11-15T17:40:05Z');

describe('server clock', () => {
  it('measures how far the server is ahead of a laptop that is behind', () => {
    const local = SERVER - 90_000; // laptop 90 s slow
    const offset = clockOffsetFromDateHeader('Sun, 15 Nov 2026 17:40:05 GMT', local);
    expect(offset).toBe(90_500);
    expect(serverNow(local + 1_000, offset!)).toBe(SERVER + 1_500);
  });

  it('gives a negative offset when the laptop is ahead, and maps server deadlines to local alarms', () => {
    const offset = clockOffsetFromDateHeader('Sun, 15 Nov 2026 17:40:05 GMT', SERVER + 3_600_000)!;
    expect(offset).toBe(-3_599_500);
    const deadline = SERVER + 600_000;
    expect(serverNow(toLocalTime(deadline, offset), offset)).toBe(deadline);
  });

  it.each([null, undefined, '', 'yesterday', '2026-11-15T17:40:05Z', 'Sun, 15 Nov 2026 25:40:05 GMT', 'Sunday, 15-Nov-26 17:40:05 GMT', 'Sun, 15 Nov 2026 17:40:05 PST'])(
    'refuses a missing or malformed header %s',
    (header) => {
      expect(clockOffsetFromDateHeader(header, SERVER)).toBeNull();
    },
  );

  it('refuses a receive time that is not a time', () => {
    expect(clockOffsetFromDateHeader('Sun, 15 Nov 2026 17:40:05 GMT', Number.NaN)).toBeNull();
  });
});
