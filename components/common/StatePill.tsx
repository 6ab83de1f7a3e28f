import type { WatchState } from '../../utils/domain/watch';
import { STATE_LOOK } from '../../utils/view/state-look';

// Short words for a list; the glyph and colour are the ones the page overlays use.
const WORDS: Record<WatchState, string> = {
  failed: 'Failed',
  escalate: 'Contact ERP support',
  re_exporting: 'Re-exporting',
  not_exportable: 'Will not export',
  overdue: 'Not in ERP yet',
  syncing: 'Syncing',
  synced: 'In ERP',
  awaiting_funding: 'Awaiting funding',
  dismissed: 'Dismissed',
};

/** A watch's state as words plus a glyph; colour only repeats them. */
export function StatePill({ state }: { state: WatchState }) {
  const { icon, tone } = STATE_LOOK[state];
  return (
    <span className={`pill tone-${tone}`}>
      <span aria-hidden="true">{icon}</span>
      <span>{WORDS[state]}</span>
    </span>
  );
}
