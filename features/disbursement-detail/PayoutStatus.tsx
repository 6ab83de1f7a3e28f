import type { Watch } from '../../utils/domain/watch';
import { describeWatch } from '../../utils/overlay/watch-view';
import { PopoverPill } from '../../components/overlay/PopoverPill';
import { RecordDetails } from '../../components/overlay/RecordDetails';
import { useMilestone } from '../../components/overlay/use-milestone';
import { useServerNow } from '../../components/overlay/use-watches';

/** A disbursement's Payments card: one payout's state and countdown; its cause and fix link open from it. */
export function PayoutStatus({ watch }: { watch: Watch }) {
  const now = useServerNow();
  const view = describeWatch(watch, now);
  useMilestone(view?.milestone ?? null, `Invoice ${watch.invoiceNumber}: ${view?.label ?? ''}`);
  if (!view) return null;
  return (
    <PopoverPill view={view} title={`Invoice ${watch.invoiceNumber}, ${watch.beneficiaryName}: ERP sync`}>
      <RecordDetails watch={watch} now={now} />
    </PopoverPill>
  );
}
