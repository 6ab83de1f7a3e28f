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
 * How long the background may take to answer before a disbursement counts as still being looked
 * for. One it has looked for already is answered well within this (no read), so a row drawn for
 * it meanwhile would only be drawn and taken down again.
 */
const ANSWER_GRACE_MS = 200;

/**
 * Tells the background what the page shows. Each value is sent once per page. Returns the
 * disbursement numbers it was asked about more than a moment ago and has not answered yet: it
 * is reading Procore for them.
 */
export function usePageHints(hints: PageHints): ReadonlySet<string> {
  const { backend, companyId } = useOverlay();
  const sent = useRef<Record<Kind, Set<string>>>({ disbursementNumbers: new Set(), invoiceNumbers: new Set(), shownFailed: new Set() });
  const answered = useRef(new Set<string>());
  const [looking, setLooking] = useState<ReadonlySet<string>>(new Set());
  const moments = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => () => moments.current.forEach(clearTimeout), []);
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
      () => {
        for (const n of disbursementNumbers) answered.current.add(n);
        // The same set when none of these was shown as looked for: nothing renders again.
        setLooking((before) => (disbursementNumbers.some((n) => before.has(n)) ? new Set([...before].filter((n) => !answered.current.has(n))) : before));
      },
      () => {
        // A hint is an optimisation: the poll finds the same records. Forget and retry later.
        for (const kind of KINDS) for (const value of fresh[kind]) sent.current[kind].delete(value);
      },
    );
    // Not cleared with the effect (the next hint's must not cancel this one's moment), only on unmount.
    const moment = setTimeout(() => {
      moments.current.delete(moment);
      // All answered within the moment (the usual case once looked for): nothing to draw again.
      const waiting = disbursementNumbers.filter((n) => !answered.current.has(n));
      if (waiting.length > 0) setLooking((before) => new Set([...before, ...waiting]));
    }, ANSWER_GRACE_MS);
    moments.current.add(moment);
  }, [backend, companyId, key, funded]);
  return looking;
}
