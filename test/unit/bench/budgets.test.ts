import { describe, expect, it } from 'vitest';
import { BUDGETS, judge, RATIO_SLACK, TIMING_MARGIN } from '../../bench/budgets';
import { percentile } from '../../bench/percentile';

describe('budget verdicts', () => {
  it('gives durations a factor and ratios a slack under --check, and counts none', () => {
    const latency = judge(BUDGETS.deadlineP95, 2000 * TIMING_MARGIN - 1);
    expect([latency.holds, latency.holdsWithMargin]).toEqual([false, true]);
    expect(judge(BUDGETS.deadlineP95, 2000 * TIMING_MARGIN + 1).holdsWithMargin).toBe(false);
    const ratio = judge(BUDGETS.pageTaskRatio1000, 1.05 + RATIO_SLACK - 0.001);
    expect([ratio.holds, ratio.holdsWithMargin]).toEqual([false, true]);
    // A 1.05 goal is not read as 1.05 × 1.15.
    expect(judge(BUDGETS.pageTaskRatio1000, 1.05 * TIMING_MARGIN).holdsWithMargin).toBe(false);
    expect(judge(BUDGETS.backgroundKb, BUDGETS.backgroundKb.limit + 0.1).holdsWithMargin).toBe(false);
    const requests = judge(BUDGETS.apiSettledPerHour, 361);
    expect([requests.holds, requests.holdsWithMargin]).toEqual([false, false]);
    expect(judge(BUDGETS.api429At600, 0).holds).toBe(true);
  });
});

describe('percentile', () => {
  it('takes the nearest rank, so a p95 over 20 values is the 19th', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile([...values, Infinity], 95)).toBe(20);
  });
});
