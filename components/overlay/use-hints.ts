import { useEffect, useRef, useState } from 'react';
import { useOverlay } from './overlay-context';

/**
 * Tells the background which disbursement numbers the page shows (it confirms them by API
 * before acting). Each number is sent once per page. Returns the numbers it has answered for.
 */
export function useDisbursementHints(numbers: string[]): ReadonlySet<string> {
  const { backend, companyId } = useOverlay();
  const sent = useRef(new Set<string>());
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  const key = numbers.join('\u0000');
  useEffect(() => {
    const fresh = [...new Set(key ? key.split('\u0000') : [])].filter((n) => !sent.current.has(n));
    if (fresh.length === 0) return;
    for (const n of fresh) sent.current.add(n);
    backend.send('page.hints', { companyId, disbursementNumbers: fresh }).then(
      () => setAnswered((before) => new Set([...before, ...fresh])),
      () => {
        // A hint is an optimisation: the poll finds the same disbursements. Forget and retry later.
        for (const n of fresh) sent.current.delete(n);
      },
    );
  }, [backend, companyId, key]);
  return answered;
}
