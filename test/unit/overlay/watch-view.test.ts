import { describe, expect, it } from 'vitest';
import { describeDisbursement, describeWatch } from '../../../utils/overlay/watch-view';
import { clock, spokenDuration, windowText } from '../../../utils/view/duration';
import { FUNDED, WINDOW, pageWatch as watch } from '../fixtures/make-watch';

const at = (ms: number) => FUNDED + ms;
const failed = (payoutId: string) =>
  watch({ payoutId, state: 'failed', diagnosis: { cause: 'DUPLICATE_CHECK_NUMBER', summary: 'Check number 10042 is already used in QuickBooks Online.', retryable: true } });

describe('describeDisbursement', () => {
  it('counts down to the last deadline while records sync', () => {
    const view = describeDisbursement([watch({ payoutId: 'a' }), watch({ payoutId: 'b', deadline: at(WINDOW - 60_000) })], true, at(WINDOW - 452_000))!;
    expect(view.text).toBe('ERP sync 7:32');
    expect(view.label).toBe('ERP sync, 7 minutes 32 seconds left');
    expect(view.ticking).toBe(true);
  });

  it('says when the start is estimated', () => {
    const view = describeDisbursement([watch({ payoutId: 'a', fundingCompletedEstimated: true })], true, at(WINDOW - 61_000))!;
    expect(view.text).toBe('ERP sync 1:01 est.');
    expect(view.label).toBe('ERP sync, 1 minute 1 second left (start estimated)');
  });

  it('shows "In ERP" with the time the slowest record took', () => {
    const view = describeDisbursement(
      [watch({ payoutId: 'a', state: 'synced', syncedAt: at(95_000) }), watch({ payoutId: 'b', state: 'synced', syncedAt: at(192_000) })],
      true,
      at(WINDOW),
    )!;
    expect([view.text, view.label, view.tone]).toEqual(['In ERP in 3:12', 'In ERP, took 3 minutes 12 seconds', 'ok']);
  });

  it('puts failures first: "2 of 5 failed"', () => {
    const watches = [failed('a'), watch({ payoutId: 'b', state: 'escalate' }), watch({ payoutId: 'c', state: 'synced', syncedAt: at(1000) }), watch({ payoutId: 'd' }), watch({ payoutId: 'e', state: 'overdue' })];
    expect(describeDisbursement(watches, true, at(1000))!.text).toBe('2 of 5 failed');
  });

  it('says "Not in ERP after 10 min" when the window passed without a result', () => {
    const view = describeDisbursement([watch({ payoutId: 'a', state: 'overdue' }), watch({ payoutId: 'b', state: 'synced', syncedAt: at(1) })], true, at(WINDOW + 1))!;
    expect(view.text).toBe('Not in ERP after 10 min');
    expect(view.tone).toBe('warn');
  });

  it('names a shortened test window as it is', () => {
    expect(describeDisbursement([watch({ payoutId: 'a', state: 'overdue', deadline: at(20_000) })], true, at(30_000))!.text).toBe('Not in ERP after 20 s');
  });

  it('says "Sync off" where the company does not sync payments', () => {
    expect(describeDisbursement([], false, at(0))!.text).toBe('Sync off');
    expect(describeDisbursement([watch({ payoutId: 'a' })], false, at(0))!.text).toBe('Sync off');
  });

  it('shows nothing for unknown or not yet funded disbursements', () => {
    expect(describeDisbursement([], true, at(0))).toBeNull();
    expect(describeDisbursement([watch({ payoutId: 'a', state: 'awaiting_funding' }), watch({ payoutId: 'b', state: 'dismissed' })], null, at(0))).toBeNull();
  });

  it('shows fixes in flight', () => {
    expect(describeDisbursement([watch({ payoutId: 'a', state: 're_exporting' }), watch({ payoutId: 'b', state: 'synced', syncedAt: at(1) })], true, at(0))!.text).toBe('Re-exporting 1 of 2');
  });
});

describe('describeWatch', () => {
  it.each([
    [watch({ payoutId: 'a' }), 'ERP sync 10:00', 'ERP sync, 10 minutes left'],
    [watch({ payoutId: 'a', state: 'synced', syncedAt: at(42_000) }), 'In ERP in 0:42', 'In ERP, took 42 seconds'],
    [watch({ payoutId: 'a', state: 'overdue' }), 'Not in ERP after 10 min', 'Not in ERP after 10 min: check Failed to Export in ERP Integrations'],
    [failed('a'), 'Failed to export', 'Failed to export: Check number 10042 is already used in QuickBooks Online.'],
    [watch({ payoutId: 'a', state: 're_exporting', attempts: [{ at: 1, checkNumber: 10043, bankId: 'OPER', cause: 'DUPLICATE_CHECK_NUMBER', outcome: 'pending', messages: [] }] }), 'Re-exporting (attempt 1)', 'Re-exporting (attempt 1)'],
    [watch({ payoutId: 'a', state: 'escalate' }), 'Contact ERP support', 'Still failing after the known fixes: contact ERP support'],
    [watch({ payoutId: 'a', state: 'not_exportable', notExportableReason: 'The invoice was not synced when paid.' }), "Won't export", 'Will not export: The invoice was not synced when paid.'],
    [watch({ payoutId: 'a', state: 'awaiting_funding' }), 'Awaiting funding', 'ERP sync starts when funding completes'],
  ])('%#: %s', (w, text, label) => {
    const view = describeWatch(w, at(0))!;
    expect([view.text, view.label]).toEqual([text, label]);
  });

  it('hides dismissed records', () => {
    expect(describeWatch(watch({ payoutId: 'a', state: 'dismissed' }), at(0))).toBeNull();
  });
});

describe('durations', () => {
  it('formats clocks, spoken durations and windows', () => {
    expect([clock(452_000), clock(0), clock(-5), clock(999), clock(3_600_000)]).toEqual(['7:32', '0:00', '0:00', '0:01', '60:00']);
    expect([spokenDuration(61_000), spokenDuration(120_000), spokenDuration(0)]).toEqual(['1 minute 1 second', '2 minutes', '0 seconds']);
    expect([windowText(600_000), windowText(20_000), windowText(90_000)]).toEqual(['10 min', '20 s', '90 s']);
  });
});
