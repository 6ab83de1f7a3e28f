import { autoFixes } from '../../domain/auto-fix-policy';
import type { WatchEffect } from '../../domain/watch-effect';
import type { ProcoreClient } from '../../procore/procore-client';
import { getWatches } from '../../store/watch-store';
import type { Engine } from '../engine';
import { reExport } from './fixer';

/**
 * The automatic fix, off unless the setting (or policy) turns it on: what `autoFixes` picks is
 * re-exported with the suggested free number, through the same guarded fixer a person uses
 * (fresh read, lease, intent, Next Check Number moved past it).
 */
export async function applyAutoFixPolicy(engine: Engine, client: ProcoreClient, effects: readonly WatchEffect[]): Promise<string[]> {
  const settings = await engine.settings();
  if (!settings.autoFixDuplicateCheckNumbers) return [];
  const failedIds = effects.filter((e) => e.type === 'notify' && e.kind === 'failed').map((e) => e.payoutId);
  const fixed: string[] = [];
  for (const { payoutId, checkNumber } of autoFixes(true, effects, await getWatches(engine.db, failedIds))) {
    try {
      await reExport(engine, client, payoutId, { checkNumber, moveNextCheckNumber: true, by: 'policy' });
      fixed.push(payoutId);
    } catch (error) {
      console.warn('erp-sync-watch: automatic fix not applied', payoutId, error);
    }
  }
  return fixed;
}
