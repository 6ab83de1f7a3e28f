import { isPlainId } from '../../utils/page/hash-id';

/**
 * A fix the user confirmed on this tab, kept in the tab's sessionStorage so that it outlives the
 * reload a server-rendered Export causes (and a reload the user makes mid-fix): the page that comes
 * back says which happened (exported and checking, refused in Procore's words, or not pressed).
 * The page can read and write this storage too: everything read back is checked, and the
 * background checks the intent id it was given.
 */
export interface PendingFix {
  payoutId: string;
  invoiceNumber: string;
  /** From fix.begin; null until the background stored the intent. */
  intentId: string | null;
  /** Set just before Procore's Export is pressed. */
  pressed: boolean;
  /** Server time of the press (or of the confirm, before it). */
  at: number;
  /** Which page load stored it: one from another load was cut short by a reload. */
  page: string;
}

/** This page load (a content script runs once per load). */
export const THIS_PAGE = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const KEY = 'erp-sync-watch.pending-fixes';

function isPendingFix(value: unknown): value is PendingFix {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    isPlainId(v.payoutId) &&
    typeof v.invoiceNumber === 'string' &&
    v.invoiceNumber.length <= 200 &&
    (v.intentId === null || isPlainId(v.intentId)) &&
    typeof v.pressed === 'boolean' &&
    typeof v.at === 'number' &&
    Number.isFinite(v.at) &&
    typeof v.page === 'string'
  );
}

export function readPendingFixes(storage: Storage): PendingFix[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isPendingFix) : [];
  } catch {
    return [];
  }
}

function write(storage: Storage, fixes: PendingFix[]): void {
  try {
    if (fixes.length === 0) storage.removeItem(KEY);
    else storage.setItem(KEY, JSON.stringify(fixes));
  } catch {
    // Storage full or refused: the fix goes on, only the after-reload words are lost.
  }
}

/** Stores (or replaces) the pending fix of one payout. */
export function savePendingFix(storage: Storage, fix: PendingFix): void {
  write(storage, [...readPendingFixes(storage).filter((f) => f.payoutId !== fix.payoutId), fix]);
}

export function removePendingFix(storage: Storage, payoutId: string): void {
  write(storage, readPendingFixes(storage).filter((f) => f.payoutId !== payoutId));
}
