import { describe, expect, it } from 'vitest';
import { WatchStore } from '../../../utils/overlay/watch-store';
import { makeWatch } from '../fixtures/make-watch';

describe('WatchStore', () => {
  it('keeps a change that arrives before the snapshot taken without it', () => {
    const store = new WatchStore();
    const old = makeWatch({ payoutId: 'p1', state: 'syncing' });
    store.expectSnapshot();
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
    store.expectSnapshot();
    store.apply({ type: 'upsert', watches: [makeWatch({ payoutId: 'p9' })] });
    store.setError('The background did not answer.');
    store.replaceAll([makeWatch({ payoutId: 'p1' })]);
    expect(store.forDisbursementNumber(makeWatch().disbursementNumber).map((w) => w.payoutId)).toEqual(['p1']);
  });
});
