import { describe, expect, it } from 'vitest';
import {
  failuresBy,
  failuresByCauseOverTime,
  formatShare,
  reExportRate,
  syncTimeHistogram,
  windowShare,
} from '../../../utils/view/sync-health';
import { makeWatch } from '../fixtures/make-watch';

const WINDOW = 600_000;
const DAY = 86_400_000;
const t0 = Date.UTC(2026, 10, 15, 12);
const dup = { cause: 'DUPLICATE_CHECK_NUMBER' as const, summary: 'dup', retryable: true };
const synced = (ms: number, extra = {}) => makeWatch({ state: 'synced', fundingCompletedAt: t0, syncedAt: t0 + ms, ...extra });
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('sync health', () => {
  it('bins sync times in tenths of the window, slower ones in the last bin', () => {
    const bins = syncTimeHistogram([synced(30_000), synced(59_999), synced(60_000), synced(WINDOW - 1), synced(3 * WINDOW), makeWatch()], WINDOW);
    expect(bins).toHaveLength(16);
    expect(bins[0]).toMatchObject({ fromMs: 0, toMs: 60_000, count: 2, insideWindow: true });
    expect(bins[1]!.count).toBe(1);
    expect(bins[9]!.count).toBe(1);
    expect(bins[10]!.insideWindow).toBe(false);
    expect(bins[15]).toMatchObject({ toMs: null, count: 1 });
  });

  it('counts the share inside the window among settled records only', () => {
    const watches = [
      synced(WINDOW),
      synced(WINDOW + 1),
      makeWatch({ state: 'failed', fundingCompletedAt: t0 }),
      makeWatch({ state: 'syncing', fundingCompletedAt: t0 + 1000 }),
      makeWatch({ state: 'awaiting_funding', fundingCompletedAt: null }),
    ];
    expect(windowShare(watches, WINDOW, t0 + WINDOW + 500)).toEqual({ settled: 3, inside: 1, share: 1 / 3 });
    expect(windowShare([], WINDOW, t0)).toEqual({ settled: 0, inside: 0, share: null });
    expect(formatShare(1 / 3)).toBe('33%');
    expect(formatShare(null)).toBe('no data');
  });

  it('counts failures per funding day and cause, including records a re-export cured', () => {
    const cured = synced(WINDOW * 2, {
      fundingCompletedAt: t0 + DAY,
      syncedAt: t0 + DAY + 1,
      attempts: [{ at: t0 + DAY, checkNumber: 10050, bankId: null, cause: 'DUPLICATE_CHECK_NUMBER', outcome: 'synced', messages: [] }],
    });
    const days = failuresByCauseOverTime(
      [makeWatch({ state: 'failed', fundingCompletedAt: t0, diagnosis: dup }), makeWatch({ state: 'escalate', fundingCompletedAt: t0 }), cured, synced(1)],
      utcDay,
    );
    expect(days).toEqual([
      { day: '2026-11-15', counts: { DUPLICATE_CHECK_NUMBER: 1, UNKNOWN: 1 }, total: 2 },
      { day: '2026-11-16', counts: { DUPLICATE_CHECK_NUMBER: 1 }, total: 1 },
    ]);
  });

  it('groups failures by ERP and by Bank ID with their rates', () => {
    const watches = [
      makeWatch({ state: 'failed', diagnosis: dup, bankId: 'OPER' }),
      synced(1, { bankId: 'OPER' }),
      synced(1, { bankId: 'PAYROLL', erpName: 'Sage Intacct' }),
    ];
    expect(failuresBy(watches, (w) => w.bankId)).toEqual([
      { key: 'OPER', total: 2, failed: 1, rate: 0.5 },
      { key: 'PAYROLL', total: 1, failed: 0, rate: 0 },
    ]);
    expect(failuresBy(watches, (w) => w.erpName).map((g) => g.key)).toEqual(['QuickBooks Online', 'Sage Intacct']);
  });

  it('rates re-exports by finished attempts', () => {
    const attempt = (outcome: 'synced' | 'failed' | 'rejected' | 'pending') => ({ at: 1, checkNumber: 1, bankId: null, cause: 'DUPLICATE_CHECK_NUMBER' as const, outcome, messages: [] });
    expect(reExportRate([makeWatch({ attempts: [attempt('failed'), attempt('synced')] }), makeWatch({ attempts: [attempt('synced'), attempt('rejected'), attempt('pending')] })])).toEqual({
      succeeded: 2,
      failed: 2,
      pending: 1,
      rate: 0.5,
    });
    expect(reExportRate([]).rate).toBeNull();
  });
});
