import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../../scripts/audit-verdict';

// The shapes npm 10 prints for `npm audit --json`: a report (auditReportVersion 2) or an error.
function report(counts: { info: number; low: number; moderate: number; high: number; critical: number }, vulnerabilities: Record<string, { severity: string }> = {}) {
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }, dependencies: { prod: 40, dev: 0, total: 40 } },
  });
}

const REGISTRY_405 = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
});

describe('npm audit verdict', () => {
  const count = fc.nat({ max: 50 });

  it('fails exactly when a high or critical advisory is reported', () => {
    fc.assert(
      fc.property(fc.record({ info: count, low: count, moderate: count, high: count, critical: count }), (counts) => {
        const verdict = auditVerdict(report(counts));
        expect(verdict.kind).toBe(counts.high + counts.critical > 0 ? 'advisories' : 'clean');
      }),
    );
  });

  it('names the packages with high or critical advisories', () => {
    const verdict = auditVerdict(report({ info: 0, low: 1, moderate: 0, high: 1, critical: 1 }, { zod: { severity: 'low' }, idb: { severity: 'critical' }, react: { severity: 'high' } }));
    expect(verdict).toEqual({ kind: 'advisories', counts: expect.objectContaining({ high: 1, critical: 1 }), packages: ['idb (critical)', 'react (high)'] });
  });

  it('calls a refusing or unreachable endpoint "unavailable", with the reason', () => {
    expect(auditVerdict(REGISTRY_405)).toEqual({ kind: 'unavailable', reason: expect.stringContaining('405 Method Not Allowed') });
    const offline = JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed, reason: getaddrinfo ENOTFOUND', detail: '' } });
    expect(auditVerdict(offline)).toEqual({ kind: 'unavailable', reason: expect.stringContaining('ENOTFOUND') });
  });

  it('never hides advisories behind an error beside them', () => {
    const both = JSON.parse(report({ info: 0, low: 0, moderate: 0, high: 2, critical: 0 })) as Record<string, unknown>;
    both.statusCode = 503;
    both.error = { code: 'E503', summary: 'Service Unavailable' };
    expect(auditVerdict(JSON.stringify(both)).kind).toBe('advisories');
  });

  it('does not take arbitrary output or unknown errors for "unavailable"', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!text.trim().startsWith('{'));
        expect(['unreadable', 'clean', 'advisories']).toContain(auditVerdict(text).kind);
      }),
    );
    expect(auditVerdict(JSON.stringify({ error: { code: 'EJSONPARSE', summary: 'bad lockfile' } })).kind).toBe('unreadable');
    expect(auditVerdict(JSON.stringify({ metadata: { vulnerabilities: { high: 'many' } } })).kind).toBe('unreadable');
  });
});
