// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { disbursementsIn, receivePageTraffic } from '../../../utils/page-traffic/traffic-receiver';
import { TRAFFIC_SOURCE } from '../../../utils/page-traffic/observation';
import { DISBURSEMENT_STATUSES, DisbursementSchema } from '../../../utils/domain/schemas/disbursement';
import { fakeBackend } from '../overlay/overlay-harness';

const disbursement = (n: string) => ({ id: n.replace('D-', ''), disbursementIdentifier: n, status: 'PAYOUT_INITIATED', name: 'May draw' });
const observation = (body: unknown, extra: object = {}) => ({ source: TRAFFIC_SOURCE, method: 'GET', path: '/rest/v1.0/disbursements', query: '', status: 200, text: JSON.stringify(body), ...extra });
const deliver = (data: unknown, from: { origin?: string; source?: Window | null } = {}) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin: from.origin ?? location.origin, source: from.source === undefined ? window : from.source }));

let stop = () => undefined as void;
const numbersIn = (body: unknown) => disbursementsIn(body).map((d) => d.number);
const hints = <T extends { name: string }>(sent: T[]) => sent.filter((m) => m.name === 'page.hints');
beforeEach(() => history.replaceState(null, '', '/8089/company/payments/disbursements'));
afterEach(() => stop());

describe('disbursementsIn', () => {
  it('finds disbursements by their public field names: one, a list, or a list under a key', () => {
    expect(numbersIn(disbursement('D-1'))).toEqual(['D-1']);
    expect(numbersIn([disbursement('D-1'), disbursement('D-2')])).toEqual(['D-1', 'D-2']);
    expect(numbersIn({ data: [disbursement('D-3')], total: 1 })).toEqual(['D-3']);
  });

  it('takes every disbursement the domain schema takes', () => {
    const full = {
      ...disbursement('D-5'),
      fundingAccountId: 'fa_1',
      amount: 450000,
      currencyCode: 'USD',
      statusMessage: null,
      createdAt: '2026-11-20T15:00:00Z',
      updatedAt: '2026-11-20T15:00:00Z',
      payouts: [],
    };
    expect(DisbursementSchema.safeParse(full).success).toBe(true);
    for (const status of DISBURSEMENT_STATUSES) expect(numbersIn({ ...full, status })).toEqual(['D-5']);
  });

  it('says which are funded (the ERP sync has started)', () => {
    const statuses = ['FUNDING_REQUESTED', 'FUNDING_COMPLETED_AWAITING_PAYOUTS', 'PAYOUT_COMPLETED'];
    expect(disbursementsIn(statuses.map((status, i) => ({ ...disbursement(`D-${i}`), status })))).toEqual([
      { number: 'D-0', funded: false },
      { number: 'D-1', funded: true },
      { number: 'D-2', funded: true },
    ]);
  });

  it('says when Procore last changed each, where the page was told', () => {
    expect(disbursementsIn([{ ...disbursement('D-1'), updatedAt: '2026-08-01T12:00:00Z' }, { ...disbursement('D-2'), updatedAt: 'soon' }, { ...disbursement('D-3'), updatedAt: 7 }])).toEqual([
      { number: 'D-1', funded: true, changedAt: Date.parse('2026-08-01T12:00:00Z') },
      { number: 'D-2', funded: true },
      { number: 'D-3', funded: true },
    ]);
  });

  it('keeps nothing else', () => {
    expect(numbersIn([{ id: 1, name: 'x' }, { ...disbursement('D-1'), status: 'SOMETHING' }, { ...disbursement('D-1'), id: '' }, null, 'D-1', 7])).toEqual([]);
    expect(numbersIn({ nested: { deeper: [disbursement('D-1')] } })).toEqual([]);
    const odd = (over: object) => ({ ...disbursement('D-1'), ...over });
    expect(numbersIn([odd({ id: -1 }), odd({ id: 1.5 }), odd({ disbursementIdentifier: '' }), odd({ disbursementIdentifier: 'D'.repeat(101) })])).toEqual([]);
    expect(numbersIn([odd({ disbursementIdentifier: -3 }), odd({ status: 'payout_initiated' }), [disbursement('D-1')]])).toEqual([]);
  });

  it('takes a number as an integer (as Procore publishes it) or a string, and ids of either kind', () => {
    expect(numbersIn([{ ...disbursement('D-1'), disbursementIdentifier: 1042 }, { ...disbursement('D-2'), id: 77 }, { ...disbursement('D-3'), disbursementIdentifier: 'D'.repeat(100) }])).toEqual(['1042', 'D-2', 'D'.repeat(100)]);
  });
});

describe('receivePageTraffic', () => {
  it('sends the disbursements the page was sent as page hints, each number once', async () => {
    const fake = fakeBackend({ 'page.hints': () => ({ ok: true }) });
    stop = receivePageTraffic(window, fake.backend);
    deliver(observation([disbursement('D-1'), disbursement('D-2')]));
    deliver(observation({ data: [disbursement('D-2'), disbursement('D-3')] }));
    await vi.waitFor(() => expect(hints(fake.sent)).toHaveLength(2));
    expect(hints(fake.sent)).toEqual([
      { name: 'page.hints', payload: { companyId: '8089', disbursementNumbers: ['D-1', 'D-2'], funded: ['D-1', 'D-2'] } },
      { name: 'page.hints', payload: { companyId: '8089', disbursementNumbers: ['D-3'], funded: ['D-3'] } },
    ]);
  });

  it('names the funded ones last changed more than two sync windows ago (by this computer\'s clock) as funded long ago', async () => {
    const fake = fakeBackend({ 'page.hints': () => ({ ok: true }) });
    stop = receivePageTraffic(window, fake.backend);
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    deliver(
      observation([
        { ...disbursement('D-1'), updatedAt: ago(90 * 24 * 60) },
        { ...disbursement('D-2'), updatedAt: ago(21) },
        { ...disbursement('D-3'), updatedAt: ago(19) },
        { ...disbursement('D-4'), status: 'FUNDING_REQUESTED', updatedAt: ago(60) },
        disbursement('D-5'),
      ]),
    );
    await vi.waitFor(() => expect(hints(fake.sent)).toHaveLength(1));
    expect(hints(fake.sent)[0]!.payload).toEqual({ companyId: '8089', disbursementNumbers: ['D-1', 'D-2', 'D-3', 'D-4', 'D-5'], funded: ['D-1', 'D-2', 'D-3', 'D-5'], longFunded: ['D-1', 'D-2'] });
  });

  it('ignores messages of another shape, source, origin or window, failed or writing requests, and pages outside a company', async () => {
    const fake = fakeBackend({ 'page.hints': () => ({ ok: true }) });
    stop = receivePageTraffic(window, fake.backend);
    const body = [disbursement('D-9')];
    deliver({ ...observation(body), source: 'someone-else' });
    deliver({ ...observation(body), status: '200' });
    deliver({ ...observation(body), text: JSON.stringify(body).slice(0, -1) });
    deliver({ ...observation(null), text: undefined, body });
    deliver(observation(body, { method: 'POST' }));
    deliver(observation(body, { status: 404 }));
    deliver(observation(body), { origin: 'https://evil.example' });
    deliver(observation(body), { source: null });
    history.replaceState(null, '', '/8089/project/home');
    deliver(observation(body));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hints(fake.sent)).toEqual([]);
    // The same message from this page's window, on a company page, is taken: the filters above did the work.
    history.replaceState(null, '', '/8089/company/payments');
    deliver(observation(body));
    await vi.waitFor(() => expect(hints(fake.sent)).toHaveLength(1));
  });

  it('sends a number again after the background could not take it', async () => {
    let fail = true;
    const fake = fakeBackend({
      'page.hints': () => {
        if (fail) throw new Error('worker restarting');
        return { ok: true };
      },
    });
    stop = receivePageTraffic(window, fake.backend);
    deliver(observation([disbursement('D-1')]));
    await vi.waitFor(() => expect(hints(fake.sent)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    fail = false;
    deliver(observation([disbursement('D-1')]));
    await vi.waitFor(() => expect(hints(fake.sent)).toHaveLength(2));
  });

  it('sends the endpoint of known records once, as a template with ids as placeholders, and no header, cookie or record', async () => {
    const fake = fakeBackend({ 'page.hints': () => ({ ok: true }), 'learn.observed': () => ({ learned: true }) });
    stop = receivePageTraffic(window, fake.backend);
    const body = { drawdowns: [disbursement('D-1')], total: 1 };
    deliver(observation(body, { path: '/pay_web/api/v1/companies/8089/drawdowns', query: '?page=2&sort=-updated_at' }));
    deliver(observation(body, { path: '/pay_web/api/v1/companies/8089/drawdowns', query: '?page=3&sort=-updated_at' }));
    deliver(observation({ data: { ...disbursement('D-7'), payouts: [] } }, { path: '/pay_web/api/v1/companies/8089/drawdowns/3f1c2d3e-4f50-4a1b-9c2d-1e2f3a4b5c6d' }));
    deliver(observation([{ id: 1, name: 'not a record we know' }], { path: '/rest/v1.0/companies/8089/other' }));
    await vi.waitFor(() => expect(fake.sent.filter((m) => m.name === 'learn.observed')).toHaveLength(2));
    expect(fake.sent.filter((m) => m.name === 'learn.observed').map((m) => m.payload)).toEqual([
      { companyId: '8089', method: 'GET', path: '/pay_web/api/v1/companies/8089/drawdowns', query: 'sort=-updated_at', kind: 'disbursement_list', template: '/pay_web/api/v1/companies/{company}/drawdowns', at: ['drawdowns'] },
      {
        companyId: '8089',
        method: 'GET',
        path: '/pay_web/api/v1/companies/8089/drawdowns/3f1c2d3e-4f50-4a1b-9c2d-1e2f3a4b5c6d',
        query: '',
        kind: 'disbursement_detail',
        template: '/pay_web/api/v1/companies/{company}/drawdowns/{id}',
        at: ['data'],
      },
    ]);
  });
});
