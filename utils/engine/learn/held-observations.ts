import { sessionOrigin } from '../../procore/origins';
import { deleteMeta, metaKeys, readMeta, writeMeta } from '../../store/meta-store';
import type { Engine } from '../engine';
import type { ClientFactory } from '../poll/poll-runner';
import { confirmObservation, type Observation } from './learned-endpoints';

// One key per kind: a page reports its list and its funding accounts at the same moment, and one
// shared record's read-modify-write would keep only the later.
const HELD_PREFIX = 'learn.held.';

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
  await writeMeta(engine.db, `${HELD_PREFIX}${observation.kind}`, { origin, observation } satisfies Held);
}

/**
 * Confirms the held observations the saved connection now reaches, each by the background's own
 * replay (as any observation); the others wait for a connection that does. True when one was learned.
 */
export async function confirmHeldObservations(engine: Engine, clientFor: ClientFactory): Promise<boolean> {
  const reached: { key: string; held: Held }[] = [];
  for (const key of await metaKeys(engine.db, HELD_PREFIX)) {
    const held = await readMeta<Held>(engine.db, key);
    if (held && (await connectionReaches(engine, held.origin))) reached.push({ key, held });
  }
  if (reached.length === 0) return false;
  await deleteMeta(engine.db, reached.map((r) => r.key));
  const client = await clientFor(engine);
  let learned = false;
  for (const { held } of reached) {
    // One that fails to confirm is dropped, as a live one is: the page teaches again when it is opened.
    learned = (await confirmObservation(engine, client, held.observation).catch(() => null)) !== null || learned;
  }
  return learned;
}
