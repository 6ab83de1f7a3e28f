import type { SimStore } from '../store';
import type { SimDisbursement, SimErpBankAccount, SimFundingAccount, SimInvoice, SimPayout, SimRequestDetail } from '../store-records';
import { CONNECTOR_PROFILES } from '../connector-profiles';
import type { SimCompany, SimUser } from '../store-records';

/** Procore writes times as ISO 8601 in UTC, to the second. */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export const meJson = (user: SimUser) => ({ id: user.id, login: user.login, name: user.name });

export const companyJson = (company: SimCompany) => ({ id: company.id, name: company.name, is_active: company.isActive });

export const erpSettingsJson = (company: SimCompany) => ({
  connector: company.erp.connector,
  payment_sync_enabled: company.erp.paymentSyncEnabled,
  supports_partial_payments: CONNECTOR_PROFILES[company.erp.connector].supportsPartialPayments,
  erp_name: CONNECTOR_PROFILES[company.erp.connector].erpName,
});

export function payoutJson(store: SimStore, payout: SimPayout) {
  const invoice = store.invoice(payout.invoiceId);
  const vendor = invoice && store.vendor(invoice.vendorId);
  return {
    id: payout.id,
    disbursementId: payout.disbursementId,
    invoiceId: String(payout.invoiceId),
    receivingPaymentsCompanyExternalId: vendor?.id ?? null,
    amount: payout.amount,
    status: payout.status,
    statusMessage: payout.statusMessage,
    bankId: payout.bankId,
    checkNumber: payout.checkNumber,
    partialPayment: payout.partialPayment,
    partialPaymentReason: payout.partialPaymentReason,
    metadata: {
      projectId: String(invoice?.projectId ?? ''),
      contractId: invoice?.contractId ?? null,
      contractNumber: invoice?.contractNumber ?? null,
      invoiceNumber: invoice?.invoiceNumber ?? '',
      vendorId: vendor?.id ?? '',
      beneficiaryName: vendor?.name ?? '',
      dueAmount: payout.dueAmount,
      paidAmountOutsideProcorePay: invoice?.paidAmountOutsideProcorePay ?? 0,
      hasTaxOrMarkup: invoice?.hasTaxOrMarkup ?? false,
    },
  };
}

export function disbursementJson(store: SimStore, d: SimDisbursement) {
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
    fundingCompletedAt: isoOrNull(d.fundingCompletedAt),
    payouts: store.payoutsOf(d).map((p) => payoutJson(store, p)),
  };
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

export const erpBankAccountJson = (store: SimStore, b: SimErpBankAccount) => ({
  bank_id: b.bankId,
  name: b.name,
  active: b.active,
  last_check_number: store.lastErpCheckNumber(b),
});

export const requestDetailJson = (r: SimRequestDetail) => ({
  id: r.id,
  item_type: 'contract_payment',
  item_id: r.payoutId,
  request_name: r.requestName,
  status: r.status,
  messages: [...r.messages],
  created_at: iso(r.createdAt),
  updated_at: iso(r.updatedAt),
});

export const requisitionJson = (i: SimInvoice) => ({
  id: i.id,
  invoice_number: i.invoiceNumber,
  vendor_id: i.vendorId,
  status: i.status,
  erp_status: i.erpStatus,
  payment_date: i.paymentDate,
  origin_id: i.originId,
});
