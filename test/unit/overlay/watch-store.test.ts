import { describe, expect, it } from 'vitest';
import { WatchStore } from '../../../utils/overlay/watch-store';
import { makeWatch } from '../fixtures/make-watch';
import type { EngineStatus } from '../../../utils/messaging';

const status = (over: Partial<EngineStatus> = {}): EngineStatus => ({
  signedIn: true,
  lastPollAt: 1_000,
  lastError: null,
  watchedCompanies: [{ id: '8089', name: 'Acme', erpName: 'Sage Intacct', paymentSyncEnabled: true }],
  clockOffsetMs: 0,
  syncWindowMs: 600_000,
  ...over,
});

describe('WatchStore', () => {
  it('keeps a change that arrives before the snapshot taken without it', () => {
    const store = new WatchStore();
    const old = makeWatch({ payoutId: 'p1', state: 'syncing' });
    store.expectSnapshot('8089');
    // Discovered and sent live while the snapshot (taken earlier) was on its way.
    store.apply({ type: 'upsert', watches: [makeWatch({ payoutId: 'p2', invoiceNumber: 'INV-2', state: 'failed' }), { ...old, state: 'failed' }] });
    store.apply({ type: 'remove', payoutIds: ['p3'] });
    store.replaceAll([old, makeWatch({ payoutId: 'p3', invoiceNumber: 'INV-3' })]);
    const p1 = store.forRecord(old.disbursementNumber, old.invoiceNumber);
    expect(p1?.state).toBe('failed');
    expect(store.forDisbursementNumber(old.disbursementNumber).map((w) => w.payoutId).sort()).toEqual(['p1', 'p2']);
  });

  it('takes a snapshot as it is when nothing changed meanwhile, and forgets what a failed one kept', () => {
    const store = new WatchStore();
    store.expectSnapshot('8089');
    store.apply({ type: 'upsert', watches: [makeWatch({ payoutId: 'p9' })] });
    store.setError('The background did not answer.');
    store.replaceAll([makeWatch({ payoutId: 'p1' })]);
    expect(store.forDisbursementNumber(makeWatch().disbursementNumber).map((w) => w.payoutId)).toEqual(['p1']);
  });

  it('redraws for a status only when what the overlays draw from changed, and keeps the rest', () => {
    const store = new WatchStore();
    let redraws = 0;
    store.subscribe(() => redraws++);
    store.apply({ type: 'status', status: status() });
    expect(redraws).toBe(1);
    // Every poll sends its time and the clock's offset: kept for the next tick, nothing redrawn.
    store.apply({ type: 'status', status: status({ lastPollAt: 2_000, clockOffsetMs: -40, signedIn: true }) });
    expect(redraws).toBe(1);
    expect(store.status?.clockOffsetMs).toBe(-40);
    store.apply({ type: 'status', status: status({ watchedCompanies: [{ id: '8089', name: 'Acme', erpName: 'Sage Intacct', paymentSyncEnabled: false }] }) });
    expect(redraws).toBe(2);
    expect(store.paymentSyncEnabled('8089')).toBe(false);
    store.apply({ type: 'status', status: status({ watchedCompanies: store.status!.watchedCompanies, syncWindowMs: 120_000 }) });
    expect(redraws).toBe(3);
  });

  it('keeps only the shown company\'s changes once its snapshot was asked for', () => {
    const store = new WatchStore();
    store.expectSnapshot('8089');
    store.replaceAll([makeWatch({ payoutId: 'p1' })]);
    let redraws = 0;
    store.subscribe(() => redraws++);
    const other = makeWatch({ payoutId: 'p2', companyId: '9000', state: 'failed' });
    store.apply({ type: 'upsert', watches: [other] });
    store.apply({ type: 'remove', payoutIds: ['p404'] });
    expect(redraws).toBe(0);
    // Another company's record with the same disbursement and invoice numbers must not match this page's row.
    expect(store.forRecord(other.disbursementNumber, other.invoiceNumber)?.payoutId).toBe('p1');
    store.apply({ type: 'upsert', watches: [other, makeWatch({ payoutId: 'p1', state: 'failed' })] });
    expect(redraws).toBe(1);
    expect(store.forDisbursementNumber(other.disbursementNumber).map((w) => [w.payoutId, w.state])).toEqual([['p1', 'failed']]);
    store.apply({ type: 'remove', payoutIds: ['p1'] });
    expect(redraws).toBe(2);
    expect(store.forDisbursementNumber(other.disbursementNumber)).toEqual([]);
  });
});
