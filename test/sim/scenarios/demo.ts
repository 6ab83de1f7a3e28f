import type { SimStore } from '../store';
import { isoDay } from '../erp-simulator';
import type { SimFundingAccount, SimInvoice, SimUser } from '../store-records';
import { buildGatedCompany, FIRST_ID_BEYOND_2_53 } from './gated-company';

const DAY = 86_400_000;
export const XSS_BENEFICIARY = '<img src=x onerror=alert(1)>';

interface PayLine {
  invoice: SimInvoice;
  /** Delay of the ERP's answer as a fraction of the window. */
  delay: number;
  amount?: number;
}

/**
 * The demo: records funded 12, 9 and 3 minutes ago (at the default 10-minute window; ages are
 * fractions of the window), failures of every rule, synced history, an unsynced invoice waiting
 * to be paid, and more fundings arriving while it runs.
 */
export function buildDemo(store: SimStore): void {
  const now = store.now();
  const w = store.windowMs;
  const company = store.addCompany({ id: 8089, name: 'Builder Co', connector: 'quickbooks_online' });
  // Harbor is a US02 customer (served on the sandbox's US02 host) whose ids pass 2^53.
  const harbor = store.addCompany({ id: 8090, name: 'Harbor Build Group', connector: 'viewpoint_vista', zone: 'us02', firstContractPaymentId: FIRST_ID_BEYOND_2_53 + 1_000n });
  const ana = store.addUser({ id: 1, login: 'ap@builder.com', name: 'Ana Park', companyIds: [company.id, harbor.id], paymentsRole: 'admin' });
  store.addUser({ id: 2, login: 'dan@builder.com', name: 'Dan Ortiz', companyIds: [company.id], paymentsRole: 'disburser' });
  store.addUser({ id: 3, login: 'viewer@builder.com', name: 'Victor Lee', companyIds: [company.id], paymentsRole: 'none' });

  const riverside = store.addProject(company.id, 'Riverside Medical Office');
  const lofts = store.addProject(company.id, 'Harbor Lofts');
  const school = store.addProject(company.id, 'Cedar Street School');
  const projects = [riverside, lofts, school];
  const v = (name: string, synced = true) => store.addVendor(company.id, name, synced);
  const acme = v('Acme Drywall');
  const summit = v('Summit Electric');
  const rio = v('Rio Concrete');
  const xss = v(XSS_BENEFICIARY);
  const blueRidge = v('Blue Ridge Plumbing', false);
  const keystone = v('Keystone Steel');
  const pioneer = v('Pioneer HVAC');
  const oak = v('Oak & Sons Framing');
  const granite = v('Granite Masonry');
  const northline = v('Northline Glazing');
  const evergreen = v('Evergreen Landscaping');

  const operating = store.addFundingAccount({ companyId: company.id, nickname: 'Operating', bankId: 'OPER', nextCheckNumber: 10031 });
  const payables = store.addFundingAccount({ companyId: company.id, nickname: 'Payables', bankId: 'AP2', nextCheckNumber: 5003 });
  const payroll = store.addFundingAccount({ companyId: company.id, nickname: 'Payroll Clearing', bankId: 'PAYRL', nextCheckNumber: 300 });
  store.addFundingAccount({ companyId: company.id, nickname: 'Old Reserve', bankId: 'RSV', nextCheckNumber: 77, deactivated: true, verificationStatus: 'failed' });
  store.addErpBankAccount({ companyId: company.id, bankId: 'OPER', name: 'Operating - 1234', lastCheckNumber: 1187 });
  store.addErpBankAccount({ companyId: company.id, bankId: 'AP2', name: 'Payables - 7781', lastCheckNumber: 5001 });
  store.addErpBankAccount({ companyId: company.id, bankId: 'PAYROLL', name: 'Payroll - 5520', lastCheckNumber: 2210 });

  let projectTurn = 0;
  const invoice = (vendorId: number, grossAmount: number, opts: { erpStatus?: SimInvoice['erpStatus']; tax?: boolean; age?: number } = {}) =>
    store.addInvoice({
      companyId: company.id,
      projectId: projects[projectTurn++ % projects.length]!.id,
      vendorId,
      grossAmount,
      retainage: Math.round(grossAmount * 0.05),
      erpStatus: opts.erpStatus ?? 'synced',
      hasTaxOrMarkup: opts.tax ?? false,
      submittedAt: now - (opts.age ?? 12) * DAY,
    });

  const pay = (user: SimUser, account: SimFundingAccount, name: string, lines: PayLine[], fundedAgo: number) => {
    const created = now - fundedAgo - 2 * 3_600_000;
    const d = store.createDisbursement(
      account.companyId,
      { name, fundingAccountId: account.id, items: lines.map((l) => ({ invoiceId: l.invoice.id, amount: l.amount })), userId: user.id },
      created,
    );
    d.payoutIds.forEach((id, i) => {
      const payout = store.state.payouts.get(id);
      if (payout) payout.exportDelayFraction = lines[i]!.delay;
    });
    store.authorizeDisbursement(account.companyId, d.id, { at: created + 3_600_000, fundAt: null });
    return d;
  };
  const fund = (companyId: number, id: string, fundedAgo: number) => store.completeFunding(companyId, id, now - fundedAgo);

  // Synced history: a month of draws that reached the ERP.
  const historyVendors = [acme, summit, rio, granite, keystone, oak];
  for (let i = 0; i < 6; i++) {
    const daysAgo = 30 - i * 5;
    const lines = [0, 1].map((k) => ({ invoice: invoice(historyVendors[(i + k) % historyVendors.length]!.id, 150_000 + (i * 7 + k) * 23_100, { age: daysAgo + 5 }), delay: 0.2 + k * 0.1 }));
    const d = pay(ana, operating, `Draw ${i + 1} of Q4`, lines, daysAgo * DAY);
    fund(company.id, d.id, daysAgo * DAY);
  }

  // Funded 12 minutes ago: two synced, a check number the ERP already used, a vendor not in the ERP.
  const d12 = pay(ana, operating, 'Nov 14 draw', [
    { invoice: invoice(acme.id, 450_000), delay: 0.3 },
    { invoice: invoice(xss.id, 212_500), delay: 0.4 },
    { invoice: invoice(summit.id, 1_180_000), delay: 0.5 },
    { invoice: invoice(blueRidge.id, 96_000), delay: 0.6 },
  ], 1.2 * w);
  const usedCheck = store.state.payouts.get(d12.payoutIds[2]!)?.checkNumber;
  if (usedCheck) store.issueErpCheck(company.id, 'OPER', usedCheck);
  fund(company.id, d12.id, 1.2 * w);

  // Funded 9 minutes ago: a partial payment QuickBooks refuses, a markup, an invoice paid before
  // it was synced (synced since: too late), one in the slow tail, one synced.
  const pioneerInvoice = invoice(pioneer.id, 340_000, { erpStatus: 'not_synced' });
  const rioInvoice = invoice(rio.id, 900_000);
  const d9 = pay(dan(store) ?? ana, operating, 'Nov 15 draw', [
    { invoice: rioInvoice, delay: 0.2, amount: Math.round(store.invoiceDue(rioInvoice) * 0.6) },
    { invoice: invoice(keystone.id, 610_000, { tax: true }), delay: 0.35 },
    { invoice: pioneerInvoice, delay: 0.25 },
    { invoice: invoice(oak.id, 275_000), delay: 1.3 },
    { invoice: invoice(granite.id, 128_000), delay: 0.5 },
  ], 0.9 * w);
  pioneerInvoice.erpStatus = 'synced';
  pioneerInvoice.originId = `ERP-${pioneerInvoice.id + 4395}`;
  fund(company.id, d9.id, 0.9 * w);

  // Funded 3 minutes ago from an account whose Bank ID the ERP does not have.
  const d3 = pay(ana, payroll, 'Payroll-account draw', [
    { invoice: invoice(northline.id, 77_700), delay: 0.15 },
    { invoice: invoice(evergreen.id, 54_000), delay: 0.6 },
    { invoice: invoice(acme.id, 120_000), delay: 0.2 },
  ], 0.3 * w);
  fund(company.id, d3.id, 0.3 * w);

  // Funded 3 days ago from the same account: still in Failed to Export, older than any 24-hour
  // look back. A new install must show it (the backlog).
  const stale = pay(ana, payroll, 'Nov 12 draw', [{ invoice: invoice(northline.id, 88_800, { age: 8 }), delay: 0.2 }], 3 * DAY);
  fund(company.id, stale.id, 3 * DAY);

  // More fundings arrive while the demo runs. Payables' next check number sits just above the
  // ERP's own, which keeps printing checks: a collision waiting to happen.
  const soon = store.createDisbursement(company.id, { name: 'Nov 16 draw', fundingAccountId: payables.id, items: [{ invoiceId: invoice(summit.id, 333_000).id }, { invoiceId: invoice(granite.id, 72_000).id }], userId: ana.id }, now - 0.3 * w);
  // The ERP prints 5003 at +40% of the window, before the first answer (+65%): a duplicate; the
  // second answers at +25%, before the ERP reaches 5004, and gets through.
  soon.payoutIds.forEach((id, i) => {
    const payout = store.state.payouts.get(id);
    if (payout) payout.exportDelayFraction = [0.5, 0.1][i];
  });
  store.authorizeDisbursement(company.id, soon.id, { at: now - 0.1 * w, fundAt: now + 0.15 * w });
  const later = store.createDisbursement(company.id, { name: 'Nov 17 draw', fundingAccountId: operating.id, items: [{ invoiceId: invoice(acme.id, 260_000).id }, { invoiceId: invoice(xss.id, 98_000).id }, { invoiceId: invoice(rio.id, 415_000).id }], userId: ana.id }, now - 0.2 * w);
  store.authorizeDisbursement(company.id, later.id, { at: now - 0.05 * w, fundAt: now + 0.5 * w });

  // A Draft about to be authorized: an invoice not yet synced, and a partial payment.
  const partial = invoice(summit.id, 500_000);
  store.createDisbursement(company.id, {
    name: 'Nov 20 draw',
    fundingAccountId: operating.id,
    items: [{ invoiceId: invoice(pioneer.id, 188_000, { erpStatus: 'not_synced', age: 2 }).id }, { invoiceId: partial.id, amount: 200_000, partialPaymentReason: 'Disputed change order' }],
    userId: ana.id,
  }, now - 0.5 * DAY);

  // Invoices waiting to be paid, one of them not synced to the ERP yet.
  invoice(blueRidge.id, 143_000, { erpStatus: 'not_synced', age: 3 });
  invoice(oak.id, 66_000, { age: 4 });
  invoice(northline.id, 310_000, { erpStatus: 'ready_to_export', age: 1 });
  invoice(evergreen.id, 45_500, { age: 6 });
  invoice(xss.id, 120_000, { age: 5 });

  // A draw every ~half window for a while, funded shortly after it is authorized.
  let arrivals = 0;
  const arrivalVendors = [acme, summit, granite, rio, oak];
  store.scheduler.every(Math.round(0.6 * w), () => {
    if (arrivals >= 8) return;
    arrivals += 1;
    const at = store.now();
    const items = [0, 1].map((k) => ({ invoiceId: invoice(arrivalVendors[(arrivals + k) % arrivalVendors.length]!.id, 100_000 + Math.floor(store.random() * 400_000), { age: 7 }).id }));
    const d = store.createDisbursement(company.id, { name: `Rolling draw ${arrivals}`, fundingAccountId: operating.id, items, userId: ana.id }, at);
    store.authorizeDisbursement(company.id, d.id, { at });
  });

  buildHarbor(store, harbor.id, ana);
  buildGatedCompany(store, { id: 8091, name: 'Keystone Partners', access: 'not_found', user: ana });
}

const dan = (store: SimStore) => store.userByLogin('dan@builder.com');

/** A Vista company that closed its books through today (a fresh payment lands in a closed period), whose connector once did not answer. */
function buildHarbor(store: SimStore, companyId: number, ana: SimUser): void {
  const now = store.now();
  const project = store.addProject(companyId, 'Bayfront Pier');
  const delta = store.addVendor(companyId, 'Delta Mechanical');
  const bayview = store.addVendor(companyId, 'Bayview Roofing');
  const account = store.addFundingAccount({ companyId, nickname: 'HBG Operating', bankId: 'HBG-OP', nextCheckNumber: 880 });
  store.addErpBankAccount({ companyId, bankId: 'HBG-OP', name: 'HBG Operating - 0042', lastCheckNumber: 412 });
  const inv = (vendorId: number, grossAmount: number, age: number) =>
    store.addInvoice({ companyId, projectId: project.id, vendorId, grossAmount, erpStatus: 'synced', submittedAt: now - age * DAY });
  const history = store.createDisbursement(companyId, { name: 'October draw', fundingAccountId: account.id, items: [{ invoiceId: inv(bayview.id, 220_000, 40).id }], userId: ana.id }, now - 35 * DAY);
  store.authorizeDisbursement(companyId, history.id, { at: now - 35 * DAY, fundAt: now - 34 * DAY });
  // Month-end close, after October's draw reached the ERP: the books are closed through today.
  store.updateErpSettings(companyId, { closedThrough: isoDay(now) });
  // The Vista connector did not answer for a retainage release: stale.
  const release = store.createDisbursement(companyId, { name: 'Retainage release', fundingAccountId: account.id, items: [{ invoiceId: inv(bayview.id, 64_000, 12).id }], userId: ana.id }, now - 2 * DAY);
  const releasePayout = store.state.payouts.get(release.payoutIds[0]!);
  if (releasePayout) releasePayout.exportDelayFraction = 0.2;
  store.addErpFault('stale', 1, companyId);
  store.authorizeDisbursement(companyId, release.id, { at: now - DAY, fundAt: now - 0.6 * store.windowMs });
  const recent = store.createDisbursement(companyId, { name: 'November draw', fundingAccountId: account.id, items: [{ invoiceId: inv(delta.id, 515_000, 9).id }], userId: ana.id }, now - DAY);
  const payout = store.state.payouts.get(recent.payoutIds[0]!);
  if (payout) payout.exportDelayFraction = 0.1;
  store.authorizeDisbursement(companyId, recent.id, { at: now - 0.6 * store.windowMs, fundAt: now - 0.4 * store.windowMs });
}
