import { CONNECTOR_PROFILES } from './connector-profiles';
import { authorizeDisbursement, completeFunding, createDisbursement, type AuthorizeOptions, type CreateDisbursementInput } from './disbursement-lifecycle';
import { ErpSimulator } from './erp-simulator';
import { createPrng } from './prng';
import { isPositiveInteger } from './positive-integer';
import { SimHttpError } from './sim-error';
import { SimScheduler } from './sim-scheduler';
import { emptyState, type ErpFaultKind, type SimState } from './sim-state';
import type { Connector, ErpApiAccess, InvoiceErpStatus, Zone } from './vocabulary';
import type {
  SimCompany,
  SimContract,
  SimContractPayment,
  SimDisbursement,
  SimErpBankAccount,
  SimErpSettings,
  SimFundingAccount,
  SimInvoice,
  SimPayout,
  SimProject,
  SimRequestDetail,
  SimUser,
  SimVendor,
} from './store-records';

export interface SimStoreOptions {
  seed: number;
  /** The ERP sync window (10 minutes in Procore); every simulated delay is a fraction of it. */
  windowMs: number;
  now?: () => number;
  scheduler?: SimScheduler;
}

/** The one source of the sandbox's data: the API and the pages both read and change it here. */
export class SimStore {
  state: SimState = emptyState();
  readonly seed: number;
  readonly windowMs: number;
  readonly now: () => number;
  readonly scheduler: SimScheduler;
  readonly erp: ErpSimulator;
  /** Seeded randomness for scenario data (ids, amounts). */
  readonly random: () => number;
  private readonly contractByPair = new Map<string, SimContract>();

  constructor(options: SimStoreOptions) {
    this.seed = options.seed;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
    this.scheduler = options.scheduler ?? new SimScheduler();
    this.random = createPrng(options.seed);
    this.erp = new ErpSimulator(this.state, { seed: this.seed, windowMs: this.windowMs, now: this.now, scheduler: this.scheduler });
  }

  /**
   * Runs now if `at` has passed (building history), else when it comes. The task gets the time
   * to record: `at` for history, never earlier than the real moment for a live timer (a late
   * timer must not write an `updated_at` that an incremental poll already went past).
   */
  runAt(at: number, task: (when: number) => void): void {
    if (at <= this.now()) task(at);
    else this.scheduler.at(at, () => task(Math.max(at, this.now())), this.now());
  }

  // ---- queries -------------------------------------------------------------------------------

  userByLogin(login: string): SimUser | undefined {
    return this.state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
  }

  user(id: number): SimUser | undefined {
    return this.state.users.find((u) => u.id === id);
  }

  company(id: number): SimCompany | undefined {
    return this.state.companies.get(id);
  }

  companiesOf(user: SimUser): SimCompany[] {
    return user.companyIds.flatMap((id) => this.state.companies.get(id) ?? []);
  }

  projects(companyId: number): SimProject[] {
    return [...this.state.projects.values()].filter((p) => p.companyId === companyId);
  }

  project(id: number): SimProject | undefined {
    return this.state.projects.get(id);
  }

  vendor(id: number): SimVendor | undefined {
    return this.state.vendors.get(id);
  }

  contract(id: number): SimContract | undefined {
    return this.state.contracts.get(id);
  }

  contractPayment(id: string): SimContractPayment | undefined {
    return this.state.contractPayments.get(id);
  }

  /** A contract's payments, oldest first (Procore's contract_payments list). */
  contractPaymentsOf(contractId: number): SimContractPayment[] {
    return [...this.state.contractPayments.values()].filter((c) => c.contractId === contractId);
  }

  /** The payment records of a company that the ERP Integrations tool lists (every one ever sent). */
  exportedContractPayments(companyId: number): SimContractPayment[] {
    return [...this.state.contractPayments.values()].filter((c) => c.companyId === companyId && this.state.requestDetailsByItem.has(c.id));
  }

  fundingAccounts(companyId: number): SimFundingAccount[] {
    return [...this.state.fundingAccounts.values()].filter((f) => f.companyId === companyId);
  }

  fundingAccount(companyId: number, id: string): SimFundingAccount | undefined {
    const account = this.state.fundingAccounts.get(id);
    return account?.companyId === companyId ? account : undefined;
  }

  erpBankAccounts(companyId: number): SimErpBankAccount[] {
    return this.state.erpBankAccounts.filter((b) => b.companyId === companyId);
  }

  invoices(companyId: number): SimInvoice[] {
    return [...this.state.invoices.values()].filter((i) => i.companyId === companyId);
  }

  invoice(id: number): SimInvoice | undefined {
    return this.state.invoices.get(id);
  }

  /** What is still to pay on an invoice: net of retainage, less what Procore Pay and others paid. */
  invoiceDue(invoice: SimInvoice): number {
    return invoice.grossAmount - invoice.retainage - invoice.paidAmount - invoice.paidAmountOutsideProcorePay;
  }

  /** Newest change first, as the contract's list is sorted. */
  disbursements(companyId: number): SimDisbursement[] {
    return [...this.state.disbursements.values()]
      .filter((d) => d.companyId === companyId)
      .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
  }

  disbursement(companyId: number, id: string): SimDisbursement | undefined {
    const d = this.state.disbursements.get(id);
    return d?.companyId === companyId ? d : undefined;
  }

  payoutsOf(disbursement: SimDisbursement): SimPayout[] {
    return disbursement.payoutIds.flatMap((id) => this.state.payouts.get(id) ?? []);
  }

  payout(companyId: number, id: string): SimPayout | undefined {
    const p = this.state.payouts.get(id);
    return p?.companyId === companyId ? p : undefined;
  }

  disbursementAmount(disbursement: SimDisbursement): number {
    return this.payoutsOf(disbursement).reduce((sum, p) => sum + p.amount, 0);
  }

  /** Request details of a company in creation order. */
  requestDetails(companyId: number): SimRequestDetail[] {
    return [...this.state.requestDetails.values()].filter((r) => r.companyId === companyId);
  }

  /** Every export of a payout's contract payment, oldest first. */
  requestHistory(payoutId: string): SimRequestDetail[] {
    const item = this.state.payouts.get(payoutId)?.contractPaymentId;
    return item ? (this.state.requestDetailsByItem.get(item) ?? []) : [];
  }

  latestRequestDetail(payoutId: string): SimRequestDetail | undefined {
    return this.requestHistory(payoutId).at(-1);
  }

  lastErpCheckNumber(bank: SimErpBankAccount): number | null {
    if (!bank.reportsLastCheckNumber || bank.ownChecks.size === 0) return null;
    let last = 0;
    for (const n of bank.ownChecks) last = Math.max(last, n);
    return last;
  }

  // ---- scenario set-up -----------------------------------------------------------------------

  addCompany(
    input: { id: number; name: string; connector: Connector; erpApiAccess?: ErpApiAccess; zone?: Zone; firstContractPaymentId?: bigint } & Partial<SimErpSettings>,
  ): SimCompany {
    const company: SimCompany = {
      id: input.id,
      name: input.name,
      isActive: true,
      erpApiAccess: input.erpApiAccess ?? 'granted',
      zone: input.zone ?? 'us01',
      nextContractPaymentId: input.firstContractPaymentId ?? BigInt(input.id) * 10_000n + 1n,
      erp: {
        connector: input.connector,
        paymentSyncEnabled: input.paymentSyncEnabled ?? true,
        connectorOnline: input.connectorOnline ?? true,
        closedThrough: input.closedThrough ?? null,
      },
    };
    this.state.companies.set(company.id, company);
    return company;
  }

  addUser(user: SimUser): SimUser {
    this.state.users.push(user);
    return user;
  }

  addProject(companyId: number, name: string): SimProject {
    const id = ++this.state.counters.project;
    const project = { id, companyId, name, projectNumber: `${(id % 900) + 100}-${String(id % 97).padStart(2, '0')}` };
    this.state.projects.set(project.id, project);
    return project;
  }

  addVendor(companyId: number, name: string, erpSynced = true): SimVendor {
    const vendor = { id: ++this.state.counters.vendor, companyId, name, erpSynced, paymentsCompanyExternalId: this.uuid() };
    this.state.vendors.set(vendor.id, vendor);
    return vendor;
  }

  /** The commitment of a project with a vendor (one per pair, made on first use). */
  contractFor(companyId: number, projectId: number, vendorId: number): SimContract {
    const key = `${projectId}:${vendorId}`;
    const existing = this.contractByPair.get(key);
    if (existing) return existing;
    const id = ++this.state.counters.contract;
    const contract = { id, companyId, projectId, vendorId, number: `SC-${String(this.state.contracts.size + 1).padStart(3, '0')}` };
    this.state.contracts.set(id, contract);
    this.contractByPair.set(key, contract);
    return contract;
  }

  addFundingAccount(input: Omit<SimFundingAccount, 'id' | 'verificationStatus' | 'deactivated' | 'isDefault'> & Partial<SimFundingAccount>): SimFundingAccount {
    const account: SimFundingAccount = {
      id: this.uuid(),
      isDefault: this.fundingAccounts(input.companyId).length === 0,
      deactivated: false,
      verificationStatus: 'verified',
      ...input,
    };
    this.state.fundingAccounts.set(account.id, account);
    return account;
  }

  addErpBankAccount(input: { companyId: number; bankId: string; name: string; lastCheckNumber: number | null; active?: boolean }): SimErpBankAccount {
    const company = this.requireCompany(input.companyId);
    const bank: SimErpBankAccount = {
      companyId: input.companyId,
      bankId: input.bankId,
      name: input.name,
      active: input.active ?? true,
      ownChecks: new Set(input.lastCheckNumber === null ? [] : [input.lastCheckNumber]),
      sequenceLast: input.lastCheckNumber,
      importedChecks: new Set(),
      reportsLastCheckNumber: CONNECTOR_PROFILES[company.erp.connector].reportsLastCheckNumber,
    };
    this.state.erpBankAccounts.push(bank);
    return bank;
  }

  addInvoice(input: {
    companyId: number;
    projectId: number;
    vendorId: number;
    grossAmount: number;
    erpStatus: InvoiceErpStatus;
    /** Tax on the invoice (7% of its amount), which Procore shows. */
    hasTaxOrMarkup?: boolean;
    /** A markup line, which Procore's API does not show. */
    markup?: boolean;
    retainage?: number;
    paidAmountOutsideProcorePay?: number;
    submittedAt: number;
    status?: SimInvoice['status'];
  }): SimInvoice {
    const id = ++this.state.counters.invoice;
    const submitted = new Date(input.submittedAt);
    const periodEnd = new Date(Date.UTC(submitted.getUTCFullYear(), submitted.getUTCMonth(), 0));
    const periodStart = new Date(Date.UTC(periodEnd.getUTCFullYear(), periodEnd.getUTCMonth(), 1));
    const invoice: SimInvoice = {
      id,
      companyId: input.companyId,
      projectId: input.projectId,
      vendorId: input.vendorId,
      contractId: this.contractFor(input.companyId, input.projectId, input.vendorId).id,
      invoiceNumber: `INV-${id - 2110}`,
      status: input.status ?? 'approved',
      erpStatus: input.erpStatus,
      originId: input.erpStatus === 'synced' ? `ERP-${id + 4395}` : null,
      grossAmount: input.grossAmount,
      retainage: input.retainage ?? 0,
      paidAmount: 0,
      paidAmountOutsideProcorePay: input.paidAmountOutsideProcorePay ?? 0,
      taxAmount: input.hasTaxOrMarkup ? Math.round(input.grossAmount * 0.07) : 0,
      markup: input.markup ?? false,
      billingPeriodStart: periodStart.toISOString().slice(0, 10),
      billingPeriodEnd: periodEnd.toISOString().slice(0, 10),
      submittedAt: input.submittedAt,
      paymentDate: null,
      updatedAt: input.submittedAt,
    };
    this.state.invoices.set(id, invoice);
    return invoice;
  }

  /** A uuid-shaped id drawn from the seeded generator. */
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++) hex += Math.floor(this.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  // ---- Payments tool actions (disbursement-lifecycle.ts) ------------------------------------

  createDisbursement(companyId: number, input: CreateDisbursementInput, at = this.now()): SimDisbursement {
    return createDisbursement(this, companyId, input, at);
  }

  authorizeDisbursement(companyId: number, id: string, options: AuthorizeOptions = {}): SimDisbursement {
    return authorizeDisbursement(this, companyId, id, options);
  }

  /** Funding Complete now (or at `at`); a Draft is authorized first (the sandbox's shortcut for tests). */
  completeFunding(companyId: number, id: string, at = this.now()): SimDisbursement {
    return completeFunding(this, companyId, id, at);
  }

  /** Payments Settings' Edit Account Details: Bank ID and Check Number (the next one). */
  updateFundingAccount(companyId: number, id: string, patch: { nextCheckNumber?: unknown; bankId?: unknown; nickname?: unknown }): SimFundingAccount {
    const account = this.fundingAccount(companyId, id);
    if (!account) throw new SimHttpError(404, 'Funding account not found');
    const errors: Record<string, string[]> = {};
    if (patch.nextCheckNumber !== undefined && !isPositiveInteger(patch.nextCheckNumber)) errors.nextCheckNumber = ['must be a positive integer'];
    if (patch.bankId !== undefined && (typeof patch.bankId !== 'string' || !patch.bankId.trim())) errors.bankId = ["can't be blank"];
    if (patch.nickname !== undefined && (typeof patch.nickname !== 'string' || !patch.nickname.trim())) errors.nickname = ["can't be blank"];
    if (Object.keys(errors).length > 0) throw new SimHttpError(422, errors);
    if (typeof patch.nextCheckNumber === 'number') account.nextCheckNumber = patch.nextCheckNumber;
    if (typeof patch.bankId === 'string') account.bankId = patch.bankId.trim();
    if (typeof patch.nickname === 'string') account.nickname = patch.nickname.trim();
    return account;
  }

  /**
   * The ERP Integrations tool's Export of a record in Failed to Export, with corrected values.
   * Procore's own guard: a record already exported, or with an export in progress, is refused
   * in words (409), so two presses never reach the ERP twice.
   */
  reExport(companyId: number, contractPaymentId: string, body: { check_number?: unknown; bank_id?: unknown }, at = this.now()): SimRequestDetail {
    const errors: Record<string, string[]> = {};
    if (body.check_number !== undefined && !isPositiveInteger(body.check_number)) errors.check_number = ['must be a positive whole number'];
    if (body.bank_id !== undefined && (typeof body.bank_id !== 'string' || body.bank_id.trim() === '')) errors.bank_id = ["can't be blank"];
    if (Object.keys(errors).length > 0) throw new SimHttpError(422, errors);
    const record = this.contractPayment(contractPaymentId);
    if (!record || record.companyId !== companyId) throw new SimHttpError(404, 'Payment record not found');
    const latest = this.state.requestDetailsByItem.get(record.id)?.at(-1);
    if (!latest) throw new SimHttpError(409, 'This payment record has not been sent to the ERP, so it cannot be exported from here.');
    if (latest.status === 'in_progress') throw new SimHttpError(409, 'An export of this payment record is already in progress. Wait for it to finish.');
    if (latest.status === 'success') throw new SimHttpError(409, 'This payment record has already been exported to the ERP.');
    if (typeof body.check_number === 'number') record.checkNumber = body.check_number;
    if (typeof body.bank_id === 'string') record.bankId = body.bank_id.trim();
    record.updatedAt = at;
    return this.erp.startExport(record, at);
  }

  // ---- the ERP's own side (control) ----------------------------------------------------------

  updateErpSettings(companyId: number, patch: Partial<SimErpSettings>): SimCompany {
    const company = this.requireCompany(companyId);
    Object.assign(company.erp, patch);
    for (const bank of this.erpBankAccounts(companyId)) bank.reportsLastCheckNumber = CONNECTOR_PROFILES[company.erp.connector].reportsLastCheckNumber;
    return company;
  }

  /** The ERP issues a check of its own on an account (someone wrote a manual check). */
  issueErpCheck(companyId: number, bankId: string, checkNumber: number): SimErpBankAccount {
    const bank = this.erp.bankAccount(companyId, bankId);
    if (!bank) throw new SimHttpError(404, 'ERP bank account not found');
    if (!isPositiveInteger(checkNumber)) throw new SimHttpError(422, { checkNumber: ['must be a positive integer'] });
    bank.ownChecks.add(checkNumber);
    this.erp.importBillPayment(bank, checkNumber, this.now());
    return bank;
  }

  addErpFault(kind: ErpFaultKind, times: number, companyId: number | null): void {
    this.state.erpFaults.push({ kind, remaining: times, companyId });
  }

  /**
   * The ERP's own checks keep coming (every fifth of the window), so registers grow as time
   * passes; each one, and the last one each register starts with, reaches Procore as an imported
   * bill payment.
   */
  startErpActivity(intervalMs = Math.max(100, Math.round(this.windowMs / 5))): void {
    for (const bank of this.state.erpBankAccounts) if (bank.sequenceLast !== null) this.erp.importBillPayment(bank, bank.sequenceLast, this.now());
    this.scheduler.every(intervalMs, () => this.erp.issueOwnChecks());
  }

  close(): void {
    this.scheduler.close();
  }

  requireCompany(id: number): SimCompany {
    const company = this.company(id);
    if (!company) throw new SimHttpError(404, 'Company not found');
    return company;
  }

  requireDisbursement(companyId: number, id: string): SimDisbursement {
    const d = this.disbursement(companyId, id);
    if (!d) throw new SimHttpError(404, 'Disbursement not found');
    return d;
  }
}
