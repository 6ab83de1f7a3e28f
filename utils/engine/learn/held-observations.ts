import { sessionOrigin } from '../../procore/origins';
import { readMeta, writeMeta } from '../../store/meta-store';
import type { Engine } from '../engine';
import type { ClientFactory } from '../poll/poll-runner';
import { confirmObservation, type Observation } from './learned-endpoints';

const HELD_KEY = 'learn.held';

interface Held {
  origin: string;
  observation: Observation;
}

/** Whether the saved connection reaches the Procore tab at `origin` (else its requests cannot be replayed yet). */
export async function connectionReaches(engine: Engine, origin: string): Promise<boolean> {
  return sessionOrigin(await engine.settings(), origin) === origin;
}

/**
 * Keeps what a Procore tab showed before the extension was set up for that Procore (the user
 * signed in and opened the Payments pages first): the last observation of each kind, to be
 * confirmed once the connection is saved, so a tab already open teaches without a reload.
 */
export async function holdObservation(engine: Engine, origin: string, observation: Observation): Promise<void> {
  const held = ((await readMeta<Held[]>(engine.db, HELD_KEY)) ?? []).filter((h) => h.observation.kind !== observation.kind);
  await writeMeta(engine.db, HELD_KEY, [...held, { origin, observation }]);
}

/**
 * Confirms the held observations the saved connection now reaches, each by the background's own
 * replay (as any observation); the others wait for a connection that does. True when one was learned.
 */
export async function confirmHeldObservations(engine: Engine, clientFor: ClientFactory): Promise<boolean> {
  const held = (await readMeta<Held[]>(engine.db, HELD_KEY)) ?? [];
  if (held.length === 0) return false;
  const waiting: Held[] = [];
  const reached: Held[] = [];
  for (const h of held) ((await connectionReaches(engine, h.origin)) ? reached : waiting).push(h);
  await writeMeta(engine.db, HELD_KEY, waiting);
  if (reached.length === 0) return false;
  const client = await clientFor(engine);
  let learned = false;
  for (const { observation } of reached) {
    // One that fails to confirm is dropped, as a live one is: the page teaches again when it is opened.
    learned = (await confirmObservation(engine, client, observation).catch(() => null)) !== null || learned;
  }
  return learned;
}
