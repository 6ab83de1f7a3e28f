import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OAuthServer } from '../auth/oauth-server';
import type { SessionStore } from '../auth/session-store';
import { SimHttpError } from '../sim-error';
import type { SimScheduler } from '../sim-scheduler';
import type { SimStore } from '../store';
import type { SimUser } from '../store-records';
import type { SimVariant } from '../variant';
import type { Zone } from '../vocabulary';
import { matchRoute, type ApiRoute, type RouteMatch } from './api-route';
import { mutateBody, type Fault, type FaultTable } from './faults';
import { errorResult, readBody, writeJson, writeText, type ApiResult } from './http-io';
import { stringifyJson } from './json-number';
import type { RateLimiter } from './rate-limiter';

export interface ApiDeps {
  store: () => SimStore;
  sessions: SessionStore;
  oauth: OAuthServer;
  rateLimiter: RateLimiter;
  faults: FaultTable;
  scheduler: () => SimScheduler;
  /** The sandbox's clock (rate windows, token expiry). */
  now: () => number;
  variant: SimVariant;
  /** Public and internal routes together. */
  routes: readonly ApiRoute[];
  /** The origin and zone of the host the request came to. */
  originOf: (req: IncomingMessage) => string;
  zoneOf: (req: IncomingMessage) => Zone;
}

type Identity = { user: SimUser; via: 'session' | 'bearer' } | { user: null; reason: string };

function identify(req: IncomingMessage, deps: ApiDeps, now: number): Identity {
  const store = deps.store();
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const bearer = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
    const userId = bearer === undefined ? undefined : deps.oauth.userIdOf(bearer.trim(), now);
    if (userId === 'expired') return { user: null, reason: 'The access token expired' };
    const user = userId === undefined ? undefined : store.user(userId);
    return user ? { user, via: 'bearer' } : { user: null, reason: 'The access token is invalid' };
  }
  const sessionUser = deps.sessions.userIdOf(req);
  const user = sessionUser === undefined ? undefined : store.user(sessionUser);
  return user ? { user, via: 'session' } : { user: null, reason: 'You are not signed in' };
}

/**
 * The company of a request, checked as the contract says: `Procore-Company-Id` present and
 * matching where the route needs it, the user a member, on the right zone's host for a session,
 * with a Payments role for the Payments tool's endpoints and ERP API access for the gated ones.
 */
function companyOf(req: IncomingMessage, match: RouteMatch, identity: { user: SimUser; via: 'session' | 'bearer' }, store: SimStore, zone: Zone): number {
  const scope = match.route.company;
  if (scope === 'none') return 0;
  let companyId = match.pathCompanyId ?? 0;
  if (scope !== 'path') {
    const header = req.headers['procore-company-id'];
    const raw = Array.isArray(header) ? header[0] : header;
    if (!raw || !/^\d+$/.test(raw.trim())) throw new SimHttpError(422, { 'Procore-Company-Id': ['header is required on company-scoped requests'] });
    const fromHeader = Number(raw.trim());
    if (scope === 'path+header' && fromHeader !== companyId) throw new SimHttpError(422, { 'Procore-Company-Id': ['does not match the company in the path'] });
    companyId = fromHeader;
  }
  const company = store.company(companyId);
  if (!company) throw new SimHttpError(404, 'Company not found');
  if (!identity.user.companyIds.includes(companyId)) throw new SimHttpError(403, 'You do not have access to this company');
  // Session calls go to the zone's own host (app. vs us02.); bearer calls share one API host.
  if (identity.via === 'session' && company.zone !== zone) throw new SimHttpError(404, 'Company not found in this region');
  if (match.route.paymentsRole && identity.user.paymentsRole === 'none') throw new SimHttpError(403, 'Only a Payments Admin or Payments Disburser can do this');
  if (match.route.erpApi && company.erpApiAccess === 'forbidden') throw new SimHttpError(403, 'This company is not permitted to use the ERP integration API');
  if (match.route.erpApi && company.erpApiAccess === 'not_found') throw new SimHttpError(404, 'Not found');
  return companyId;
}

/** An API request (public or internal): identify, rate-limit, inject faults, check the company, route, answer. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  const now = deps.now();
  const origin = deps.originOf(req);
  const url = new URL(req.url ?? '/', origin);
  const method = req.method ?? 'GET';
  const identity = identify(req, deps, now);
  const rateKey = identity.user ? `user:${identity.user.id}` : `anonymous:${req.socket.remoteAddress ?? ''}`;
  const decision = deps.rateLimiter.take(rateKey, now);
  const send = (result: ApiResult, fault?: Fault) => {
    const headers = { ...decision.headers, ...result.headers };
    if (fault?.malformed) return writeText(res, result.status, stringifyJson(result.body ?? {}).slice(0, 12), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    const body = fault && (fault.dropField || fault.extraField) && result.status < 300 ? mutateBody(result.body, fault) : result.body;
    writeJson(res, result.status, body, headers);
  };
  if (!decision.allowed) {
    return send({ status: 429, body: { errors: 'Rate limit exceeded. Try again later.' }, headers: { 'Retry-After': String(decision.retryAfter) } });
  }
  const fault = deps.faults.take(method, url.pathname);
  if (fault?.delayMs) await deps.scheduler().wait(fault.delayMs);
  if (fault?.status !== undefined) {
    const busy = fault.status === 503 || fault.status === 429;
    const text = fault.status === 503 ? 'Service Unavailable' : `Injected fault (HTTP ${fault.status})`;
    return send({ status: fault.status, body: { errors: text }, headers: busy ? { 'Retry-After': String(fault.retryAfter ?? 1) } : {} });
  }
  if (!identity.user) return send({ status: 401, body: { errors: identity.reason } }, fault);
  const match = matchRoute(deps.routes, method, url.pathname);
  if (match === undefined) return send({ status: 404, body: { errors: 'Not found' } }, fault);
  if (match === 'wrong_method') return send({ status: 405, body: { errors: `${method} is not allowed here` } }, fault);
  try {
    const store = deps.store();
    const companyId = companyOf(req, match, identity, store, deps.zoneOf(req));
    const body = method === 'GET' ? {} : await readBody(req);
    if (match.route.csrf && !deps.sessions.csrfValid(req, req.headers['x-csrf-token'] ?? body.authenticity_token)) {
      throw new SimHttpError(422, 'Invalid authenticity token');
    }
    const result = match.route.handle({ store, user: identity.user, url, origin, body, companyId, variant: deps.variant }, match.params);
    if (fault?.replyDelayMs) await deps.scheduler().wait(fault.replyDelayMs);
    send(result, fault);
  } catch (error) {
    if (error instanceof SimHttpError) return send(errorResult(error), fault);
    send({ status: 500, body: { errors: error instanceof Error ? error.message : 'Internal error' } });
  }
}
