import type { Engine } from '../engine';
import { commitTransitions } from '../state/commit-transitions';
import { runEffects } from '../state/effect-runner';
import { overdueTransitions } from './overdue';

/**
 * A window ended: records past their deadline turn overdue and the grouped notification goes out,
 * from the store alone, before any request (Procore may be hung, limited or signed out). A poll
 * may follow and refine it. Returns how many records turned overdue.
 */
export async function reachDeadlines(engine: Engine): Promise<number> {
  const overdue = await commitTransitions(engine, await overdueTransitions(engine));
  await runEffects(engine, overdue.effects);
  return overdue.watches.length;
}
