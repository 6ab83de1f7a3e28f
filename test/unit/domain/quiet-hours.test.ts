import { describe, expect, it } from 'vitest';
import { inQuietHours, quietHoursEnd } from '../../../utils/domain/quiet-hours';

// Local wall-clock times: quiet hours are the user's hours, in the browser's time zone.
const at = (day: number, hh: number, mm = 0) => new Date(2026, 10, day, hh, mm).getTime();
const QUIET = { enabled: true, start: '19:00', end: '07:00' };

describe('quiet hours', () => {
  it('stays quiet in quiet hours, across midnight too', () => {
    expect(inQuietHours(QUIET, at(16, 23))).toBe(true);
    expect(inQuietHours(QUIET, at(16, 6, 59))).toBe(true);
    expect(inQuietHours(QUIET, at(16, 7))).toBe(false);
    expect(inQuietHours({ ...QUIET, enabled: false }, at(16, 23))).toBe(false);
    expect(inQuietHours({ enabled: true, start: '12:00', end: '13:00' }, at(16, 12, 30))).toBe(true);
  });

  it('finds the end of the quiet hours that contain a time, across midnight too', () => {
    expect(quietHoursEnd(QUIET, at(16, 23))).toBe(at(17, 7));
    expect(quietHoursEnd(QUIET, at(17, 6, 59))).toBe(at(17, 7));
    expect(quietHoursEnd(QUIET, at(17, 7))).toBeNull();
    expect(quietHoursEnd({ ...QUIET, enabled: false }, at(16, 23))).toBeNull();
  });
});
