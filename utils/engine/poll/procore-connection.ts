import type { Settings } from '../../domain/settings';
import { sessionAuth } from '../../procore/auth';
import { oauthAuth } from '../../procore/oauth';
import { procoreOrigins, requestOrigin } from '../../procore/origins';
import { ProcoreClient } from '../../procore/procore-client';
import { ProcoreHttp } from '../../procore/procore-http';
import { RateGovernor, type GovernorState } from '../../procore/rate-governor';
import { readMeta, writeMeta } from '../../store/meta-store';
import type { Engine } from '../engine';

// One governor per origin: the rate budget belongs to the user at that origin. What it learnt
// is stored after each poll and taken over by the next worker, so a wait Procore imposed (a 429's
// Reset an hour away) is not forgotten when the idle worker is stopped.
const governors = new Map<string, RateGovernor>();
const stateKey = (origin: string) => `governor:${origin}`;

export async function governorFor(engine: Engine, origin: string): Promise<RateGovernor> {
  let governor = governors.get(origin);
  if (!governor) {
    governor = new RateGovernor();
    const saved = await readMeta<GovernorState>(engine.db, stateKey(origin));
    if (saved) governor.restore(saved);
    governors.set(origin, governor);
  }
  return governor;
}

export async function saveGovernor(engine: Engine, client: ProcoreClient): Promise<void> {
  await writeMeta(engine.db, stateKey(client.http.origin), client.http.governor.snapshot());
}

/** The client every engine module uses: the configured Procore, its governor taken over from earlier workers. */
export async function engineClient(engine: Engine): Promise<ProcoreClient> {
  const settings = await engine.settings();
  const reported = (await readMeta<string>(engine.db, TAB_ORIGIN_KEY)) ?? null;
  return procoreClient(engine, settings, await governorFor(engine, requestOrigin(settings, reported)), undefined, reported);
}

/** The origin of the Procore tab the user last worked in (content scripts report it). */
export const TAB_ORIGIN_KEY = 'procoreTabOrigin';

export async function rememberTabOrigin(engine: Engine, origin: string): Promise<void> {
  if ((await readMeta<string>(engine.db, TAB_ORIGIN_KEY)) !== origin) await writeMeta(engine.db, TAB_ORIGIN_KEY, origin);
}

/** A client for the configured origin and way in; each response's `Date` corrects the engine's clock. */
export function procoreClient(engine: Engine, settings: Settings, governor: RateGovernor, fetchFn?: typeof fetch, reportedTabOrigin?: string | null): ProcoreClient {
  const origin = requestOrigin(settings, reportedTabOrigin);
  const auth =
    settings.authMode === 'oauth'
      ? oauthAuth({ loginOrigin: procoreOrigins(settings).login, clientId: settings.oauthClientId })
      : sessionAuth;
  return new ProcoreClient(
    new ProcoreHttp({
      origin,
      auth,
      governor,
      fetch: fetchFn,
      clockOffsetMs: () => engine.clockOffsetMs,
      // The offset is applied to the engine's local clock, so it is measured against that clock.
      now: () => engine.localTime(),
      signal: engine.connectionSignal,
      onServerDate: (dateHeader, sentAt, receivedAt) => engine.observeServerDate(dateHeader, sentAt, receivedAt),
    }),
  );
}
