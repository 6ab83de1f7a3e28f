import { describe, expect, it } from 'vitest';
import { outcomeDifferences, type VitestJson } from '../../../scripts/flake-budget-compare';

const report = (tests: Record<string, string>): VitestJson => ({
  testResults: [{ assertionResults: Object.entries(tests).map(([fullName, status]) => ({ fullName, status })) }],
});

describe('flake budget comparison', () => {
  it('names each test whose outcome changed between the two runs, or that ran only once', () => {
    const result = outcomeDifferences(report({ a: 'passed', b: 'passed', c: 'failed' }), report({ a: 'passed', b: 'failed', d: 'passed' }));
    expect(result.differences).toEqual(['b: passed, then failed', 'c: failed, then not run', 'd: not run, then passed']);
    expect(result.compared).toBe(4);
  });

  it('passes two identical green runs and reports a test failing in both', () => {
    expect(outcomeDifferences(report({ a: 'passed' }), report({ a: 'passed' }))).toEqual({ differences: [], failures: [], compared: 1 });
    expect(outcomeDifferences(report({ a: 'failed' }), report({ a: 'failed' })).failures).toEqual(['a']);
  });
});
