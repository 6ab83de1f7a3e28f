import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultTable } from './api/faults';
import { writeJson, writeText } from './api/http-io';
import { RateLimiter, type RateLimits } from './api/rate-limiter';
import { handleApi } from './api/api-pipeline';
import type { ApiRoute } from './api/api-route';
import { internalRoutes } from './api/internal-routes';
import { PUBLIC_ROUTES } from './api/public-routes';
import { handleAuth } from './auth/auth-routes';
import { ACCESS_TOKEN_LIFETIME_S, OAuthServer } from './auth/oauth-server';
import { SessionStore } from './auth/session-store';
import { handleControl } from './control';
import { handlePageRequest } from './pages/index';
import type { ErpTabKind, GridLayoutSetting } from './pages/page-shell';
import { SCENARIOS, type ScenarioName } from './scenarios';
import { SimScheduler, WALL_CLOCK, type SimTimers } from './sim-scheduler';
import { SimStore } from './store';
import { DEFAULT_VARIANT, simVariant } from './variant';
import type { Zone } from './vocabulary';

export interface SimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  scenario?: ScenarioName;
  seed?: number;
  /** The ERP sync window; every simulated ERP delay scales with it (default 10 minutes). */
  windowMs?: number;
  /** Per user (default 3,600 an hour and 50 per 10 seconds). */
  rateLimit?: RateLimits;
  accessTokenLifetimeSec?: number;
  /** How often the ERPs print their own next check (default a fifth of the window). */
  erpCheckIntervalMs?: number;
  gridLayout?: GridLayoutSetting;
  /** Where the pages' internal endpoints live and how they wrap records (default: some N; never rely on which). */
  variant?: number;
  /**
   * The internal disbursement list carries each disbursement's payouts (default: it does not, and
   * the detail GET gives them): one list read then knows thousands of records.
   */
  listPayouts?: boolean;
  /** The ERP Integrations payment records: a server-rendered table (html, default) or an AG Grid. */
  erpTab?: ErpTabKind;
  /** The sandbox's time (default the wall clock): a benchmark passes a VirtualClock it moves on. */
  clock?: SimTimers;
}

export interface Sim {
  /** The US01 origin (http://127.0.0.1:PORT). */
  readonly origin: string;
  /** Each zone's origin: us01 on 127.0.0.1, us02 on localhost, same port. */
  readonly zones: Record<Zone, string>;
  /** The current store (a reset replaces it). */
  readonly store: SimStore;
  readonly options: Required<Pick<SimOptions, 'scenario' | 'seed' | 'windowMs'>>;
  reset(options?: { scenario?: ScenarioName; seed?: number; windowMs?: number }): void;
  close(): Promise<void>;
}

export const DEFAULT_WINDOW_MS = 600_000;
export const DEFAULT_RATE_LIMIT: RateLimits = { hourly: 3600, tenSecond: 50 };

export function buildStore(scenario: ScenarioName, seed: number, windowMs: number, erpCheckIntervalMs?: number, clock: SimTimers = WALL_CLOCK): SimStore {
  const store = new SimStore({ seed, windowMs, now: clock.now, scheduler: new SimScheduler(clock) });
  SCENARIOS[scenario](store);
  store.startErpActivity(erpCheckIntervalMs);
  return store;
}

/** Starts the local Procore sandbox: API, sign-in, OAuth, pages and controls on one origin. */
export async function startSim(options: SimOptions = {}): Promise<Sim> {
  const settings = { scenario: options.scenario ?? 'basic', seed: options.seed ?? 1, windowMs: options.windowMs ?? DEFAULT_WINDOW_MS };
  const clock = options.clock ?? WALL_CLOCK;
  let store = buildStore(settings.scenario, settings.seed, settings.windowMs, options.erpCheckIntervalMs, clock);
  const sessions = new SessionStore();
  const oauth = new OAuthServer(options.accessTokenLifetimeSec ?? ACCESS_TOKEN_LIFETIME_S);
  const rateLimiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const faults = new FaultTable();
  // Injected response delays outlive a reset of the store, so they have a scheduler of their own.
  const requestTimers = new SimScheduler(clock);
  let origin = '';
  let port = 0;
  const startedAt = clock.now();
  const variant = { ...simVariant(options.variant ?? DEFAULT_VARIANT), listPayouts: options.listPayouts ?? false };
  const erpTab = options.erpTab ?? 'html';
  const routes: ApiRoute[] = [...PUBLIC_ROUTES, ...internalRoutes(variant)];
  const zones = (): Record<Zone, string> => ({ us01: origin, us02: `http://localhost:${port}` });
  // The host a request came to decides its zone (Procore's app.procore.com vs us02.procore.com).
  const hostnameOf = (req: IncomingMessage) => (req.headers.host ?? '').replace(/:\d+$/, '');
  const zoneOf = (req: IncomingMessage): Zone => (hostnameOf(req) === 'localhost' ? 'us02' : 'us01');
  const originOf = (req: IncomingMessage) => (['127.0.0.1', 'localhost', '[::1]'].includes(hostnameOf(req)) ? `http://${req.headers.host}` : origin);
  const isApiPath = (path: string) => path.startsWith('/rest/') || routes.some((r) => r.pattern.test(path));

  const reset = (next: { scenario?: ScenarioName; seed?: number; windowMs?: number } = {}) => {
    store.close();
    Object.assign(settings, Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)));
    store = buildStore(settings.scenario, settings.seed, settings.windowMs, options.erpCheckIntervalMs, clock);
  };
  const describe = () => ({
    origin,
    zones: zones(),
    scenario: settings.scenario,
    seed: settings.seed,
    windowMs: settings.windowMs,
    variant: variant.n,
    erpTab,
    startedAt: new Date(startedAt).toISOString(),
    now: new Date(clock.now()).toISOString(),
    rateLimit: rateLimiter.limits,
    pendingTimers: store.scheduler.pending,
    users: store.state.users.map((u) => ({ id: u.id, login: u.login, name: u.name, companyIds: u.companyIds, paymentsRole: u.paymentsRole })),
    companies: [...store.state.companies.values()].map((c) => ({ id: c.id, name: c.name, zone: c.zone, erpApiAccess: c.erpApiAccess, erp: c.erp })),
    counts: {
      disbursements: store.state.disbursements.size,
      payouts: store.state.payouts.size,
      invoices: store.state.invoices.size,
      requestDetails: store.state.requestDetails.size,
      ledgerRecords: store.state.ledger.records.length,
      ledgerViolations: store.state.ledger.violations.length,
    },
    faults: faults.list().length,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', originOf(req));
    // Node writes the wall clock's Date otherwise; the engine sets its server time by this header.
    res.setHeader('Date', new Date(clock.now()).toUTCString());
    if (req.method === 'OPTIONS') return writeText(res, 204, '', {});
    if (url.pathname.startsWith('/__sim/')) {
      return handleControl(req, res, url, { store: () => store, reset, describe, sessions, oauth, faults, rateLimiter, variant });
    }
    if (isApiPath(url.pathname)) {
      return handleApi(req, res, { store: () => store, sessions, oauth, rateLimiter, faults, scheduler: () => requestTimers, now: clock.now, variant, routes, originOf, zoneOf });
    }
    if (url.pathname.startsWith('/oauth/')) {
      // The sign-in server can be slow or down too: delay and status faults apply (RFC 6749 body).
      const fault = faults.take(req.method ?? 'GET', url.pathname);
      if (fault?.delayMs) await requestTimers.wait(fault.delayMs);
      if (fault?.status !== undefined) {
        const headers: Record<string, string> = fault.status === 503 || fault.status === 429 ? { 'Retry-After': String(fault.retryAfter ?? 1) } : {};
        return writeJson(res, fault.status, { error: 'temporarily_unavailable', error_description: `Injected fault (HTTP ${fault.status})` }, headers);
      }
    }
    if (await handleAuth(req, res, url, { store: () => store, sessions, oauth })) return;
    const userId = sessions.userIdOf(req);
    const user = userId === undefined ? null : (store.user(userId) ?? null);
    if (url.pathname === '/') {
      res.writeHead(302, { Location: user ? `/${user.companyIds[0] ?? ''}/company/payments/disbursements` : '/login' });
      return void res.end();
    }
    await handlePageRequest(req, res, { store, user, url, origin: originOf(req), zone: zoneOf(req), zones: zones(), sessions, variant, erpTab, gridLayout: options.gridLayout });
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeJson(res, 500, { errors: error instanceof Error ? error.message : 'Internal error' });
      else res.destroy();
    });
  };
  const listen = (server: ReturnType<typeof createServer>, at: number, host: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, host, () => resolve());
    });
  const server = createServer(listener);
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? 0, host);
  const address = server.address() as AddressInfo;
  port = address.port;
  origin = `http://${address.address}:${address.port}`;
  // `localhost` may resolve to ::1 first: the same port there, when the system has IPv6.
  const servers = [server];
  if (host === '127.0.0.1') {
    const v6 = createServer(listener);
    await listen(v6, port, '::1').then(
      () => servers.push(v6),
      () => undefined,
    );
  }

  return {
    get origin() {
      return origin;
    },
    get zones() {
      return zones();
    },
    get store() {
      return store;
    },
    options: settings,
    reset,
    async close() {
      store.close();
      requestTimers.close();
      await Promise.all(
        servers.map((s) => {
          s.closeAllConnections();
          return new Promise<void>((resolve) => s.close(() => resolve()));
        }),
      );
    },
  };
}
