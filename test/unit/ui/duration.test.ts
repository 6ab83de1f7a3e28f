import { describe, expect, it } from 'vitest';
import { describeCountdown, formatAgo, formatCountdown, formatSpan } from '../../../utils/view/duration';

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
});
