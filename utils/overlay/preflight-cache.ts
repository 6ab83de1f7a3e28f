import type { PreflightIssue, RequestOf } from '../messaging';
import type { PayableInvoiceData } from '../page/payable-invoices-grid';
import type { Backend } from './backend';

export type PreflightInvoice = RequestOf<'preflight.check'>['invoices'][number];

const BATCH = 500;

/** What the background needs to check an invoice read from the page. */
export const toCheck = ({ invoiceId, projectId, paymentAmountCents, amountDueCents }: PayableInvoiceData): PreflightInvoice => ({
  invoiceId,
  ...(projectId ? { projectId } : {}),
  ...(paymentAmountCents !== undefined ? { paymentAmountCents } : {}),
  ...(amountDueCents !== undefined ? { amountDueCents } : {}),
});

/**
 * Pre-flight answers for the invoices on screen. Rows that scroll into view are asked about
 * once, batched; an invoice whose amounts change (a partial payment entered) is asked again.
 */
export class PreflightCache {
  private answers = new Map<string, PreflightIssue[]>();
  private asked = new Set<string>();
  private queue = new Map<string, PreflightInvoice>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();
  private disposed = false;
  version = 0;
  error: string | null = null;

  constructor(
    private readonly backend: Backend,
    private readonly companyId: string,
    private readonly delayMs = 80,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getVersion = () => this.version;

  /** Issues known for an invoice: undefined while not answered yet. */
  issuesFor(invoice: PreflightInvoice): PreflightIssue[] | undefined {
    return this.answers.get(keyOf(invoice));
  }

  request(invoices: PreflightInvoice[]): void {
    for (const invoice of invoices) {
      const key = keyOf(invoice);
      if (!this.asked.has(key)) this.queue.set(key, invoice);
    }
    if (this.queue.size > 0 && this.timer === null && !this.disposed) this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const batch = [...this.queue.entries()].slice(0, BATCH);
    for (const [key] of batch) {
      this.queue.delete(key);
      this.asked.add(key);
    }
    try {
      const issues = await this.backend.send('preflight.check', { companyId: this.companyId, invoices: batch.map(([, i]) => i) });
      if (this.disposed) return;
      for (const [key, invoice] of batch) this.answers.set(key, issues.filter((issue) => issue.invoiceId === invoice.invoiceId));
      this.error = null;
    } catch (error) {
      if (this.disposed) return;
      // Forget the batch so the next render asks again, and say why nothing is marked.
      for (const [key] of batch) this.asked.delete(key);
      this.error = `Pre-flight checks are unavailable: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.version++;
    for (const listener of [...this.listeners]) listener();
    if (this.queue.size > 0 && !this.disposed) this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }
}

function keyOf(invoice: PreflightInvoice): string {
  return `${invoice.invoiceId}|${invoice.paymentAmountCents ?? ''}|${invoice.amountDueCents ?? ''}`;
}
