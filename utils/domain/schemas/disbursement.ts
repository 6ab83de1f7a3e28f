import * as z from '../../schema/z';
import { CentsSchema, IdSchema, IntegerIdSchema, IsoDateSchema, known } from './ids';

// PROCORE-CONTRACT.md v2, "Payment records": the fields of the public validate response, every
// one optional but the identity (`id`); read from the pages' own requests (learned endpoints) or
// their records (page hints), never from a modeled list.

export const DISBURSEMENT_STATUSES = [
  'FUNDING_NOT_INITIATED',
  'FUNDING_REQUESTED',
  'FUNDING_FAILED',
  'FUNDING_COMPLETED_AWAITING_PAYOUTS',
  'PAYOUT_INITIATED',
  'PAYOUT_COMPLETED',
  'PAYOUT_FAILED',
] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

export const PAYOUT_STATUSES = ['NOT_INITIATED', 'REQUESTED', 'FAILED', 'COMPLETED'] as const;

const Text = known(z.string());
const Id = known(IdSchema);
const Cents = known(CentsSchema);
const When = known(IsoDateSchema);
const Flag = known(z.boolean());

/** `metadata`: types not published, so ids and amounts are accepted as numbers or strings. */
export const PayoutMetadataSchema = z.object({
  sendingCompanyName: Text,
  receivingPaymentsCompanyName: Text,
  projectId: Id,
  projectName: Text,
  contractId: Id,
  contractType: Text,
  contractNumber: Text,
  invoiceNumber: Text,
  invoiceUrl: Text,
  vendorId: Id,
  dueAmount: Cents,
  paidAmountOutsideProcorePay: Cents,
  earlyPayFeeAmount: Cents,
});

const EMPTY_METADATA = PayoutMetadataSchema.parse({});

export const PayoutSchema = z.object({
  id: IdSchema,
  disbursementId: Id,
  invoiceId: Id,
  receivingPaymentsCompanyExternalId: Id,
  receivingEntityType: Text,
  amount: Cents,
  earlyPayFeeAmount: Cents,
  currencyCode: Text,
  status: Text,
  statusMessage: Text,
  bankId: Text,
  checkNumber: known(z.union([z.int().check(z.positive()), z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number))])),
  partialPayment: Flag,
  partialPaymentReason: Text,
  partialPaymentSetAt: When,
  createdAt: When,
  updatedAt: When,
  metadata: z.catch(z._default(PayoutMetadataSchema, EMPTY_METADATA), EMPTY_METADATA),
});
export type Payout = z.infer<typeof PayoutSchema>;

export const DisbursementSchema = z.object({
  id: IdSchema,
  /** An integer ("incremental identifier"); kept as its decimal string. */
  disbursementIdentifier: known(IntegerIdSchema),
  name: Text,
  fundingAccountId: Id,
  amount: Cents,
  currencyCode: Text,
  status: Text,
  statusMessage: Text,
  createdAt: When,
  updatedAt: When,
  authorizedOn: When,
  authorizedByPaymentsUserName: Text,
  workflowEnabled: Flag,
  workflowStatus: Text,
  cancelledAt: When,
  cancellationReason: Text,
  bankAccountId: Id,
  bankAccountType: Text,
  /** Absent where a list shows disbursements without their payouts (known: none). */
  payouts: known(z.array(z.unknown())),
});
export type Disbursement = z.infer<typeof DisbursementSchema>;

/** A disbursement's payouts that carry an id; one without is skipped, never the others. */
export function payoutsOf(disbursement: Pick<Disbursement, 'payouts'>): Payout[] {
  return (disbursement.payouts ?? []).flatMap((raw) => {
    const parsed = PayoutSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}
