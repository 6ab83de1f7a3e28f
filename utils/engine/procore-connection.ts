import type { Settings } from '../domain/settings';
import { sessionAuth } from '../procore/auth';
import { oauthAuth } from '../procore/oauth';
import { procoreOrigins, requestOrigin } from '../procore/origins';
import { ProcoreClient } from '../procore/procore-client';
import { ProcoreHttp } from '../procore/procore-http';
import { RateGovernor } from '../procore/rate-governor';
import type { Engine } from './engine';

// One governor per origin for the worker's life: the rate budget belongs to the user at that origin.
const governors = new Map<string, RateGovernor>();

export function governorFor(origin: string): RateGovernor {
  let governor = governors.get(origin);
  if (!governor) {
    governor = new RateGovernor();
    governors.set(origin, governor);
  }
  return governor;
}

/** A client for the configured origin and way in; each response's `Date` corrects the engine's clock. */
export function procoreClient(engine: Engine, settings: Settings, fetchFn?: typeof fetch, governor?: RateGovernor): ProcoreClient {
  const origin = requestOrigin(settings);
  const auth =
    settings.authMode === 'oauth'
      ? oauthAuth({ loginOrigin: procoreOrigins(settings).login, clientId: settings.oauthClientId })
      : sessionAuth;
  return new ProcoreClient(
    new ProcoreHttp({
      origin,
      auth,
      governor: governor ?? governorFor(origin),
      fetch: fetchFn,
      clockOffsetMs: () => engine.clockOffsetMs,
      signal: engine.connectionSignal,
      onServerDate: (dateHeader, localMs) => engine.observeServerDate(dateHeader, localMs),
    }),
  );
}
