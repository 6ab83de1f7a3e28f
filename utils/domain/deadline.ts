import { DEFAULT_WINDOW_MS } from './settings';

/** When a payment record should be in the ERP: funding complete + the sync window (server time). */
export function deadlineFor(fundingCompletedAt: number, windowMs: number = DEFAULT_WINDOW_MS): number {
  return fundingCompletedAt + windowMs;
}

/** Time left before the deadline, never negative; 0 once it has passed or when the input is not a time. */
export function remainingMs(deadline: number, now: number): number {
  const left = deadline - now;
  return Number.isFinite(left) && left > 0 ? left : 0;
}

// Whole seconds, rounded up: the countdown reads 0:00 only once the deadline has really passed.
function wholeSeconds(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** A remaining time as `m:ss` ("7:32", "0:05", "12:00"); never negative. */
export function formatRemaining(ms: number): string {
  const s = wholeSeconds(ms);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The same time as a screen reader should say it: "7 minutes 32 seconds", "1 minute", "0 seconds". */
export function speakRemaining(ms: number): string {
  const s = wholeSeconds(ms);
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}
