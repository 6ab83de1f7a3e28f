import { createFromSpec } from '../sim/disbursement-spec';
import type { SimStore } from '../sim/store';

export const BENCH_LOGIN = 'bench@pagecost.test';
const DAY = 86_400_000;
/** Records in flight per company: their countdowns are what the ticker redraws. */
export const SYNCING_PER_COMPANY = 10;
/** Records that fail early per company: failure badges on the first screen. */
const FAILING_PER_COMPANY = 5;

export interface PageCostCompany {
  id: number;
  rows: number;
}

/**
 * One company per list length, each with `rows` disbursements on its Disbursements tab: the
 * history long synced, and on top (newest first) some in flight with countdowns and some failed.
 * A user of their own sees all of them.
 */
export function seedPageCostCompanies(store: SimStore, sizes: readonly number[]): PageCostCompany[] {
  const companies = sizes.map((rows, i) => ({ id: 9200 + i, rows }));
  store.addUser({ id: 920, login: BENCH_LOGIN, name: 'Bea Bench', companyIds: companies.map((c) => c.id), paymentsRole: 'admin' });
  for (const { id, rows } of companies) {
    const company = store.addCompany({ id, name: `Bench ${rows} Co`, connector: 'sage_intacct' });
    const project = store.addProject(company.id, 'Bench Tower');
    const vendors = Array.from({ length: 20 }, (_, v) => store.addVendor(company.id, `Bench Subcontractor ${v + 1}`));
    const account = store.addFundingAccount({ companyId: company.id, nickname: 'Operating', bankId: 'OPER', nextCheckNumber: 10_000 });
    store.addErpBankAccount({ companyId: company.id, bankId: 'OPER', name: 'Operating', lastCheckNumber: 2_000 });
    const fresh = SYNCING_PER_COMPANY + FAILING_PER_COMPANY;
    const history = rows - fresh;
    const now = store.now();
    for (let d = 0; d < history; d++) {
      const fundedAt = now - 90 * DAY + (d / history) * 89 * DAY;
      const invoice = store.addInvoice({ companyId: company.id, projectId: project.id, vendorId: vendors[d % vendors.length]!.id, grossAmount: 100_000 + d, erpStatus: 'synced', submittedAt: fundedAt - 5 * DAY });
      const created = store.createDisbursement(company.id, { name: `Draw ${d + 1}`, fundingAccountId: account.id, items: [{ invoiceId: invoice.id }], userId: 920 }, fundedAt - DAY);
      store.authorizeDisbursement(company.id, created.id, { at: fundedAt - DAY / 2, fundAt: fundedAt });
    }
    for (let k = 0; k < fresh; k++) {
      const failing = k >= SYNCING_PER_COMPANY;
      // In flight: the ERP answers just before the window ends, so countdowns run all bench long.
      createFromSpec(store, {
        companyId: company.id,
        name: failing ? `Failing draw ${k + 1}` : `Live draw ${k + 1}`,
        fundedAgoMs: k * 1_000,
        payouts: [{ beneficiaryName: failing ? 'Bench Vendor Not In ERP' : `Bench Subcontractor ${k + 1}`, vendorSynced: !failing, delayFraction: failing ? 0.01 : 0.99 }],
      });
    }
  }
  return companies;
}
