/**
 * Whether an error is the browser refusing to store (disk or origin quota full). IndexedDB
 * reports it as a QuotaExceededError, or as a transaction abort whose cause is one; Firefox
 * names a full disk in the message.
 */
export function isStorageFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (name === 'QuotaExceededError') return true;
    if (typeof message === 'string' && /quota|no space left|disk is full|NO_DEVICE_SPACE/i.test(message)) return true;
  }
  return false;
}

/** What the user reads when storing was refused. */
export const STORAGE_FULL_MESSAGE =
  'The browser refused to store the latest payment record changes (disk or storage full). Nothing already stored was lost; tracking resumes when space is free.';
