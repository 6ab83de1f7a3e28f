import type { Connector } from '../vocabulary';
import type { SimStore } from '../store';

const DAY = 86_400_000;
const COMPANIES: { id: number; name: string; connector: Connector }[] = [
  { id: 8089, name: 'Builder Co', connector: 'quickbooks_online' },
  { id: 8091, name: 'Granite Peak Construction', connector: 'sage_intacct' },
  { id: 8092, name: 'Lakeshore Builders', connector: 'viewpoint_vista' },
  { id: 8093, name: 'Ironwood General', connector: 'acumatica' },
  { id: 8094, name: 'Sterling & Hale', connector: 'sage_300_cre' },
];
const DISBURSEMENTS_PER_COMPANY = 1000;
const PAYOUTS_PER_DISBURSEMENT = 4;
const VENDORS_PER_COMPANY = 60;
const HISTORY_DAYS = 180;

/** 5 companies, 5,000 disbursements, 20,000 payouts: long lists, most long synced, some failing. */
export function buildScale(store: SimStore): void {
  const now = store.now();
  const user = store.addUser({ id: 1, login: 'ap@builder.com', name: 'Ana Park', companyIds: COMPANIES.map((c) => c.id), paymentsRole: 'admin' });
  for (const spec of COMPANIES) {
    const company = store.addCompany(spec);
    const projects = Array.from({ length: 8 }, (_, i) => store.addProject(company.id, `${spec.name.split(' ')[0]} Project ${i + 1}`));
    // One vendor in twenty is missing from the ERP, so its payouts fail by rule.
    const vendors = Array.from({ length: VENDORS_PER_COMPANY }, (_, i) => store.addVendor(company.id, `Subcontractor ${spec.id}-${i + 1}`, i % 20 !== 7));
    const account = store.addFundingAccount({ companyId: company.id, nickname: 'Operating', bankId: 'OPER', nextCheckNumber: 10_000 });
    store.addErpBankAccount({ companyId: company.id, bankId: 'OPER', name: 'Operating', lastCheckNumber: 2_000 + Math.floor(store.random() * 500) });
    for (let d = 0; d < DISBURSEMENTS_PER_COMPANY; d++) {
      // Spread over half a year; the last few are funded inside the current window.
      const fundedAt = d < DISBURSEMENTS_PER_COMPANY - 5 ? now - HISTORY_DAYS * DAY + (d / DISBURSEMENTS_PER_COMPANY) * (HISTORY_DAYS - 1) * DAY : now - (DISBURSEMENTS_PER_COMPANY - d) * 0.15 * store.windowMs;
      const items = Array.from({ length: PAYOUTS_PER_DISBURSEMENT }, (_, k) => {
        const invoice = store.addInvoice({
          companyId: company.id,
          projectId: projects[(d + k) % projects.length]!.id,
          vendorId: vendors[(d * PAYOUTS_PER_DISBURSEMENT + k) % vendors.length]!.id,
          grossAmount: 50_000 + Math.floor(store.random() * 2_000_000),
          erpStatus: 'synced',
          submittedAt: fundedAt - 5 * DAY,
        });
        return { invoiceId: invoice.id };
      });
      const created = store.createDisbursement(company.id, { name: `Draw ${d + 1}`, fundingAccountId: account.id, items, userId: user.id }, fundedAt - DAY);
      store.authorizeDisbursement(company.id, created.id, { at: fundedAt - DAY / 2, fundAt: fundedAt });
    }
  }
}
