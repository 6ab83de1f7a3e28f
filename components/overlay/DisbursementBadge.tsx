import { useRef, useState } from 'react';
import type { DisbursementRowData } from '../../utils/page/disbursements-grid';
import { pageLinks } from '../../utils/page/routes';
import { describeDisbursement, describeWatch, type StatusView } from '../../utils/overlay/watch-view';
import { moneyText } from './money-text';
import { useOverlay } from './overlay-context';
import { Popover } from './Popover';
import { StatusPill } from './StatusPill';
import { useMilestone } from './use-milestone';
import { useServerNow, useWatchStore } from './use-watches';

const CHECKING: StatusView = {
  text: 'ERP sync: checking',
  label: 'ERP sync: checking this disbursement with Procore',
  tone: 'muted',
  icon: '…',
  milestone: 'checking',
  ticking: false,
};

/** Disbursements tab: the ERP sync of one disbursement, beside its Drawdown Status. */
export function DisbursementBadge({ row }: { row: DisbursementRowData }) {
  const { companyId, href } = useOverlay();
  const store = useWatchStore();
  const watches = store.forDisbursementNumber(row.disbursementNumber);
  const syncEnabled = store.paymentSyncEnabled(companyId);
  const ticking = watches.some((w) => w.state === 'syncing');
  const now = useServerNow(ticking);
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);

  const view = describeDisbursement(watches, syncEnabled, now) ?? (row.fundingComplete ? CHECKING : null);
  useMilestone(view?.milestone ?? null, `Disbursement ${row.disbursementNumber}: ${view?.label ?? ''}`);
  if (!view) return null;

  const records = watches.filter((w) => w.state !== 'dismissed');
  return (
    <>
      <StatusPill ref={trigger} view={view} expanded={open} onActivate={() => setOpen((was) => !was)} />
      {open ? (
        <Popover title={`Disbursement ${row.disbursementNumber}: payment records`} trigger={trigger} onClose={() => setOpen(false)}>
          {records.length === 0 ? (
            <p className="muted">{view.label}.</p>
          ) : (
            <ul>
              {records.map((watch) => {
                const state = describeWatch(watch, now);
                return (
                  <li key={watch.payoutId}>
                    <span>
                      <strong>{watch.invoiceNumber}</strong> · {watch.beneficiaryName} · {moneyText(watch.amountCents)}
                    </span>
                    {state ? <StatusPill view={state} /> : null}
                    {watch.diagnosis ? <span>{watch.diagnosis.summary}</span> : null}
                    {watch.state === 'not_exportable' && watch.notExportableReason ? <span>{watch.notExportableReason}</span> : null}
                    {['failed', 'escalate', 'overdue'].includes(watch.state) ? (
                      <a href={pageLinks.failedToExport(href, companyId)}>Open Failed to Export in ERP Integrations</a>
                    ) : (
                      <a href={pageLinks.disbursement(href, companyId, watch.disbursementId)}>Open the disbursement</a>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {records.some((w) => w.fundingCompletedEstimated) ? (
            <p className="muted">Procore did not give the funding-complete time; the countdown starts when the extension first saw it funded.</p>
          ) : null}
        </Popover>
      ) : null}
    </>
  );
}
