import { memo, useRef } from 'react';
import type { DisbursementRowData } from '../../utils/page/disbursements-grid';
import { pageLinks } from '../../utils/page/routes';
import { countdown, describeDisbursement } from '../../utils/overlay/watch-view';
import { firstSeenFunded } from '../../utils/overlay/first-seen-funded';
import { SYNC_WINDOW_MS } from '../../utils/domain/sync-window';
import { formatCents } from '../../utils/domain/money';
import { useOverlay } from '../../components/overlay/overlay-context';
import { PopoverPill } from '../../components/overlay/PopoverPill';
import { RecordDetails } from '../../components/overlay/RecordDetails';
import { useMilestone } from '../../components/overlay/use-milestone';
import { useRoomBesideText } from '../../components/overlay/use-room-beside-text';
import { useServerNow, useWatchStore } from '../../components/overlay/use-watches';


/**
 * Disbursements tab: the ERP sync of one disbursement, after its Drawdown Status in the room the
 * status leaves (just the icon when the words do not fit; they stay its name). `looking`: the
 * background is reading Procore for this disbursement (one it has looked for and does not watch
 * shows nothing, nor does one it answers for within a moment).
 */
export const DisbursementBadge = memo(
  function DisbursementBadge({ row, looking }: { row: DisbursementRowData; looking: boolean }) {
  const { companyId, href } = useOverlay();
  const store = useWatchStore();
  const watches = store.forDisbursementNumber(row.disbursementNumber);
  const now = useServerNow();
  // A row the page shows funded gets its countdown while the background reads Procore for it,
  // counted from when this page first showed it funded, marked estimated until confirmed.
  const provisional = row.fundingComplete && looking && watches.length === 0;
  // Noted when first drawn funded, not when the estimate shows: the countdown starts then.
  const seenFunded = row.fundingComplete ? firstSeenFunded(companyId, row.disbursementNumber, now) : now;
  const view =
    describeDisbursement(watches, store.paymentSyncEnabled(companyId), now) ??
    (provisional ? countdown(seenFunded + (store.status?.syncWindowMs ?? SYNC_WINDOW_MS), true, now) : null);
  useMilestone(view?.milestone ?? null, `Disbursement ${row.disbursementNumber}: ${view?.label ?? ''}`);
  const inside = useRef<HTMLSpanElement>(null);
  // Widest first: the words, the clock alone (a countdown), the icon (the words stay its name).
  const forms = view?.countdown ? [view, countdown(view.countdown.deadline, view.countdown.estimated, now, true)] : view ? [view] : [];
  // Digits do not change the width (tabular figures): a ticking countdown does not re-measure.
  const form = useRoomBesideText(inside, forms.length + 1, (view?.text ?? '').replace(/\d/g, '0'));
  if (!view) return null;
  const drawn = forms[form] ? { ...forms[form], hint: form > 0 ? view.text : undefined } : { ...view, text: '', hint: view.text };

  const records = watches.filter((w) => w.state !== 'dismissed');
  return (
    <span ref={inside} className="beside-text">
    <PopoverPill view={drawn} title={`Disbursement ${row.disbursementNumber}: payment records`}>
      {records.length === 0 ? <p className="muted">{view.label}.</p> : null}
      {provisional ? <p className="muted">Counted from when this page first showed it funded, while ERP Sync Watch confirms it with Procore.</p> : null}
      <ul>
        {records.map((watch) => (
          <li key={watch.payoutId}>
            <span>
              <strong>{watch.invoiceNumber}</strong> · {watch.beneficiaryName} · {formatCents(watch.amountCents)}
            </span>
            <RecordDetails watch={watch} now={now} />
          </li>
        ))}
      </ul>
      {records.length > 0 ? <a href={pageLinks.disbursement(href, companyId, records[0]!.disbursementId)}>Open the disbursement</a> : null}
      {records.some((w) => w.fundingCompletedEstimated) ? (
        <p className="muted">Procore did not give the funding-complete time: the countdown starts when the extension first saw it funded.</p>
      ) : null}
    </PopoverPill>
    </span>
  );
},
  // Rows are re-read every frame while scrolling: only a change of what the row shows re-renders.
  (a, b) =>
    a.looking === b.looking &&
    a.row.disbursementNumber === b.row.disbursementNumber &&
    a.row.drawdownStatus === b.row.drawdownStatus &&
    a.row.fundingComplete === b.row.fundingComplete,
);
