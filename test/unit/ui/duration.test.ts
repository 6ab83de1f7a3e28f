import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clock, describeCountdown, formatAgo, formatCountdown, formatSpan, spokenDuration } from '../../../utils/view/duration';

describe('durations', () => {
  it('says spans as people say them', () => {
    expect(formatSpan(45_000)).toBe('45 s');
    expect(formatSpan(12 * 60_000 + 59_000)).toBe('12 min');
    expect(formatSpan(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 5 min');
    expect(formatSpan(2 * 3_600_000)).toBe('2 h');
    expect(formatSpan(4 * 86_400_000 + 1)).toBe('4 d');
    expect(formatAgo(1_000, 3_000)).toBe('just now');
    expect(formatAgo(0, 600_000)).toBe('10 min ago');
  });

  it('counts down in mm:ss and stops at zero', () => {
    expect(formatCountdown(600_000, 0)).toBe('10:00');
    expect(formatCountdown(600_000, 175_500)).toBe('07:05');
    expect(formatCountdown(600_000, 700_000)).toBe('00:00');
    expect(describeCountdown(600_000, 175_000)).toBe('7 minutes 5 seconds left');
    expect(describeCountdown(600_000, 599_000)).toBe('1 second left');
  });

  it.each([
    [452_000, '7:32', '7 minutes 32 seconds'],
    [451_001, '7:32', '7 minutes 32 seconds'],
    [600_000, '10:00', '10 minutes'],
    [61_000, '1:01', '1 minute 1 second'],
    [5_000, '0:05', '5 seconds'],
    [1, '0:01', '1 second'],
    [0, '0:00', '0 seconds'],
    [-30_000, '0:00', '0 seconds'],
    [Number.NaN, '0:00', '0 seconds'],
  ])('%i ms reads %s and is spoken "%s"', (ms, shown, spoken) => {
    expect(clock(ms)).toBe(shown);
    expect(spokenDuration(ms)).toBe(spoken);
  });

  it('m:ss always has two-digit seconds and counts down monotonically', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 1e6 }), (ms, less) => {
        const shown = clock(ms);
        expect(shown).toMatch(/^\d+:[0-5]\d$/);
        const toSeconds = (s: string) => Number(s.split(':')[0]) * 60 + Number(s.split(':')[1]);
        expect(toSeconds(clock(ms - less))).toBeLessThanOrEqual(toSeconds(shown));
      }),
    );
  });
});
