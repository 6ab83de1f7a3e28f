import type { Watch } from '../../domain/watch';
import type { RequestOf } from '../../messaging';
import { markIntentPressed, takeIntent } from '../../store/intent-store';
import { getWatch } from '../../store/watch-store';
import { commitTransitions } from '../state/commit-transitions';
import type { Engine } from '../engine';
import { runEffects } from '../state/effect-runner';

type Pressed = RequestOf<'fix.pressed'>;

const DEFAULT_WORDS: Record<Exclude<Pressed['outcome'], 'pressed'>, string> = {
  page_refused: 'Procore refused the export on its ERP Integrations page; nothing was exported.',
  page_error: 'The ERP Integrations page could not press Export; nothing was exported.',
};

/**
 * What the page reports after pressing Procore's Export. Pressed: the record stays "checking"
 * until the poll reads a result newer than the intent (or the grace period passes). Refused or
 * broken in the page: nothing was exported; the record shows the page's words and may be fixed again.
 */
export async function fixPressed(engine: Engine, { payoutId, intentId, outcome, message }: Pressed): Promise<Watch> {
  const watch = await getWatch(engine.db, payoutId);
  if (!watch) throw new Error(`ERP Sync Watch is not watching payment record ${payoutId}.`);
  const stale = 'This fix is no longer the current one for the record (its outcome was already read from Procore).';
  if (outcome === 'pressed') {
    if (!(await markIntentPressed(engine.db, payoutId, intentId, engine.now()))) throw new Error(stale);
    return watch;
  }
  if (!(await takeIntent(engine.db, payoutId, intentId))) throw new Error(stale);
  const words = message?.trim() || DEFAULT_WORDS[outcome];
  const { watches, effects, faults } = await commitTransitions(engine, [
    { watch, event: { type: 'reexport_refused', httpStatus: 0, message: words }, actor: 'user', why: `Export not done on the ERP Integrations page: ${words}` },
  ]);
  await runEffects(engine, effects);
  if (faults.length) throw new Error(faults.map((f) => f.message).join(' '));
  return watches[0] ?? (await getWatch(engine.db, payoutId)) ?? watch;
}
