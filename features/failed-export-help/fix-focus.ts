import { FIX_HASH_KEY } from '../../utils/messaging';
import type { Backend } from '../../utils/overlay/backend';
import { idFromHash } from '../../utils/page/hash-id';

/**
 * Calls `onFocus` with the payout whose fix the user asked for from outside the page: the URL
 * fragment `#esw-fix=<payoutId>` now and whenever it changes, and the background's `fix.focus`
 * (validated where it is received), each said with where it came from. Returns the function that stops it.
 */
export function listenFixFocus(win: Window, backend: Backend, onFocus: (payoutId: string, from: 'hash' | 'message') => void): () => void {
  const fromHash = () => {
    const payoutId = idFromHash(win.location.hash, FIX_HASH_KEY);
    if (payoutId) onFocus(payoutId, 'hash');
  };
  fromHash();
  win.addEventListener('hashchange', fromHash);
  const stopMessages = backend.onFixFocus?.((payoutId) => onFocus(payoutId, 'message'));
  return () => {
    win.removeEventListener('hashchange', fromHash);
    stopMessages?.();
  };
}
