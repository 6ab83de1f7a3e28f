import type { Watch } from '../../utils/domain/watch';
import { pageLinks } from '../../utils/page/routes';
import { describeWatch } from '../../utils/overlay/watch-view';
import { useOverlay } from './overlay-context';
import { StatusPill } from './StatusPill';
import { useMilestone } from './use-milestone';
import { useServerNow } from './use-watches';

const NEEDS_FIX = new Set<Watch['state']>(['failed', 'escalate', 'overdue']);

/** A disbursement's Payments card: one payout's state, countdown, cause and where to fix it. */
export function PayoutStatus({ watch }: { watch: Watch }) {
  const { companyId, href } = useOverlay();
  const now = useServerNow(watch.state === 'syncing');
  const view = describeWatch(watch, now);
  useMilestone(view?.milestone ?? null, `Invoice ${watch.invoiceNumber}: ${view?.label ?? ''}`);
  if (!view) return null;
  const cause = watch.diagnosis?.summary ?? (watch.state === 'not_exportable' ? watch.notExportableReason : null);
  return (
    <span className="row-line" data-testid="esw-payout">
      <StatusPill view={view} />
      {cause ? (
        <span className="cause" title={cause}>
          {cause}
        </span>
      ) : null}
      {NEEDS_FIX.has(watch.state) ? <a href={pageLinks.failedToExport(href, companyId)}>Fix in ERP Integrations</a> : null}
    </span>
  );
}
