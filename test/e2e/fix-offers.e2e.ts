import { rmSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type Sim } from '../sim/server';
import { configureExtension, sendFromExtensionPage } from './configure';
import { isolatedBuild, launchExtension, type LaunchedExtension } from './launch';

// Issue 17, points 3 and 4, in the popup against the demo: an export is offered only where a
// re-export can cure the cause, the others say what to do instead, and a wrong Bank ID gets the
// closest one the ERP knows (PAYRL → PAYROLL) instead of being sent again unchanged.

const WINDOW_MS = 30_000;

describe('what the popup offers for each failure (demo)', () => {
  let sim: Sim;
  let ext: LaunchedExtension;
  let popup: Page;
  let dir: string;

  /** The popup's record of `name` whose cause reads `cause` (a beneficiary can have several records). */
  const record = (name: string, cause: string): Locator =>
    popup.getByRole('article', { name }).filter({ has: popup.getByText(`${cause}:`, { exact: true }) });

  const waitFor = async (name: string, cause: string) =>
    expect
      .poll(
        async () => {
          await sendFromExtensionPage(popup, 'poll.now', {});
          await popup.reload();
          return record(name, cause).count();
        },
        { timeout: 60_000, interval: 2_000, message: `${name}: ${cause}` },
      )
      .toBeGreaterThan(0);

  beforeAll(async () => {
    sim = await startSim({ port: 0, scenario: 'demo', windowMs: WINDOW_MS });
    dir = isolatedBuild();
    ext = await launchExtension({ extensionDir: dir });
    await configureExtension(ext, { apiOrigin: sim.origin, windowMs: WINDOW_MS });
    popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('offers no export for a refused partial payment or tax, and says what to do instead', async () => {
    for (const [name, cause, instead] of [
      ['Rio Concrete', 'Amount refused', /What to do: Enter the partial payment in QuickBooks Online by hand/],
      ['Keystone Steel', 'Tax or markup', /What to do: Enter the payment in QuickBooks Online by hand/],
    ] as const) {
      await waitFor(name, cause);
      const row = record(name, cause).first();
      expect(await row.getByRole('button', { name: /Fix & export|Export/ }).count(), `${name} offers an export`).toBe(0);
      expect(await row.textContent()).toMatch(instead);
    }
  });

  it('offers the closest Bank ID the ERP knows for a wrong one, and never exports it unchanged', async () => {
    await waitFor('Northline Glazing', 'Wrong Bank ID');
    const row = record('Northline Glazing', 'Wrong Bank ID').first();
    await row.getByRole('button', { name: 'Fix & export Northline Glazing' }).click();
    const dialog = popup.getByRole('dialog', { name: 'Fix & export: Northline Glazing' });
    const [now, exportWith] = await dialog.getByRole('row', { name: /Bank ID/ }).getByRole('cell').allTextContents();
    expect(now).toBe('PAYRL');
    expect(exportWith).toBe('PAYROLL (changed)');
    // Typed back to the refused value, the export waits for a Bank ID the ERP can take.
    await dialog.getByLabel('Bank ID').fill('PAYRL');
    expect(await dialog.getByRole('button', { name: 'Export' }).isDisabled()).toBe(true);
    expect(await dialog.textContent()).toMatch(/refused Bank ID PAYRL/);
    await popup.keyboard.press('Escape');
  });
});
