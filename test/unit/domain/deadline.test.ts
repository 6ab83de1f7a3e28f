import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineFor, formatRemaining, remainingMs, speakRemaining } from '../../../utils/domain/deadline';

describe('deadline', () => {
  it('is funding complete + the window, 10 minutes by default', () => {
    expect(deadlineFor(1_000_000)).toBe(1_600_000);
    expect(deadlineFor(1_000_000, 30_000)).toBe(1_030_000);
  });

  it('remaining time is never negative', () => {
    expect(remainingMs(10_000, 2_500)).toBe(7_500);
    expect(remainingMs(10_000, 10_000)).toBe(0);
    expect(remainingMs(10_000, 99_999)).toBe(0);
    expect(remainingMs(Number.NaN, 0)).toBe(0);
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
    expect(formatRemaining(ms)).toBe(shown);
    expect(speakRemaining(ms)).toBe(spoken);
  });

  it('m:ss always has two-digit seconds and counts down monotonically', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 1e6 }), (ms, less) => {
        const shown = formatRemaining(ms);
        expect(shown).toMatch(/^\d+:[0-5]\d$/);
        const toSeconds = (s: string) => Number(s.split(':')[0]) * 60 + Number(s.split(':')[1]);
        expect(toSeconds(formatRemaining(ms - less))).toBeLessThanOrEqual(toSeconds(shown));
      }),
    );
  });
});
