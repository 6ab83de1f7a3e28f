import { describe, expect, it } from 'vitest';
import { BUDGETS, judge, TIMING_MARGIN } from '../../bench/budgets';
import { percentile } from '../../bench/percentile';

describe('budget verdicts', () => {
  it('gives timing budgets the shared-machine margin under --check, and counts none', () => {
    const ratio = judge(BUDGETS.pageTaskRatio1000, 1.1 * TIMING_MARGIN - 0.001);
    expect(ratio.holds).toBe(false);
    expect(ratio.holdsWithMargin).toBe(true);
    expect(judge(BUDGETS.pageTaskRatio1000, 1.1 * TIMING_MARGIN + 0.001).holdsWithMargin).toBe(false);
    const requests = judge(BUDGETS.apiSteadyPerHour, 361);
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
