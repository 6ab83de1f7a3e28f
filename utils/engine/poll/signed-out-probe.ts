import { ProcoreError } from '../../procore/procore-error';
import type { Engine } from '../engine';
import { writeStatus } from './engine-status';
import { poll, type ClientFactory } from './poll-runner';
import { saveGovernor } from './procore-connection';
import { reschedule } from './scheduler';

/**
 * Signed out is a state, not an end: one `/me` through the governor. Its first success says
 * signed in and runs a discovery poll, so tracking resumes with nobody clicking; any other
 * answer leaves the state as it is until the next probe. Returns whether the session is back.
 */
export async function probeSession(engine: Engine, clientFor: ClientFactory): Promise<boolean> {
  const client = await clientFor(engine);
  try {
    await client.me();
  } catch (error) {
    if (!(error instanceof ProcoreError)) throw error;
    if (error.kind === 'signed_out') {
      const status = await writeStatus(engine.db, { signedIn: false });
      engine.hub.publish({ type: 'status', status });
    }
    return false;
  } finally {
    await saveGovernor(engine, client);
  }
  const status = await writeStatus(engine.db, { signedIn: true, lastError: null });
  engine.hub.publish({ type: 'status', status });
  await reschedule(engine);
  await poll(engine, clientFor, { discovery: true, forceCompanies: true });
  return true;
}
