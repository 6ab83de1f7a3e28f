// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { savePendingFix } from '../../../features/failed-export-help/pending-fix';
import { railsTable } from '../page/rails-table-page';
import { FUNDED, pageWatch as watch } from '../fixtures/make-watch';
import { fakeBackend, hostTexts, startSession } from './overlay-harness';

// The server-rendered Export reloads the page, and a user may reload mid-fix: the page that comes
// back says what became of each fix this tab confirmed, from the tab's session storage.

let session: ReturnType<typeof startSession> | null = null;
beforeEach(() => {
  document.body.replaceChildren();
  sessionStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'], now: FUNDED + 700_000 });
});
afterEach(() => {
  session?.stop();
  session = null;
  vi.useRealTimers();
});

const failed = watch({ payoutId: 'po-1', invoiceNumber: 'INV-1', state: 'failed', diagnosis: { cause: 'DUPLICATE_CHECK_NUMBER', summary: 'Check number used', retryable: true, suggested: { checkNumber: 5010 } } });
const before = { invoiceNumber: 'INV-1', at: FUNDED, page: 'an earlier load of this tab' };
const banner = () => hostTexts('fix-notice').join(' ');

describe('Failed to Export after a reload', () => {
  it('a fix cut short before Export was pressed: nothing exported, said on the page and told to the background', async () => {
    railsTable(document, [{ id: '901', payout: 'po-1', invoice: 'INV-1', check: '5003' }]);
    savePendingFix(sessionStorage, { ...before, payoutId: 'po-1', intentId: 'intent-1', pressed: false });
    const fake = fakeBackend({ 'watches.list': () => [failed], 'fix.pressed': () => failed, 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/erp_integrations?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(banner()).toContain('Invoice INV-1 was not exported: the page reloaded before Export was pressed. Nothing was sent to the ERP.'));
    expect(fake.sent.find((m) => m.name === 'fix.pressed')?.payload).toEqual({ payoutId: 'po-1', intentId: 'intent-1', outcome: 'page_error', message: 'The page reloaded before Export was pressed: nothing was exported.' });
    expect(sessionStorage.length).toBe(0);
  });

  it("Procore's refusal after its reload: its words on the page, and page_refused to the background", async () => {
    const flash = Object.assign(document.createElement('div'), { textContent: 'INV-1 was not exported: An export of this payment record is already in progress.' });
    flash.setAttribute('role', 'alert');
    document.body.append(flash);
    railsTable(document, [{ id: '901', payout: 'po-1', invoice: 'INV-1', check: '5003' }]);
    savePendingFix(sessionStorage, { ...before, payoutId: 'po-1', intentId: 'intent-2', pressed: true });
    const fake = fakeBackend({ 'watches.list': () => [failed], 'fix.pressed': () => failed, 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/erp_integrations?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(banner()).toContain(`Invoice INV-1 was not exported. Procore said: ${flash.textContent}`));
    expect(fake.sent.find((m) => m.name === 'fix.pressed')?.payload).toEqual({ payoutId: 'po-1', intentId: 'intent-2', outcome: 'page_refused', message: flash.textContent });
  });

  it('an Export Procore took: checking over the emptied view until the record is in the ERP', async () => {
    railsTable(document, []);
    savePendingFix(sessionStorage, { ...before, payoutId: 'po-1', intentId: 'intent-3', pressed: true });
    const checking = { ...failed, state: 're_exporting' as const, erpName: 'QuickBooks Online' };
    const fake = fakeBackend({ 'watches.list': () => [checking], 'page.hints': () => ({ ok: true }) });
    session = startSession('/8089/company/erp_integrations?view=failed_to_export', fake.backend);
    await vi.waitFor(() => expect(banner()).toContain('Invoice INV-1: Export pressed. Checking with QuickBooks Online…'));
    expect(fake.sent.some((m) => m.name === 'fix.pressed')).toBe(false);
    fake.push({ type: 'upsert', watches: [{ ...checking, state: 'synced', stateSince: FUNDED + 800_000 }] });
    await vi.waitFor(() => expect(banner()).toContain('Invoice INV-1: exported, and QuickBooks Online has it.'));
    await vi.waitFor(() => expect(sessionStorage.length).toBe(0));
  });
});
