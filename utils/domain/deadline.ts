import { SYNC_WINDOW_MS } from './sync-window';
import type { Watch } from './watch';

/** When a payment record should be in the ERP: funding complete + the sync window (server time). */
export function deadlineFor(fundingCompletedAt: number, windowMs: number = SYNC_WINDOW_MS): number {
  return fundingCompletedAt + windowMs;
}

/** Records still syncing once their deadline has passed at server time `now`: they turn overdue. */
export function pastDeadline(watches: readonly Watch[], now: number): Watch[] {
  return watches.filter((w) => w.state === 'syncing' && w.deadline !== null && w.deadline <= now);
}
