import { describe, expect, it } from 'vitest';
import { issueMessage } from '../../../utils/overlay/preflight-text';

describe("a pre-flight issue in the page's words", () => {
  it('names the ERP, the invoice and what to do', () => {
    const erpName = 'Sage Intacct';
    expect(issueMessage({ invoiceId: '1', kind: 'sync_disabled', erpName })).toBe(
      'Payment export to Sage Intacct is off for this company (as set in the options): this payment will not be exported; enter it in Sage Intacct by hand.',
    );
    expect(issueMessage({ invoiceId: '1', kind: 'invoice_not_synced', erpName, invoice: { number: 'INV-7', erpStatus: 'ready_to_export' } })).toBe(
      'Invoice INV-7 is not synced to Sage Intacct (ready to export): a payment made now will never export. Sync the invoice first.',
    );
    expect(issueMessage({ invoiceId: '1', kind: 'tax_or_markup', erpName })).toBe('This invoice has tax, which the Sage Intacct payment sync does not support.');
  });

  it('says "the invoice" when the background could not name it', () => {
    expect(issueMessage({ invoiceId: '1', kind: 'invoice_not_synced', erpName: 'the ERP' })).toBe(
      'The invoice is not synced to the ERP: a payment made now will never export. Sync the invoice first.',
    );
  });
});
