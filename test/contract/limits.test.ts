import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from './contract-schemas';
import { contractTarget } from './contract-target';

const target = contractTarget();
const me = '/rest/v1.0/me';
const projects = () => `/rest/v1.0/projects?company_id=${target.companyId}`;

function rateHeaders(response: Response) {
  return {
    limit: Number(response.headers.get('x-rate-limit-limit')),
    remaining: Number(response.headers.get('x-rate-limit-remaining')),
    reset: Number(response.headers.get('x-rate-limit-reset')),
  };
}

describe('rate limits, load, server time', () => {
  it('every API response carries X-Rate-Limit-* and Date, errors included', async () => {
    await target.control('POST', '/rate-limits', { hourly: 1000, tenSecond: 1000 });
    const responses = [
      await target.api(me),
      await target.api(me, { cookie: null }),
      await target.api(projects(), { companyId: null }),
      await target.api('/rest/v1.0/companies/8089/payments/nothing_here'),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 401, 422, 404]);
    for (const r of responses) {
      const h = rateHeaders(r);
      expect(h.limit).toBe(1000);
      expect(h.remaining).toBeGreaterThanOrEqual(0);
      expect(h.reset).toBeGreaterThan(Date.now() / 1000 - 1);
      expect(Math.abs(Date.parse(r.headers.get('date') ?? '') - Date.now())).toBeLessThan(5_000);
    }
    const a = rateHeaders(await target.api(me));
    const b = rateHeaders(await target.api(me));
    expect(b.remaining).toBe(a.remaining - 1);
  });

  it('past the hourly limit: 429 with Remaining 0 and a Reset within the hour', async () => {
    await target.control('POST', '/rate-limits', { hourly: 3, tenSecond: 100 });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await target.api(me);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const h = rateHeaders(last!);
    expect(h).toMatchObject({ limit: 3, remaining: 0 });
    expect(h.reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 3600);
    expect(ErrorBodySchema.safeParse(await last!.json()).success).toBe(true);
  });

  it('past the 10-second window: 429 whose Reset is within 10 seconds, with Retry-After', async () => {
    await target.control('POST', '/rate-limits', { hourly: 1000, tenSecond: 4 });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await target.api(me);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const h = rateHeaders(last!);
    expect(h.remaining).toBe(0);
    expect(h.reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 10);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(last!.headers.get('retry-after'))).toBeLessThanOrEqual(10);
  });

  it('limits are per user: another user is not refused', async () => {
    await target.control('POST', '/rate-limits', { hourly: 2, tenSecond: 100 });
    await target.api(me);
    await target.api(me);
    expect((await target.api(me)).status).toBe(429);
    const other = await target.control<{ cookie: { name: string; value: string } }>('POST', '/session', { login: 'viewer@builder.com' });
    expect((await target.api(me, { cookie: `${other.cookie.name}=${other.cookie.value}` })).status).toBe(200);
  });

  it('under load: 503 with Retry-After, then normal service', async () => {
    await target.control('POST', '/rate-limits', { hourly: 1000, tenSecond: 1000 });
    await target.control('POST', '/faults', { pathPattern: '^/rest/v1\\.0/projects$', status: 503, retryAfter: 7, times: 2 });
    const first = await target.api(projects());
    const second = await target.api(projects());
    const third = await target.api(projects());
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.headers.get('x-rate-limit-remaining')).not.toBeNull();
    expect(ErrorBodySchema.safeParse(await first.json()).success).toBe(true);
  });
});
