import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

export interface DemoPages {
  origin: string;
  companyId: number;
  extensionId: string;
}

/**
 * Screenshots of the Payments page (Disbursements tab), the ERP Integrations page (Failed to
 * Export) and the extension's popup, each in a tab of its own, into `outDir`. Returns the files
 * saved; one that fails is reported and the others are still taken.
 */
export async function saveScreenshots(context: BrowserContext, pages: DemoPages, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const shots: [string, string, { width: number; height: number }][] = [
    ['payments.png', `${pages.origin}/${pages.companyId}/company/payments/disbursements`, { width: 1400, height: 900 }],
    ['erp-integrations.png', `${pages.origin}/${pages.companyId}/company/erp_integrations?view=failed_to_export`, { width: 1400, height: 900 }],
    ['popup.png', `chrome-extension://${pages.extensionId}/popup.html`, { width: 420, height: 640 }],
  ];
  const saved: string[] = [];
  for (const [file, url, viewport] of shots) {
    const page = await context.newPage();
    try {
      await page.setViewportSize(viewport);
      await page.goto(url);
      // The grids and the extension's overlays draw after the data arrives.
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
      await page.waitForTimeout(2_000);
      const target = path.join(outDir, file);
      await page.screenshot({ path: target });
      saved.push(target);
    } catch (error) {
      console.error(`Screenshot ${file} failed: ${String(error).split('\n')[0]}`);
    } finally {
      await page.close();
    }
  }
  return saved;
}
