/**
 * What the engine spends against Procore's rate limit, measured on the sandbox's `scale` scenario
 * (5 companies, 20,000 payouts of history) with about 1,000 payment records in flight.
 *
 * Nothing of the engine's schedule is re-implemented: the worker's own wiring runs
 * (`setupScheduler` with the `alarmHandler` of utils/engine/poll/on-alarm.ts, which dispatches to
 * reach-deadlines.ts and poll-runner.ts, whose `reschedule` sets the next alarms) on the fake
 * alarm service of wxt/testing/fake-browser. Time is virtual, for the engine (`Engine.open`'s
 * clock, the rate governor's clock and its waits) and for the sandbox (its ERP delays, rate
 * windows and `Date` header: SimOptions.clock) alike: the bench moves the clock to the next alarm
 * or sandbox timer and fires it through the engine's own onAlarm listener once the work before it
 * is done. The figures therefore do not depend on how fast or loaded the machine is; requests
 * take no virtual time (the network is instant), the governor's waits take theirs.
 *
 * Before the first alarm the engine is taught the sandbox's internal endpoints the way a Procore
 * page teaches it (PROCORE-CONTRACT.md v2: no public endpoint lists disbursements):
 * `learnFromPaymentsPages` replays the page's requests through `confirmObservation`.
 *
 * The first STARTUP_MINUTES (the first discovery reads every record in flight) are reported apart
 * from the steady state that follows, both per engine-hour.
 *
 *   npx tsx test/bench/api-cost.ts [--hours 1] [--inflight 1000] [--hourly-limit 600]
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileWordFamilies } from '../../utils/domain/failure-wording';
import { FAILURE_WORDS } from '../../utils/domain/failure-words';
import { ProcoreError } from '../../utils/procore/procore-error';
import { RateGovernor, type GovernorOptions } from '../../utils/procore/rate-governor';
import { VirtualClock } from '../sim/virtual-clock';

export interface ApiCostOptions {
  hours?: number;
  /** Payment records in flight at the start (across the 5 companies). */
  inflight?: number;
  /** New disbursements funded per company every 10 engine-minutes. */
  newPerCompanyEvery10Min?: number;
  /** The sandbox's hourly request limit (default Procore's 3,600). */
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
  /** Wall-clock seconds the run took (the figures do not depend on it). */
  wallSeconds: number;
  /** Engine-minutes the cycle running at the end of the run went on for (its requests after the end are not counted). */
  overrunMinutes: number;
  requests: number;
  requestsPerHour: number;
  byEndpoint: Record<string, number>;
  /** Requests spent confirming what the page taught, before the first alarm (in `requests`). */
  learnRequests: number;
  startup: PhaseCost;
  steady: PhaseCost;
  /** The second half of the run: the records in flight at the start are settled by then (their window, 10 min, long past). */
  secondHalf: PhaseCost;
  /** The most requests in any 10 engine-seconds. */
  peakPer10s: number;
  /** Alarms the engine's listener dispatched, by name; `deadlineTimer`: deadlines its near-deadline timer dispatched. */
  cycles: Record<string, number>;
  hourlyLimit: number;
  tenSecondLimit: number;
  /** requestsPerHour as a share of the hourly limit. */
  shareOfHourlyLimit: number;
  watches: Record<string, number>;
  status429: number;
  /** Cycles that ended on a governor wait beyond its cap (resumed by the next alarm). */
  rateLimitedCycles: number;
  /** The engine-minute of the first cycle the governor cut (its share of the hour spent); null: none. */
  firstCutMinute: number | null;
  /**
   * Records the engine turned overdue (its desktop alert) although the ERP had already synced
   * them by then (the sandbox's own request history says when): false alerts.
   */
  falseOverdue: number;
  /** Of falseOverdue, those after the start-up (the first STARTUP_MINUTES). */
  falseOverdueAfterStartup: number;
  /** Records still overdue at the end of the run although the ERP synced them. */
  overdueButSyncedAtEnd: number;
  ledgerViolations: number;
}

const HOURLY_LIMIT = 3600;
const STARTUP_MINUTES = 10;
const TEN_SECOND_LIMIT = 50;
const COMPANIES = [8089, 8091, 8092, 8093, 8094];
const MINUTE = 60_000;
const createAlarm = fakeBrowser.alarms.create.bind(fakeBrowser.alarms);

/** A request's endpoint with its ids (any path segment with a digit, but an API version) as `{id}`. */
function endpointOf(method: string, url: string): string {
  const path = new URL(url).pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) && !/^v\d+(\.\d+)?$/.test(segment) ? '{id}' : segment))
    .join('/');
  return `${method} ${path}`;
}

export async function measureApiCost(options: ApiCostOptions = {}): Promise<ApiCostResult> {
  const hours = options.hours ?? 1;
  const inflight = options.inflight ?? 1000;
  const log = options.log ?? (() => undefined);
  const hourlyLimit = options.hourlyLimit ?? HOURLY_LIMIT;
  const wallStart = Date.now();
  // Virtual time starts at today's date, so the scenario's history reads as recent.
  const clock = new VirtualClock(Date.now());
  const start = clock.now();

  // The engine's modules read `browser` when imported: the fake one must be in place first. A
  // second run in the same process starts with no alarms or listeners of the first.
  fakeBrowser.reset();
  Object.assign(globalThis, { chrome: fakeBrowser });
  Object.assign(fakeBrowser.runtime, { id: 'bench', getPlatformInfo: async () => ({ os: 'linux', arch: 'x86-64', nacl_arch: 'x86-64' }) });
  // The fake alarm service counts its delays on the virtual clock.
  Object.assign(fakeBrowser.alarms, {
    create: (name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) =>
      createAlarm(name, { when: info.when ?? clock.now() + (info.delayInMinutes ?? 0) * MINUTE, periodInMinutes: info.periodInMinutes }),
  });
  const [{ startSim }, testing, { Engine }, { openEngineDb }, { updateSettings }, { procoreClient }, { alarmHandler }, { reschedule, setupScheduler }, { countByState }, { readStatus }, { learnFromPaymentsPages }, { listAudit }, { listWatches }] = await Promise.all([
    import('../sim/server'),
    import('../sim/testing'),
    import('../../utils/engine/engine'),
    import('../../utils/store/engine-db'),
    import('../../utils/engine/settings/settings-store'),
    import('../../utils/engine/poll/procore-connection'),
    import('../../utils/engine/poll/on-alarm'),
    import('../../utils/engine/poll/scheduler'),
    import('../../utils/store/watch-store'),
    import('../../utils/engine/poll/engine-status'),
    import('../unit/engine/sim-engine'),
    import('../../utils/store/audit-log'),
    import('../../utils/store/watch-store'),
  ]);

  // The product's sync window (10 minutes) on both sides: virtual time makes shortening it unnecessary.
  const sim = await startSim({ port: 0, scenario: 'scale', seed: 7, clock, rateLimit: { hourly: hourlyLimit, tenSecond: TEN_SECOND_LIMIT } });
  try {
    const perCompanyDisbursements = Math.max(0, Math.round((inflight - 100) / COMPANIES.length / 4));
    const fund = async (count: number) => {
      for (const companyId of COMPANIES) {
        for (let i = 0; i < count; i++) await testing.simControl(sim.origin, 'POST', '/disbursements', { companyId, payouts: [{}, {}, {}, {}] });
      }
    };
    await fund(perCompanyDisbursements);
    log(`sandbox ${sim.origin}: scale scenario, ${perCompanyDisbursements * 4 * COMPANIES.length + 100} records in flight, ${hourlyLimit}/h limit, virtual clock`);

    const cookie = await testing.sessionCookieFor(sim.origin);
    const sent: { at: number; endpoint: string; status: number }[] = [];
    const countingFetch: typeof fetch = async (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Cookie', cookie);
      const response = await fetch(input, { ...init, headers });
      sent.push({ at: clock.now() - start, endpoint: endpointOf(init.method ?? 'GET', String(input)), status: response.status });
      return response;
    };
    const words = compileWordFamilies(FAILURE_WORDS);
    const engine = await Engine.open(await openEngineDb(`bench-${process.pid}-${hourlyLimit}`), undefined, clock.now, undefined, async () => words);
    await updateSettings(engine.db, { environment: 'custom', apiOrigin: sim.origin });
    // Moves the clock to `to`, firing on the way, in time order, every sandbox timer and every
    // alarm that comes due (as Chrome fires an alarm on time even while a cycle is running: the
    // handler it starts queues behind that cycle in poll-runner, or reaches deadlines at once).
    const end = start + hours * 60 * MINUTE;
    let fired = 0;
    const advance = async (to: number) => {
      for (;;) {
        const alarms = await fakeBrowser.alarms.getAll();
        const at = Math.min(to, clock.nextAt() ?? Infinity, ...alarms.map((a) => a.scheduledTime));
        clock.advanceTo(Math.max(at, clock.now()));
        const due = alarms.filter((a) => a.scheduledTime <= clock.now() && a.scheduledTime < end).sort((a, b) => a.scheduledTime - b.scheduledTime);
        for (const alarm of due) {
          // As Chrome: a periodic alarm comes round again a period after it fired, a one-off is gone.
          if (alarm.periodInMinutes) await createAlarm(alarm.name, { when: clock.now() + alarm.periodInMinutes * MINUTE, periodInMinutes: alarm.periodInMinutes });
          else await fakeBrowser.alarms.clear(alarm.name);
          fired++;
          await fakeBrowser.alarms.onAlarm.trigger({ ...alarm });
        }
        if ((clock.now() >= to || clock.now() >= end) && !due.length) return;
      }
    };
    // One governor for the run, as the worker keeps one per origin: the product's limits, on the
    // virtual clock (a wait moves the clock on, as sitting it out would).
    const governor = new EndOfRunGovernor(() => clock.now() >= end, { now: clock.now, sleep: (ms) => advance(clock.now() + ms) });
    const clientFor = async (e: typeof engine) => procoreClient(e, await e.settings(), governor, countingFetch);

    await learnFromPaymentsPages(engine, clientFor, sim.origin);
    const learnRequests = sent.length;

    // The worker's wiring: the engine's listener on the fake alarm service, the engine's dispatch.
    const cycles: Record<string, number> = { deadlineTimer: 0 };
    const running = new Set<Promise<void>>();
    const dispatch = alarmHandler(clientFor);
    let rateLimitedCycles = 0;
    let lastErrorAt: number | null = null;
    let firstCutMinute: number | null = null;
    setupScheduler(Promise.resolve(engine), (e, name) => {
      // What the bench did not fire came from the scheduler's near-deadline timer (real time).
      if (fired > 0) fired--;
      else cycles.deadlineTimer!++;
      cycles[name] = (cycles[name] ?? 0) + 1;
      const run = dispatch(e, name).finally(async () => {
        running.delete(run);
        const { lastError } = await readStatus(e.db);
        if (lastError && lastError.at !== lastErrorAt && /request limit/.test(lastError.message)) {
          rateLimitedCycles++;
          firstCutMinute ??= Math.round((clock.now() - start) / MINUTE);
        }
        lastErrorAt = lastError?.at ?? null;
      });
      running.add(run);
      return run;
    });
    // Until every handler started (and every one they started meanwhile) is done.
    const settle = async () => {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (!running.size) return;
        await Promise.allSettled([...running]);
      }
    };
    await settle();

    // The worker's start does this too (setupScheduler, not awaited there): the first alarms must exist before the clock moves.
    await reschedule(engine);

    // Alarm by alarm: the clock moves on to the next one only when the work before it is done.
    let nextFunding = start + 10 * MINUTE;
    while (clock.now() < end) {
      const nextAlarm = Math.min(...(await fakeBrowser.alarms.getAll()).map((a) => a.scheduledTime));
      await advance(Math.min(nextAlarm, nextFunding, end));
      await settle();
      if (clock.now() >= nextFunding && clock.now() < end) {
        log(`t=${Math.round((clock.now() - start) / MINUTE)} engine-min (${Math.round((Date.now() - wallStart) / 1000)} s wall): ${sent.length} requests so far`);
        // Every 10 engine-minutes the companies fund more.
        await fund(options.newPerCompanyEvery10Min ?? 1);
        nextFunding += 10 * MINUTE;
      }
    }
    // A cycle still running at the end: what it sent after the hour is not the hour's.
    const overrunMinutes = Math.round((clock.now() - end) / MINUTE);
    const inHour = sent.filter((s) => s.at < hours * 60 * MINUTE);

    const phase = (fromMin: number, toMin: number): PhaseCost => {
      const hoursIn = (toMin - fromMin) / 60;
      const inPhase = inHour.filter((s) => s.at >= fromMin * MINUTE && s.at < toMin * MINUTE);
      const perHour = Object.fromEntries(Object.entries(countByEndpoint(inPhase)).map(([k, v]) => [k, Math.round(v / hoursIn)]));
      return { engineMinutes: toMin - fromMin, requests: inPhase.length, requestsPerHour: Math.round(inPhase.length / hoursIn), perHourByEndpoint: perHour };
    };
    let peak = 0;
    for (let i = 0, j = 0; i < inHour.length; i++) {
      while (inHour[i]!.at - inHour[j]!.at >= 10_000) j++;
      peak = Math.max(peak, i - j + 1);
    }
    const watches: Record<string, number> = {};
    for (const state of ['awaiting_funding', 'syncing', 'synced', 'overdue', 'failed', 're_exporting', 'escalate', 'not_exportable'] as const) {
      watches[state] = await countByState(engine.db, state);
    }
    const syncedAt = (payoutId: string) => sim.store.requestHistory(payoutId).find((d) => d.status === 'success')?.updatedAt ?? Infinity;
    const wentOverdue = (await listAudit(engine.db)).filter((a) => a.after === 'overdue' && a.before !== 'overdue' && a.payoutId);
    const falsely = wentOverdue.filter((a) => syncedAt(a.payoutId!) <= a.at);
    const falseOverdue = falsely.length;
    const falseOverdueAfterStartup = falsely.filter((a) => a.at - start >= STARTUP_MINUTES * MINUTE).length;
    const overdueButSyncedAtEnd = (await listWatches(engine.db, { states: ['overdue'] })).filter((w) => syncedAt(w.payoutId) <= clock.now()).length;
    const requestsPerHour = Math.round(inHour.length / hours);
    return {
      engineHours: hours,
      wallSeconds: Math.round((Date.now() - wallStart) / 1000),
      overrunMinutes,
      requests: inHour.length,
      requestsPerHour,
      byEndpoint: countByEndpoint(inHour),
      learnRequests,
      startup: phase(0, STARTUP_MINUTES),
      steady: phase(STARTUP_MINUTES, hours * 60),
      secondHalf: phase((hours * 60) / 2, hours * 60),
      peakPer10s: peak,
      cycles,
      hourlyLimit,
      tenSecondLimit: TEN_SECOND_LIMIT,
      shareOfHourlyLimit: requestsPerHour / hourlyLimit,
      watches,
      status429: inHour.filter((s) => s.status === 429).length,
      rateLimitedCycles,
      firstCutMinute,
      falseOverdue,
      falseOverdueAfterStartup,
      overdueButSyncedAtEnd,
      ledgerViolations: (await testing.ledger(sim.origin)).violations.length,
    };
  } finally {
    await sim.close();
  }
}

/** The product's governor, which lets nothing more go once the run's hour is over (cycles still queued then end at once). */
class EndOfRunGovernor extends RateGovernor {
  constructor(
    private readonly over: () => boolean,
    options: GovernorOptions,
  ) {
    super(options);
  }

  override acquire(signal?: AbortSignal): Promise<void> {
    if (this.over()) return Promise.reject(new ProcoreError('aborted', 'The benchmark hour is over.'));
    return super.acquire(signal);
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
  const result = await measureApiCost({ hours: arg('hours'), inflight: arg('inflight'), hourlyLimit: arg('hourly-limit'), log: (l) => console.log(l) });
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `\nEngine spent ${result.requestsPerHour} requests per hour = ${(result.shareOfHourlyLimit * 100).toFixed(1)}% of the ${result.hourlyLimit}/h limit ` +
      `(the governor allows itself at most half of what a window has left); peak ${result.peakPer10s} in any 10 s (limit ${result.tenSecondLimit}); ` +
      `429s: ${result.status429}; cycles cut by the governor: ${result.rateLimitedCycles} (first at ${result.firstCutMinute ?? '-'} engine-min); ` +
      `turned overdue although the ERP had synced them: ${result.falseOverdue}, ${result.falseOverdueAfterStartup} of them after start-up (still overdue at the end: ${result.overdueButSyncedAtEnd}). Start-up (first ${result.startup.engineMinutes} min): ${result.startup.requests} requests; steady state: ${result.steady.requestsPerHour}/h; second half of the run: ${result.secondHalf.requestsPerHour}/h. ` +
      `Wall time ${result.wallSeconds} s.`,
  );
  process.exit(0);
}
