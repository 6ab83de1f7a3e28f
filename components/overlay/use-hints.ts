import { useEffect, useRef, useState } from 'react';
import { useOverlay } from './overlay-context';

/** What a page shows of payment records, for the background to confirm by API before acting. */
export interface PageHints {
  disbursementNumbers: string[];
  /** Whether the page shows those disbursements funded (the Disbursements tab sends only funded rows). */
  funded?: boolean;
  /** Records the page names only by invoice number (ERP Integrations shows no disbursement number). */
  invoiceNumbers?: string[];
  /** Payouts the page lists under Failed to Export while the background still has them syncing. */
  shownFailed?: string[];
}

const KINDS = ['disbursementNumbers', 'invoiceNumbers', 'shownFailed'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Tells the background what the page shows. Each value is sent once per page. Returns the
 * disbursement numbers it has answered for.
 */
export function usePageHints(hints: PageHints): ReadonlySet<string> {
  const { backend, companyId } = useOverlay();
  const sent = useRef<Record<Kind, Set<string>>>({ disbursementNumbers: new Set(), invoiceNumbers: new Set(), shownFailed: new Set() });
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  const key = JSON.stringify(KINDS.map((kind) => hints[kind] ?? []));
  const funded = hints.funded ?? false;
  useEffect(() => {
    const shown = JSON.parse(key) as string[][];
    const fresh = Object.fromEntries(KINDS.map((kind, i) => [kind, [...new Set(shown[i])].filter((value) => !sent.current[kind].has(value))])) as Record<Kind, string[]>;
    if (KINDS.every((kind) => fresh[kind].length === 0)) return;
    for (const kind of KINDS) for (const value of fresh[kind]) sent.current[kind].add(value);
    const { disbursementNumbers, invoiceNumbers, shownFailed } = fresh;
    const payload = {
      companyId,
      disbursementNumbers,
      ...(invoiceNumbers.length ? { invoiceNumbers } : {}),
      ...(shownFailed.length ? { shownFailed } : {}),
      ...(funded && disbursementNumbers.length ? { funded: disbursementNumbers } : {}),
    };
    backend.send('page.hints', payload).then(
      () => setAnswered((before) => new Set([...before, ...disbursementNumbers])),
      () => {
        // A hint is an optimisation: the poll finds the same records. Forget and retry later.
        for (const kind of KINDS) for (const value of fresh[kind]) sent.current[kind].delete(value);
      },
    );
  }, [backend, companyId, key, funded]);
  return answered;
}
