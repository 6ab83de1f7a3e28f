// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineFeature, type Feature } from '../../../features/feature';
import { useGridRecords } from '../../../components/overlay/use-grid-records';
import { fakeBackend, rootShadow, startSession } from './overlay-harness';

let session: ReturnType<typeof startSession> | null = null;
beforeEach(() => document.body.replaceChildren());
afterEach(() => {
  session?.stop();
  session = null;
  vi.restoreAllMocks();
});

const onPayments = (hint: { tool: string }) => hint.tool === 'payments';
const shown = () => ({ ok: true });

function Working() {
  return <p>still working</p>;
}
function ThrowsInRender(): never {
  throw new Error('render broke');
}
function ThrowsWhileReading() {
  useGridRecords(() => {
    throw new Error('reader broke');
  }, 'broken', 'A table');
  return <p>never shown</p>;
}

const working = defineFeature({ id: 'disbursement-badges', include: onPayments, reads: shown, draw: () => <Working /> });
const rendering = defineFeature({ id: 'disbursement-detail', include: onPayments, reads: shown, draw: () => <ThrowsInRender /> });
const starting = defineFeature({
  id: 'preflight',
  include: onPayments,
  reads: shown,
  draw: () => {
    throw new Error('start broke');
  },
});
const reading = defineFeature({ id: 'funding-account-advice', include: onPayments, reads: shown, draw: () => <ThrowsWhileReading /> });

function run(features: Feature[]) {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const fake = fakeBackend({ 'watches.list': () => [], 'feature.error': () => ({ ok: true }) });
  session = startSession('/8089/company/payments/disbursements', fake.backend, features);
  const reports = () => fake.sent.filter((m) => m.name === 'feature.error').map((m) => m.payload);
  const ours = () => errors.mock.calls.map((call) => String(call[0])).filter((text) => text.startsWith('ERP Sync Watch:'));
  return { reports, ours };
}

describe('a feature that throws', () => {
  it('is stopped, logged once with its name and reported; the others keep working', async () => {
    const { reports, ours } = run([rendering, working, starting, reading]);
    await vi.waitFor(() => expect(rootShadow().textContent).toContain('still working'));
    await vi.waitFor(() => expect(reports()).toHaveLength(3));
    expect(reports()).toEqual(
      expect.arrayContaining([
        { featureId: 'disbursement-detail', message: 'render broke' },
        { featureId: 'preflight', message: 'start broke' },
        { featureId: 'funding-account-advice', message: 'reader broke' },
      ]),
    );
    expect(ours().sort()).toEqual([
      'ERP Sync Watch: "Disbursement page: payout sync states" stopped on this page: render broke',
      'ERP Sync Watch: "Payments Settings, Funding Accounts: check number advice" stopped on this page: reader broke',
      'ERP Sync Watch: "Subcontractor Invoices and draft disbursements: pre-flight checks" stopped on this page: start broke',
    ]);
    expect(rootShadow().textContent).not.toContain('never shown');

    // The page keeps changing: nothing is reported twice, and the working feature still draws.
    document.body.append(document.createElement('section'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reports()).toHaveLength(3);
    expect(ours()).toHaveLength(3);
    expect(rootShadow().textContent).toContain('still working');
  });

  it('without the throwing features, nothing is reported (the test can tell)', async () => {
    const { reports, ours } = run([working]);
    await vi.waitFor(() => expect(rootShadow().textContent).toContain('still working'));
    expect(reports()).toEqual([]);
    expect(ours()).toEqual([]);
  });
});

describe('navigation', () => {
  it('aborts the page features and routes again without a reload', async () => {
    const signals: AbortSignal[] = [];
    const watching = defineFeature({
      id: 'disbursement-badges',
      include: onPayments,
      reads: shown,
      draw: ({ signal }) => {
        signals.push(signal);
        return <Working />;
      },
    });
    const fake = fakeBackend({ 'watches.list': () => [] });
    session = startSession('/8089/company/payments/disbursements', fake.backend, [watching]);
    await vi.waitFor(() => expect(rootShadow().textContent).toContain('still working'));
    session.navigate('/8089/project/home');
    expect(signals[0]!.aborted).toBe(true);
    await vi.waitFor(() => expect(rootShadow().textContent).not.toContain('still working'));
    session.navigate('/8089/company/payments/settings');
    await vi.waitFor(() => expect(rootShadow().textContent).toContain('still working'));
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
  });
});
