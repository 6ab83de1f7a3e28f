import { describe, expect, it } from 'vitest';
import en from 'zod/v4/locales/en.js';
import { z } from '../../../utils/domain/zod';
import { englishMessage } from '../../../utils/domain/zod-english';
import { DisbursementSchema } from '../../../utils/domain/schemas/disbursement';
import { ErpBankAccountSchema } from '../../../utils/domain/schemas/erp-bank-account';
import { ErpSettingsSchema } from '../../../utils/domain/schemas/erp-settings';
import { ProcoreErrorBodySchema } from '../../../utils/domain/schemas/export-request';
import { FundingAccountSchema } from '../../../utils/domain/schemas/funding-account';
import { RequestDetailSchema } from '../../../utils/domain/schemas/request-detail';
import { RequisitionSchema } from '../../../utils/domain/schemas/requisition';
import { CompanySchema, MeSchema } from '../../../utils/domain/schemas/who';
import { AuditEntrySchema } from '../../../utils/domain/audit-entry';
import { defaultSettings, SettingsSchema } from '../../../utils/domain/settings';
import { WatchSchema } from '../../../utils/domain/watch';
import { RequestSchemas } from '../../../utils/messaging';
import { ReExportIntentSchema } from '../../../utils/store/re-export-intent';
import { makeWatch } from '../fixtures/make-watch';

/*
 * `englishMessage` stands in for zod's `en` locale (a kilobyte the service worker cannot spare).
 * Every schema the extension ships, fed its valid sample with each field in turn replaced by a
 * hostile value, must report exactly the issues (paths, codes, words) zod's own English gives.
 */

type Parser = { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } };

const payout = {
  id: 'po_1', disbursementId: 'd1', invoiceId: 4417, receivingPaymentsCompanyExternalId: 'v_77', amount: 450000, status: 'REQUESTED',
  statusMessage: null, bankId: 'OPER', checkNumber: 10042, partialPayment: false, partialPaymentReason: null,
  metadata: { projectId: '562', contractId: 901, contractNumber: 'SC-014', invoiceNumber: 'INV-2291', vendorId: 'v_77', beneficiaryName: 'Acme', dueAmount: 450000, paidAmountOutsideProcorePay: 0, hasTaxOrMarkup: false },
};
const watch = makeWatch({
  request: { id: 'r', status: 'failed', messages: ['m'], updatedAt: 1 },
  diagnosis: { cause: 'DUPLICATE_CHECK_NUMBER', summary: 's', retryable: true, suggested: { checkNumber: 5, bankId: 'B', nextCheckNumber: 6 } },
  attempts: [{ at: 1, checkNumber: 3, bankId: null, cause: 'DUPLICATE_CHECK_NUMBER', outcome: 'failed', messages: [] }],
});
const request = {
  patch: { retentionDays: 3, apiOrigin: 'https://a.b', notifications: { overdue: true, failed: true, syncedAfterFix: true, quietHours: { enabled: true, start: '19:00', end: '07:00' } } },
  payoutId: 'p', checkNumber: 3, bankId: 'b', minutes: 5, companyId: 'c', fundingAccountId: 'f', nextCheckNumber: 4, states: ['synced'],
  payoutIds: ['a'], disbursementNumbers: ['x'], invoices: [{ invoiceId: 'i', paymentAmountCents: 3 }], from: 1, to: 2, confirm: true,
};

const CASES: [string, Parser, unknown][] = [
  ['disbursement', DisbursementSchema, { id: 77, disbursementIdentifier: 'D-1', name: 'n', fundingAccountId: 'fa_1', amount: 1250000, currencyCode: 'USD', status: 'PAYOUT_INITIATED', statusMessage: null, createdAt: '2026-11-15T16:02:11Z', updatedAt: '2026-11-15T17:40:03Z', payouts: [payout] }],
  ['ERP bank account', ErpBankAccountSchema, { bank_id: 'b', name: 'n', active: true, last_check_number: 0 }],
  ['ERP settings', ErpSettingsSchema, { connector: 'yardi', payment_sync_enabled: true, supports_partial_payments: false, erp_name: 'x' }],
  ['error body', ProcoreErrorBodySchema, { errors: { bank_id: ['is invalid'] } }],
  ['funding account', FundingAccountSchema, { id: 1, nickname: 'n', bankId: 'b', nextCheckNumber: 5, isDefault: true, deactivated: false, verificationStatus: 'verified' }],
  ['request detail', RequestDetailSchema, { id: 1, item_type: 'contract_payment', item_id: 2, request_name: 'r', status: 'failed', messages: ['a'], created_at: '2026-01-01', updated_at: '2026-01-02' }],
  ['requisition', RequisitionSchema, { id: 1, invoice_number: 'i', vendor_id: 2, status: 's', erp_status: 'synced', payment_date: null, origin_id: 'o' }],
  ['me', MeSchema, { id: 1, login: 'l', name: 'n' }],
  ['company', CompanySchema, { id: 1, name: 'n', is_active: true }],
  ['watch', WatchSchema, watch],
  ['settings', SettingsSchema, { ...defaultSettings(), companyIds: ['1'], partialPaymentOverrides: { '1': true } }],
  ['audit entry', AuditEntrySchema, { id: 1, at: 1, payoutId: null, companyId: 'c', actor: 'user', action: 'a', before: null, after: 'synced', why: 'w' }],
  ['re-export intent', ReExportIntentSchema, { intentId: 'i', payoutId: 'p', companyId: 'c', failedRequestId: null, checkNumber: 4, bankId: null, cause: 'DUPLICATE_CHECK_NUMBER', by: 'user', at: 1, pressedAt: null }],
  ...Object.entries(RequestSchemas).map(([name, schema]): [string, Parser, unknown] => [`message ${name}`, schema, request]),
];

const HOSTILE: unknown[] = [undefined, null, '', 'x', '25:00', 'ftp://x', -1, 0, 1.5, 2 ** 60, Number.NaN, Infinity, {}, [], [1], true, new Date(0), 3651];
const DELETE = Symbol('delete');

function paths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [path];
  return [path, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...path, Array.isArray(value) ? Number(k) : k]))];
}

function replaced(value: unknown, [head, ...rest]: (string | number)[], by: unknown): unknown {
  if (head === undefined) return by;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  if (rest.length === 0 && by === DELETE) delete copy[head];
  else copy[head] = replaced(copy[head], rest, by);
  return copy;
}

function issuesIn(schema: Parser, input: unknown, localeError: z.core.$ZodErrorMap): unknown[] {
  z.config({ localeError });
  try {
    return schema.safeParse(input).error?.issues ?? [];
  } finally {
    z.config({ localeError: englishMessage });
  }
}

describe('englishMessage', () => {
  it.each(CASES)('words every issue of the %s schema as zod English does', (_name, schema, sample) => {
    let issues = 0;
    for (const path of paths(sample)) {
      for (const by of [...HOSTILE, DELETE]) {
        const input = replaced(sample, path, by);
        const ours = issuesIn(schema, input, englishMessage);
        issues += ours.length;
        expect(ours).toEqual(issuesIn(schema, input, en().localeError!));
      }
    }
    expect(issues).toBeGreaterThan(0);
  });

  it('is what the schemas use', () => {
    expect(SettingsSchema.safeParse({ retentionDays: 0 }).error?.issues[0]?.message).toBe('keep at least 1 day');
    expect(SettingsSchema.safeParse({ retentionDays: 10 ** 9 }).error?.issues[0]?.message).toBe('Too big: expected number to be <=3650');
  });
});
