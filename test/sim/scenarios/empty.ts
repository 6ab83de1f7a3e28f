import type { SimStore } from '../store';

/** A company with its people and accounts but no invoices or disbursements yet. */
export function buildEmpty(store: SimStore): void {
  const company = store.addCompany({ id: 8089, name: 'Builder Co', connector: 'quickbooks_online' });
  store.addUser({ id: 1, login: 'ap@builder.com', name: 'Ana Park', companyIds: [company.id], paymentsRole: 'admin' });
  store.addFundingAccount({ companyId: company.id, nickname: 'Operating', bankId: 'OPER', nextCheckNumber: 10042 });
  store.addErpBankAccount({ companyId: company.id, bankId: 'OPER', name: 'Operating - 1234', lastCheckNumber: 1187 });
}
