import { z } from 'zod';

// PROCORE-CONTRACT.md (v2), field by field, written from the contract's text and not from the
// extension's schemas: the sandbox must serve exactly these fields (expectContractShape refuses
// any other), with the types the contract gives.

const time = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const dollars = z.string().regex(/^-?\d+\.\d{2}$/);
const int = z.number().int();
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export const MeSchema = z.object({ id: int, login: z.string(), name: z.string() });
export const CompanySchema = z.object({ id: int, name: z.string(), is_active: z.boolean() });

export const ProjectSchema = z.object({
  id: int,
  name: z.string(),
  display_name: z.string(),
  project_number: z.string(),
  active: z.boolean(),
  company: z.object({ id: int, name: z.string() }),
});
export const ProjectShowSchema = ProjectSchema.extend({ is_erp_integrated: z.boolean() });

export const ContractPaymentSchema = z.object({
  id: int,
  external_payment_id: uuid.nullable(),
  requisition_id: int,
  amount: dollars,
  check_number: z.string().nullable(),
  status: z.string(),
  date: date,
  date_payment_initiated: date.nullable(),
  date_payment_settled: date.nullable(),
  invoice_number: z.string().nullable(),
  payment_number: z.string(),
  origin_id: z.string().nullable(),
  origin_code: z.string().nullable(),
  origin_data: z.unknown().nullable(),
  created_at: time,
  updated_at: time,
});

export const RequestDetailSchema = z.object({
  id: int,
  item_type: z.literal('contract_payment'),
  item_id: int,
  request_name: z.string(),
  status: z.string(),
  messages: z.array(z.string()),
  created_at: time,
  updated_at: time,
});

export const ExternalDataSchema = z.object({
  item_type: z.literal('contract_payment'),
  item_id: int,
  origin_id: z.string(),
  origin_code: z.string().nullable(),
  origin_data: z.unknown().nullable(),
  updated_at: time,
});

const TaxSchema = z.object({ id: int, tax_code: z.string(), description: z.string(), amount: dollars });
export const RequisitionSchema = z.object({
  id: int,
  invoice_number: z.string(),
  vendor_id: int,
  vendor_name: z.string().nullable(),
  status: z.string(),
  erp_status: z.string(),
  origin_id: z.string().nullable(),
  payment_date: date.nullable(),
  commitment_id: int,
  created_at: time,
  updated_at: time,
  summary: z.object({ tax_applicable_to_this_payment: dollars }),
  period: z.object({ start: date, end: date }).optional(),
  billing_date: date.optional(),
  items: z.array(z.object({ id: int, description: z.string(), amount: dollars, taxes: z.array(TaxSchema) })).optional(),
});

export const UomsConfigurationSchema = z.object({ data: z.object({ id: int, erp_integration_name: z.string().nullable(), uom_enabled: z.boolean() }) });

export const DISBURSEMENT_STATUSES = [
  'FUNDING_NOT_INITIATED',
  'FUNDING_REQUESTED',
  'FUNDING_FAILED',
  'FUNDING_COMPLETED_AWAITING_PAYOUTS',
  'PAYOUT_INITIATED',
  'PAYOUT_COMPLETED',
  'PAYOUT_FAILED',
] as const;

export const PayoutSchema = z.object({
  id: uuid,
  disbursementId: uuid,
  invoiceId: z.string().regex(/^\d+$/),
  receivingPaymentsCompanyExternalId: z.string().nullable(),
  receivingEntityType: z.enum(['SUBCONTRACTOR', 'SUBTIER']),
  amount: int,
  earlyPayFeeAmount: int,
  currencyCode: z.string(),
  status: z.enum(['NOT_INITIATED', 'REQUESTED', 'FAILED', 'COMPLETED']),
  statusMessage: z.string().nullable(),
  bankId: z.string(),
  checkNumber: int.nullable(),
  partialPayment: z.boolean(),
  partialPaymentReason: z.string().nullable(),
  partialPaymentSetAt: time.nullable(),
  createdAt: time,
  updatedAt: time,
  metadata: z.object({
    sendingCompanyName: z.string(),
    receivingPaymentsCompanyName: z.string(),
    projectId: z.union([int, z.string()]).nullable(),
    projectName: z.string().nullable(),
    contractId: z.union([int, z.string()]).nullable(),
    contractType: z.string(),
    contractNumber: z.string().nullable(),
    invoiceNumber: z.string(),
    invoiceUrl: z.string().nullable(),
    vendorId: z.union([int, z.string()]).nullable(),
    dueAmount: z.union([int, z.string()]),
    paidAmountOutsideProcorePay: z.union([int, z.string()]),
    earlyPayFeeAmount: z.union([int, z.string()]),
  }),
});

export const DisbursementSchema = z.object({
  id: uuid,
  disbursementIdentifier: int,
  name: z.string(),
  fundingAccountId: uuid,
  amount: int,
  currencyCode: z.string(),
  status: z.enum(DISBURSEMENT_STATUSES),
  statusMessage: z.string().nullable(),
  createdAt: time,
  updatedAt: time,
  authorizedOn: time.nullable(),
  authorizedByPaymentsUserName: z.string().nullable(),
  workflowEnabled: z.boolean(),
  workflowStatus: z.string().nullable(),
  cancelledAt: time.nullable(),
  cancellationReason: z.string().nullable(),
  bankAccountId: z.string(),
  bankAccountType: z.enum(['INTERNAL', 'EXTERNAL']),
  payouts: z.array(PayoutSchema).optional(),
});

/** 4xx bodies: `message` or `errors`, text or a field map. */
export const ErrorBodySchema = z.union([
  z.object({ errors: z.union([z.string(), z.record(z.string(), z.array(z.string()))]) }),
  z.object({ message: z.string() }),
]);
