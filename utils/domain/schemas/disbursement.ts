import { z } from '../zod';
import { CentsSchema, IdSchema, IsoDateSchema } from './ids';

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

export const PayoutMetadataSchema = z.object({
  projectId: IdSchema,
  contractId: z.nullish(IdSchema),
  contractNumber: z.nullish(z.string()),
  invoiceNumber: z.string(),
  vendorId: IdSchema,
  beneficiaryName: z.string(),
  dueAmount: CentsSchema,
  paidAmountOutsideProcorePay: CentsSchema,
  hasTaxOrMarkup: z.boolean(),
});

export const PayoutSchema = z.object({
  id: IdSchema,
  disbursementId: IdSchema,
  invoiceId: IdSchema,
  receivingPaymentsCompanyExternalId: z.nullish(IdSchema),
  amount: CentsSchema,
  status: z.enum(PAYOUT_STATUSES),
  statusMessage: z.nullish(z.string()),
  bankId: z.string(),
  checkNumber: z.nullable(z.int().check(z.positive())),
  partialPayment: z.boolean(),
  partialPaymentReason: z.nullish(z.string()),
  metadata: PayoutMetadataSchema,
});
export type Payout = z.infer<typeof PayoutSchema>;

export const DisbursementSchema = z.object({
  id: IdSchema,
  disbursementIdentifier: z.string(),
  name: z.string(),
  fundingAccountId: IdSchema,
  amount: CentsSchema,
  currencyCode: z.string(),
  status: z.enum(DISBURSEMENT_STATUSES),
  statusMessage: z.nullish(z.string()),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  authorizedOn: z.nullish(IsoDateSchema),
  fundingCompletedAt: z.nullish(IsoDateSchema),
  payouts: z.array(PayoutSchema),
});
export type Disbursement = z.infer<typeof DisbursementSchema>;

// "Funding Complete" for the ERP sync: the sync starts when funding completes, whatever follows.
export function isFundingComplete(status: DisbursementStatus): boolean {
  return status === 'FUNDING_COMPLETED_AWAITING_PAYOUTS' || status.startsWith('PAYOUT_');
}
