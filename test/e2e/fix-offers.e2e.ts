import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Watch } from '../../utils/domain/watch';
import type { Sim } from '../sim/server';
import { ledger, simControl, startTestSim } from '../sim/testing';
import { configureExtension, openExtensionPage, sendFromExtensionPage } from './configure';
import { launchExtension, type LaunchedExtension } from './launch';

// Issue 13: every fix through Procore's own Export on the ERP Integrations page, after a confirm
// drawn in that page, against both kinds of payment records tab the sandbox plays (a server-rendered
// table whose Export posts a form and reloads; an AG Grid whose Export answers in place). The ERP's
// ledger is the judge: one record per payout, whatever is pressed, in however many tabs.

const WINDOW_MS = 10_000;
const COMPANY = '8089';

for (const erpTab of ['html', 'grid'] as const) {
  describe(`Fill in & Export on the ${erpTab} ERP Integrations tab`, () => {
    let sim: Sim;
    let ext: LaunchedExtension;
    let bg: Page;
    let nextCheck = 70_001;
    const failedView = () => `${sim.origin}/${COMPANY}/company/erp_integrations?view=failed_to_export`;

    beforeAll(async () => {
      sim = await startTestSim({ erpTab, windowMs: WINDOW_MS });
      ext = await launchExtension();
      await configureExtension(ext, { apiOrigin: sim.origin, windowMs: WINDOW_MS });
      bg = await openExtensionPage(ext);
    });
    // A test that failed half-way leaves no tab behind for the next one to find.
    afterEach(async () => {
      for (const tab of ext.context.pages()) if (tab !== bg) await tab.close();
    });
    afterAll(async () => {
      await ext?.close();
      await sim?.close();
    });

    const until = async <T,>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await check();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    const poll = () => sendFromExtensionPage(bg, 'poll.now', { companyId: COMPANY });
    const watchOf = async (payoutId: string) => (await sendFromExtensionPage<Watch[]>(bg, 'watches.list', { payoutIds: [payoutId] })).find((w) => w.payoutId === payoutId);
    const recordsOf = async (payoutId: string) => (await ledger(sim.origin)).records.filter((r) => r.payoutId === payoutId);

    /** A payout the ERP refused for a duplicate check number, as the extension sees it (failed, with a suggested number). */
    async function duplicateCheckNumber(): Promise<Watch> {
      const check = nextCheck;
      nextCheck += 10;
      await simControl(sim.origin, 'POST', `/companies/${COMPANY}/erp/checks`, { bankId: 'OPER', checkNumber: check });
      const d = await simControl<{ id: string; payouts: { id: string }[] }>(sim.origin, 'POST', '/disbursements', {
        status: 'authorized',
        firstCheckNumber: check,
        payouts: [{ beneficiaryName: `Duplicate ${check} Drywall`, delayFraction: 0.05 }],
      });
      await simControl(sim.origin, 'POST', `/fund/${encodeURIComponent(d.id)}`);
      const payoutId = String(d.payouts[0]!.id);
      let seen: Watch | undefined;
      return until(`payout ${payoutId} failed with a suggested check number`, async () => {
        await poll();
        seen = await watchOf(payoutId);
        return seen?.state === 'failed' && seen.diagnosis?.cause === 'DUPLICATE_CHECK_NUMBER' && seen.diagnosis.suggested?.checkNumber ? seen : null;
      }).catch(async (error: Error) => {
        // What the extension last showed, so a miss names its cause (state, diagnosis, export read, poll error).
        const status = await sendFromExtensionPage<{ lastError: { message: string } | null }>(bg, 'status.get', {});
        const diagnosis = seen?.diagnosis ? `${seen.diagnosis.cause}, suggested ${JSON.stringify(seen.diagnosis.suggested ?? null)}` : 'none';
        throw new Error(
          `${error.message}; last seen: ${seen ? `${seen.state}, diagnosis ${diagnosis}, request ${seen.request?.status ?? 'none'}, deadline in ${seen.deadline === null ? '?' : seen.deadline - Date.now()} ms` : 'not watched'}; last poll error: ${status.lastError?.message ?? 'none'}`,
        );
      });
    }

    async function openFailedView(): Promise<Page> {
      const tab = await ext.context.newPage();
      tab.on('console', (m) => { if (m.type() === 'error') console.log(`[page error] ${m.text()}`); });
      await tab.goto(failedView());
      return tab;
    }
    /** The record's row: a table row, or every part of an AG Grid row (the legacy layout splits it). */
    const rowOf = (tab: Page, watch: Watch): Locator => tab.locator('tbody tr, .ag-row').filter({ hasText: watch.invoiceNumber });
    const fixButton = (tab: Page, watch: Watch) => rowOf(tab, watch).getByRole('button', { name: 'Fill in & Export', exact: true });
    const confirmOf = (tab: Page, watch: Watch) => tab.getByRole('alertdialog', { name: `Fill in & Export invoice ${watch.invoiceNumber}?` });
    /** What our banner over the table says about the fixes this tab pressed. */
    const pendingWords = async (tab: Page): Promise<string> => (await tab.getByTestId('esw-pending-fixes').textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
    /** Export was pressed and Procore took it, in Procore's words: the html tab's flash after its reload, the grid row's progress. */
    const pressed = (tab: Page, watch: Watch) =>
      erpTab === 'html'
        ? tab.getByRole('status').filter({ hasText: `${watch.invoiceNumber} is being exported` }).waitFor()
        : rowOf(tab, watch).getByText('Export in progress').first().waitFor();
    /** Procore's own Export of the row, as a user presses it. */
    const procoreExport = (tab: Page, watch: Watch) => tab.getByRole('button', { name: `Export ${watch.invoiceNumber} to ERP`, exact: true });

    it('exports nothing until the in-page confirm (Escape cancels, Enter confirms), then the row\'s own Export gives one ledger record', async () => {
      const watch = await duplicateCheckNumber();
      const suggested = watch.diagnosis!.suggested!.checkNumber!;
      const tab = await openFailedView();
      await fixButton(tab, watch).click();
      const dialog = confirmOf(tab, watch);
      await dialog.waitFor();
      expect(await dialog.locator('tbody tr').first().textContent()).toBe(`Check Number${watch.checkNumber}→ ${suggested}`);
      // Focus is in the dialog, and the row's own input already shows the new number; nothing went out.
      expect(await dialog.evaluate((el) => el.contains((el.getRootNode() as ShadowRoot).activeElement))).toBe(true);
      expect(await rowOf(tab, watch).locator('input').first().inputValue()).toBe(String(suggested));
      await tab.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await rowOf(tab, watch).locator('input').first().inputValue()).toBe(String(watch.checkNumber));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await recordsOf(watch.payoutId)).toEqual([]);

      await fixButton(tab, watch).click();
      await dialog.waitFor();
      await tab.keyboard.press('Enter');
      const records = await until('one ledger record', async () => {
        const found = await recordsOf(watch.payoutId);
        return found.length > 0 ? found : null;
      });
      expect(records.map((r) => r.checkNumber)).toEqual([suggested]);
      // The page says what became of it: checking, then in the ERP (after the html tab's reload too).
      await until('the page to say the record is in the ERP', async () => {
        await poll();
        const words = erpTab === 'html' ? await pendingWords(tab) : ((await rowOf(tab, watch).first().textContent()) ?? '');
        return /has it|Export pressed: checking|Re-exporting|In the ERP|Synced/i.test(words) ? words : null;
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await recordsOf(watch.payoutId)).toHaveLength(1);
      expect((await ledger(sim.origin)).violations).toEqual([]);
      await tab.close();
    });

    it('two tabs pressing Export for one record: one ledger record, and the second tab shows the refusal in words', async () => {
      const watch = await duplicateCheckNumber();
      const first = await openFailedView();
      const second = await openFailedView();
      await fixButton(second, watch).waitFor();
      await fixButton(first, watch).click();
      await confirmOf(first, watch).waitFor();
      await first.keyboard.press('Enter');
      await pressed(first, watch);

      // The second tab follows the record live: re-exporting, no Fill in & Export offered any more.
      await rowOf(second, watch).getByText(/Re-exporting/).first().waitFor();
      expect(await fixButton(second, watch).count()).toBe(0);
      // Pressing Procore's own Export there anyway: Procore refuses, in its words, on the page.
      await procoreExport(second, watch).click();
      const refusal =
        erpTab === 'html'
          ? second.getByRole('alert').filter({ hasText: `${watch.invoiceNumber} was not exported` })
          : rowOf(second, watch).getByText(/^Export failed: /);
      await refusal.waitFor();
      expect(await refusal.textContent()).toMatch(/already (in progress|been exported)/);

      await until('the first export in the ERP', async () => ((await recordsOf(watch.payoutId)).length > 0 ? true : null));
      await new Promise((resolve) => setTimeout(resolve, WINDOW_MS * 0.2));
      expect(await recordsOf(watch.payoutId)).toHaveLength(1);
      expect((await ledger(sim.origin)).violations).toEqual([]);
      await first.close();
      await second.close();
    });

    it('the page reloaded after Export was pressed: one export, and the reloaded page says it is checking, then that the ERP has it', async () => {
      const watch = await duplicateCheckNumber();
      const tab = await openFailedView();
      await fixButton(tab, watch).click();
      await confirmOf(tab, watch).waitFor();
      await tab.keyboard.press('Enter');
      await pressed(tab, watch);
      await tab.reload();
      await tab.getByTestId('esw-pending-fixes').waitFor();
      expect(await pendingWords(tab)).toContain(`Invoice ${watch.invoiceNumber}`);
      const words = await until('the reloaded page to say the ERP has it', async () => {
        await poll();
        const text = await pendingWords(tab);
        return /has it/.test(text) ? text : null;
      });
      expect(words).toContain(`Invoice ${watch.invoiceNumber}: exported`);
      expect(await recordsOf(watch.payoutId)).toHaveLength(1);
      expect((await ledger(sim.origin)).violations).toEqual([]);
      await tab.close();
    });

    it('the page reloaded before Procore took the Export: nothing exported, and the page says so once the grace period shows it', async () => {
      const watch = await duplicateCheckNumber();
      const tab = await openFailedView();
      // Procore never receives the Export: the request hangs until the reload cancels it.
      let held = 0;
      await tab.route('**/*', (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        held++;
        return undefined;
      });
      await fixButton(tab, watch).click();
      await confirmOf(tab, watch).waitFor();
      await tab.keyboard.press('Enter');
      await until('the Export request', async () => held > 0);
      // Reloaded while the request is held: the navigation cancels it (released first, it would go through).
      await tab.goto(failedView());
      await tab.unroute('**/*');
      await tab.getByTestId('esw-pending-fixes').waitFor();
      let seen = '';
      const words = await until(
        'the page to say nothing was exported',
        async () => {
          await poll();
          const text = await pendingWords(tab);
          seen = `${text} (record: ${(await watchOf(watch.payoutId))?.state})`;
          return /was not exported/.test(text) ? text : null;
        },
        6 * WINDOW_MS,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; the page said: ${seen}`);
      });
      expect(words).toMatch(new RegExp(`Invoice ${watch.invoiceNumber} was not exported: .*nothing was exported`));
      expect(await recordsOf(watch.payoutId)).toEqual([]);
      expect((await ledger(sim.origin)).violations).toEqual([]);
      await tab.close();
    });

    it("a fix opened from outside the page lands on the record's row with Confirm focused, and exports only after it", async () => {
      const watch = await duplicateCheckNumber();
      await sendFromExtensionPage(bg, 'fix.open', { payoutId: watch.payoutId });
      const tab = await until('the ERP Integrations tab', async () => ext.context.pages().find((p) => p.url().includes('/erp_integrations')));
      const dialog = confirmOf(tab, watch);
      await dialog.waitFor({ timeout: 30_000 });
      const confirm = dialog.getByRole('button', { name: 'Fill in & Export' });
      expect(await confirm.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await recordsOf(watch.payoutId)).toEqual([]);
      await tab.keyboard.press('Enter');
      await until('one ledger record', async () => ((await recordsOf(watch.payoutId)).length > 0 ? true : null));
      expect(await recordsOf(watch.payoutId)).toHaveLength(1);
      expect((await ledger(sim.origin)).violations).toEqual([]);
      await tab.close();
    });
  });
}
