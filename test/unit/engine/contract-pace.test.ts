import { describe, expect, it } from 'vitest';
import { ACTIVE_READ_SHARE_OF_WINDOW, contractDue, FAILED_READ_MAX_MS, FAILED_READ_WINDOWS, readOrder, WAITING_READ_SHARE_OF_WINDOW, type PaceContext } from '../../../utils/engine/poll/contract-pace';
import { sampleWatch } from './engine-fixture';

const WINDOW = 10 * 60_000;
const NOW = 1_700_000_000_000;
const at = (overrides: Partial<PaceContext> = {}): PaceContext => ({ now: NOW, windowMs: WINDOW, asked: false, fresh: new Set(), readNow: new Set(), ...overrides });
// A record in its window, its deadline well ahead.
const syncing = sampleWatch({ state: 'syncing', deadline: NOW + WINDOW / 2 });

describe("a contract's payments are read at their pace, not at every poll", () => {
  it('a contract never read, one with a record found in this cycle or shown failed on a page, or one asked for is read now', () => {
    expect(contractDue([syncing], undefined, at())).toBe(true);
    expect(contractDue([syncing], NOW - 1_000, at({ fresh: new Set([syncing.payoutId]) }))).toBe(true);
    expect(contractDue([syncing], NOW - 1_000, at({ asked: true }))).toBe(true);
    expect(contractDue([syncing], NOW - 1_000, at({ readNow: new Set([syncing.payoutId]) }))).toBe(true);
    expect(contractDue([syncing], NOW - 1_000, at())).toBe(false);
  });

  it('while its records sync: at most once per third of the window', () => {
    const pace = WINDOW * ACTIVE_READ_SHARE_OF_WINDOW;
    expect(contractDue([syncing], NOW - pace + 1_000, at())).toBe(false);
    expect(contractDue([syncing], NOW - pace, at())).toBe(true);
    expect(contractDue([{ ...syncing, state: 're_exporting' }], NOW - pace, at())).toBe(true);
  });

  it('in the poll period before a deadline, and once more after it passed', () => {
    const justRead = NOW - 5_000;
    // The next 30-second poll could come after this deadline: read now, once.
    expect(contractDue([{ ...syncing, deadline: NOW + 20_000 }], NOW - 15_000, at())).toBe(true);
    expect(contractDue([{ ...syncing, deadline: NOW + 40_000 }], justRead, at())).toBe(false);
    // Already read in that period (a page's polls come every few seconds): not again before the deadline.
    expect(contractDue([{ ...syncing, deadline: NOW + 20_000 }], justRead, at())).toBe(false);
    // Passed since the last read (the deadline's own poll, the record overdue by then): read.
    const overdue = { ...syncing, state: 'overdue' as const, deadline: NOW - 1_000 };
    expect(contractDue([overdue], justRead, at())).toBe(true);
    // Read after it passed: nothing new until the waiting pace.
    expect(contractDue([overdue], NOW - 500, at())).toBe(false);
  });

  it('only waiting records: overdue ones every half window, failed ones every three windows', () => {
    const overdue = sampleWatch({ state: 'overdue', deadline: NOW - WINDOW });
    const failed = sampleWatch({ state: 'failed', deadline: NOW - WINDOW });
    const half = WINDOW * WAITING_READ_SHARE_OF_WINDOW;
    expect(contractDue([overdue], NOW - WINDOW * ACTIVE_READ_SHARE_OF_WINDOW, at())).toBe(false);
    expect(contractDue([overdue], NOW - half + 1_000, at())).toBe(false);
    expect(contractDue([overdue], NOW - half, at())).toBe(true);
    expect(contractDue([failed], NOW - half, at())).toBe(false);
    expect(contractDue([failed], NOW - WINDOW * FAILED_READ_WINDOWS, at())).toBe(true);
  });

  it('failed ones: three windows after they failed, then as long again as they had been failed at the last read, at most every 4 hours', () => {
    const MIN = 60_000;
    const failedAt = NOW - 10 * 60 * MIN;
    const failed = sampleWatch({ state: 'failed', deadline: failedAt - WINDOW, stateSince: failedAt });
    // Read when it failed: again 30 minutes later.
    expect(contractDue([failed], failedAt, at({ now: failedAt + 30 * MIN - 1_000 }))).toBe(false);
    expect(contractDue([failed], failedAt, at({ now: failedAt + 30 * MIN }))).toBe(true);
    // Read 30 min after: 30 more. Read an hour after: an hour more.
    expect(contractDue([failed], failedAt + 30 * MIN, at({ now: failedAt + 60 * MIN }))).toBe(true);
    expect(contractDue([failed], failedAt + 60 * MIN, at({ now: failedAt + 110 * MIN }))).toBe(false);
    expect(contractDue([failed], failedAt + 60 * MIN, at({ now: failedAt + 120 * MIN }))).toBe(true);
    // Failed for ten hours: every four.
    expect(contractDue([failed], NOW - FAILED_READ_MAX_MS + 1_000, at())).toBe(false);
    expect(contractDue([failed], NOW - FAILED_READ_MAX_MS, at())).toBe(true);
    // Beside a record that failed a moment ago, the contract keeps the young one's pace.
    const young = sampleWatch({ state: 'failed', deadline: NOW - WINDOW, stateSince: NOW - 31 * MIN });
    expect(contractDue([failed, young], NOW - 30 * MIN, at())).toBe(true);
    expect(contractDue([failed], NOW - 30 * MIN, at())).toBe(false);
  });

  it('cut short, the reads that prevent an alert come first: the soonest deadline ahead, then those past or unknown', () => {
    const soon = [sampleWatch({ deadline: NOW + 60_000 })];
    const later = [sampleWatch({ deadline: NOW + 300_000 })];
    const past = [sampleWatch({ state: 'overdue', deadline: NOW - 60_000 })];
    expect([past, later, soon].sort(readOrder(NOW))).toEqual([soon, later, past]);
  });
});
