import type { Watch, WatchState } from '../../domain/watch';
import { ACTIVE_POLL_MINUTES } from '../../domain/poll-pace';
import { readMeta, writeMeta } from '../../store/meta-store';
import type { Engine } from '../engine';
import { CURSOR_PREFIX } from './company-directory';

/** Per contract (`projectId/contractId`), the server time its contract payments were last read. */
export type ContractReads = Map<string, number>;

const key = (companyId: string) => `${CURSOR_PREFIX}${companyId}:contracts-read`;

const ACTIVE: readonly WatchState[] = ['syncing', 're_exporting'];

// While a contract's records sync, its payments are read at most every third of the window.
// That read only shows a synced record sooner; the deadline's correctness does not rest on it:
// every contract is also read in the last poll period before each of its records' deadlines (so a
// record the ERP synced by then reads synced before the deadline's notification; once there, not at
// every page-driven poll) and again once the deadline passed (a refusal or a late sync is read
// then, not at the next pace). A third
// keeps a record found at funding to three or four reads in its window (found, +1/3, +2/3, just
// before its deadline) instead of one per 30-second poll, and a synced record green in the
// popup at most ~3 minutes after the ERP took it.
export const ACTIVE_READ_SHARE_OF_WINDOW = 1 / 3;
// An overdue record may still be taken by the ERP late: half a window, the pace the idle
// discovery keeps. A failed or escalated one changes only when someone acts: through the
// extension's fix it is re-exporting (the pace above), on Procore's page the page's hint asks
// for an immediate read; so these reads only catch an act seen by neither (a colleague's, on
// another computer). Three windows (30 minutes) after it failed, then each time as long again
// as it had been failed at the last read (1 h, 2 h, 4 h), at most every 4 hours: the longer a
// failure has stood, the less likely it is to be mended in the next half hour.
export const WAITING_READ_SHARE_OF_WINDOW = 1 / 2;
export const FAILED_READ_WINDOWS = 3;
export const FAILED_READ_MAX_MS = 4 * 60 * 60 * 1000;
// The poll period while records sync: a deadline closer than this is read now, the next poll
// could come after it.
const DEADLINE_LEAD_MS = ACTIVE_POLL_MINUTES * 60_000;

export interface PaceContext {
  now: number;
  windowMs: number;
  /** Asked for (Check now, a page's hint): every contract is read. */
  asked: boolean;
  /** Payouts discovered in this cycle: their contract is read at once (links them, may find them synced). */
  fresh: ReadonlySet<string>;
  /** Payouts a page shows whose export result it contradicts or is past due: their contract is read now, their result too. */
  readNow: ReadonlySet<string>;
}

/** Whether a contract's payments need reading now, given its open records and when they were last read. */
export function contractDue(watches: readonly Watch[], lastRead: number | undefined, { now, windowMs, asked, fresh, readNow }: PaceContext): boolean {
  if (lastRead === undefined || asked || watches.some((w) => fresh.has(w.payoutId) || readNow.has(w.payoutId))) return true;
  const lead = Math.min(DEADLINE_LEAD_MS, windowMs * ACTIVE_READ_SHARE_OF_WINDOW);
  // Once in the last poll period before a deadline (page-driven polls come every few seconds
  // there, and each would read it again), and once after the deadline passed.
  const nearDeadline = (deadline: number) => (deadline <= now ? deadline > lastRead : deadline <= now + lead && lastRead < deadline - lead);
  if (watches.some((w) => w.deadline !== null && nearDeadline(w.deadline))) return true;
  const since = now - lastRead;
  if (watches.some((w) => ACTIVE.includes(w.state)) && since >= windowMs * ACTIVE_READ_SHARE_OF_WINDOW) return true;
  if (watches.some((w) => w.state === 'overdue') && since >= windowMs * WAITING_READ_SHARE_OF_WINDOW) return true;
  const failedPace = (w: Watch) => Math.min(FAILED_READ_MAX_MS, Math.max(windowMs * FAILED_READ_WINDOWS, lastRead - w.stateSince));
  return since >= Math.min(...watches.map(failedPace));
}

/**
 * The order to read contracts in, should the rate limit cut the cycle: those with a deadline
 * still ahead, soonest first (a synced record read before its deadline is an alert not sent),
 * then the rest.
 */
export function readOrder(now: number): (a: readonly Watch[], b: readonly Watch[]) => number {
  const nextDeadline = (watches: readonly Watch[]) => Math.min(...watches.map((w) => (w.deadline !== null && w.deadline > now ? w.deadline : Infinity)));
  return (a, b) => nextDeadline(a) - nextDeadline(b) || 0;
}

export async function loadContractReads(engine: Engine, companyId: string): Promise<ContractReads> {
  return new Map(Object.entries((await readMeta<Record<string, number>>(engine.db, key(companyId))) ?? {}));
}

/** Stores the read times of the contracts that still have open records (the others need none). */
export async function saveContractReads(engine: Engine, companyId: string, reads: ContractReads, open: ReadonlySet<string>): Promise<void> {
  await writeMeta(engine.db, key(companyId), Object.fromEntries([...reads].filter(([contract]) => open.has(contract))));
}
