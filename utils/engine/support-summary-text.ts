import { getWatch } from '../store/watch-store';
import type { Engine } from './engine';

/** The text an accountant pastes to ERP support for one record. */
export async function supportSummaryText(engine: Engine, payoutId: string): Promise<string> {
  const watch = await getWatch(engine.db, payoutId);
  if (!watch) throw new Error(`No payment record ${payoutId} is being watched.`);
  // Wired to utils/domain/support-summary.ts when the domain module lands.
  throw new Error('The support summary is not available in this build yet.');
}
