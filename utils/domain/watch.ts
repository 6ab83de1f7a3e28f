import * as z from '../schema/z';
import { CAUSES } from './cause';
import { CONNECTORS } from './schemas/erp-settings';
import { REQUEST_STATUSES } from './schemas/request-detail';

/** DESIGN.md "The tracked unit": one payout is one payment record in the ERP. */
export const WATCH_STATES = [
  'awaiting_funding',
  'syncing',
  'synced',
  'overdue',
  'failed',
  're_exporting',
  'escalate',
  'not_exportable',
  'dismissed',
] as const;
export type WatchState = (typeof WATCH_STATES)[number];

export const DiagnosisSchema = z.object({
  cause: z.enum(CAUSES),
  summary: z.string(),
  fix: z.optional(z.string()),
  retryable: z.boolean(),
  suggested: z.optional(
    z.object({
      checkNumber: z.optional(z.int().check(z.positive())),
      bankId: z.optional(z.string()),
      nextCheckNumber: z.optional(z.int().check(z.positive())),
    }),
  ),
  withoutFundingAccount: z.optional(z.boolean()),
});

export const WatchRequestSchema = z.object({
  id: z.string(),
  status: z.enum(REQUEST_STATUSES),
  messages: z.array(z.string()),
  updatedAt: z.number(),
});
export type WatchRequest = z.infer<typeof WatchRequestSchema>;

export const ReExportAttemptSchema = z.object({
  at: z.number(),
  checkNumber: z.nullable(z.int().check(z.positive())),
  bankId: z.nullable(z.string()),
  /** The cause the attempt tried to cure. */
  cause: z.enum(CAUSES),
  outcome: z.enum(['pending', 'synced', 'failed', 'rejected']),
  messages: z.array(z.string()),
});
export type ReExportAttempt = z.infer<typeof ReExportAttemptSchema>;

/**
 * A watch as stored and as sent between contexts. Times are epoch milliseconds in server time
 * (the client corrects by the `Date` header offset); money is integer cents; ids are strings.
 */
export const WatchSchema = z.object({
  payoutId: z.string(),
  companyId: z.string(),
  disbursementId: z.string(),
  disbursementNumber: z.string(),
  invoiceId: z.string(),
  invoiceNumber: z.string(),
  projectId: z.string(),
  /** The payout's contract (metadata.contractId): its contract payments hold this record's ERP side. */
  contractId: z.optional(z.nullable(z.string())),
  /** The contract payment linked to this payout (PROCORE-CONTRACT.md "Linking"), once found. */
  contractPaymentId: z.optional(z.nullable(z.string())),
  vendorId: z.string(),
  fundingAccountId: z.string(),
  beneficiaryName: z.string(),
  amountCents: z.int(),
  bankId: z.string(),
  checkNumber: z.nullable(z.int().check(z.positive())),
  partialPayment: z.boolean(),
  hasTaxOrMarkup: z.boolean(),
  connector: z.enum(CONNECTORS),
  erpName: z.string(),
  state: z.enum(WATCH_STATES),
  stateSince: z.number(),
  fundingCompletedAt: z.nullable(z.number()),
  fundingCompletedEstimated: z.boolean(),
  deadline: z.nullable(z.number()),
  request: z.nullable(WatchRequestSchema),
  diagnosis: z.nullable(DiagnosisSchema),
  attempts: z.array(ReExportAttemptSchema),
  syncedAt: z.nullable(z.number()),
  snoozedUntil: z.nullable(z.number()),
  /** Why a record is `not_exportable`, in words. */
  notExportableReason: z.nullable(z.string()),
  updatedAt: z.number(),
});
export type Watch = z.infer<typeof WatchSchema>;
