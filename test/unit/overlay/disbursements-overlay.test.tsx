// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_ATTRIBUTE } from '../../../utils/overlay/row-host';
import type { EngineStatus } from '../../../utils/messaging';
import type { Watch } from '../../../utils/domain/watch';
import { DISBURSEMENT_COLUMNS, fillCell, gridPage } from '../page/ag-grid-page';
import { fakeBackend, hostTexts, rootShadow, shownText, startSession } from './overlay-harness';
import { FUNDED, WINDOW, pageWatch as watch } from '../fixtures/make-watch';

const XSS = '<img src=x onerror=alert(1)>';
const status = (paymentSyncEnabled = true): EngineStatus => ({
  signedIn: true,
  lastPollAt: FUNDED,
  lastError: null,
  watchedCompanies: [{ id: '8089', name: 'Builder Co', erpName: 'QuickBooks Online', paymentSyncEnabled }],
  clockOffsetMs: 0,
});

const watches: Watch[] = [
  watch({ payoutId: 'a', disbursementNumber: 'D-1' }),
  watch({ payoutId: 'b', disbursementNumber: 'D-2', state: 'synced', syncedAt: FUNDED + 192_000 }),
  watch({ payoutId: 'c', disbursementNumber: 'D-3', state: 'failed', beneficiaryName: XSS }),
  watch({ payoutId: 'd', disbursementNumber: 'D-3', state: 'synced', syncedAt: FUNDED + 1000 }),
];

function page(layout: 'current' | 'legacy' = 'current') {
  return gridPage(document, {
    layout,
    columns: DISBURSEMENT_COLUMNS.map((label, i) => ({ label, pinned: i === 0 ? ('left' as const) : undefined })),
    rows: ['D-1', 'D-2', 'D-3', 'D-4'].map((n) => ({ 'Disbursement No.': n, 'Drawdown Status': n === 'D-4' ? 'Draft' : 'Funding Completed' })),
  });
}

let session: ReturnType<typeof startSession> | null = null;
beforeEach(() => {
  document.body.replaceChildren();
  vi.useFakeTimers({ toFake: ['Date'], now: FUNDED + WINDOW - 452_000 });
});
afterEach(() => {
  session?.stop();
  session = null;
  vi.useRealTimers();
});

describe('Disbursements tab overlay', () => {
  it('draws one badge per funding-complete row with its own state, and hints the numbers', async () => {
    page();
    const fake = fakeBackend({ 'watches.list': () => watches, 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/payments/disbursements', fake.backend);
    fake.push({ type: 'status', status: status() });
    await vi.waitFor(() => expect(hostTexts('badge')).toEqual(['◷ERP sync 7:32', '✓In ERP in 3:12', '✕1 of 2 failed']));
    const button = document.querySelector(`[${HOST_ATTRIBUTE}="badge"]`)!.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('ERP sync, 7 minutes 32 seconds left');
    await vi.waitFor(() =>
      expect(fake.sent.find((m) => m.name === 'page.hints')?.payload).toEqual({ companyId: '8089', disbursementNumbers: ['D-1', 'D-2', 'D-3'], funded: ['D-1', 'D-2', 'D-3'] }),
    );
  });

  it('ticks the countdown each second from the shared clock, name included', async () => {
    page();
    const fake = fakeBackend({ 'watches.list': () => watches, 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/payments/disbursements', fake.backend);
    await vi.waitFor(() => expect(hostTexts('badge')[0]).toBe('◷ERP sync 7:32'));
    vi.setSystemTime(FUNDED + WINDOW - 449_000);
    await vi.waitFor(() => expect(hostTexts('badge')[0]).toBe('◷ERP sync 7:29'), { timeout: 2500 });
    const button = document.querySelector(`[${HOST_ATTRIBUTE}="badge"]`)!.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('ERP sync, 7 minutes 29 seconds left');
    // Only the counting badge follows the clock.
    expect(hostTexts('badge').slice(1)).toEqual(['✓In ERP in 3:12', '✕1 of 2 failed']);
  });

  it('counts down at once on a funded row, marked estimated, until the background has looked for it; then nothing if it watches none', async () => {
    page();
    let answer: () => void = () => undefined;
    const fake = fakeBackend({ 'watches.list': () => [], 'page.hints': () => new Promise((resolve) => (answer = () => resolve({ ok: true }))) });
    session = startSession('/8089/company/payments/disbursements', fake.backend);
    await vi.waitFor(() => expect(hostTexts('badge')).toEqual(['◷ERP sync 10:00 est.', '◷ERP sync 10:00 est.', '◷ERP sync 10:00 est.']));
    const button = document.querySelector(`[${HOST_ATTRIBUTE}="badge"]`)!.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toMatch(/^ERP sync, 10 minutes left.*estimated/);
    await vi.waitFor(() => expect(fake.sent.map((m) => m.name)).toContain('page.hints'));
    answer();
    await vi.waitFor(() => expect(hostTexts('badge')).toEqual([]));
  });

  it('draws no estimate on a funded row the background answers for within a moment (one it has looked for already)', async () => {
    page();
    const fake = fakeBackend({ 'watches.list': () => [], 'page.hints': () => new Promise((resolve) => setTimeout(() => resolve({ ok: true }), 100)) });
    session = startSession('/8089/company/payments/disbursements', fake.backend);
    await vi.waitFor(() => expect(fake.sent.map((m) => m.name)).toContain('page.hints'));
    const seen = new Set<string>();
    // Past the answer and past the moment the estimate would have waited for.
    for (let t = 0; t < 40; t++) {
      for (const text of hostTexts('badge')) seen.add(text);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect([...seen]).toEqual([]);
  });

  it('says where the user looks when the background cannot be reached, and draws no stale states', async () => {
    page();
    const fake = fakeBackend({ 'watches.list': () => Promise.reject(new Error("The extension's background did not answer. Reload the page to reconnect.")) });
    session = startSession('/8089/company/payments/disbursements', fake.backend);
    await vi.waitFor(() =>
      expect(rootShadow().querySelector('[role="alert"]')?.textContent).toBe("ERP Sync Watch: The extension's background did not answer. Reload the page to reconnect."),
    );
    // The page's own data still says funded: the estimate stays, nothing the background said is drawn.
    expect(hostTexts('badge').every((text) => /^◷ERP sync \d+:\d\d est\.$/.test(text))).toBe(true);
  });

  it('says "Sync off" where the company does not sync payments', async () => {
    page();
    const fake = fakeBackend({ 'watches.list': () => [], 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/payments/disbursements', fake.backend);
    fake.push({ type: 'status', status: status(false) });
    await vi.waitFor(() => expect(hostTexts('badge')).toEqual(['⊘Sync off', '⊘Sync off', '⊘Sync off', '⊘Sync off']));
  });

  it('opens a popover by keyboard listing the records as text, and closes it on Escape', async () => {
    page();
    const fake = fakeBackend({ 'watches.list': () => watches, 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/payments/disbursements', fake.backend);
    await vi.waitFor(() => expect(hostTexts('badge')).toHaveLength(3));
    const button = document.querySelectorAll(`[${HOST_ATTRIBUTE}="badge"]`)[2]!.shadowRoot!.querySelector('button')!;
    button.focus();
    button.click();
    const popover = await vi.waitFor(() => {
      const found = rootShadow().querySelector<HTMLElement>('[role="dialog"]');
      if (!found) throw new Error('no popover');
      return found;
    });
    expect(popover.getAttribute('aria-label')).toBe('Disbursement D-3: payment records');
    expect(popover.textContent).toContain(XSS);
    expect(popover.querySelector('img')).toBeNull();
    expect(popover.querySelector('a')?.getAttribute('href')).toBe('http://localhost:3000/8089/company/erp_integrations#esw-fix=c');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    popover.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await vi.waitFor(() => expect(rootShadow().querySelector('[role="dialog"]')).toBeNull());
  });

  it('keeps each badge with its record when the older grid reuses a row for another record', async () => {
    const root = page('legacy');
    const fake = fakeBackend({ 'watches.list': () => watches, 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/payments/disbursements', fake.backend);
    await vi.waitFor(() => expect(hostTexts('badge')).toEqual(['◷ERP sync 7:32', '✓In ERP in 3:12', '✕1 of 2 failed']));
    // Scrolling: the row parts that showed D-1 now show D-3 (row-index 7), cells rewritten in place.
    const parts = [...root.querySelectorAll('.ag-row[row-index="0"]')];
    for (const part of parts) part.setAttribute('row-index', '7');
    const numberCell = parts[0]!.querySelector('[role="gridcell"]')!;
    fillCell(document, numberCell, 'D-3');
    [...root.querySelectorAll('.ag-row[row-index="2"]')].forEach((p) => p.remove());
    await vi.waitFor(() => {
      const texts = [...root.querySelectorAll('.ag-row')].flatMap((row) => {
        const host = row.querySelector(`[${HOST_ATTRIBUTE}="badge"]`);
        return host && shownText(host) ? [`${row.getAttribute('row-index')}:${shownText(host)}`] : [];
      });
      expect(texts.sort()).toEqual(['1:✓In ERP in 3:12', '7:✕1 of 2 failed']);
    });
  });

  it('announces milestones politely, not the seconds', async () => {
    page();
    const fake = fakeBackend({ 'watches.list': () => watches, 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/payments/disbursements', fake.backend);
    await vi.waitFor(() => expect(hostTexts('badge')).toHaveLength(3));
    const live = rootShadow().querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toBe('');
    fake.push({ type: 'upsert', watches: [{ ...watches[0]!, state: 'synced', syncedAt: FUNDED + 300_000 }] });
    await vi.waitFor(() => expect(live.textContent).toBe('Disbursement D-1: In ERP, took 5 minutes'));
  });

  it('swaps overlays on SPA navigation without duplicates and leaves nothing when the extension reloads', async () => {
    page();
    const fake = fakeBackend({ 'watches.list': () => watches, 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/payments/disbursements', fake.backend);
    await vi.waitFor(() => expect(hostTexts('badge')).toHaveLength(3));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    session.navigate('/8089/company/erp_integrations/job_costs');
    await vi.waitFor(() => expect(hostTexts('badge')).toHaveLength(0));
    session.navigate('/8089/company/payments/disbursements');
    await vi.waitFor(() => expect(hostTexts('badge')).toHaveLength(3));
    session.navigate('/8089/company/payments/disbursements?page=2');
    session.navigate('/8089/company/payments/disbursements');
    await vi.waitFor(() => expect(hostTexts('badge')).toHaveLength(3));
    // The root and one host per row that shows a badge: none for the Draft row, none left over.
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(4);
    session.invalidate();
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
    expect(fake.listeners.size).toBe(0);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
