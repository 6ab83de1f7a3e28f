import { afterEach, describe, expect, it, vi } from 'vitest';
import { preflightCheck } from '../../../utils/engine/fix/preflight';
import { poll } from '../../../utils/engine/poll/poll-runner';
import { confirmPageHints } from '../../../utils/engine/learn/page-hints';
import { listWatches } from '../../../utils/store/watch-store';
import type { Sim } from '../../sim/server';
import { startTestSim } from '../../sim/testing';
import type { Disbursement } from '../../../utils/domain/schemas/disbursement';
import { createDisbursement, engineOnSim } from './sim-engine';

const number = (d: Disbursement) => String(d.disbursementIdentifier);

describe('pre-flight and page hints against the sim', () => {
  let sim: Sim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('warns about an unsynced invoice, a refused partial payment and tax (contract v2 has no read of the sync switch nor of the ERP last check number)', async () => {
    sim = await startTestSim();
    const { engine, clientFor } = await engineOnSim(sim.origin, 60_000);
    const client = await clientFor(engine);
    await poll(engine, clientFor, { discovery: true });
    const projectId = sim.store.projects(8089)[0]!.id.toString();
    const invoices = await client.requisitions('8089', projectId);
    const unsynced = invoices.find((i) => i.erp_status === 'not_synced')!;
    const synced = invoices.find((i) => i.erp_status === 'synced')!;
    const issues = await preflightCheck(engine, client, '8089', [
      { invoiceId: unsynced.id, projectId },
      { invoiceId: synced.id, projectId, paymentAmountCents: 100, amountDueCents: 500 },
    ]);
    expect(issues.map((i) => [i.invoiceId, i.kind])).toEqual([
      [unsynced.id, 'invoice_not_synced'],
      [synced.id, 'partial_refused'],
    ]);
    expect(issues[0]!.invoice).toEqual({ number: unsynced.invoice_number, erpStatus: 'not_synced' });

    // Tax on the invoice (Procore shows it on the v1.1 requisition): the payment sync refuses it.
    const taxed = String(sim.store.invoices(8089).find((i) => i.taxAmount > 0 && i.erpStatus === 'synced')!.id);
    const tax = await preflightCheck(engine, client, '8089', [{ invoiceId: taxed, projectId }]);
    expect(tax.map((i) => [i.invoiceId, i.kind])).toEqual([[taxed, 'tax_or_markup']]);
  });

  it('confirms disbursement numbers read on a page with an API read, at most every 15 s, and never drops one', async () => {
    sim = await startTestSim();
    const { engine, clientFor } = await engineOnSim(sim.origin, 60_000);
    await poll(engine, clientFor, { discovery: true });
    const d = await createDisbursement(sim.origin, { payouts: [{}] });
    let reads = 0;
    const discover = async (companyId: string) => {
      reads++;
      await poll(engine, clientFor, { discovery: true, companyId });
    };
    const waits: number[] = [];
    let release: () => void = () => undefined;
    const wait = (ms: number) => {
      waits.push(ms);
      return ms === 0 ? Promise.resolve() : new Promise<void>((resolve) => (release = resolve));
    };
    expect(await confirmPageHints(engine, '8089', { disbursementNumbers: [number(d)] }, discover, wait)).toBe(true);
    expect((await listWatches(engine.db, { disbursementId: String(d.id) })).map((w) => w.state)).toEqual(['syncing']);
    expect(await confirmPageHints(engine, '8089', { disbursementNumbers: [number(d)] }, discover, wait)).toBe(false);
    // Funded since: within the interval, two hints wait for one read together, then both are answered.
    const later = await createDisbursement(sim.origin, { payouts: [{}] });
    const answers = Promise.all([
      confirmPageHints(engine, '8089', { disbursementNumbers: [number(later)] }, discover, wait),
      confirmPageHints(engine, '8089', { disbursementNumbers: [number(d), number(later)] }, discover, wait),
    ]);
    await vi.waitFor(() => expect(waits).toHaveLength(2));
    expect(waits[1]).toBeGreaterThan(0);
    expect(waits[1]).toBeLessThanOrEqual(15_000);
    expect(reads).toBe(1);
    release();
    expect(await answers).toEqual([true, true]);
    expect(reads).toBe(2);
    expect((await listWatches(engine.db, { disbursementId: String(later.id) })).map((w) => w.state)).toEqual(['syncing']);
  });
  it('looks for records a page names only by invoice number, and reads at once the result of one the page shows failed while it is syncing', async () => {
    sim = await startTestSim();
    const { engine, clientFor } = await engineOnSim(sim.origin, 60_000);
    await poll(engine, clientFor, { discovery: true });
    const discover = (companyId: string, readNow: ReadonlySet<string>) => poll(engine, clientFor, { discovery: true, companyId, readNow });
    const now = () => Promise.resolve();
    // The ERP refuses the markup within a second of funding, long before the 60 s window ends.
    const d = await createDisbursement(sim.origin, { payouts: [{ markup: true, delayFraction: 0.01 }] });
    const payoutId = sim.store.disbursements(8089).find((x) => String(x.id) === String(d.id))!.payoutIds[0]!;
    const invoiceNumber = sim!.store.invoice(sim!.store.state.payouts.get(payoutId)!.invoiceId)!.invoiceNumber;
    await vi.waitFor(() => expect(sim!.store.latestRequestDetail(payoutId)?.status).toBe('failed'), { timeout: 5_000 });
    expect(await confirmPageHints(engine, '8089', { disbursementNumbers: [], invoiceNumbers: [invoiceNumber] }, discover, now)).toBe(true);
    const [found] = await listWatches(engine.db, { disbursementId: String(d.id) });
    expect(found?.state).toBe('syncing');
    // An ordinary poll leaves a record in its window unread (one request per record is spent only past it).
    await poll(engine, clientFor, { discovery: true, companyId: '8089' });
    expect((await listWatches(engine.db, { disbursementId: String(d.id) }))[0]?.state).toBe('syncing');
    expect(await confirmPageHints(engine, '8089', { disbursementNumbers: [], shownFailed: [payoutId] }, discover, now)).toBe(true);
    expect((await listWatches(engine.db, { disbursementId: String(d.id) }))[0]?.state).toBe('failed');
    // Known failed now: the same hint asks for nothing more.
    expect(await confirmPageHints(engine, '8089', { disbursementNumbers: [], invoiceNumbers: [invoiceNumber], shownFailed: [payoutId] }, discover, now)).toBe(false);
  });
  it('reads at once the result of a record past its window whose disbursement a page shows, where a paced poll would leave it', async () => {
    // The engine's window is 10 s on its own clock (an overdue record's contract is then read every
    // 5 s); the sim's ERP refuses the markup 2 s of real time after funding.
    sim = await startTestSim({ windowMs: 60_000 });
    const { engine, clientFor, clock } = await engineOnSim(sim.origin, 10_000);
    await poll(engine, clientFor, { discovery: true });
    const d = await createDisbursement(sim.origin, { payouts: [{ markup: true, delayFraction: 2_000 / 60_000 }] });
    const payoutId = sim.store.disbursements(8089).find((x) => String(x.id) === String(d.id))!.payoutIds[0]!;
    await poll(engine, clientFor, { discovery: true, companyId: '8089', paced: true });
    clock.advance(2 * 10_000);
    await poll(engine, clientFor, { discovery: false });
    const state = async () => (await listWatches(engine.db, { disbursementId: String(d.id) }))[0]?.state;
    expect(await state()).toBe('overdue');
    await vi.waitFor(() => expect(sim!.store.latestRequestDetail(payoutId)?.status).toBe('failed'), { timeout: 5_000 });
    await poll(engine, clientFor, { discovery: true, companyId: '8089', paced: true });
    expect(await state()).toBe('overdue');
    const discover = (companyId: string, readNow: ReadonlySet<string>) => poll(engine, clientFor, { discovery: true, companyId, paced: true, readNow });
    expect(await confirmPageHints(engine, '8089', { disbursementNumbers: [number(d)] }, discover, () => Promise.resolve())).toBe(true);
    expect(await state()).toBe('failed');
  });
});
