import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sim } from '../../../test/sim/server';
import { sessionCookieFor, simControl, startTestSim } from '../../../test/sim/testing';

let sim: Sim;
let cookie: string;
const path = '/rest/v1.0/projects?company_id=8089';
const get = (p = path) => fetch(`${sim.origin}${p}`, { headers: { Cookie: cookie, 'Procore-Company-Id': '8089' } });

beforeAll(async () => {
  sim = await startTestSim({ rateLimit: { hourly: 10_000, tenSecond: 10_000 } });
  cookie = await sessionCookieFor(sim.origin);
});
afterAll(() => sim.close());

describe('fault injection', () => {
  it('malformed JSON keeps the real status and breaks the body', async () => {
    await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/projects$', malformed: true, times: 1 });
    const broken = await get();
    expect(broken.status).toBe(200);
    await expect(broken.json()).rejects.toThrow();
    expect((await get()).status).toBe(200);
    expect(Array.isArray(await (await get()).json())).toBe(true);
  });

  it('drops a field (nested paths go through lists) and adds one', async () => {
    await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/projects$', dropField: 'project_number', extraField: 'surprise', times: 1 });
    const [project] = (await (await get()).json()) as Record<string, unknown>[];
    expect(project).not.toHaveProperty('project_number');
    expect(project).toHaveProperty('surprise');
    await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/projects$', dropField: 'company.name', times: 1 });
    const [nested] = (await (await get()).json()) as { company: Record<string, unknown> }[];
    expect(nested!.company).not.toHaveProperty('name');
    expect(nested!.company).toHaveProperty('id');
  });

  it('delays, any status, by method, for a number of requests, and can be cleared', async () => {
    await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/me$', delayMs: 150, times: 1 });
    const started = Date.now();
    expect((await get('/rest/v1.0/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/projects$', method: 'POST', status: 500 });
    expect((await get()).status).toBe(200);
    const post = () => fetch(`${sim.origin}${path}`, { method: 'POST', headers: { Cookie: cookie, 'Procore-Company-Id': '8089', 'Content-Type': 'application/json' }, body: '{}' });
    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(500);
    await simControl(sim.origin, 'DELETE', '/faults');
    expect((await post()).status).toBe(405);
  });

  it('the sign-in server can be down too: /oauth/token answers 503 with Retry-After', async () => {
    await simControl(sim.origin, 'POST', '/faults', { pathPattern: '^/oauth/token$', status: 503, retryAfter: 4, times: 1 });
    const down = await fetch(`${sim.origin}/oauth/token`, { method: 'POST', body: 'grant_type=refresh_token&refresh_token=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('4');
    expect(await down.json()).toMatchObject({ error: 'temporarily_unavailable' });
    const up = await fetch(`${sim.origin}/oauth/token`, { method: 'POST', body: 'grant_type=refresh_token&refresh_token=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(up.status).toBe(400);
  });

  it('refuses a fault it cannot apply', async () => {
    await expect(simControl(sim.origin, 'POST', '/faults', { pathPattern: '(' })).rejects.toThrow(/422/);
    await expect(simControl(sim.origin, 'POST', '/faults', { pathPattern: 'x', status: 99 })).rejects.toThrow(/422/);
  });
});

describe('controls', () => {
  it('fund moves a draft to Funding Complete now and starts its exports', async () => {
    const draft = await simControl<{ id: string; status: string }>(sim.origin, 'POST', '/disbursements', { status: 'draft', payouts: [{}, {}] });
    expect(draft.status).toBe('FUNDING_NOT_INITIATED');
    const funded = await simControl<{ status: string; updatedAt: string; payouts: { id: string; checkNumber: number }[]; contractPaymentIds: string[] }>(sim.origin, 'POST', `/fund/${draft.id}`);
    expect(funded.status).toBe('FUNDING_COMPLETED_AWAITING_PAYOUTS');
    expect(Math.abs(Date.parse(funded.updatedAt) - Date.now())).toBeLessThan(5_000);
    expect(funded.contractPaymentIds.every((id) => /^\d+$/.test(id))).toBe(true);
    expect(funded.payouts.every((p) => p.checkNumber > 0)).toBe(true);
    for (const p of funded.payouts) expect(sim.store.latestRequestDetail(p.id)?.status).toBe('in_progress');
    await expect(simControl(sim.origin, 'POST', `/fund/${draft.id}`)).rejects.toThrow(/409/);
  });

  it('ERP faults: a transient failure, then a stale record', async () => {
    await simControl(sim.origin, 'POST', '/erp-faults', { kind: 'transient', times: 1 });
    await simControl(sim.origin, 'POST', '/erp-faults', { kind: 'stale', times: 1 });
    const d = await simControl<{ payouts: { id: string }[] }>(sim.origin, 'POST', '/disbursements', { payouts: [{ delayFraction: 0 }, { delayFraction: 0 }, { delayFraction: 0 }] });
    expect(d.payouts.map((p) => sim.store.latestRequestDetail(p.id)?.status)).toEqual(['failed', 'stale', 'success']);
  });

  it('reset rebuilds the scenario and state tells what runs', async () => {
    await simControl(sim.origin, 'POST', '/reset', { scenario: 'empty', seed: 9 });
    const state = await simControl<{ scenario: string; seed: number; counts: { disbursements: number } }>(sim.origin, 'GET', '/state');
    expect(state).toMatchObject({ scenario: 'empty', seed: 9, counts: { disbursements: 0 } });
    await expect(simControl(sim.origin, 'POST', '/reset', { scenario: 'nope' })).rejects.toThrow(/422/);
    await simControl(sim.origin, 'POST', '/reset', { scenario: 'basic', seed: 1 });
  });

  it('close() stops the server and clears every timer', async () => {
    const other = await startTestSim({ scenario: 'demo' });
    expect(other.store.scheduler.pending).toBeGreaterThan(0);
    const store = other.store;
    await other.close();
    expect(store.scheduler.pending).toBe(0);
    await expect(fetch(`${other.origin}/__sim/state`)).rejects.toThrow();
  });
});
