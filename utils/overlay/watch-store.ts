import type { EngineStatus, WatchChange } from '../messaging';
import type { Watch } from '../domain/watch';

/**
 * The page's in-memory copy of what the background said about its watches (never persisted):
 * a snapshot from `watches.list`, then live changes from the `watches` port.
 */
export class WatchStore {
  private watches = new Map<string, Watch>();
  private listeners = new Set<() => void>();
  private byDisbursementNumber = new Map<string, Watch[]>();
  private byRecord = new Map<string, Watch>();
  status: EngineStatus | null = null;
  /** Set when the background cannot be reached; shown where the user looks. */
  error: string | null = null;
  version = 0;
  private companyId: string | null = null;
  private sinceSnapshot: WatchChange[] | null = null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /**
   * A snapshot of one company's watches was asked for. Changes that arrive before it are kept and
   * applied on top of it: the snapshot and the live changes travel apart, and a snapshot taken
   * before a change may arrive after it (a record just discovered would be wiped until its next
   * change). From then on, other companies' changes are not kept: this page shows one company,
   * and a record of another must not match its rows (nor redraw them).
   */
  expectSnapshot(companyId: string): void {
    this.companyId = companyId;
    this.sinceSnapshot = [];
  }

  replaceAll(watches: Watch[]): void {
    this.watches = new Map(watches.map((w) => [w.payoutId, w]));
    for (const change of this.sinceSnapshot ?? []) this.applyChange(change);
    this.sinceSnapshot = null;
    this.changed();
  }

  /** Redraws only when something drawn changed: each poll's status (its time, the clock's offset) is kept, not drawn. */
  apply(change: WatchChange): void {
    this.sinceSnapshot?.push(change);
    if (this.applyChange(change)) this.changed();
  }

  /** Whether anything the overlays draw changed. */
  private applyChange(change: WatchChange): boolean {
    if (change.type === 'upsert') {
      const mine = this.companyId === null ? change.watches : change.watches.filter((w) => w.companyId === this.companyId);
      for (const w of mine) this.watches.set(w.payoutId, w);
      return mine.length > 0;
    }
    if (change.type === 'remove') return change.payoutIds.filter((id) => this.watches.delete(id)).length > 0;
    const redraw = drawnStatus(this.status) !== drawnStatus(change.status);
    this.status = change.status;
    return redraw;
  }

  setError(error: string | null): void {
    // A snapshot that failed is not coming: nothing to keep for it.
    if (error !== null) this.sinceSnapshot = null;
    if (error === this.error) return;
    this.error = error;
    this.changed();
  }

  forDisbursementNumber(disbursementNumber: string): Watch[] {
    return this.byDisbursementNumber.get(disbursementNumber) ?? [];
  }

  forDisbursementId(disbursementId: string): Watch[] {
    return [...this.watches.values()].filter((w) => w.disbursementId === disbursementId || w.disbursementNumber === disbursementId);
  }

  /** The payments made from one funding account. */
  forFundingAccount(fundingAccountId: string): Watch[] {
    return [...this.watches.values()].filter((w) => w.fundingAccountId === fundingAccountId);
  }

  /** The payment record a row shows by its disbursement and invoice numbers. */
  forRecord(disbursementNumber: string, invoiceNumber: string): Watch | undefined {
    return this.byRecord.get(`${disbursementNumber}\u0000${invoiceNumber}`);
  }

  /**
   * The watch of an ERP Integrations payment record row: by the payout it names, else its contract
   * payment, else its disbursement and invoice numbers, else the one record with its invoice
   * number and beneficiary (none when two could be meant: a wrong match would fix another payment).
   */
  forPaymentRecord(row: { payoutId: string | null; recordId: string | null; disbursementNumber: string; invoiceNumber: string; beneficiary: string }): Watch | undefined {
    if (row.payoutId && this.watches.has(row.payoutId)) return this.watches.get(row.payoutId);
    const all = [...this.watches.values()];
    const byRecord = row.recordId ? all.find((w) => w.contractPaymentId === row.recordId) : undefined;
    if (byRecord) return byRecord;
    if (row.disbursementNumber) return this.forRecord(row.disbursementNumber, row.invoiceNumber);
    const candidates = all.filter((w) => w.invoiceNumber === row.invoiceNumber && (!row.beneficiary || w.beneficiaryName === row.beneficiary));
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /** Whether the company exports payment records at all (null: not known yet). */
  paymentSyncEnabled(companyId: string): boolean | null {
    const company = this.status?.watchedCompanies.find((c) => c.id === companyId);
    return company ? company.paymentSyncEnabled : null;
  }

  erpName(companyId: string): string | null {
    return this.status?.watchedCompanies.find((c) => c.id === companyId)?.erpName ?? null;
  }

  private changed(): void {
    this.byDisbursementNumber = new Map();
    this.byRecord = new Map();
    for (const watch of this.watches.values()) {
      this.byRecord.set(`${watch.disbursementNumber}\u0000${watch.invoiceNumber}`, watch);
      const list = this.byDisbursementNumber.get(watch.disbursementNumber) ?? [];
      list.push(watch);
      this.byDisbursementNumber.set(watch.disbursementNumber, list);
    }
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * The parts of the status an overlay draws (the company's ERP and payment sync, the window's
 * length); the clock's offset is read at each tick, never drawn from a render.
 */
function drawnStatus(status: EngineStatus | null): string {
  return JSON.stringify(status && [status.watchedCompanies, status.syncWindowMs ?? null]);
}
