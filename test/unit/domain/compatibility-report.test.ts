import { describe, expect, it } from 'vitest';
import { compatibilityReport } from '../../../utils/domain/compatibility-report';
import type { Compatibility } from '../../../utils/messaging';

describe('compatibilityReport (Copy report)', () => {
  it('gives sources, templates, query keys and counts, and no id, name or amount', () => {
    const compatibility: Compatibility = {
      features: [{ id: 'disbursement-badges', name: 'Badges', lastError: { message: 'Hill Electric row 8089 $1,234.56 broke', at: 1 } }] as Compatibility['features'],
      capabilities: [
        { id: 'discover_disbursements', source: 'learned', lastOkAt: Date.parse('2026-11-15T17:00:00Z'), unavailableIn: 0 },
        { id: 'read_export_status', source: 'public_api', lastOkAt: null, unavailableIn: 1 },
      ],
      learned: [{ kind: 'disbursement_list', template: '/pay_web/api/v1/companies/{company}/drawdowns', queryKeys: ['sort'], at: ['drawdowns'], lastOkAt: 5 }],
    };
    const text = compatibilityReport(compatibility, { extensionVersion: '1.2.3', at: Date.parse('2026-11-15T18:00:00Z') });
    const report = JSON.parse(text) as Record<string, unknown>;
    expect(report).toEqual({
      extensionVersion: '1.2.3',
      at: '2026-11-15T18:00:00.000Z',
      capabilities: {
        discover_disbursements: { source: 'learned', lastWorked: '2026-11-15T17:00:00.000Z', companiesRefusing: 0 },
        read_export_status: { source: 'public_api', lastWorked: null, companiesRefusing: 1 },
      },
      learnedEndpoints: [{ kind: 'disbursement_list', method: 'GET', template: '/pay_web/api/v1/companies/{company}/drawdowns', queryKeys: ['sort'], recordsAt: ['drawdowns'] }],
      pageFeatures: { 'disbursement-badges': 'error' },
    });
    for (const secret of ['Hill', '8089', '1,234', 'Badges']) expect(text).not.toContain(secret);
  });
});
