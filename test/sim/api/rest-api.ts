import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OAuthServer } from '../auth/oauth-server';
import type { SessionStore } from '../auth/session-store';
import { SimHttpError } from '../sim-error';
import type { SimScheduler } from '../sim-scheduler';
import type { SimStore } from '../store';
import type { SimUser } from '../store-records';
import { mutateBody, type Fault, type FaultTable } from './faults';
import { errorResult, readBody, writeJson, writeText, type ApiResult } from './http-io';
import type { RateLimiter } from './rate-limiter';
import { matchRoute, type RouteMatch } from './rest-routes';

export interface RestDeps {
  store: () => SimStore;
  sessions: SessionStore;
  oauth: OAuthServer;
  rateLimiter: RateLimiter;
  faults: FaultTable;
  scheduler: () => SimScheduler;
  origin: () => string;
}

type Identity = { user: SimUser } | { user: null; reason: string };

function identify(req: IncomingMessage, deps: RestDeps, now: number): Identity {
  const store = deps.store();
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const bearer = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
    const userId = bearer === undefined ? undefined : deps.oauth.userIdOf(bearer.trim(), now);
    if (userId === 'expired') return { user: null, reason: 'The access token expired' };
    const user = userId === undefined ? undefined : store.user(userId);
    return user ? { user } : { user: null, reason: 'The access token is invalid' };
  }
  const sessionUser = deps.sessions.userIdOf(req);
  const user = sessionUser === undefined ? undefined : store.user(sessionUser);
  return user ? { user } : { user: null, reason: 'You are not signed in' };
}

/** Company checks of the contract: Procore-Company-Id present and matching, the user a member with the role. */
function companyOf(req: IncomingMessage, match: RouteMatch, user: SimUser, store: SimStore): number {
  if (match.route.scope === 'none') return 0;
  const header = req.headers['procore-company-id'];
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw || !/^\d+$/.test(raw.trim())) throw new SimHttpError(422, { 'Procore-Company-Id': ['header is required on company-scoped requests'] });
  const companyId = Number(raw.trim());
  if (match.pathCompanyId !== undefined && match.pathCompanyId !== companyId) {
    throw new SimHttpError(422, { 'Procore-Company-Id': ['does not match the company in the path'] });
  }
  if (!store.company(companyId)) throw new SimHttpError(404, 'Company not found');
  if (!user.companyIds.includes(companyId)) throw new SimHttpError(403, 'You do not have access to this company');
  if (match.route.scope === 'payments' && user.paymentsRole === 'none') {
    throw new SimHttpError(403, 'Only a Payments Admin or Payments Disburser can do this');
  }
  return companyId;
}

/** `/rest/...`: identify, rate-limit, inject faults, check the company, route, answer. */
export async function handleRest(req: IncomingMessage, res: ServerResponse, deps: RestDeps): Promise<void> {
  const now = Date.now();
  const origin = deps.origin();
  const url = new URL(req.url ?? '/', origin);
  const method = req.method ?? 'GET';
  const identity = identify(req, deps, now);
  const rateKey = identity.user ? `user:${identity.user.id}` : `anonymous:${req.socket.remoteAddress ?? ''}`;
  const decision = deps.rateLimiter.take(rateKey, now);
  const send = (result: ApiResult, fault?: Fault) => {
    const headers = { ...decision.headers, ...result.headers };
    if (fault?.malformed) return writeText(res, result.status, JSON.stringify(result.body ?? {}).slice(0, 12), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
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
  const match = matchRoute(method, url.pathname);
  if (match === undefined) return send({ status: 404, body: { errors: 'Not found' } }, fault);
  if (match === 'wrong_method') return send({ status: 405, body: { errors: `${method} is not allowed here` } }, fault);
  try {
    const store = deps.store();
    const companyId = companyOf(req, match, identity.user, store);
    const body = method === 'GET' ? {} : await readBody(req);
    const result = match.route.handle({ store, user: identity.user, url, origin, body, companyId }, match.params);
    if (fault?.replyDelayMs) await deps.scheduler().wait(fault.replyDelayMs);
    send(result, fault);
  } catch (error) {
    if (error instanceof SimHttpError) return send(errorResult(error), fault);
    send({ status: 500, body: { errors: error instanceof Error ? error.message : 'Internal error' } });
  }
}
