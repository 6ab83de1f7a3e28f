import { INVOICE_ERP_STATUSES, type InvoiceErpStatus } from './vocabulary';
import { SimHttpError } from './sim-error';
import type { SimStore } from './store';
import type { SimDisbursement } from './store-records';

/** One payout of a test disbursement: a fresh invoice (and beneficiary, by name) is made for it. */
export interface PayoutSpec {
  beneficiaryName?: string;
  /** Invoice amount due, cents (default 100000). */
  dueAmount?: number;
  /** Payment amount, cents; less than dueAmount makes a partial payment. */
  amount?: number;
  /** Tax on the invoice (Procore shows it). */
  hasTaxOrMarkup?: boolean;
  /** A markup line (the ERP refuses it; Procore's API does not show it). */
  markup?: boolean;
  /** The invoice's ERP status when the payment is initiated (default synced). */
  invoiceErpStatus?: InvoiceErpStatus;
  vendorSynced?: boolean;
  /** The first export's delay as a fraction of the window. */
  delayFraction?: number;
}

/** `POST /__sim/disbursements`: a disbursement built for a test. */
export interface DisbursementSpec {
  companyId?: number;
  fundingAccountId?: string;
  name?: string;
  /** draft: not authorized; authorized: funding requested, waits for /__sim/fund; funded (default). */
  status?: 'draft' | 'authorized' | 'funded';
  /** For funded: how long ago funding completed (ms, default 0). */
  fundedAgoMs?: number;
  /** Check number of the first payout (the funding account's next number moves on from it). */
  firstCheckNumber?: number;
  payouts: PayoutSpec[];
}

const DAY = 86_400_000;

export function createFromSpec(store: SimStore, raw: Record<string, unknown>): SimDisbursement {
  const spec = raw as unknown as DisbursementSpec;
  if (!Array.isArray(spec.payouts) || spec.payouts.length === 0) throw new SimHttpError(422, { payouts: ['give at least one payout spec'] });
  const companyId = spec.companyId ?? [...store.state.companies.keys()][0];
  const company = companyId === undefined ? undefined : store.company(companyId);
  if (!company) throw new SimHttpError(404, 'Company not found');
  const account = spec.fundingAccountId ? store.fundingAccount(company.id, spec.fundingAccountId) : store.fundingAccounts(company.id).find((a) => a.isDefault && !a.deactivated);
  if (!account) throw new SimHttpError(422, { fundingAccountId: ['no such funding account'] });
  const user = store.state.users.find((u) => u.companyIds.includes(company.id));
  if (!user) throw new SimHttpError(422, { companyId: ['the company has no user'] });
  const project = store.projects(company.id)[0] ?? store.addProject(company.id, 'Test Project');
  const now = store.now();
  const fundedAt = now - (spec.fundedAgoMs ?? 0);
  const items = spec.payouts.map((p, i) => {
    const erpStatus = p.invoiceErpStatus ?? 'synced';
    if (!INVOICE_ERP_STATUSES.includes(erpStatus)) throw new SimHttpError(422, { invoiceErpStatus: [`must be one of ${INVOICE_ERP_STATUSES.join(', ')}`] });
    const name = p.beneficiaryName ?? `Test Beneficiary ${i + 1}`;
    const existing = [...store.state.vendors.values()].find((v) => v.companyId === company.id && v.name === name);
    const vendor = existing ?? store.addVendor(company.id, name, p.vendorSynced ?? true);
    if (p.vendorSynced !== undefined) vendor.erpSynced = p.vendorSynced;
    const invoice = store.addInvoice({
      companyId: company.id,
      projectId: project.id,
      vendorId: vendor.id,
      grossAmount: p.dueAmount ?? 100_000,
      erpStatus,
      hasTaxOrMarkup: p.hasTaxOrMarkup ?? false,
      markup: p.markup ?? false,
      submittedAt: fundedAt - 5 * DAY,
    });
    return { invoiceId: invoice.id, amount: p.amount };
  });
  const created = store.createDisbursement(company.id, { name: spec.name ?? 'Test draw', fundingAccountId: account.id, items, userId: user.id }, Math.min(now, fundedAt) - 60_000);
  created.payoutIds.forEach((id, i) => {
    const payout = store.state.payouts.get(id);
    const delay = spec.payouts[i]?.delayFraction;
    if (payout && delay !== undefined) payout.exportDelayFraction = delay;
  });
  const status = spec.status ?? 'funded';
  if (status === 'draft') return created;
  store.authorizeDisbursement(company.id, created.id, { at: Math.min(now, fundedAt) - 30_000, fundAt: null, firstCheckNumber: spec.firstCheckNumber });
  if (status === 'funded') store.completeFunding(company.id, created.id, fundedAt);
  return created;
}
