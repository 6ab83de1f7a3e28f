import type { Watch } from './watch';
import type { WatchEffect } from './watch-effect';

export interface AutoFix {
  payoutId: string;
  /** The suggested free check number the re-export carries. */
  checkNumber: number;
}

/**
 * The automatic fixes one cycle calls for, with the setting (or policy) on: records that newly
 * failed (a `failed` notification this cycle) as a duplicate check number with a suggested free
 * number, and still failed as stored. Nothing else is fixed without a person.
 */
export function autoFixes(enabled: boolean, effects: readonly WatchEffect[], watches: ReadonlyMap<string, Watch>): AutoFix[] {
  if (!enabled) return [];
  const fixes: AutoFix[] = [];
  for (const effect of effects) {
    if (effect.type !== 'notify' || effect.kind !== 'failed') continue;
    const watch = watches.get(effect.payoutId);
    const checkNumber = watch?.diagnosis?.suggested?.checkNumber;
    if (watch?.state !== 'failed' || watch.diagnosis?.cause !== 'DUPLICATE_CHECK_NUMBER' || checkNumber === undefined) continue;
    if (!fixes.some((f) => f.payoutId === watch.payoutId)) fixes.push({ payoutId: watch.payoutId, checkNumber });
  }
  return fixes;
}
