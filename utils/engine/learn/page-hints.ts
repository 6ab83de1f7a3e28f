import type { Watch } from '../../domain/watch';
import { listWatches } from '../../store/watch-store';
import type { Engine } from '../engine';

const HINT_INTERVAL_MS = 15_000;
const lastConfirm = new Map<string, number>();

/** A confirming read and what was shown before it started. */
interface ConfirmingRead {
  /** Unknown disbursements it looks for (those shown funded apart). */
  numbers: Set<string>;
  funded: Set<string>;
  /** Payouts whose export result it takes. */
  payouts: Set<string>;
  done: Promise<void>;
}
/** Per company, the read that numbers seen now will be looked for in (not started yet). */
const next = new Map<string, ConfirmingRead>();
/** Per company, the read under way: a hint whose numbers it covers waits for it, not the next. */
const running = new Map<string, ConfirmingRead>();

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a page showed: see usePageHints. */
export interface PageHint {
  disbursementNumbers: readonly string[];
  invoiceNumbers?: readonly string[];
  shownFailed?: readonly string[];
  funded?: readonly string[];
  longFunded?: readonly string[];
}

/**
 * Per company, disbursements a page showed funded before a confirming read that has since ended,
 * or that its own list says were last changed long before (`longFunded`): looked for, whether or
 * not they are watched (a months-old one is not; discovery and its backlog find the failed ones).
 * The rows that show them again are answered at once instead of waiting up to 15 s, with an
 * estimated countdown on each meanwhile. In memory only (a restarted worker reads once more); a page's whole list is 5,000
 * at most, so this many is several pages' worth before it starts again.
 */
const lookedFor = new Map<string, Set<string>>();
const LOOKED_FOR_MAX = 50_000;

function rememberLookedFor(companyId: string, numbers: readonly string[]): void {
  const known = lookedFor.get(companyId) ?? new Set<string>();
  if (known.size + numbers.length > LOOKED_FOR_MAX) known.clear();
  for (const n of numbers) known.add(n);
  lookedFor.set(companyId, known);
}

/**
 * A content script saw these records on the page. The engine confirms them by an API read (a
 * discovery poll of that company) when it does not know one yet, or when the page shows one
 * whose export result is worth reading now: listed under Failed to Export while the engine still
 * has it syncing, or shown (its disbursement on the page) past its window with no result yet.
 * A disbursement a page showed funded before an earlier such read has been looked for already, and
 * one the page's list says funded long ago needs no read now.
 * That read happens at most every 15 s: a hint within the interval waits for the next read
 * (shared by every hint meanwhile) instead of being dropped, so an answer always means the
 * records were looked for; one whose numbers the read under way was started for (a row showing
 * what the page's list hinted a moment before) waits for that read instead of another one. The
 * wait stays under the worker's idle limit.
 */
export async function confirmPageHints(
  engine: Engine,
  companyId: string,
  hint: PageHint,
  discover: (companyId: string, readNow: ReadonlySet<string>) => Promise<unknown>,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<boolean> {
  // Funded long before any window now running began: looked for as they are, with no read.
  const funded = new Set(hint.funded ?? []);
  rememberLookedFor(companyId, (hint.longFunded ?? []).filter((n) => funded.has(n)));
  const watches = await listWatches(engine.db, { companyId });
  const numbers = new Set(watches.map((w) => w.disbursementNumber));
  const invoices = new Set(watches.map((w) => w.invoiceNumber));
  const shown = new Set(hint.disbursementNumbers);
  const failedHere = new Set(hint.shownFailed ?? []);
  const now = engine.now();
  const pastWindow = (w: Watch) => w.state === 'overdue' || (w.state === 'syncing' && w.deadline !== null && w.deadline <= now);
  const due = watches
    .filter((w) => (w.state === 'syncing' && failedHere.has(w.payoutId)) || (shown.has(w.disbursementNumber) && pastWindow(w)))
    .map((w) => w.payoutId);
  const looked = lookedFor.get(companyId);
  const unknown = hint.disbursementNumbers.filter((n) => !numbers.has(n) && !looked?.has(n));
  const unknownInvoice = (hint.invoiceNumbers ?? []).some((n) => !invoices.has(n));
  if (unknown.length === 0 && !unknownInvoice && due.length === 0) return false;
  const current = running.get(companyId);
  // Shown (as funded, where this hint says funded) before the read under way started: it looks for them.
  const covered = !unknownInvoice && due.length === 0 && unknown.every((n) => current?.numbers.has(n) && (!funded.has(n) || current.funded.has(n)));
  const read = current && covered ? current : nextRead(engine, companyId, discover, wait);
  if (read !== current) {
    for (const n of unknown) {
      read.numbers.add(n);
      if (funded.has(n)) read.funded.add(n);
    }
    for (const p of due) read.payouts.add(p);
  }
  await read.done;
  rememberLookedFor(companyId, hint.funded ?? []);
  return true;
}

function nextRead(
  engine: Engine,
  companyId: string,
  discover: (companyId: string, readNow: ReadonlySet<string>) => Promise<unknown>,
  wait: (ms: number) => Promise<void>,
): ConfirmingRead {
  const pending = next.get(companyId);
  if (pending) return pending;
  const delay = (lastConfirm.get(companyId) ?? Number.NEGATIVE_INFINITY) + HINT_INTERVAL_MS - engine.localTime();
  const read: ConfirmingRead = { numbers: new Set(), funded: new Set(), payouts: new Set(), done: Promise.resolve() };
  read.done = wait(Math.max(0, delay)).then(async () => {
    // Started: records seen from now on wait for the read after this one.
    next.delete(companyId);
    running.set(companyId, read);
    lastConfirm.set(companyId, engine.localTime());
    try {
      await discover(companyId, read.payouts);
    } finally {
      if (running.get(companyId) === read) running.delete(companyId);
    }
  });
  next.set(companyId, read);
  return read;
}
