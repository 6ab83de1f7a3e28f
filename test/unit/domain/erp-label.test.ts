import { describe, expect, it } from 'vitest';
import { erpLabel } from '../../../utils/domain/erp-label';

describe('erpLabel', () => {
  it("prefers the company's own name, then the connector's, then 'the ERP'", () => {
    expect(erpLabel('sage_intacct', '  Intacct (HQ) ')).toBe('Intacct (HQ)');
    expect(erpLabel('sage_300_cre', '')).toBe('Sage 300 CRE');
    expect(erpLabel('viewpoint_vista')).toBe('Vista');
    expect(erpLabel('other', '   ')).toBe('the ERP');
    expect(erpLabel()).toBe('the ERP');
  });
});
