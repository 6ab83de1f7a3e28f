import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from './launch';

describe('the built extension in Chromium', () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('starts its service worker', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const name = await ext.worker.evaluate(() => chrome.runtime.getManifest().name);
    expect(name).toBe('ERP Sync Watch (sandbox)');
  });

  it('renders the popup', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('ERP Sync Watch');
    await page.close();
  });
});
