import type { SimStore } from '../store';
import { buildGatedCompany } from './gated-company';

const DAY = 86_400_000;

/**
 * Builder Co and a handful of records: the base most tests start from; beside it, Keystone
 * Partners, whose account may not use the ERP API (403) and whose contract payment ids pass 2^53.
 */
export function buildBasic(store: SimStore): void {
  const now = store.now();
  const company = store.addCompany({ id: 8089, name: 'Builder Co', connector: 'quickbooks_online' });
  const ana = store.addUser({ id: 1, login: 'ap@builder.com', name: 'Ana Park', companyIds: [company.id], paymentsRole: 'admin' });
  store.addUser({ id: 2, login: 'viewer@builder.com', name: 'Victor Lee', companyIds: [company.id], paymentsRole: 'none' });
  const project = store.addProject(company.id, 'Riverside Medical Office');
  const acme = store.addVendor(company.id, 'Acme Drywall');
  const summit = store.addVendor(company.id, 'Summit Electric');
  const blueRidge = store.addVendor(company.id, 'Blue Ridge Plumbing', false);
  const operating = store.addFundingAccount({ companyId: company.id, nickname: 'Operating', bankId: 'OPER', nextCheckNumber: 10042 });
  store.addErpBankAccount({ companyId: company.id, bankId: 'OPER', name: 'Operating - 1234', lastCheckNumber: 1187 });
  const invoice = (vendorId: number, grossAmount: number, erpStatus: 'synced' | 'not_synced', hasTaxOrMarkup = false) =>
    store.addInvoice({ companyId: company.id, projectId: project.id, vendorId, grossAmount, erpStatus, hasTaxOrMarkup, submittedAt: now - 10 * DAY });
  const paid = invoice(acme.id, 450_000, 'synced');
  invoice(summit.id, 1_200_000, 'synced');
  invoice(blueRidge.id, 300_000, 'synced');
  invoice(acme.id, 80_000, 'not_synced');
  invoice(summit.id, 250_000, 'synced', true);
  const draftInvoice = invoice(acme.id, 500_000, 'synced');

  const history = store.createDisbursement(company.id, { name: 'Oct 31 draw', fundingAccountId: operating.id, items: [{ invoiceId: paid.id }], userId: ana.id }, now - 3 * DAY);
  store.authorizeDisbursement(company.id, history.id, { at: now - 3 * DAY + 3_600_000, fundAt: now - 3 * DAY + 7_200_000 });
  store.createDisbursement(company.id, { name: 'Nov 15 draw', fundingAccountId: operating.id, items: [{ invoiceId: draftInvoice.id }], userId: ana.id }, now - DAY);
  buildGatedCompany(store, { id: 8091, name: 'Keystone Partners', access: 'forbidden', user: ana });
}
