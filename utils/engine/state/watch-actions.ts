import type { Watch } from '../../domain/watch';
import type { WatchEvent } from '../../domain/watch-event';
import { getWatch } from '../../store/watch-store';
import { commitTransitions } from './commit-transitions';
import type { Engine } from '../engine';
import { runEffects } from './effect-runner';

/** A user's action on one record (dismiss, snooze): through the state machine, audited as theirs. */
export async function applyUserEvent(engine: Engine, payoutId: string, event: WatchEvent, why: string): Promise<Watch> {
  const watch = await getWatch(engine.db, payoutId);
  if (!watch) throw new Error(`No payment record ${payoutId} is being watched.`);
  const { watches, effects, faults } = await commitTransitions(engine, [{ watch, event, actor: 'user', why }]);
  if (faults.length) throw new Error(faults.map((f) => f.message).join(' '));
  await runEffects(engine, effects);
  return watches[0] ?? watch;
}
