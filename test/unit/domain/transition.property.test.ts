import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAUSES, type Diagnosis } from '../../../utils/domain/cause';
import { INVOICE_ERP_STATUSES } from '../../../utils/domain/schemas/requisition';
import { REQUEST_STATUSES } from '../../../utils/domain/schemas/request-detail';
import { transition } from '../../../utils/domain/transition';
import { WATCH_STATES, WatchSchema, type Watch, type WatchRequest, type WatchState } from '../../../utils/domain/watch';
import type { WatchEffect } from '../../../utils/domain/watch-effect';
import type { WatchEvent } from '../../../utils/domain/watch-event';
import { T0, freshWatch } from './watch-fixture';

// `updatedAt` is generated as an age: replay() turns it into server time before the event's `now`.
const requestArb: fc.Arbitrary<WatchRequest> = fc.record({
  id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6'),
  status: fc.constantFrom(...REQUEST_STATUSES),
  messages: fc.constantFrom([], ['Duplicate Document Number Error'], ['Request timed out'], ['Invalid Vendor!']),
  updatedAt: fc.integer({ min: 0, max: 60_000 }),
});

const diagnosisArb: fc.Arbitrary<Diagnosis | null> = fc.option(
  fc.record({ cause: fc.oneof(fc.constant('DUPLICATE_CHECK_NUMBER' as const), fc.constantFrom(...CAUSES)), summary: fc.constant('why'), retryable: fc.boolean() }),
  { nil: null },
);

const eventArb: fc.Arbitrary<WatchEvent> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('funding_observed' as const),
      fundingCompletedAt: fc.integer({ min: T0 - 600_000, max: T0 + 600_000 }),
      estimated: fc.boolean(),
      windowMs: fc.integer({ min: 1_000, max: 120_000 }),
      paymentSyncEnabled: fc.constantFrom(true, true, true, true, false),
      invoiceErpStatusAtPayment: fc.option(fc.constantFrom(...INVOICE_ERP_STATUSES), { nil: undefined }),
    }),
  },
  { weight: 5, arbitrary: fc.record({ type: fc.constant('status_read' as const), request: fc.option(requestArb, { nil: null }), diagnosis: diagnosisArb }) },
  { weight: 2, arbitrary: fc.constant({ type: 'deadline_reached' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('reexport_requested' as const),
      request: fc.option(requestArb, { nil: null }),
      diagnosis: diagnosisArb,
      checkNumber: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
      bankId: fc.option(fc.constantFrom('OPER', 'PAYR'), { nil: undefined }),
      by: fc.constantFrom('user' as const, 'policy' as const),
    }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('reexport_sent' as const), request: requestArb }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reexport_refused' as const), httpStatus: fc.constantFrom(409, 422, 500), message: fc.constant('Payment record is not in Failed to Export') }) },
  { weight: 1, arbitrary: fc.constant({ type: 'sync_disabled' as const }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('snooze' as const), until: fc.integer({ min: T0, max: T0 + 7_200_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'dismiss' as const }) },
);

// A corrective export as the background runs it: fresh failed read, export sent, outcome read.
// Random single events rarely line up this way, and escalation needs two such rounds.
const fixRoundArb: fc.Arbitrary<[WatchEvent, number][]> = fc
  .record({
    failing: fc.constantFrom('r1', 'r2', 'r3'),
    sent: fc.constantFrom('r4', 'r5', 'r6'),
    outcome: fc.constantFrom(...REQUEST_STATUSES),
    cause: fc.constantFrom('DUPLICATE_CHECK_NUMBER' as const, 'INVALID_BANK_ID' as const),
    checkNumber: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
  })
  .map(({ failing, sent, outcome, cause, checkNumber }) => {
    const diagnosis: Diagnosis = { cause, summary: 'why', retryable: true };
    const read = (id: string, status: WatchRequest['status']): WatchRequest => ({ id, status, messages: [], updatedAt: 0 });
    return [
      [{ type: 'reexport_requested', request: read(failing, 'failed'), diagnosis, checkNumber, by: 'policy' }, 1_000],
      [{ type: 'reexport_sent', request: read(sent, 'in_progress') }, 500],
      [{ type: 'status_read', request: read(sent, outcome), diagnosis }, 30_000],
    ];
  });

const FUNDED: WatchEvent = { type: 'funding_observed', fundingCompletedAt: T0, estimated: false, windowMs: 60_000, paymentSyncEnabled: true, invoiceErpStatusAtPayment: 'synced' };

// Events and the server time that passes before each; half the histories start from a funded
// record, so that the later states are reached often.
const historyArb: fc.Arbitrary<[WatchEvent, number][]> = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.tuple(eventArb, fc.integer({ min: 0, max: 120_000 })).map((step) => [step]) },
        { weight: 2, arbitrary: fixRoundArb },
      ),
      { minLength: 1, maxLength: 30 },
    ),
  )
  .map(([funded, chunks]) => [...(funded ? [[FUNDED, 0] as [WatchEvent, number]] : []), ...chunks.flat()]);

interface Step {
  before: Watch;
  event: WatchEvent;
  now: number;
  after: Watch;
  effects: WatchEffect[];
}

function replay(history: [WatchEvent, number][]): Step[] {
  let watch = freshWatch();
  let now = T0;
  const steps: Step[] = [];
  for (const [generated, dt] of history) {
    now += dt;
    const event = 'request' in generated && generated.request ? ({ ...generated, request: { ...generated.request, updatedAt: now - generated.request.updatedAt } } as WatchEvent) : generated;
    const { watch: after, effects } = transition(watch, event, now);
    steps.push({ before: watch, event, now, after, effects });
    watch = after;
  }
  return steps;
}

const FAILURE_STATES: readonly WatchState[] = ['overdue', 'failed', 're_exporting', 'escalate'];
const RUNS = { numRuns: 400 };

describe('transition: properties over random event histories', () => {
  it('the generated histories reach every state and every effect, so the properties below are not vacuous', () => {
    const states = new Set<string>();
    const effects = new Set<string>();
    for (const history of fc.sample(historyArb, { numRuns: 400, seed: 42 })) {
      for (const s of replay(history)) {
        states.add(s.after.state);
        for (const e of s.effects) effects.add(e.type === 'notify' ? `notify:${e.kind}` : e.type);
      }
    }
    expect([...states].sort()).toEqual([...WATCH_STATES].sort());
    expect([...effects].sort()).toEqual(['escalate', 'notify:escalated', 'notify:failed', 'notify:overdue', 'notify:synced_after_fix', 'reexport', 'schedule']);
  });

  it('keeps every watch valid for the store and never throws', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const s of replay(history)) expect(WatchSchema.safeParse(s.after).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('a synced record never returns to a failure state', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        let synced = false;
        for (const s of replay(history)) {
          if (synced) expect(FAILURE_STATES).not.toContain(s.after.state);
          synced ||= s.after.state === 'synced';
        }
      }),
      RUNS,
    );
  });

  it('a re-export is only asked for a failed (or stale) record, right after an event carrying that fresh read', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const s of replay(history)) {
          const reexports = s.effects.filter((e) => e.type === 'reexport');
          if (reexports.length === 0) continue;
          expect(reexports).toHaveLength(1);
          expect(s.event.type).toBe('reexport_requested');
          const read = s.event.type === 'reexport_requested' ? s.event.request : null;
          expect(['failed', 'stale']).toContain(read?.status);
          expect(s.after.state).toBe('re_exporting');
          expect(s.after.request).toEqual(read);
          expect(s.after.attempts.at(-1)?.outcome).toBe('pending');
        }
      }),
      RUNS,
    );
  });

  it('a deadline never moves earlier, and a scheduled alarm is the deadline', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const s of replay(history)) {
          if (s.before.deadline !== null) expect(s.after.deadline).toBeGreaterThanOrEqual(s.before.deadline);
          for (const e of s.effects) if (e.type === 'schedule') expect(e.at).toBe(s.after.deadline);
        }
      }),
      RUNS,
    );
  });

  it('every state but dismissed has a way out; dismissed has none', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const { after: w, now } of replay(history)) {
          if (w.state === 'dismissed') {
            for (const e of [{ type: 'status_read', request: { id: 'x', status: 'success', messages: [], updatedAt: now }, diagnosis: null }, { type: 'snooze', until: now + 1 }] as WatchEvent[]) {
              expect(transition(w, e, now).watch).toBe(w);
            }
            continue;
          }
          expect(transition(w, { type: 'dismiss' }, now).watch.state).toBe('dismissed');
          if (w.state === 'synced') continue;
          // The ERP's own answer always leads out: a fresh success read syncs any open record.
          const success: WatchRequest = { id: 'fresh', status: 'success', messages: [], updatedAt: Math.max(now, w.request?.updatedAt ?? 0) + 1 };
          expect(transition(w, { type: 'status_read', request: success, diagnosis: null }, now).watch.state).toBe('synced');
        }
      }),
      RUNS,
    );
  });

  it('book-keeping: one pending attempt at most, stateSince moves with the state, unchanged means no work', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const s of replay(history)) {
          expect(s.after.attempts.filter((a) => a.outcome === 'pending').length).toBeLessThanOrEqual(1);
          if (s.after.state !== s.before.state) expect(s.after.stateSince).toBe(s.now);
          else expect(s.after.stateSince).toBe(s.before.stateSince);
          if (s.after === s.before) expect(s.effects.every((e) => e.type === 'schedule')).toBe(true);
          const escalations = s.effects.filter((e) => e.type === 'escalate').length;
          expect(escalations).toBe(s.after.state === 'escalate' && s.before.state !== 'escalate' && s.event.type !== 'reexport_refused' ? 1 : 0);
        }
      }),
      RUNS,
    );
  });
});
