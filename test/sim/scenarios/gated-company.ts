import type { SimStore } from '../store';
import type { SimUser } from '../store-records';
import type { ErpApiAccess } from '../vocabulary';

const DAY = 86_400_000;
/** 2^53 + 1: a JSON number that `JSON.parse` without a reviver reads as 2^53. */
export const FIRST_ID_BEYOND_2_53 = 2n ** 53n + 1n;

/**
 * A company whose Procore account may not use the partner-gated ERP API (its erp_request_details
 * and external_data answer 403 or 404), beside the working ones: everything public works, its
 * ERP Integrations page shows the export results, and its contract payment ids pass 2^53.
 */
export function buildGatedCompany(store: SimStore, input: { id: number; name: string; access: Exclude<ErpApiAccess, 'granted'>; user: SimUser }): void {
  const now = store.now();
  const company = store.addCompany({ id: input.id, name: input.name, connector: 'sage_intacct', erpApiAccess: input.access, firstContractPaymentId: FIRST_ID_BEYOND_2_53 });
  input.user.companyIds.push(company.id);
  const project = store.addProject(company.id, 'Mill Creek Lofts');
  const framing = store.addVendor(company.id, 'Westside Framing');
  const glass = store.addVendor(company.id, 'Clearview Glass', false);
  const account = store.addFundingAccount({ companyId: company.id, nickname: 'KP Operating', bankId: 'KPOP', nextCheckNumber: 7001 });
  store.addErpBankAccount({ companyId: company.id, bankId: 'KPOP', name: 'KP Operating - 9911', lastCheckNumber: 640 });
  const invoice = (vendorId: number, grossAmount: number) =>
    store.addInvoice({ companyId: company.id, projectId: project.id, vendorId, grossAmount, erpStatus: 'synced', submittedAt: now - 8 * DAY });
  const d = store.createDisbursement(company.id, { name: 'KP October draw', fundingAccountId: account.id, items: [{ invoiceId: invoice(framing.id, 310_000).id }, { invoiceId: invoice(glass.id, 128_500).id }], userId: input.user.id }, now - 2 * DAY);
  d.payoutIds.forEach((id) => {
    const payout = store.state.payouts.get(id);
    if (payout) payout.exportDelayFraction = 0.2;
  });
  store.authorizeDisbursement(company.id, d.id, { at: now - 2 * DAY + 3_600_000, fundAt: now - DAY });
  invoice(framing.id, 95_000);
}
