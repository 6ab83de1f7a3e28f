// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { disbursementNumbersIn, receivePageTraffic } from '../../../utils/page-traffic/traffic-receiver';
import { TRAFFIC_SOURCE } from '../../../utils/page-traffic/observation';
import { DISBURSEMENT_STATUSES, DisbursementSchema } from '../../../utils/domain/schemas/disbursement';
import { fakeBackend } from '../overlay/overlay-harness';

const disbursement = (n: string) => ({ id: n.replace('D-', ''), disbursementIdentifier: n, status: 'PAYOUT_INITIATED', name: 'May draw' });
const observation = (body: unknown, extra: object = {}) => ({ source: TRAFFIC_SOURCE, method: 'GET', path: '/rest/v1.0/disbursements', query: '', status: 200, body, ...extra });
const deliver = (data: unknown, from: { origin?: string; source?: Window | null } = {}) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin: from.origin ?? location.origin, source: from.source === undefined ? window : from.source }));

let stop = () => undefined as void;
beforeEach(() => history.replaceState(null, '', '/8089/company/payments/disbursements'));
afterEach(() => stop());

describe('disbursementNumbersIn', () => {
  it('finds disbursements by their public field names: one, a list, or a list under a key', () => {
    expect(disbursementNumbersIn(disbursement('D-1'))).toEqual(['D-1']);
    expect(disbursementNumbersIn([disbursement('D-1'), disbursement('D-2')])).toEqual(['D-1', 'D-2']);
    expect(disbursementNumbersIn({ data: [disbursement('D-3')], total: 1 })).toEqual(['D-3']);
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
    for (const status of DISBURSEMENT_STATUSES) expect(disbursementNumbersIn({ ...full, status })).toEqual(['D-5']);
  });

  it('keeps nothing else', () => {
    expect(disbursementNumbersIn([{ id: 1, name: 'x' }, { ...disbursement('D-1'), status: 'SOMETHING' }, { ...disbursement('D-1'), id: '' }, null, 'D-1', 7])).toEqual([]);
    expect(disbursementNumbersIn({ nested: { deeper: [disbursement('D-1')] } })).toEqual([]);
  });
});

describe('receivePageTraffic', () => {
  it('sends the disbursements the page was sent as page hints, each number once', async () => {
    const fake = fakeBackend({ 'page.hints': () => ({ ok: true }) });
    stop = receivePageTraffic(window, fake.backend);
    deliver(observation([disbursement('D-1'), disbursement('D-2')]));
    deliver(observation({ data: [disbursement('D-2'), disbursement('D-3')] }));
    await vi.waitFor(() => expect(fake.sent).toHaveLength(2));
    expect(fake.sent).toEqual([
      { name: 'page.hints', payload: { companyId: '8089', disbursementNumbers: ['D-1', 'D-2'] } },
      { name: 'page.hints', payload: { companyId: '8089', disbursementNumbers: ['D-3'] } },
    ]);
  });

  it('ignores messages of another shape, source, origin or window, failed or writing requests, and pages outside a company', async () => {
    const fake = fakeBackend({ 'page.hints': () => ({ ok: true }) });
    stop = receivePageTraffic(window, fake.backend);
    const body = [disbursement('D-9')];
    deliver({ ...observation(body), source: 'someone-else' });
    deliver({ ...observation(body), status: '200' });
    deliver(observation(body, { method: 'POST' }));
    deliver(observation(body, { status: 404 }));
    deliver(observation(body), { origin: 'https://evil.example' });
    deliver(observation(body), { source: null });
    history.replaceState(null, '', '/8089/project/home');
    deliver(observation(body));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.sent).toEqual([]);
    // The same message from this page's window, on a company page, is taken: the filters above did the work.
    history.replaceState(null, '', '/8089/company/payments');
    deliver(observation(body));
    await vi.waitFor(() => expect(fake.sent).toHaveLength(1));
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
    await vi.waitFor(() => expect(fake.sent).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    fail = false;
    deliver(observation([disbursement('D-1')]));
    await vi.waitFor(() => expect(fake.sent).toHaveLength(2));
  });
});
