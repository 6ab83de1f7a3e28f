import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from '../../../utils/schema/z';
import { ContractPaymentSchema } from '../../../utils/domain/schemas/contract-payment';
import { DisbursementSchema, PayoutSchema } from '../../../utils/domain/schemas/disbursement';
import { FundingAccountSchema } from '../../../utils/domain/schemas/funding-account';
import { RequestDetailSchema } from '../../../utils/domain/schemas/request-detail';
import { RequisitionSchema } from '../../../utils/domain/schemas/requisition';
import { CompanySchema, MeSchema } from '../../../utils/domain/schemas/who';
import { validateRecords, type SchemaProblem } from '../../../utils/procore/record-validation';

/*
 * Every response schema against mutated payloads, through the engine's record validation: in a
 * list of records where some lose their identity or carry it with the wrong type, exactly the
 * good ones are kept (in order) and each bad one is reported by its id; a record missing any other
 * field, or carrying it with the wrong type, is kept with that fact unknown (PROCORE-CONTRACT.md
 * v2: no field is required by Procore's schema). The field lists are written here from the
 * contract, not read from the schemas.
 */

type Json = Record<string, unknown>;

interface Case {
  name: string;
  schema: z.AnySchema;
  /** A valid record as the contract shows it, with the given id. */
  sample: (id: string) => Json;
  /** Dotted paths (arrays through their first element) that must be present and well typed. */
  required: string[];
  /** Paths the contract lets be absent. */
  optional: string[];
  /** Where the record's id is, if it has one (reports name records by it). */
  idField?: string;
}

const payout = (disbursementId: string): Json => ({
  id: `5b0c7f2e-${disbursementId}`,
  disbursementId,
  invoiceId: '4417',
  receivingPaymentsCompanyExternalId: 'v_77',
  receivingEntityType: 'SUBCONTRACTOR',
  amount: 450000,
  earlyPayFeeAmount: 0,
  currencyCode: 'USD',
  status: 'REQUESTED',
  statusMessage: null,
  bankId: 'OPER',
  checkNumber: 10042,
  partialPayment: false,
  partialPaymentReason: null,
  partialPaymentSetAt: null,
  createdAt: '2026-11-15T16:02:11Z',
  updatedAt: '2026-11-15T17:40:03Z',
  metadata: {
    sendingCompanyName: 'Builder Co',
    receivingPaymentsCompanyName: 'Acme Drywall',
    projectId: 562,
    projectName: 'Tower',
    contractId: '901',
    contractType: 'WorkOrderContract',
    contractNumber: 'SC-014',
    invoiceNumber: 'INV-2291',
    invoiceUrl: '/562/project/invoicing/4417',
    vendorId: 77,
    dueAmount: 450000,
    paidAmountOutsideProcorePay: 0,
    earlyPayFeeAmount: 0,
  },
});

// PROCORE-CONTRACT.md v2: no field is required by Procore's schema; only the identity is, here.
const CASES: Case[] = [
  {
    name: 'disbursement',
    schema: DisbursementSchema,
    idField: 'id',
    sample: (id) => ({
      id,
      disbursementIdentifier: 412,
      name: 'Nov 15 draw',
      fundingAccountId: 'fa_1',
      amount: 1250000,
      currencyCode: 'USD',
      status: 'FUNDING_COMPLETED_AWAITING_PAYOUTS',
      statusMessage: null,
      createdAt: '2026-11-15T16:02:11Z',
      updatedAt: '2026-11-15T17:40:03Z',
      authorizedOn: '2026-11-15T16:30:00Z',
      authorizedByPaymentsUserName: 'Ana Park',
      workflowEnabled: false,
      workflowStatus: null,
      cancelledAt: null,
      cancellationReason: null,
      bankAccountId: 'ba_1',
      bankAccountType: 'INTERNAL',
      payouts: [payout(id)],
    }),
    required: ['id'],
    optional: ['disbursementIdentifier', 'name', 'fundingAccountId', 'amount', 'status', 'createdAt', 'updatedAt', 'authorizedOn', 'payouts'],
  },
  {
    name: 'payout',
    schema: PayoutSchema,
    idField: 'id',
    sample: (id) => ({ ...payout('d_1'), id }),
    required: ['id'],
    optional: ['invoiceId', 'amount', 'status', 'bankId', 'checkNumber', 'partialPayment', 'metadata', 'metadata.projectId', 'metadata.contractId', 'metadata.vendorId', 'metadata.dueAmount', 'metadata.receivingPaymentsCompanyName'],
  },
  {
    name: 'contract payment',
    schema: ContractPaymentSchema,
    idField: 'id',
    sample: (id) => ({
      id,
      external_payment_id: '5b0c7f2e-1',
      requisition_id: 4417,
      amount: '4500.00',
      check_number: '10042',
      status: 'pending',
      date: '2026-11-15',
      date_payment_initiated: '2026-11-15',
      date_payment_settled: null,
      invoice_number: 'INV-2291',
      payment_number: '3',
      origin_id: null,
      origin_code: null,
      origin_data: null,
      created_at: '2026-11-15T17:40:05Z',
      updated_at: '2026-11-15T17:43:51Z',
    }),
    required: ['id'],
    optional: ['external_payment_id', 'requisition_id', 'amount', 'check_number', 'status', 'origin_id', 'created_at'],
  },
  {
    name: 'funding account',
    schema: FundingAccountSchema,
    idField: 'id',
    sample: (id) => ({ id, nickname: 'Operating', bankId: 'OPER', nextCheckNumber: 10043, isDefault: true, deactivated: false }),
    required: ['id'],
    optional: ['bankId', 'nextCheckNumber', 'isDefault', 'deactivated'],
  },
  {
    name: 'request detail',
    schema: RequestDetailSchema,
    idField: 'id',
    sample: (id) => ({
      id,
      item_type: 'contract_payment',
      item_id: 88123,
      request_name: 'create_contract_payment',
      status: 'failed',
      messages: ['Duplicate Document Number Error'],
      created_at: '2026-11-15T17:40:05Z',
      updated_at: '2026-11-15T17:43:51Z',
    }),
    required: ['id'],
    optional: ['item_type', 'item_id', 'status', 'created_at', 'updated_at'],
  },
  {
    name: 'requisition',
    schema: RequisitionSchema,
    idField: 'id',
    sample: (id) => ({ id, invoice_number: 'INV-2291', vendor_id: 77, vendor_name: 'Acme Drywall', status: 'approved', erp_status: 'synced', payment_date: null, origin_id: 'QB-8812', commitment_id: 901, summary: { tax_applicable_to_this_payment: '0.00' } }),
    required: ['id'],
    optional: ['invoice_number', 'vendor_id', 'erp_status', 'origin_id', 'commitment_id'],
  },
  { name: 'me', schema: MeSchema, idField: 'id', sample: (id) => ({ id, login: 'ap@builder.com', name: 'Ana Park' }), required: ['id'], optional: ['login', 'name'] },
  { name: 'company', schema: CompanySchema, idField: 'id', sample: (id) => ({ id, name: 'Builder Co', is_active: true }), required: ['id'], optional: ['name', 'is_active'] },
];

/** The object holding the last segment of a dotted path (arrays through their first element). */
function parentOf(record: Json, path: string): { holder: Json; key: string } {
  const parts = path.split('.');
  let holder: unknown = record;
  for (const part of parts.slice(0, -1)) {
    holder = (holder as Json)[part];
    if (Array.isArray(holder)) holder = holder[0];
  }
  return { holder: holder as Json, key: parts.at(-1)! };
}

/** A value of a type the field can never have: a string where a number belongs, and so on. */
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return `${value} dollars`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'not a list';
  if (value === null) return { nothing: true };
  return 42;
}

type Mutation =
  | { kind: 'none' }
  | { kind: 'extra'; field: string }
  | { kind: 'drop'; path: number }
  | { kind: 'retype'; path: number }
  | { kind: 'dropOptional'; path: number }
  | { kind: 'retypeOptional'; path: number }
  | { kind: 'fractionalCents' };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('extra' as const), field: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('drop' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('dropOptional' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('retypeOptional' as const), path: fc.nat() }),
  fc.constant({ kind: 'fractionalCents' as const }),
);

/** Applies a mutation; answers whether the contract makes the record bad. */
function mutate(testCase: Case, record: Json, mutation: Mutation): boolean {
  switch (mutation.kind) {
    case 'none':
      return false;
    case 'extra': {
      // Unknown extra fields are ignored (never one of the record's own keys).
      if (Object.hasOwn(record, mutation.field)) return false;
      record[mutation.field] = { injected: true };
      return false;
    }
    case 'drop': {
      const { holder, key } = parentOf(record, testCase.required[mutation.path % testCase.required.length]!);
      delete holder[key];
      return true;
    }
    case 'retype': {
      const { holder, key } = parentOf(record, testCase.required[mutation.path % testCase.required.length]!);
      holder[key] = wrongTypeFor(holder[key]);
      return true;
    }
    case 'dropOptional':
    case 'retypeOptional': {
      const { holder, key } = parentOf(record, testCase.optional[mutation.path % testCase.optional.length]!);
      if (mutation.kind === 'dropOptional') delete holder[key];
      else holder[key] = wrongTypeFor(holder[key]);
      return false;
    }
    case 'fractionalCents': {
      // Money is integer cents: a fractional amount is unknown, never rounded.
      if (typeof record.amount !== 'number') return false;
      record.amount += 0.5;
      return false;
    }
  }
}

describe.each(CASES)('the $name schema on mutated payloads', (testCase) => {
  it('keeps exactly the good records, in order, and reports each bad one', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { maxLength: 12 }), (mutations) => {
        const expectedGood: number[] = [];
        const expectedBad: number[] = [];
        const records = mutations.map((mutation, index) => {
          const record = testCase.sample(`rec-${index}`);
          (mutate(testCase, record, mutation) ? expectedBad : expectedGood).push(index);
          return record;
        });
        const problems: SchemaProblem[] = [];
        const kept = validateRecords(testCase.schema, records, testCase.name, problems) as Json[];
        expect(kept).toHaveLength(expectedGood.length);
        expect(problems).toHaveLength(expectedBad.length);
        for (const [k, index] of expectedGood.entries()) {
          const source = records[index]!;
          const key = testCase.idField ?? 'bank_id';
          if (key in source) expect(kept[k]![key]).toBe(source[key]);
          // Unknown fields never reach what the engine stores.
          for (const field of Object.keys(kept[k]!)) expect(Object.keys(testCase.sample('x'))).toContain(field);
        }
        for (const [k, index] of expectedBad.entries()) {
          const id = testCase.idField ? records[index]![testCase.idField] : undefined;
          expect(problems[k]!.source).toBe(testCase.name);
          expect(problems[k]!.record).toBe(typeof id === 'string' ? id : id === undefined ? `#${index}` : String(id));
          expect(problems[k]!.issues).not.toBe('');
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe.each(CASES)('the $name schema knows every public field', (testCase) => {
  it('keeps each field the contract lists, ids as strings, and reads a mistyped one as unknown', () => {
    const sample = testCase.sample('rec-1');
    const parsed = testCase.schema.parse(sample) as Json;
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(sample).sort());
    for (const field of testCase.optional.filter((f) => !f.includes('.'))) {
      const broken = { ...testCase.sample('rec-2'), [field]: wrongTypeFor(sample[field]) };
      const read = (testCase.schema.parse(broken) as Json)[field] ?? null;
      // An object field of the wrong type reads as the object with every fact unknown.
      const unknown = read === null || (typeof read === 'object' && Object.values(read).every((v) => v === null));
      expect(unknown, `${field}: ${JSON.stringify(read)}`).toBe(true);
    }
  });
});

describe('record validation on junk', () => {
  it('never throws, keeps exactly what parses, and reports a non-list response as one problem', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 6 })), (raw) => {
        for (const { schema, name } of CASES) {
          const problems: SchemaProblem[] = [];
          const kept = validateRecords(schema, raw, name, problems);
          if (!Array.isArray(raw)) {
            expect(kept).toEqual([]);
            expect(problems).toEqual([{ source: name, record: '(response)', issues: 'expected a list of records' }]);
          } else {
            expect(kept.length + problems.length).toBe(raw.length);
            expect(kept).toEqual(raw.flatMap((r) => { const parsed = schema.safeParse(r); return parsed.success ? [parsed.data] : []; }));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps 64-bit ids as exact strings', () => {
    const problems: SchemaProblem[] = [];
    const [company] = validateRecords(CompanySchema, [{ id: '9007199254740993', name: 'Big Co', is_active: true }], 'companies', problems);
    expect(company?.id).toBe('9007199254740993');
  });
});
