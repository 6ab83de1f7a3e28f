import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultTable } from './api/faults';
import { readBody, writeJson } from './api/http-io';
import type { RateLimiter } from './api/rate-limiter';
import { disbursementJson } from './api/serialize';
import type { OAuthServer } from './auth/oauth-server';
import { sessionCookie, type SessionStore } from './auth/session-store';
import { createFromSpec } from './disbursement-spec';
import { isScenarioName, type ScenarioName } from './scenarios';
import { SimHttpError } from './sim-error';
import type { SimStore } from './store';
import type { SimDisbursement, SimErpSettings } from './store-records';
import type { SimVariant } from './variant';
import { CONNECTORS, INVOICE_ERP_STATUSES, type Connector, type InvoiceErpStatus } from './vocabulary';

export interface ControlDeps {
  store: () => SimStore;
  reset: (options: { scenario?: ScenarioName; seed?: number; windowMs?: number }) => void;
  describe: () => Record<string, unknown>;
  sessions: SessionStore;
  oauth: OAuthServer;
  faults: FaultTable;
  rateLimiter: RateLimiter;
  variant: SimVariant;
}

/**
 * A disbursement as the contract shapes it, and beside it (for tests only) the contract payment
 * id of each payout, as a decimal string (null before Funding Complete).
 */
const disbursementWithIds = (store: SimStore, d: SimDisbursement) => ({
  ...disbursementJson(store, d),
  contractPaymentIds: store.payoutsOf(d).map((p) => p.contractPaymentId),
});

const int = (body: Record<string, unknown>, name: string, min = 0): number | undefined => {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw new SimHttpError(422, { [name]: [`must be an integer >= ${min}`] });
  return v;
};

/** Everything under `/__sim/`: the sandbox's own controls for tests and the demo (README). */
export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, deps: ControlDeps): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.slice('/__sim'.length);
  const ok = (body: unknown, status = 200, headers: Record<string, string> = {}) => writeJson(res, status, body, headers);
  try {
    const store = deps.store();
    const body = method === 'GET' || method === 'DELETE' ? {} : await readBody(req);
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/state') return ok(deps.describe());
    // The variant's internal endpoints, for tests of the sandbox; the extension never reads /__sim/.
    if (method === 'GET' && path === '/variant') return ok(deps.variant);
    if (method === 'GET' && path === '/ledger') return ok({ records: store.state.ledger.records, violations: store.state.ledger.violations });
    if (method === 'POST' && path === '/reset') {
      const scenario = body.scenario;
      if (scenario !== undefined && (typeof scenario !== 'string' || !isScenarioName(scenario))) throw new SimHttpError(422, { scenario: ['unknown scenario'] });
      deps.reset({ scenario, seed: int(body, 'seed'), windowMs: int(body, 'windowMs', 1) });
      deps.faults.clear();
      deps.rateLimiter.reset();
      return ok(deps.describe());
    }
    if (method === 'POST' && path === '/session') {
      const login = typeof body.login === 'string' ? body.login : store.state.users[0]?.login;
      const user = login === undefined ? undefined : store.userByLogin(login);
      if (!user) throw new SimHttpError(404, 'No such user in this scenario');
      const token = deps.sessions.create(user.id);
      return ok({ user: { id: user.id, login: user.login, name: user.name }, cookie: { name: '_procore_session', value: token } }, 200, { 'Set-Cookie': sessionCookie(token) });
    }
    if (path === '/faults') {
      if (method === 'GET') return ok(deps.faults.list().map(({ regex: _regex, ...f }) => f));
      if (method === 'DELETE') {
        deps.faults.clear();
        return ok({ cleared: true });
      }
      if (method === 'POST') {
        const { regex: _regex, ...fault } = deps.faults.add(body);
        return ok(fault, 201);
      }
    }
    if (method === 'POST' && path === '/erp-faults') {
      if (body.kind !== 'transient' && body.kind !== 'stale') throw new SimHttpError(422, { kind: ['must be transient or stale'] });
      store.addErpFault(body.kind, int(body, 'times', 1) ?? 1, int(body, 'companyId') ?? null);
      return ok({ queued: true }, 201);
    }
    if (method === 'POST' && path === '/rate-limits') {
      const hourly = int(body, 'hourly', 1);
      const tenSecond = int(body, 'tenSecond', 1);
      deps.rateLimiter.reset({ hourly: hourly ?? deps.rateLimiter.limits.hourly, tenSecond: tenSecond ?? deps.rateLimiter.limits.tenSecond });
      return ok(deps.rateLimiter.limits);
    }
    if (method === 'POST' && path === '/oauth/expire') {
      deps.oauth.expireAll(Date.now());
      return ok({ expired: true });
    }
    if (method === 'POST' && path === '/erp/tick') {
      store.erp.issueOwnChecks();
      return ok({ issued: true });
    }
    if (method === 'POST' && path === '/disbursements') {
      const d = createFromSpec(store, body);
      return ok(disbursementWithIds(store, d), 201);
    }
    if (method === 'POST' && (m = /^\/fund\/([^/]+)$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      const d = store.state.disbursements.get(id);
      if (!d) throw new SimHttpError(404, 'Disbursement not found');
      return ok(disbursementWithIds(store, store.completeFunding(d.companyId, id)));
    }
    if (method === 'PATCH' && (m = /^\/companies\/(\d+)\/erp$/.exec(path))) {
      const patch: Partial<SimErpSettings> = {};
      if (body.connector !== undefined) {
        if (!CONNECTORS.includes(body.connector as Connector)) throw new SimHttpError(422, { connector: ['unknown connector'] });
        patch.connector = body.connector as Connector;
      }
      for (const key of ['paymentSyncEnabled', 'connectorOnline'] as const) {
        if (body[key] !== undefined) {
          if (typeof body[key] !== 'boolean') throw new SimHttpError(422, { [key]: ['must be true or false'] });
          patch[key] = body[key];
        }
      }
      if (body.closedThrough !== undefined) {
        if (body.closedThrough !== null && (typeof body.closedThrough !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(body.closedThrough))) throw new SimHttpError(422, { closedThrough: ['must be YYYY-MM-DD or null'] });
        patch.closedThrough = body.closedThrough as string | null;
      }
      return ok(store.updateErpSettings(Number(m[1]), patch).erp);
    }
    if (method === 'POST' && (m = /^\/companies\/(\d+)\/erp\/checks$/.exec(path))) {
      const bank = store.issueErpCheck(Number(m[1]), String(body.bankId ?? ''), int(body, 'checkNumber', 1) ?? 0);
      return ok({ bankId: bank.bankId, ownChecks: [...bank.ownChecks] }, 201);
    }
    if (method === 'PATCH' && (m = /^\/vendors\/(\d+)$/.exec(path))) {
      const vendor = store.vendor(Number(m[1]));
      if (!vendor) throw new SimHttpError(404, 'Vendor not found');
      if (typeof body.erpSynced !== 'boolean') throw new SimHttpError(422, { erpSynced: ['must be true or false'] });
      vendor.erpSynced = body.erpSynced;
      return ok(vendor);
    }
    if (method === 'PATCH' && (m = /^\/invoices\/(\d+)$/.exec(path))) {
      const invoice = store.invoice(Number(m[1]));
      if (!invoice) throw new SimHttpError(404, 'Invoice not found');
      if (body.erpStatus !== undefined) {
        if (!INVOICE_ERP_STATUSES.includes(body.erpStatus as InvoiceErpStatus)) throw new SimHttpError(422, { erpStatus: ['unknown ERP status'] });
        invoice.erpStatus = body.erpStatus as InvoiceErpStatus;
        invoice.originId = invoice.erpStatus === 'synced' ? (invoice.originId ?? `ERP-${invoice.id + 4395}`) : invoice.originId;
      }
      const outside = int(body, 'paidAmountOutsideProcorePay');
      if (outside !== undefined) invoice.paidAmountOutsideProcorePay = outside;
      invoice.updatedAt = Date.now();
      return ok(invoice);
    }
    throw new SimHttpError(404, `No sandbox control ${method} /__sim${path}`);
  } catch (error) {
    if (error instanceof SimHttpError) return ok({ errors: error.errors }, error.status);
    throw error;
  }
}
