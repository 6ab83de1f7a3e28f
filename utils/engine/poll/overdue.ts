import { pastDeadline } from '../../domain/deadline';
import { listWatches } from '../../store/watch-store';
import type { PendingTransition } from '../state/commit-transitions';
import type { Engine } from '../engine';

/**
 * The window's end: records still syncing past their deadline become overdue. It asks Procore
 * nothing, so it runs even when Procore cannot be asked (rate-limited, busy, signed out).
 */
export async function overdueTransitions(engine: Engine): Promise<PendingTransition[]> {
  const late = pastDeadline(await listWatches(engine.db, { states: ['syncing'] }), engine.now());
  return late.map((watch) => ({ watch, event: { type: 'deadline_reached' }, actor: 'engine', why: 'The sync window ended' }));
}
