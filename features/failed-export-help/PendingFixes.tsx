import { useEffect, useState } from 'react';
import type { Watch } from '../../utils/domain/watch';
import { isOverlayNode } from '../../utils/overlay/row-host';
import { useOverlay } from '../../components/overlay/overlay-context';
import { useWatchStore } from '../../components/overlay/use-watches';
import { readPendingFixes, removePendingFix, THIS_PAGE, type PendingFix } from './pending-fix';

const SETTLED = new Set<Watch['state']>(['synced', 'failed', 'escalate', 'not_exportable']);

/** Procore's refusal of this record on the page it loaded after Export (a Rails flash): its words, if any. */
function pageRefusal(doc: Document, invoiceNumber: string): string | null {
  for (const alert of doc.querySelectorAll('[role="alert"]')) {
    if (isOverlayNode(alert)) continue;
    const text = (alert.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.includes(invoiceNumber)) return text;
  }
  return null;
}

/** Where a pressed fix stands: its words, and whether it is over (synced, or answered after the press). */
function progress(fix: PendingFix, watch: Watch | undefined): { words: string; settled: boolean } {
  const invoice = `Invoice ${fix.invoiceNumber}`;
  if (!watch) return { words: `${invoice}: Export pressed. Checking…`, settled: false };
  if (watch.state === 'synced') return { words: `${invoice}: exported, and ${watch.erpName} has it.`, settled: true };
  if (SETTLED.has(watch.state) && watch.stateSince >= fix.at) {
    // The fix's attempt says whether anything went out: rejected means Procore never exported it.
    const attempt = watch.attempts.at(-1);
    if (attempt?.outcome === 'rejected') return { words: `${invoice} was not exported: ${attempt.messages.join(' ')}`, settled: true };
    return { words: `${invoice}: exported, and ${watch.erpName} refused it again: ${watch.diagnosis?.summary ?? watch.request?.messages.join(' ') ?? 'see its row'}.`, settled: true };
  }
  return { words: `${invoice}: Export pressed. Checking with ${watch.erpName}…`, settled: false };
}

/**
 * The fixes this tab pressed, over the table: what became of each, after the page's own reload
 * too (the server-rendered Export reloads the page; the user may reload mid-fix). A fix cut short
 * before its Export was pressed says nothing was exported, and tells the background; one Procore
 * refused says so in Procore's words; one pressed says "checking" until the record's watch answers.
 */
export function PendingFixes() {
  const { backend } = useOverlay();
  const store = useWatchStore();
  const [done, setDone] = useState<string[]>([]);
  const [fixes, setFixes] = useState<PendingFix[]>([]);

  useEffect(() => {
    const storage = sessionStorage;
    const said: string[] = [];
    for (const fix of readPendingFixes(storage)) {
      if (fix.page === THIS_PAGE) continue;
      if (!fix.pressed) {
        removePendingFix(storage, fix.payoutId);
        said.push(`Invoice ${fix.invoiceNumber} was not exported: the page reloaded before Export was pressed. Nothing was sent to the ERP.`);
        if (fix.intentId) {
          const message = 'The page reloaded before Export was pressed: nothing was exported.';
          backend.send('fix.pressed', { payoutId: fix.payoutId, intentId: fix.intentId, outcome: 'page_error', message }).catch(() => undefined);
        }
        continue;
      }
      const refusal = pageRefusal(document, fix.invoiceNumber);
      if (refusal && fix.intentId) {
        removePendingFix(storage, fix.payoutId);
        said.push(`Invoice ${fix.invoiceNumber} was not exported. Procore said: ${refusal}`);
        backend.send('fix.pressed', { payoutId: fix.payoutId, intentId: fix.intentId, outcome: 'page_refused', message: refusal.slice(0, 500) }).catch(() => undefined);
      }
    }
    // Read once per page load; fixes pressed on this page are followed by their rows.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDone(said);
    setFixes(readPendingFixes(storage).filter((fix) => fix.page !== THIS_PAGE));
  }, [backend]);

  const lines = fixes.map((fix) => ({ fix, ...progress(fix, store.forPaymentRecord({ payoutId: fix.payoutId, recordId: null, disbursementNumber: '', invoiceNumber: fix.invoiceNumber, beneficiary: '' })) }));
  useEffect(() => {
    for (const line of lines) if (line.settled) removePendingFix(sessionStorage, line.fix.payoutId);
  });
  if (done.length === 0 && lines.length === 0) return null;
  return (
    <div className="banner" data-testid="esw-pending-fixes">
      <ul>
        {done.map((words) => (
          <li key={words} role="alert">
            {words}
          </li>
        ))}
        {lines.map((line) => (
          <li key={line.fix.payoutId} role="status" aria-live="polite">
            {line.words}
          </li>
        ))}
      </ul>
    </div>
  );
}
