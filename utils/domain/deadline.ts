import { SYNC_WINDOW_MS } from './sync-window';

/** When a payment record should be in the ERP: funding complete + the sync window (server time). */
export function deadlineFor(fundingCompletedAt: number, windowMs: number = SYNC_WINDOW_MS): number {
  return fundingCompletedAt + windowMs;
}
