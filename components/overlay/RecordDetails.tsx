import type { Watch } from '../../utils/domain/watch';
import { pageLinks } from '../../utils/page/routes';
import { describeWatch } from '../../utils/overlay/watch-view';
import { useOverlay } from './overlay-context';
import { StatusPill } from './StatusPill';

const NEEDS_FIX = new Set<Watch['state']>(['failed', 'escalate', 'overdue']);

/** One payment record in a popover: its state, the cause in words, what to do and where. */
export function RecordDetails({ watch, now }: { watch: Watch; now: number }) {
  const { companyId, href } = useOverlay();
  const state = describeWatch(watch, now);
  return (
    <>
      {state ? <StatusPill view={state} /> : null}
      {watch.diagnosis ? <span>{watch.diagnosis.summary}</span> : null}
      {watch.diagnosis?.fix ? <span className="muted">{watch.diagnosis.fix}</span> : null}
      {watch.state === 'not_exportable' && watch.notExportableReason ? <span>{watch.notExportableReason}</span> : null}
      {NEEDS_FIX.has(watch.state) ? <a href={pageLinks.fixOnErpIntegrations(href, companyId, watch.payoutId)}>Fix it in ERP Integrations, Failed to Export</a> : null}
    </>
  );
}
