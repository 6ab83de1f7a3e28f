import type { WatchEffect } from '../../domain/watch-effect';
import type { ProcoreClient } from '../../procore/procore-client';
import { getWatches } from '../../store/watch-store';
import type { Engine } from '../engine';
import { reExport } from './fixer';

/**
 * The automatic fix, off unless the setting (or policy) turns it on: a record that newly failed
 * as a duplicate check number is re-exported with the suggested free number, through the same
 * guarded fixer a person uses (fresh read, lease, intent, Next Check Number moved past it).
 */
export async function applyAutoFixPolicy(engine: Engine, client: ProcoreClient, effects: readonly WatchEffect[]): Promise<string[]> {
  const settings = await engine.settings();
  if (!settings.autoFixDuplicateCheckNumbers) return [];
  const failedIds = effects.filter((e) => e.type === 'notify' && e.kind === 'failed').map((e) => e.payoutId);
  const watches = await getWatches(engine.db, failedIds);
  const fixed: string[] = [];
  for (const watch of watches.values()) {
    const checkNumber = watch.diagnosis?.suggested?.checkNumber;
    if (watch.state !== 'failed' || watch.diagnosis?.cause !== 'DUPLICATE_CHECK_NUMBER' || checkNumber === undefined) continue;
    try {
      await reExport(engine, client, watch.payoutId, { checkNumber, moveNextCheckNumber: true, by: 'policy' });
      fixed.push(watch.payoutId);
    } catch (error) {
      console.warn('erp-sync-watch: automatic fix not applied', watch.payoutId, error);
    }
  }
  return fixed;
}
