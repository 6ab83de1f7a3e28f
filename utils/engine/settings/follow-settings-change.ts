import type { Settings } from '../../domain/settings';
import type { Engine } from '../engine';
import { writeStatus } from '../poll/engine-status';
import { trackNow } from '../poll/poll-now';
import type { ClientFactory } from '../poll/poll-runner';
import { reschedule } from '../poll/scheduler';
import { companiesChanged, connectionChanged } from './settings-store';

/** The settings in force changed, by the user's hand or by a policy: the engine follows at once. */
export async function followSettingsChange(engine: Engine, clientFor: ClientFactory, before: Settings, after: Settings): Promise<void> {
  const connection = connectionChanged(before, after);
  // Whatever is still asking the old Procore stops now, and what it said is no longer news.
  if (connection) {
    engine.resetConnection();
    engine.hub.publish({ type: 'status', status: await writeStatus(engine.db, { signedIn: null, lastError: null }) });
  }
  await reschedule(engine);
  // Tracking starts now, not at the next alarm (up to two minutes): the popup and any open
  // Procore tab follow the new connection within a poll.
  if (connection || companiesChanged(before, after)) trackNow(engine, clientFor);
}
