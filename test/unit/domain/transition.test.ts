import { describe, expect, it } from 'vitest';
import { transition } from '../../../utils/domain/transition';
import type { Watch } from '../../../utils/domain/watch';
import type { WatchEvent } from '../../../utils/domain/watch-event';
import { T0, WINDOW, diagnosis, freshWatch, request } from './watch-fixture';

const funded: WatchEvent = { type: 'funding_observed', fundingCompletedAt: T0, estimated: false, windowMs: WINDOW, paymentSyncEnabled: true, invoiceErpStatusAtPayment: 'synced' };
const DUP = 'Duplicate Document Number Error : DocNumber=OPER10042 is assigned';

function run(watch: Watch, events: [WatchEvent, number][]) {
  let w = watch;
  const log: ReturnType<typeof transition>[] = [];
  for (const [event, at] of events) {
    const r = transition(w, event, at);
    log.push(r);
    w = r.watch;
  }
  return { watch: w, log };
}

function syncing(): Watch {
  return transition(freshWatch(), funded, T0 + 1000).watch;
}

function failedDup(): Watch {
  return transition(syncing(), { type: 'status_read', request: request('r1', 'failed', [DUP]), diagnosis: diagnosis('DUPLICATE_CHECK_NUMBER') }, T0 + 120_000).watch;
}

describe('funding_observed', () => {
  it('starts the countdown: syncing, deadline = funding complete + window, one schedule effect', () => {
    const r = transition(freshWatch(), funded, T0 + 1000);
    expect(r.watch.state).toBe('syncing');
    expect(r.watch.deadline).toBe(T0 + WINDOW);
    expect(r.watch.fundingCompletedAt).toBe(T0);
    expect(r.watch.stateSince).toBe(T0 + 1000);
    expect(r.effects).toEqual([{ type: 'schedule', payoutId: 'po_91', at: T0 + WINDOW }]);
  });

  it('is not exportable, with the reason in words, when payment export is off (as the options say)', () => {
    const r = transition(freshWatch(), { ...funded, paymentSyncEnabled: false }, T0);
    expect(r.watch.state).toBe('not_exportable');
    expect(r.watch.notExportableReason).toMatch(/payment export is off for this company \(as set in ERP Sync Watch's options\)/i);
    expect(r.watch.notExportableReason).toContain('QuickBooks Online');
    expect(r.effects).toEqual([]);
  });

  it.each(['not_synced', 'ready_to_export', 'failed'] as const)('is not exportable when the invoice was %s at payment', (status) => {
    const r = transition(freshWatch(), { ...funded, invoiceErpStatusAtPayment: status }, T0);
    expect(r.watch.state).toBe('not_exportable');
    expect(r.watch.notExportableReason).toContain('INV-2291');
    expect(r.watch.notExportableReason).toMatch(/never export/);
    expect(r.watch.diagnosis).toMatchObject({ cause: 'INVOICE_NOT_SYNCED', retryable: false });
  });

  it('refines an estimated start with the exact one without moving the deadline earlier', () => {
    const est = transition(freshWatch(), { ...funded, fundingCompletedAt: T0 + 30_000, estimated: true }, T0 + 30_000).watch;
    expect(est.deadline).toBe(T0 + 30_000 + WINDOW);
    const exact = transition(est, funded, T0 + 60_000);
    expect(exact.watch.fundingCompletedAt).toBe(T0);
    expect(exact.watch.fundingCompletedEstimated).toBe(false);
    expect(exact.watch.deadline).toBe(T0 + 30_000 + WINDOW);
    expect(exact.effects).toEqual([]);
    // The same observation again changes nothing.
    expect(transition(exact.watch, funded, T0 + 70_000).watch).toBe(exact.watch);
  });
});

describe('deadline and reads', () => {
  it('goes overdue at the deadline and notifies once', () => {
    const r = transition(syncing(), { type: 'deadline_reached' }, T0 + WINDOW);
    expect(r.watch.state).toBe('overdue');
    expect(r.effects).toEqual([{ type: 'notify', kind: 'overdue', payoutId: 'po_91' }]);
    expect(transition(r.watch, { type: 'deadline_reached' }, T0 + WINDOW + 5).effects).toEqual([]);
  });

  it('re-arms an alarm that fired before the deadline', () => {
    const w = syncing();
    const r = transition(w, { type: 'deadline_reached' }, T0 + WINDOW - 2000);
    expect(r.watch).toBe(w);
    expect(r.effects).toEqual([{ type: 'schedule', payoutId: 'po_91', at: T0 + WINDOW }]);
  });

  it('records a success with its time, no notification without fixes', () => {
    const r = transition(syncing(), { type: 'status_read', request: request('r1', 'success', [], T0 + 200_000), diagnosis: null }, T0 + 210_000);
    expect(r.watch.state).toBe('synced');
    expect(r.watch.syncedAt).toBe(T0 + 200_000);
    expect(r.effects).toEqual([]);
  });

  it('applies a late success or failure after overdue', () => {
    const overdue = transition(syncing(), { type: 'deadline_reached' }, T0 + WINDOW).watch;
    expect(transition(overdue, { type: 'status_read', request: request('r1', 'success'), diagnosis: null }, T0 + WINDOW * 2).watch.state).toBe('synced');
    const f = transition(overdue, { type: 'status_read', request: request('r1', 'failed', [DUP]), diagnosis: diagnosis('DUPLICATE_CHECK_NUMBER') }, T0 + WINDOW * 2);
    expect(f.watch.state).toBe('failed');
    expect(f.effects).toEqual([{ type: 'notify', kind: 'failed', payoutId: 'po_91' }]);
  });

  it('notifies a failure once, and again only for a new failure', () => {
    const w = failedDup();
    expect(w.diagnosis?.cause).toBe('DUPLICATE_CHECK_NUMBER');
    const again = transition(w, { type: 'status_read', request: request('r1', 'failed', [DUP]), diagnosis: diagnosis('DUPLICATE_CHECK_NUMBER') }, T0 + 130_000);
    expect(again.watch).toBe(w);
    expect(again.effects).toEqual([]);
    const fresh = transition(w, { type: 'status_read', request: request('r2', 'failed', ['Bank account inactive']), diagnosis: diagnosis('INVALID_BANK_ID') }, T0 + 140_000);
    expect(fresh.effects).toEqual([{ type: 'notify', kind: 'failed', payoutId: 'po_91' }]);
    expect(fresh.watch.diagnosis?.cause).toBe('INVALID_BANK_ID');
  });

  it('treats stale as failed and explains it as the connector not answering when unclassified', () => {
    const r = transition(syncing(), { type: 'status_read', request: request('r1', 'stale'), diagnosis: null }, T0 + 60_000);
    expect(r.watch.state).toBe('failed');
    expect(r.watch.diagnosis).toMatchObject({ cause: 'TRANSIENT', retryable: true });
    expect(r.watch.diagnosis?.summary).toMatch(/did not respond/);
  });

  it('ignores an empty read and never lets a synced record fail', () => {
    const w = syncing();
    expect(transition(w, { type: 'status_read', request: null, diagnosis: null }, T0).watch).toBe(w);
    const synced = transition(w, { type: 'status_read', request: request('r1', 'success'), diagnosis: null }, T0 + 1).watch;
    const r = transition(synced, { type: 'status_read', request: request('r9', 'failed', ['x']), diagnosis: diagnosis('UNKNOWN') }, T0 + 2);
    expect(r.watch).toBe(synced);
  });
});

describe('corrective re-export', () => {
  const requestFix = (req = request('r1', 'failed', [DUP]), checkNumber: number | undefined = 10100): Extract<WatchEvent, { type: 'reexport_requested' }> => ({
    type: 'reexport_requested',
    request: req,
    diagnosis: diagnosis('DUPLICATE_CHECK_NUMBER'),
    checkNumber,
    by: 'user',
  });

  it('starts only when the fresh read still shows the failure: re_exporting, pending attempt, reexport effect', () => {
    const r = transition(failedDup(), requestFix(), T0 + 200_000);
    expect(r.watch.state).toBe('re_exporting');
    expect(r.watch.attempts).toEqual([
      { at: T0 + 200_000, checkNumber: 10100, bankId: 'OPER', cause: 'DUPLICATE_CHECK_NUMBER', outcome: 'pending', messages: [] },
    ]);
    expect(r.effects).toEqual([{ type: 'reexport', payoutId: 'po_91', checkNumber: 10100 }]);
  });

  it('applies a fresh read that no longer shows a failure instead of exporting', () => {
    const r = transition(failedDup(), requestFix(request('r2', 'success')), T0 + 200_000);
    expect(r.watch.state).toBe('synced');
    expect(r.effects.some((e) => e.type === 'reexport')).toBe(false);
    const inFlight = transition(failedDup(), requestFix(request('r2', 'in_progress')), T0 + 200_000);
    expect(inFlight.watch.state).toBe('re_exporting');
    expect(inFlight.effects).toEqual([]);
  });

  it('refuses an invalid check number and a second export while one is in flight', () => {
    const w = failedDup();
    expect(transition(w, requestFix(undefined, 0), T0).watch).toBe(w);
    const started = transition(w, requestFix(), T0 + 1).watch;
    const second = transition(started, requestFix(), T0 + 2);
    expect(second.watch).toBe(started);
    expect(second.effects).toEqual([]);
  });

  it('an automatic (policy) fix only for a retryable cause, and never for an escalated record', () => {
    const notRetryable: WatchEvent = { type: 'reexport_requested', request: request('r1', 'failed', ['Bill not found']), diagnosis: diagnosis('INVOICE_NOT_SYNCED', false), by: 'policy' };
    const r = transition(failedDup(), notRetryable, T0 + 200_000);
    expect(r.watch.state).toBe('failed');
    expect(r.watch.diagnosis?.cause).toBe('INVOICE_NOT_SYNCED');
    expect(r.effects).toEqual([]);
    expect(transition(failedDup(), { ...notRetryable, by: 'user' }, T0 + 200_000).effects).toEqual([{ type: 'reexport', payoutId: 'po_91' }]);
    const escalated = { ...failedDup(), state: 'escalate' as const };
    expect(transition(escalated, { ...requestFix(), by: 'policy' }, T0 + 200_000).effects).toEqual([]);
    expect(transition(escalated, requestFix(), T0 + 200_000).watch.state).toBe('re_exporting');
  });

  it('a successful fix: sent, then synced with the new check number and a synced_after_fix notice', () => {
    const { watch, log } = run(failedDup(), [
      [requestFix(), T0 + 200_000],
      [{ type: 'reexport_sent', request: request('r2', 'in_progress', [], T0 + 201_000) }, T0 + 201_000],
      [{ type: 'status_read', request: request('r1', 'failed', [DUP]), diagnosis: diagnosis('DUPLICATE_CHECK_NUMBER') }, T0 + 202_000],
      [{ type: 'status_read', request: request('r2', 'success', [], T0 + 260_000), diagnosis: null }, T0 + 270_000],
    ]);
    expect(log[1]!.watch.state).toBe('re_exporting');
    expect(log[1]!.watch.checkNumber).toBe(10100);
    expect(log[1]!.watch.request?.id).toBe('r2');
    // An out-of-date read of the old failure does not settle the attempt.
    expect(log[2]!.watch).toBe(log[1]!.watch);
    expect(watch.state).toBe('synced');
    expect(watch.attempts[0]?.outcome).toBe('synced');
    expect(log[3]!.effects).toEqual([{ type: 'notify', kind: 'synced_after_fix', payoutId: 'po_91' }]);
  });

  it('escalates after two failed fixes for the same cause, not before', () => {
    const fixOnce = (w: Watch, n: number, at: number) =>
      run(w, [
        [requestFix(w.request!, 10100 + n), at],
        [{ type: 'reexport_sent', request: request(`f${n}`, 'in_progress') }, at + 1],
        [{ type: 'status_read', request: request(`f${n}`, 'failed', [DUP]), diagnosis: diagnosis('DUPLICATE_CHECK_NUMBER') }, at + 2],
      ]);
    const first = fixOnce(failedDup(), 1, T0 + 300_000);
    expect(first.watch.state).toBe('failed');
    expect(first.watch.attempts.map((a) => a.outcome)).toEqual(['failed']);
    expect(first.log[2]!.effects).toEqual([{ type: 'notify', kind: 'failed', payoutId: 'po_91' }]);
    const second = fixOnce(first.watch, 2, T0 + 400_000);
    expect(second.watch.state).toBe('escalate');
    expect(second.log[2]!.effects).toEqual([
      { type: 'escalate', payoutId: 'po_91' },
      { type: 'notify', kind: 'escalated', payoutId: 'po_91' },
    ]);
  });

  it('does not escalate when the fix cured its cause and another one appeared', () => {
    const { watch } = run(failedDup(), [
      [requestFix(), T0 + 200_000],
      [{ type: 'reexport_sent', request: request('r2', 'in_progress') }, T0 + 200_001],
      [{ type: 'status_read', request: request('r2', 'failed', ['bank']), diagnosis: diagnosis('INVALID_BANK_ID') }, T0 + 200_002],
    ]);
    expect(watch.state).toBe('failed');
    expect(watch.diagnosis?.cause).toBe('INVALID_BANK_ID');
  });

  it('records a 409 refusal as rejected and falls back to failed', () => {
    const { watch, log } = run(failedDup(), [
      [requestFix(), T0 + 200_000],
      [{ type: 'reexport_refused', httpStatus: 409, message: 'Payment record is not in Failed to Export' }, T0 + 200_500],
    ]);
    expect(watch.state).toBe('failed');
    expect(watch.checkNumber).toBe(10042);
    expect(watch.attempts[0]).toMatchObject({ outcome: 'rejected', messages: ['HTTP 409: Payment record is not in Failed to Export'] });
    expect(log[1]!.effects).toEqual([]);
  });

  it('sees an export started elsewhere as a re-export in flight', () => {
    const r = transition(failedDup(), { type: 'status_read', request: request('r5', 'in_progress'), diagnosis: null }, T0 + 500_000);
    expect(r.watch.state).toBe('re_exporting');
    expect(r.watch.attempts).toEqual([]);
    const s = transition(r.watch, { type: 'status_read', request: request('r5', 'success'), diagnosis: null }, T0 + 600_000);
    expect(s.watch.state).toBe('synced');
    expect(s.effects).toEqual([]);
  });
});

describe('user actions and settings', () => {
  it('sync_disabled makes a pending record not exportable, a failed one keeps its state', () => {
    expect(transition(syncing(), { type: 'sync_disabled' }, T0).watch.state).toBe('not_exportable');
    const f = failedDup();
    expect(transition(f, { type: 'sync_disabled' }, T0).watch).toBe(f);
  });

  it('snooze sets snoozedUntil without changing state; a past time clears it', () => {
    const w = failedDup();
    const s = transition(w, { type: 'snooze', until: T0 + 3_600_000 }, T0 + 200_000).watch;
    expect(s.state).toBe('failed');
    expect(s.snoozedUntil).toBe(T0 + 3_600_000);
    expect(transition(s, { type: 'snooze', until: T0 }, T0 + 200_000).watch.snoozedUntil).toBeNull();
  });

  it('dismiss is terminal and keeps the record', () => {
    const d = transition(failedDup(), { type: 'dismiss' }, T0 + 1).watch;
    expect(d.state).toBe('dismissed');
    expect(d.payoutId).toBe('po_91');
    expect(transition(d, { type: 'status_read', request: request('r9', 'success'), diagnosis: null }, T0 + 2).watch).toBe(d);
  });

  it('returns the watch unchanged for an event that does not apply or carries no usable value', () => {
    const w = syncing();
    const bogus = [
      { type: 'teleport' },
      { type: 'snooze', until: Number.NaN },
      { type: 'funding_observed', fundingCompletedAt: Number.NaN, estimated: false, windowMs: WINDOW, paymentSyncEnabled: true },
      { type: 'reexport_sent', request: request('x', 'in_progress') },
      { type: 'reexport_refused', httpStatus: 409, message: 'no' },
    ] as unknown as WatchEvent[];
    for (const e of bogus) expect(transition(w, e, T0).watch).toBe(w);
    expect(transition(w, { type: 'dismiss' }, Number.NaN).watch).toBe(w);
  });

  it('lets a watch that breaks its own schema throw: the engine boundary reports it, not the state machine', () => {
    const broken = { ...failedDup(), attempts: undefined } as unknown as Watch;
    expect(() => transition(broken, { type: 'reexport_requested', request: request('r1', 'failed'), diagnosis: null, by: 'user' }, T0)).toThrow(TypeError);
  });
});
