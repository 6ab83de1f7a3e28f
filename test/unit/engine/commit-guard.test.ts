import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../utils/domain/cause';
import type { Watch, WatchRequest } from '../../../utils/domain/watch';
import type { Engine } from '../../../utils/engine/engine';
import { commitTransitions, type PendingTransition } from '../../../utils/engine/state/commit-transitions';
import { applyUserEvent } from '../../../utils/engine/state/watch-actions';
import { getWatch, putWatches } from '../../../utils/store/watch-store';
import { sampleWatch, testEngine } from './engine-fixture';

const T = 1_700_000_000_000;
const failedRead = (id: string, at: number): WatchRequest => ({ id, status: 'failed', messages: ['Check number 10042 already exists'], updatedAt: at });
const duplicate: Diagnosis = { cause: 'DUPLICATE_CHECK_NUMBER', summary: 'The ERP already has this check number.', retryable: true, suggested: { checkNumber: 10100 } };

/** A failed record as stored, with `priorFailedFixes` fixes for its cause already behind it. */
function failedWatch(priorFailedFixes: number): Watch {
  return sampleWatch({
    state: 'failed',
    contractPaymentId: 'cp_1',
    request: failedRead('rd_1', T),
    diagnosis: duplicate,
    attempts: Array.from({ length: priorFailedFixes }, (_, i) => ({ at: T - 1000 + i, checkNumber: 10050 + i, bankId: 'OPER', cause: 'DUPLICATE_CHECK_NUMBER' as const, outcome: 'failed' as const, messages: [] })),
  });
}

// One turn of the event loop: fake-indexeddb settles its requests on these, so stepping one at a
// time lets the user action start between any two steps of the poll's commit (and vice versa).
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
async function turns(n: number) {
  for (let i = 0; i < n; i++) await turn();
}

/** How many turns one commit takes here: every interleaving point is tried, and one past the end. */
async function stepsOfOneCommit(): Promise<number> {
  const engine = await testEngine(() => T);
  await putWatches(engine.db, [failedWatch(0)]);
  let done = false;
  const commit = commitTransitions(engine, [pollOf(failedWatch(0))]).then(() => (done = true));
  let steps = 0;
  while (!done) {
    await turn();
    steps++;
  }
  await commit;
  return steps;
}

/** What a poll that read the record BEFORE the user acted commits: a failure read, and a newer one. */
function pollOf(readEarlier: Watch): PendingTransition {
  return { watch: readEarlier, event: { type: 'status_read', request: failedRead('rd_1', T), diagnosis: { ...duplicate, summary: 'Read again.' } }, actor: 'engine', why: 'poll' };
}
function newerFailureOf(readEarlier: Watch): PendingTransition {
  return { watch: readEarlier, event: { type: 'status_read', request: failedRead('rd_2', T + 5000), diagnosis: duplicate }, actor: 'engine', why: 'poll' };
}

/** The user's fix as fix.begin commits it (after its fresh read showed the same failure). */
function fixOf(readEarlier: Watch): PendingTransition {
  return { watch: readEarlier, event: { type: 'reexport_requested', request: failedRead('rd_1', T), diagnosis: duplicate, checkNumber: 10100, by: 'user' }, actor: 'user', why: 'fix' };
}

async function interleave(engine: Engine, first: () => Promise<unknown>, second: () => Promise<unknown>, after: number): Promise<void> {
  const a = first();
  await turns(after);
  await Promise.all([a, second()]);
}

describe('every change is re-applied to the watch as stored, inside the write transaction', () => {
  it('a poll and a user fix interleaved at every step never lose the fix or its attempt count', async () => {
    const steps = await stepsOfOneCommit();
    expect(steps).toBeGreaterThan(1);
    for (const pollFirst of [true, false]) {
      for (let k = 0; k <= steps + 1; k++) {
        const engine = await testEngine(() => T + 10_000);
        const stored = failedWatch(1);
        await putWatches(engine.db, [stored]);
        const poll = () => commitTransitions(engine, [pollOf(stored)]);
        const fix = () => commitTransitions(engine, [fixOf(stored)]);
        await interleave(engine, pollFirst ? poll : fix, pollFirst ? fix : poll, k);
        const after = (await getWatch(engine.db, stored.payoutId))!;
        expect({ pollFirst, k, state: after.state, attempts: after.attempts.map((a) => a.outcome) }).toEqual({ pollFirst, k, state: 're_exporting', attempts: ['failed', 'pending'] });
      }
    }
  });

  it('a poll and a dismiss interleaved at every step never lose the dismiss', async () => {
    const steps = await stepsOfOneCommit();
    for (const pollFirst of [true, false]) {
      for (let k = 0; k <= steps + 1; k++) {
        const engine = await testEngine(() => T + 10_000);
        const stored = failedWatch(0);
        await putWatches(engine.db, [stored]);
        const poll = () => commitTransitions(engine, [newerFailureOf(stored)]);
        const dismiss = () => applyUserEvent(engine, stored.payoutId, { type: 'dismiss' }, 'Dismissed by the user');
        await interleave(engine, pollFirst ? poll : dismiss, pollFirst ? dismiss : poll, k);
        expect({ pollFirst, k, state: (await getWatch(engine.db, stored.payoutId))!.state }).toEqual({ pollFirst, k, state: 'dismissed' });
      }
    }
  });

  it('a poll committed from an earlier read keeps a snooze and a fix stored since, and still applies what it read', async () => {
    const engine = await testEngine(() => T + 10_000);
    const readByPoll = failedWatch(0);
    await putWatches(engine.db, [readByPoll]);
    await applyUserEvent(engine, readByPoll.payoutId, { type: 'snooze', until: T + 60_000 }, 'Snoozed');
    await commitTransitions(engine, [fixOf(readByPoll)]);
    // The poll also read a corrected Bank ID from Procore: that fact is kept, the user's changes too.
    await commitTransitions(engine, [{ ...pollOf({ ...readByPoll, bankId: 'OPER2' }), refreshed: true }]);
    const after = (await getWatch(engine.db, readByPoll.payoutId))!;
    expect([after.state, after.snoozedUntil, after.attempts.length, after.bankId]).toEqual(['re_exporting', T + 60_000, 1, 'OPER2']);
  });

  it('a record erased meanwhile is not brought back by a poll that read it before', async () => {
    const engine = await testEngine(() => T);
    const readByPoll = failedWatch(0);
    await putWatches(engine.db, [readByPoll]);
    await engine.db.clear('watches');
    const { watches } = await commitTransitions(engine, [newerFailureOf(readByPoll)]);
    expect([watches, await getWatch(engine.db, readByPoll.payoutId)]).toEqual([[], null]);
  });
});
