import type { SimStore } from '../store';
import type {
  SimCompany,
  SimContractPayment,
  SimDisbursement,
  SimFundingAccount,
  SimInvoice,
  SimPayout,
  SimProject,
  SimRequestDetail,
  SimUser,
} from '../store-records';
import { CONNECTOR_PROFILES } from '../connector-profiles';
import type { SimVariant } from '../variant';
import { jsonNumber } from './json-number';

// The contract's shapes (PROCORE-CONTRACT.md v2). Public and documented records are snake_case
// as Procore's REST API writes them; Procore Pay's disbursements and payouts are camelCase, as
// its published validate response is. The ERP rows and funding accounts are the pages' own.

/** Procore writes times as ISO 8601 in UTC, to the second. */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayOrNull = (ms: number | null): string | null => (ms === null ? null : day(ms));

/** Cents as Procore's string dollars ("1234.50"). */
export const dollars = (cents: number): string => `${cents < 0 ? '-' : ''}${Math.trunc(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

export const meJson = (user: SimUser) => ({ id: user.id, login: user.login, name: user.name });

export const companyJson = (company: SimCompany) => ({ id: company.id, name: company.name, is_active: company.isActive });

export const projectJson = (store: SimStore, p: SimProject) => ({
  id: p.id,
  name: p.name,
  display_name: `${p.projectNumber} - ${p.name}`,
  project_number: p.projectNumber,
  active: true,
  company: { id: p.companyId, name: store.company(p.companyId)?.name ?? '' },
});

/** Project show adds whether the project is linked to the company's ERP. */
export const projectShowJson = (store: SimStore, p: SimProject) => ({ ...projectJson(store, p), is_erp_integrated: true });

/** `uoms/configuration`: the ERP's name is the one fact the extension reads from it. */
export const uomsConfigurationJson = (company: SimCompany) => ({
  data: { id: company.id, erp_integration_name: CONNECTOR_PROFILES[company.erp.connector].erpName, uom_enabled: false },
});

export function payoutJson(store: SimStore, payout: SimPayout) {
  const invoice = store.invoice(payout.invoiceId);
  const vendor = invoice && store.vendor(invoice.vendorId);
  const project = invoice && store.project(invoice.projectId);
  const contract = invoice && store.contract(invoice.contractId);
  return {
    id: payout.id,
    disbursementId: payout.disbursementId,
    invoiceId: String(payout.invoiceId),
    receivingPaymentsCompanyExternalId: vendor?.paymentsCompanyExternalId ?? null,
    receivingEntityType: 'SUBCONTRACTOR',
    amount: payout.amount,
    earlyPayFeeAmount: 0,
    currencyCode: 'USD',
    status: payout.status,
    statusMessage: payout.statusMessage,
    bankId: payout.bankId,
    checkNumber: payout.checkNumber,
    partialPayment: payout.partialPayment,
    partialPaymentReason: payout.partialPaymentReason,
    partialPaymentSetAt: payout.partialPayment ? iso(payout.createdAt) : null,
    createdAt: iso(payout.createdAt),
    updatedAt: iso(payout.updatedAt),
    metadata: {
      sendingCompanyName: store.company(payout.companyId)?.name ?? '',
      receivingPaymentsCompanyName: vendor?.name ?? '',
      projectId: invoice?.projectId ?? null,
      projectName: project?.name ?? null,
      contractId: contract?.id ?? null,
      contractType: 'WorkOrderContract',
      contractNumber: contract?.number ?? null,
      invoiceNumber: invoice?.invoiceNumber ?? '',
      invoiceUrl: invoice ? `/${invoice.projectId}/project/invoicing/${invoice.id}` : null,
      vendorId: vendor?.id ?? null,
      dueAmount: payout.dueAmount,
      paidAmountOutsideProcorePay: invoice?.paidAmountOutsideProcorePay ?? 0,
      earlyPayFeeAmount: 0,
    },
  };
}

/** A disbursement; its payouts only where Procore's pages read one disbursement. */
export function disbursementJson(store: SimStore, d: SimDisbursement, options: { payouts: boolean } = { payouts: true }) {
  const authorizer = d.authorizedOn === null ? null : (store.user(d.createdByUserId)?.name ?? null);
  return {
    id: d.id,
    disbursementIdentifier: d.identifier,
    name: d.name,
    fundingAccountId: d.fundingAccountId,
    amount: store.disbursementAmount(d),
    currencyCode: 'USD',
    status: d.status,
    statusMessage: d.statusMessage,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
    authorizedOn: isoOrNull(d.authorizedOn),
    authorizedByPaymentsUserName: authorizer,
    workflowEnabled: false,
    workflowStatus: null,
    cancelledAt: null,
    cancellationReason: null,
    bankAccountId: d.fundingAccountId,
    bankAccountType: 'INTERNAL',
    ...(options.payouts ? { payouts: store.payoutsOf(d).map((p) => payoutJson(store, p)) } : {}),
  };
}

/** Change History of a disbursement: Date, Action By, Changed, From, To (the page's own data). */
export function changeHistoryJson(store: SimStore, d: SimDisbursement) {
  const creator = store.user(d.createdByUserId)?.name ?? '--';
  const entries: [number | null, string, string, string, string][] = [
    [d.createdAt, creator, 'Disbursement', '--', 'Created'],
    [d.authorizedOn, creator, 'Drawdown Status', 'Draft', 'Funding Requested'],
    [d.status === 'FUNDING_FAILED' ? d.updatedAt : null, 'Procore Pay', 'Drawdown Status', 'Funding Requested', 'Funding Failed'],
    [d.fundingCompletedAt, 'Procore Pay', 'Drawdown Status', 'Funding Requested', 'Funding Completed'],
  ];
  return entries.flatMap(([at, actionBy, changed, from, to]) => (at === null ? [] : [{ date: iso(at), actionBy, changed, from, to }]));
}

export const fundingAccountJson = (a: SimFundingAccount) => ({
  id: a.id,
  nickname: a.nickname,
  bankId: a.bankId,
  nextCheckNumber: a.nextCheckNumber,
  isDefault: a.isDefault,
  deactivated: a.deactivated,
  verificationStatus: a.verificationStatus,
});

export function contractPaymentJson(store: SimStore, c: SimContractPayment) {
  const invoice = store.invoice(c.invoiceId);
  return {
    id: jsonNumber(c.id),
    external_payment_id: c.payoutId,
    requisition_id: c.invoiceId,
    amount: dollars(c.amount),
    check_number: c.checkNumber === null ? null : String(c.checkNumber),
    status: c.settledAt === null ? 'pending' : 'paid',
    date: day(c.date),
    date_payment_initiated: dayOrNull(c.initiatedAt),
    date_payment_settled: dayOrNull(c.settledAt),
    invoice_number: invoice?.invoiceNumber ?? null,
    payment_number: c.paymentNumber,
    origin_id: c.originId,
    origin_code: c.originId === null ? null : c.bankId,
    origin_data: null,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
  };
}

/** The words erp_request_details uses for a state: documented literals, and the variant's prose. */
export function requestStatusWord(variant: SimVariant, status: SimRequestDetail['status']): string {
  if (status === 'in_progress') return variant.inProgressWord;
  if (status === 'stale') return variant.staleWord;
  return status;
}

export const requestDetailJson = (variant: SimVariant, r: SimRequestDetail) => ({
  id: r.id,
  item_type: 'contract_payment',
  item_id: jsonNumber(r.contractPaymentId),
  request_name: r.requestName,
  status: requestStatusWord(variant, r.status),
  messages: [...r.messages],
  created_at: iso(r.createdAt),
  updated_at: iso(r.updatedAt),
});

/** external_data of a synced contract payment: where its origin id lives. */
export const externalDataJson = (c: SimContractPayment) => ({
  item_type: 'contract_payment',
  item_id: jsonNumber(c.id),
  origin_id: c.originId,
  origin_code: c.bankId,
  origin_data: null,
  updated_at: iso(c.updatedAt),
});

export function requisitionJson(store: SimStore, i: SimInvoice, view: 'default' | 'extended' | 'items') {
  const vendor = store.vendor(i.vendorId);
  const base = {
    id: i.id,
    invoice_number: i.invoiceNumber,
    vendor_id: i.vendorId,
    vendor_name: vendor?.name ?? null,
    status: i.status,
    erp_status: i.erpStatus,
    origin_id: i.originId,
    payment_date: i.paymentDate,
    commitment_id: i.contractId,
    created_at: iso(i.submittedAt),
    updated_at: iso(i.updatedAt),
    summary: { tax_applicable_to_this_payment: dollars(i.taxAmount) },
  };
  if (view === 'default') return base;
  const extended = { ...base, period: { start: i.billingPeriodStart, end: i.billingPeriodEnd }, billing_date: i.billingPeriodEnd };
  if (view === 'extended') return extended;
  return {
    ...extended,
    items: [
      {
        id: i.id * 10 + 1,
        description: 'Work completed this period',
        amount: dollars(i.grossAmount - i.taxAmount),
        taxes: i.taxAmount > 0 ? [{ id: i.id * 10 + 2, tax_code: 'ST', description: 'Sales tax', amount: dollars(i.taxAmount) }] : [],
      },
    ],
  };
}

/** Which view of the ERP Integrations tool lists a payment record, by its latest export. */
export type ErpRowStatus = 'exporting' | 'failed' | 'synced';

export function erpRowStatus(latest: SimRequestDetail | undefined): ErpRowStatus {
  if (latest?.status === 'failed' || latest?.status === 'stale') return 'failed';
  if (latest?.status === 'success') return 'synced';
  return 'exporting';
}

/** A row of the ERP Integrations tool's payment records (the pages' own data). */
export function erpRowJson(store: SimStore, c: SimContractPayment) {
  const invoice = store.invoice(c.invoiceId);
  const vendor = invoice && store.vendor(invoice.vendorId);
  const latest = store.state.requestDetailsByItem.get(c.id)?.at(-1);
  const status = erpRowStatus(latest);
  return {
    id: jsonNumber(c.id),
    external_payment_id: c.payoutId,
    requisition_id: c.invoiceId,
    invoice_number: invoice?.invoiceNumber ?? null,
    vendor_name: vendor?.name ?? null,
    project_name: invoice ? (store.project(invoice.projectId)?.name ?? null) : null,
    amount: dollars(c.amount),
    check_number: c.checkNumber === null ? null : String(c.checkNumber),
    bank_id: c.bankId,
    date: day(c.date),
    export_status: status,
    errors: status === 'failed' ? (latest?.messages.length ? [...latest.messages] : ['The ERP connector did not respond.']) : [],
    updated_at: iso(latest?.updatedAt ?? c.updatedAt),
  };
}
