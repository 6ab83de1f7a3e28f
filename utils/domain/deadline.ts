import { DEFAULT_WINDOW_MS } from './settings';

/** When a payment record should be in the ERP: funding complete + the sync window (server time). */
export function deadlineFor(fundingCompletedAt: number, windowMs: number = DEFAULT_WINDOW_MS): number {
  return fundingCompletedAt + windowMs;
}
