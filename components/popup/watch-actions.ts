import type { WatchState } from '../../utils/domain/watch';

/** The actions a row offers, by state: only what can work for a record in that state. */
export interface RowActions {
  fix: boolean;
  summary: boolean;
  snooze: boolean;
  dismiss: boolean;
}

const PROBLEM: WatchState[] = ['failed', 'escalate', 'overdue', 'not_exportable'];

export function rowActions(state: WatchState): RowActions {
  return {
    // A record that is in flight or won't ever export cannot be fixed by a re-export.
    fix: state === 'failed' || state === 'escalate',
    summary: PROBLEM.includes(state) || state === 're_exporting',
    snooze: PROBLEM.includes(state),
    dismiss: state !== 'syncing' && state !== 're_exporting',
  };
}
