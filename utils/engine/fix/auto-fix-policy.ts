import { autoFixes, type AutoFix } from '../../domain/auto-fix-policy';
import type { WatchEffect } from '../../domain/watch-effect';
import { getWatches } from '../../store/watch-store';
import type { Engine } from '../engine';
import { notifyFixReady } from '../notify/notifier';

/**
 * The automatic policy for duplicate check numbers, off unless the setting (or policy) turns it
 * on: it prepares the fix (a free check number, which the ERP Integrations page fills in) and
 * says so. It never exports: only a person confirming on Procore's page does.
 */
export async function applyAutoFixPolicy(engine: Engine, effects: readonly WatchEffect[]): Promise<AutoFix[]> {
  const settings = await engine.settings();
  if (!settings.autoFixDuplicateCheckNumbers) return [];
  const failedIds = effects.filter((e) => e.type === 'notify' && e.kind === 'failed').map((e) => e.payoutId);
  const watches = await getWatches(engine.db, failedIds);
  const prepared = autoFixes(true, effects, watches);
  const byCompany = new Map<string, AutoFix[]>();
  for (const fix of prepared) {
    const companyId = watches.get(fix.payoutId)!.companyId;
    byCompany.set(companyId, [...(byCompany.get(companyId) ?? []), fix]);
  }
  for (const [companyId, fixes] of byCompany) await notifyFixReady(engine, companyId, fixes);
  return prepared;
}
