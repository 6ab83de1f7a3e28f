import type { WatchEffect } from '../../domain/watch-effect';
import { appendAudit } from '../../store/audit-log';
import { getWatch } from '../../store/watch-store';
import { updateBadge } from '../notify/badge';
import type { Engine } from '../engine';
import { deliverOutbox } from '../notify/notification-outbox';
import { armDeadlineAlarm } from '../poll/scheduler';

/**
 * Runs what `transition` asked for, after the new state was stored: one grouped notification
 * per company (from the outbox the commit filled), the deadline alarm, the badge. `reexport`
 * effects belong to the fixer, which asked for them and sends the export itself under its lease
 * and intent.
 */
export async function runEffects(engine: Engine, effects: readonly WatchEffect[]): Promise<void> {
  await deliverOutbox(engine);
  if (effects.some((e) => e.type === 'schedule')) await armDeadlineAlarm(engine);
  for (const effect of effects) {
    if (effect.type !== 'escalate') continue;
    const watch = await getWatch(engine.db, effect.payoutId);
    await appendAudit(engine.db, [
      {
        at: engine.now(),
        payoutId: effect.payoutId,
        companyId: watch?.companyId ?? null,
        actor: 'engine',
        action: 'escalated',
        before: null,
        after: watch?.state ?? null,
        why: 'Two fixes for the same cause failed: the support summary is ready to copy.',
      },
    ]);
  }
  await updateBadge(engine);
}
