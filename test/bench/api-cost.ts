/**
 * What the engine spends against Procore's rate limit, measured on the sim's `scale` scenario
 * (5 companies, 20,000 payouts of history) with about 1,000 payment records in flight.
 *
 * The engine's schedule is run as its alarms would run it (status poll every 30 s while records
 * sync, discovery every 2 min, a poll at each deadline), compressed in time by `speedup`: the
 * sim's window and every engine interval shrink by the same factor, so one engine-hour takes
 * 60/speedup real minutes. Every request the engine sends is counted.
 *
 * The first STARTUP_MINUTES (reading every record in flight for the first time, the companies)
 * are reported apart from the steady state that follows, both per engine-hour elapsed.
 *
 * `--hourly-limit N` sets the sim's hourly budget. The sim's hourly window is a real hour, which
 * spans the whole compressed run: so the limit applies to the run, and is exactly one hour's
 * budget only for a one-hour run (longer runs with a limit are refused).
 *
 *   npx tsx test/bench/api-cost.ts [--hours 1] [--speedup 20] [--inflight 1000] [--hourly-limit 600]
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RateGovernor } from '../../utils/procore/rate-governor';

export interface ApiCostOptions {
  hours?: number;
  speedup?: number;
  /** Payment records in flight at the start (across the 5 companies). */
  inflight?: number;
  /** New disbursements funded per company every 10 engine-minutes. */
  newPerCompanyEvery10Min?: number;
  /** The sim's hourly request limit (default Procore's 3,600); one-hour runs only. */
  hourlyLimit?: number;
  log?: (line: string) => void;
}

export interface PhaseCost {
  engineMinutes: number;
  requests: number;
  requestsPerHour: number;
  /** Requests per engine-hour, by endpoint. */
  perHourByEndpoint: Record<string, number>;
}

export interface ApiCostResult {
  engineHours: number;
  /** Engine time the run took by the wall clock: more than engineHours when the machine could not keep up (cycles ran late, none was dropped). */
  engineHoursElapsed: number;
  requests: number;
  requestsPerHour: number;
  byEndpoint: Record<string, number>;
  startup: PhaseCost;
  steady: PhaseCost;
  /** The most requests in any 10 engine-seconds. */
  peakPer10s: number;
  cycles: { status: number; discovery: number; deadline: number };
  hourlyLimit: number;
  tenSecondLimit: number;
  /** requestsPerHour as a share of the hourly limit. */
  shareOfHourlyLimit: number;
  watches: Record<string, number>;
  status429: number;
  ledgerViolations: number;
}

const HOURLY_LIMIT = 3600;
const STARTUP_MINUTES = 10;
const TEN_SECOND_LIMIT = 50;

function endpointOf(url: string): string {
  const path = new URL(url).pathname;
  return path.replace(/\/companies\/\d+/, '/companies/{id}').replace(/\/funding_accounts\/[^/]+/, '/funding_accounts/{id}').replace(/\/contract_payments\/[^/]+/, '/contract_payments/{id}');
}

export async function measureApiCost(options: ApiCostOptions = {}): Promise<ApiCostResult> {
  const hours = options.hours ?? 1;
  const speedup = options.speedup ?? 20;
  const inflight = options.inflight ?? 1000;
  const log = options.log ?? (() => undefined);
  const hourlyLimit = options.hourlyLimit ?? HOURLY_LIMIT;
  if (options.hourlyLimit !== undefined && hours !== 1) throw new Error('--hourly-limit needs a one-hour run: the sim counts its hourly window in real time, which spans the whole run.');
  // The engine's modules read `browser` when imported: the fake one must be in place first.
  Object.assign(globalThis, { chrome: fakeBrowser });
  Object.assign(fakeBrowser.runtime, { id: 'bench' });
  const [{ startSim }, testing, { Engine }, { openEngineDb }, { updateSettings }, { poll }, { procoreClient }, { pollPace }, { countByState, nextDeadline }, { readStatus }, { sessionCookieFor }, { forgetCompanies }] =
    await Promise.all([
      import('../sim/server'),
      import('../sim/testing'),
      import('../../utils/engine/engine'),
      import('../../utils/store/engine-db'),
      import('../../utils/engine/settings/settings-store'),
      import('../../utils/engine/poll/poll-runner'),
      import('../../utils/engine/poll/procore-connection'),
      import('../../utils/domain/poll-pace'),
      import('../../utils/store/watch-store'),
      import('../../utils/engine/poll/engine-status'),
      import('../sim/testing'),
      import('../../utils/engine/poll/company-directory'),
    ]);
  const windowMs = Math.round(600_000 / speedup);
  const sim = await startSim({ port: 0, scenario: 'scale', seed: 7, windowMs, rateLimit: { hourly: hourlyLimit, tenSecond: TEN_SECOND_LIMIT } });
  try {
    const companies = [8089, 8091, 8092, 8093, 8094];
    const perCompanyDisbursements = Math.max(0, Math.round((inflight - 100) / companies.length / 4));
    const fund = async (count: number) => {
      for (const companyId of companies) {
        for (let i = 0; i < count; i++) {
          await testing.simControl(sim.origin, 'POST', '/disbursements', { companyId, payouts: [{}, {}, {}, {}] });
        }
      }
    };
    await fund(perCompanyDisbursements);
    log(`sim ${sim.origin}: scale scenario, window ${windowMs} ms (10 min / ${speedup}), ${perCompanyDisbursements * 4 * companies.length + 100} records in flight`);

    const cookie = await sessionCookieFor(sim.origin);
    const started = Date.now();
    // `at`: engine ms of the alarm whose cycle sent it (a slow machine delays cycles, it does not
    // drop them: the schedule, not the wall clock, says which hour a request belongs to).
    // `realAt`: engine ms by the wall clock, for the spike window, which the sim counts in real time.
    let cycleAt = 0;
    const sent: { at: number; realAt: number; endpoint: string; status: number }[] = [];
    const countingFetch: typeof fetch = async (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Cookie', cookie);
      const response = await fetch(input, { ...init, headers });
      sent.push({ at: cycleAt * 1000, realAt: (Date.now() - started) * speedup, endpoint: `${init.method ?? 'GET'} ${endpointOf(String(input))}`, status: response.status });
      return response;
    };
    const engine = await Engine.open(await openEngineDb(`bench-${Date.now()}`), undefined, undefined, async () => windowMs);
    await updateSettings(engine.db, { environment: 'custom', apiOrigin: sim.origin });
    // One governor for the run, as the worker keeps one per origin.
    const governor = new RateGovernor();
    const clientFor = async (e: typeof engine) => procoreClient(e, await e.settings(), governor, countingFetch);

    // The alarms, compressed: the loop jumps from one due alarm to the next (engine-seconds).
    const cycles = { status: 0, discovery: 0, deadline: 0 };
    const totalSeconds = hours * 3600;
    const engineSecondsNow = () => ((Date.now() - started) * speedup) / 1000;
    let nextPoll = 30;
    let nextDiscovery = 0;
    let nextFunding = 600;
    let nextLog = 600;
    for (let guard = 0; guard < 100_000; guard++) {
      const status = await readStatus(engine.db);
      const active = (await countByState(engine.db, 'syncing')) + (await countByState(engine.db, 're_exporting'));
      const waiting = (await countByState(engine.db, 'failed')) + (await countByState(engine.db, 'overdue'));
      const pace = pollPace({ signedIn: status.signedIn, active, waiting });
      const deadline = await nextDeadline(engine.db);
      // As the deadline alarm: the deadline is server time, the alarm local (+250 ms, as armDeadlineAlarm).
      const deadlineAt = deadline === null ? Infinity : ((deadline - engine.clockOffsetMs + 250 - started) * speedup) / 1000;
      const pollAt = pace.pollMinutes === null ? Infinity : nextPoll;
      const discoveryAt = pace.discoveryMinutes === null ? Infinity : nextDiscovery;
      const t = Math.min(pollAt, discoveryAt, deadlineAt, nextFunding, totalSeconds + 1);
      if (t > totalSeconds) break;
      const wait = (t - engineSecondsNow()) * (1000 / speedup);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      cycleAt = t;
      if (t === nextFunding) {
        await fund(options.newPerCompanyEvery10Min ?? 1);
        // Companies are re-read every 10 minutes of wall-clock time; here, of engine time.
        await forgetCompanies(engine.db, { cursors: false });
        nextFunding += 600;
      } else if (t === discoveryAt) {
        await poll(engine, clientFor, { discovery: true });
        cycles.discovery++;
        nextDiscovery = t + (pace.discoveryMinutes ?? 2) * 60;
        nextPoll = t + (pace.pollMinutes ?? 5) * 60;
      } else if (t === pollAt) {
        await poll(engine, clientFor, { discovery: false });
        cycles.status++;
        nextPoll = t + (pace.pollMinutes ?? 5) * 60;
      } else {
        await poll(engine, clientFor, { discovery: false });
        cycles.deadline++;
      }
      if (engineSecondsNow() >= nextLog) {
        log(`t=${Math.round(engineSecondsNow() / 60)} engine-min: ${sent.length} requests so far`);
        nextLog += 600;
      }
    }

    const byEndpoint = countByEndpoint(sent);
    const elapsedSeconds = Math.max(totalSeconds, engineSecondsNow());
    const phase = (from: number, to: number): PhaseCost => {
      const hoursIn = (to - from) / 3600;
      const inPhase = sent.filter((s) => s.at >= from * 1000 && s.at < to * 1000);
      const perHour = Object.fromEntries(Object.entries(countByEndpoint(inPhase)).map(([k, v]) => [k, Math.round(v / hoursIn)]));
      return { engineMinutes: Math.round((to - from) / 60), requests: inPhase.length, requestsPerHour: Math.round(inPhase.length / hoursIn), perHourByEndpoint: perHour };
    };
    let peak = 0;
    for (let i = 0, j = 0; i < sent.length; i++) {
      while (sent[i]!.realAt - sent[j]!.realAt >= 10_000) j++;
      peak = Math.max(peak, i - j + 1);
    }
    const watches: Record<string, number> = {};
    for (const state of ['awaiting_funding', 'syncing', 'synced', 'overdue', 'failed', 're_exporting', 'escalate', 'not_exportable'] as const) {
      watches[state] = await countByState(engine.db, state);
    }
    const requestsPerHour = Math.round(sent.length / hours);
    return {
      engineHours: hours,
      engineHoursElapsed: Math.round((elapsedSeconds / 3600) * 100) / 100,
      requests: sent.length,
      requestsPerHour,
      byEndpoint,
      startup: phase(0, STARTUP_MINUTES * 60),
      steady: phase(STARTUP_MINUTES * 60, totalSeconds + 1),
      peakPer10s: peak,
      cycles,
      hourlyLimit,
      tenSecondLimit: TEN_SECOND_LIMIT,
      shareOfHourlyLimit: requestsPerHour / hourlyLimit,
      watches,
      status429: sent.filter((s) => s.status === 429).length,
      ledgerViolations: (await testing.ledger(sim.origin)).violations.length,
    };
  } finally {
    await sim.close();
  }
}

function countByEndpoint(sent: readonly { endpoint: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of sent) counts[s.endpoint] = (counts[s.endpoint] ?? 0) + 1;
  return counts;
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
}

if (process.argv[1]?.endsWith('api-cost.ts')) {
  const result = await measureApiCost({ hours: arg('hours'), speedup: arg('speedup'), inflight: arg('inflight'), hourlyLimit: arg('hourly-limit'), log: (l) => console.log(l) });
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `\nEngine spent ${result.requestsPerHour} requests per hour = ${(result.shareOfHourlyLimit * 100).toFixed(1)}% of the ${result.hourlyLimit}/h limit ` +
      `(${result.hourlyLimit - result.requestsPerHour} to spare; the governor allows itself at most half, ${result.hourlyLimit / 2}); ` +
      `peak ${result.peakPer10s} in any 10 s (limit ${result.tenSecondLimit}); 429s: ${result.status429}. ` +
      `Start-up (first ${result.startup.engineMinutes} min): ${result.startup.requests} requests; steady state: ${result.steady.requestsPerHour}/h.`,
  );
  process.exit(0);
}
