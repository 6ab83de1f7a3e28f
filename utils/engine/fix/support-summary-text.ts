import { buildSupportSummary } from '../../domain/support-summary';
import { getWatch } from '../../store/watch-store';
import { storedCompanies } from '../poll/company-directory';
import type { Engine } from '../engine';

/** The text an accountant pastes to ERP support for one record. */
export async function supportSummaryText(engine: Engine, payoutId: string): Promise<string> {
  const watch = await getWatch(engine.db, payoutId);
  if (!watch) throw new Error(`No payment record ${payoutId} is being watched.`);
  const company = (await storedCompanies(engine)).find((c) => c.id === watch.companyId);
  return buildSupportSummary(watch, { companyName: company?.name });
}
