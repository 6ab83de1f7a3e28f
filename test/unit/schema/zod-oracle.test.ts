import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { makeWatch } from '../fixtures/make-watch';

/*
 * zod is the oracle for the extension's own validator (utils/schema): every shipped schema is
 * loaded twice, once on utils/schema/z and once with zod/mini (English locale) in its place, and
 * both are fed each schema's valid sample with each field in turn replaced by a hostile value (or
 * removed). They must agree on whether it passes, on what it parses to (keys present or absent
 * alike), and on every issue (code, path, words).
 */

const SHIPPED = {
  disbursement: () => import('../../../utils/domain/schemas/disbursement'),
  bankAccount: () => import('../../../utils/domain/schemas/erp-bank-account'),
  erpSettings: () => import('../../../utils/domain/schemas/erp-settings'),
  exportRequest: () => import('../../../utils/domain/schemas/export-request'),
  fundingAccount: () => import('../../../utils/domain/schemas/funding-account'),
  requestDetail: () => import('../../../utils/domain/schemas/request-detail'),
  requisition: () => import('../../../utils/domain/schemas/requisition'),
  contractPayment: () => import('../../../utils/domain/schemas/contract-payment'),
  who: () => import('../../../utils/domain/schemas/who'),
  audit: () => import('../../../utils/domain/audit-entry'),
  settings: () => import('../../../utils/domain/settings'),
  watch: () => import('../../../utils/domain/watch'),
  messaging: () => import('../../../utils/messaging'),
  intent: () => import('../../../utils/store/re-export-intent'),
  learned: () => import('../../../utils/engine/learn/learned-endpoints'),
};
type Modules = { [K in keyof typeof SHIPPED]: Awaited<ReturnType<(typeof SHIPPED)[K]>> };

async function load(): Promise<Modules> {
  const entries = await Promise.all(Object.entries(SHIPPED).map(async ([name, get]) => [name, await get()]));
  return Object.fromEntries(entries) as Modules;
}

const ours = await load();
vi.resetModules();
vi.doMock('../../../utils/schema/z', async () => {
  const zod = await import('zod/mini');
  const en = (await import('zod/v4/locales/en.js')).default;
  zod.config(en());
  return zod;
});
const zods = await load();
vi.doUnmock('../../../utils/schema/z');

type Parser = { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { code: string; path: PropertyKey[]; message: string }[] } } };

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

const CASES: [string, (m: Modules) => Parser, unknown][] = [
  ['disbursement', (m) => m.disbursement.DisbursementSchema, { id: 77, disbursementIdentifier: 'D-1', name: 'n', fundingAccountId: 'fa_1', amount: 1250000, currencyCode: 'USD', status: 'PAYOUT_INITIATED', statusMessage: null, createdAt: '2026-11-15T16:02:11Z', updatedAt: '2026-11-15T17:40:03Z', payouts: [payout] }],
  ['payout', (m) => m.disbursement.PayoutSchema, payout],
  ['contract payment', (m) => m.contractPayment.ContractPaymentSchema, { id: 9, external_payment_id: 'po_1', requisition_id: '12', amount: '4500.5', check_number: 10042, status: 'paid', origin_id: 77, origin_data: { x: 1 }, created_at: '2026-01-01T00:00:00Z' }],
  ['ERP bank account', (m) => m.bankAccount.ErpBankAccountSchema, { bank_id: 'b', name: 'n', active: true, last_check_number: 0 }],
  ['ERP settings', (m) => m.erpSettings.ErpSettingsSchema, { connector: 'yardi', payment_sync_enabled: true, supports_partial_payments: false, erp_name: 'x' }],
  ['error body', (m) => m.exportRequest.ProcoreErrorBodySchema, { errors: { bank_id: ['is invalid'] } }],
  ['funding account', (m) => m.fundingAccount.FundingAccountSchema, { id: 1, nickname: 'n', bankId: 'b', nextCheckNumber: '5', isDefault: true, deactivated: false, verificationStatus: 'verified' }],
  ['request detail', (m) => m.requestDetail.RequestDetailSchema, { id: 1, item_type: 'contract_payment', item_id: 2, request_name: 'r', status: 'failed', messages: ['a'], created_at: '2026-01-01', updated_at: '2026-01-02' }],
  ['requisition', (m) => m.requisition.RequisitionSchema, { id: 1, invoice_number: 'i', vendor_id: 2, status: 's', erp_status: 'synced', payment_date: null, origin_id: 'o', summary: { tax_applicable_to_this_payment: '1.50' }, items: [{ taxes: [] }] }],
  ['me', (m) => m.who.MeSchema, { id: 1, login: 'l', name: 'n' }],
  ['company', (m) => m.who.CompanySchema, { id: 1, name: 'n', is_active: true }],
  ['watch', (m) => m.watch.WatchSchema, watch],
  ['settings', (m) => m.settings.SettingsSchema, { ...ours.settings.defaultSettings(), companyIds: ['1'], partialPaymentOverrides: { '1': true }, erpLastCheckNumbers: [{ bankId: 'B', lastCheckNumber: 100 }] }],
  ['audit entry', (m) => m.audit.AuditEntrySchema, { id: 1, at: 1, payoutId: null, companyId: 'c', actor: 'user', action: 'a', before: null, after: 'synced', why: 'w' }],
  ['re-export intent', (m) => m.intent.ReExportIntentSchema, { intentId: 'i', payoutId: 'p', companyId: 'c', failedRequestId: null, checkNumber: 4, bankId: null, cause: 'DUPLICATE_CHECK_NUMBER', by: 'user', at: 1, pressedAt: null }],
  ['learned endpoint', (m) => m.learned.LearnedEndpointSchema, { template: '/x/{company}', query: 'a=1', at: ['data'], okIn: ['1'] }],
  ...Object.keys(ours.messaging.RequestSchemas).map((name): [string, (m: Modules) => Parser, unknown] => [`message ${name}`, (m) => m.messaging.RequestSchemas[name as keyof Modules['messaging']['RequestSchemas']], request]),
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

/** What a parse says, as the two libraries must both say it. */
function answer(schema: Parser, input: unknown): unknown {
  const result = schema.safeParse(input);
  return result.success ? { data: result.data } : { issues: result.error!.issues.map(({ code, path, message }) => ({ code, path, message })) };
}

describe('utils/schema against zod', () => {
  it.each(CASES)('parses the %s schema and every hostile variant of its sample as zod does', (_name, schemaOf, sample) => {
    const [own, oracle] = [schemaOf(ours), schemaOf(zods)];
    let issues = 0;
    for (const path of paths(sample)) {
      for (const by of [...HOSTILE, DELETE]) {
        const input = replaced(sample, path, by);
        const expected = answer(oracle, input);
        issues += (expected as { issues?: unknown[] }).issues?.length ?? 0;
        expect({ path, by, ...(answer(own, input) as object) }).toStrictEqual({ path, by, ...(expected as object) });
      }
    }
    expect(issues).toBeGreaterThan(0);
  });

  it.each(CASES)('agrees with zod on the %s schema with any value anywhere in its sample', (_name, schemaOf, sample) => {
    const [own, oracle] = [schemaOf(ours), schemaOf(zods)];
    const where = fc.constantFrom(...paths(sample));
    fc.assert(
      fc.property(where, fc.oneof(fc.anything({ withNullPrototype: true, withSparseArray: true }), fc.jsonValue(), fc.constant(DELETE)), (path, by) => {
        const input = replaced(sample, path, by);
        expect(answer(own, input)).toStrictEqual(answer(oracle, input));
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('keeps the messages the schemas word themselves', () => {
    const settings = ours.settings.SettingsSchema;
    expect(settings.safeParse({ retentionDays: 0 }).error?.issues[0]?.message).toBe('keep at least 1 day');
    expect(settings.safeParse({ retentionDays: 10 ** 9 }).error?.issues[0]?.message).toBe('Too big: expected number to be <=3650');
  });
});
