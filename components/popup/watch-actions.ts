import { hasKnownFix, reexportCure } from '../../utils/domain/reexport-cure';
import type { Watch, WatchState } from '../../utils/domain/watch';

/** The actions a row offers: only what can work for that record. */
export interface RowActions {
  fix: boolean;
  summary: boolean;
  snooze: boolean;
  dismiss: boolean;
}

const PROBLEM: WatchState[] = ['failed', 'escalate', 'overdue', 'not_exportable'];

export function rowActions(watch: Pick<Watch, 'state' | 'diagnosis'>): RowActions {
  const { state } = watch;
  return {
    // The same rule as the page overlay: an export only where a re-export can cure the cause.
    fix: hasKnownFix(reexportCure(state, watch.diagnosis)),
    summary: PROBLEM.includes(state) || state === 're_exporting',
    snooze: PROBLEM.includes(state),
    dismiss: state !== 'syncing' && state !== 're_exporting',
  };
}
