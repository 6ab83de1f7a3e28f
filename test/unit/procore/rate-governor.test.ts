import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionAuth } from '../../../utils/procore/auth';
import { endpoints } from '../../../utils/procore/endpoints';
import { ProcoreError } from '../../../utils/procore/procore-error';
import { ProcoreHttp } from '../../../utils/procore/procore-http';
import { RateGovernor } from '../../../utils/procore/rate-governor';
import type { Sim } from '../../sim/server';
import { simControl, startTestSim } from '../../sim/testing';
import { sessionFetch } from './sim-session';

describe('rate governor (unit clock)', () => {
  it('never lets more than spikeMax requests into any spike window', async () => {
    let now = 0;
    const governor = new RateGovernor({ spikeMax: 3, now: () => now, sleep: async (ms) => void (now += ms) });
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      await governor.acquire();
      times.push(now);
    }
    for (const t of times) expect(times.filter((u) => u > t - 10_000 && u <= t).length).toBeLessThanOrEqual(3);
    expect(times.at(-1)).toBe(30_000);
  });

  it('keeps half of the hourly budget: stops when remaining falls to half of what the window started with', async () => {
    let now = 1_000_000;
    const governor = new RateGovernor({ spikeMax: 10_000, now: () => now, sleep: async (ms) => void (now += ms) });
    const reset = { limit: 600, resetAt: now + 3_600_000 };
    let remaining = 600;
    let sent = 0;
    await expect(
      (async () => {
        for (;;) {
          await governor.acquire();
          sent++;
          governor.observe(200, { ...reset, remaining: --remaining });
        }
      })(),
    ).rejects.toMatchObject({ kind: 'rate_limited', retryAt: reset.resetAt });
    expect(sent).toBe(300);
  });
});

describe('rate governor: the spike limit it learns from refusals', () => {
  const clock = () => {
    const c = { now: 1_000_000 };
    return { c, governor: new RateGovernor({ now: () => c.now, sleep: async (ms) => void (c.now += ms) }) };
  };
  /** How many requests go out in one spike window from now, waiting as the governor says. */
  const perWindow = async (governor: RateGovernor, c: { now: number }) => {
    const start = c.now;
    let sent = 0;
    while (c.now < start + 10_000) {
      await governor.acquire();
      if (c.now < start + 10_000) sent++;
    }
    return sent;
  };

  it('a storm of refusals that say budget is left (Remaining above 0) does not lower the pace', async () => {
    const { c, governor } = clock();
    for (let i = 0; i < 25; i++) {
      await governor.acquire();
      c.now += 50;
      governor.observe(429, { limit: 3600, remaining: 3000 - i, resetAt: c.now + 3_000_000 }, 1_000);
    }
    expect(governor.snapshot().spikeMax).toBe(20);
  });

  it('a learned limit comes back up by one for each spike window without a refusal', async () => {
    const { c, governor } = clock();
    for (let i = 0; i < 4; i++) await governor.acquire();
    governor.observe(429, { limit: 3600, remaining: 0, resetAt: c.now + 2_000 });
    const learnedAt = c.now;
    const spikeMaxAt = (t: number) => {
      c.now = t;
      governor.delayFor(t);
      return governor.snapshot().spikeMax;
    };
    expect(spikeMaxAt(learnedAt + 9_999)).toBe(3);
    expect(spikeMaxAt(learnedAt + 20_000)).toBe(5);
    expect(spikeMaxAt(learnedAt + 10 * 60_000)).toBe(20);
    expect(await perWindow(governor, c)).toBe(20);
  });
});

describe('rate governor across worker restarts', () => {
  it('a new worker takes over a wait Procore imposed and the hourly budget already spent', async () => {
    const { testEngine } = await import('../engine/engine-fixture');
    const { governorFor, saveGovernor, procoreClient } = await import('../../../utils/engine/poll/procore-connection');
    const engine = await testEngine();
    const origin = `https://restart-${Math.random().toString(36).slice(2)}.procore.test`;
    const first = await governorFor(engine, origin);
    const now = Date.now();
    first.observe(429, { limit: 600, remaining: 0, resetAt: now + 3_600_000 }, null);
    await saveGovernor(engine, procoreClient(engine, { ...(await engine.settings()), environment: 'custom', apiOrigin: origin }, first));

    const fresh = new RateGovernor();
    expect(fresh.delayFor(now)).toBe(0);
    fresh.restore(first.snapshot());
    expect(fresh.delayFor(Date.now())).toBeGreaterThan(3_500_000);
    const { readMeta } = await import('../../../utils/store/meta-store');
    expect(await readMeta(engine.db, `governor:${origin}`)).toMatchObject({ blockedUntil: now + 3_600_000 });
  });
});

describe('rate governor against the sim', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  const client = async (governor: RateGovernor) => {
    const fetchFn = await sessionFetch(sim!.origin);
    return { http: new ProcoreHttp({ origin: sim!.origin, auth: sessionAuth, governor, fetch: fetchFn }), statuses: fetchFn.statuses };
  };

  it('spends at most half of a 600-an-hour budget and never draws a 429', async () => {
    sim = await startTestSim({ rateLimit: { hourly: 600, tenSecond: 100_000 } });
    const { http, statuses } = await client(new RateGovernor({ spikeMax: 100_000 }));
    let ok = 0;
    let stop: unknown;
    for (let i = 0; i < 400 && !stop; i++) {
      await http.request(endpoints.me()).then(
        () => ok++,
        (error: unknown) => (stop = error),
      );
    }
    expect(stop).toBeInstanceOf(ProcoreError);
    expect((stop as ProcoreError).kind).toBe('rate_limited');
    expect(((stop as ProcoreError).retryAt ?? 0) - Date.now()).toBeGreaterThan(3_000_000);
    // The sign-in of sessionFetch is not an API request; the budget is all ours.
    expect(ok).toBe(300);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
  });

  it('in a 429 storm from a spike window smaller than it assumed, waits for Reset and draws no 429 after the first', async () => {
    sim = await startTestSim({ rateLimit: { hourly: 600, tenSecond: 4 } });
    const { http, statuses } = await client(new RateGovernor());
    const started = Date.now();
    for (let i = 0; i < 7; i++) await http.request(endpoints.me());
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    // The 5th request was refused, so the 5th success waited for the next 10-second window.
    expect(Date.now() - started).toBeGreaterThan(5_000);
  }, 30_000);

  it('honours Retry-After on 503 and retries network errors and 5xx with backoff', async () => {
    sim = await startTestSim();
    await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/me$', status: 503, retryAfter: 1, times: 1 });
    const governor = new RateGovernor();
    const { http, statuses } = await client(governor);
    const started = Date.now();
    await expect(http.request(endpoints.me())).resolves.toMatchObject({ status: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(statuses).toEqual([503, 200]);

    await simControl(sim.origin, 'POST', '/faults', { pathPattern: '/me$', status: 500, times: 2 });
    const waits: number[] = [];
    let failNetwork = 1;
    const flaky = (await sessionFetch(sim.origin)) as typeof fetch;
    const http2 = new ProcoreHttp({
      origin: sim.origin,
      auth: sessionAuth,
      governor,
      fetch: async (input, init) => {
        if (failNetwork-- > 0) throw new TypeError('fetch failed');
        return flaky(input, init);
      },
      sleep: async (ms) => void waits.push(ms),
      random: () => 1,
    });
    await expect(http2.request(endpoints.me())).resolves.toMatchObject({ status: 200 });
    // network error, then two 500s: three waits doubling from 500 ms.
    expect(waits).toEqual([500, 1000, 2000]);
  }, 20_000);

  it('a cancelled request is not sent', async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    const http = new ProcoreHttp({ origin: 'https://p.test', auth: sessionAuth, governor: new RateGovernor(), fetch: fetchSpy });
    const controller = new AbortController();
    controller.abort();
    await expect(http.request(endpoints.me(), { signal: controller.signal })).rejects.toMatchObject({ kind: 'aborted' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
