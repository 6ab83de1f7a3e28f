import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchExtension } from '../e2e/launch';
import { openPopupWindow } from './popup-window';

/**
 * The same opening without the extension's code: an extension of its own whose popup is a page of
 * the same size with one row of text and no script and no stylesheet to fetch, opened the way the
 * bench opens ours. From its HTML to its row painted is Chromium's own part, which no popup's code
 * can go under.
 */
const FLOOR_PAGE = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>floor</title>
<style>html, body { width: 400px; margin: 0; font: 14px sans-serif; } main { height: 580px; }</style></head>
<body><main><article elementtiming="watch-row">Acme Drywall · $4,500.00 · check 10042 · Failed</article></main></body></html>`;

export interface PopupFloor {
  /** From the HTML in to the row painted, per opening (ms). */
  htmlToRow: number[];
  /** From the load event's end to the first paint, per opening (ms). */
  loadToPaint: number[];
}

/** Runs in the popup window: when the row was painted, and the page's own start. */
async function readFloorMarks(): Promise<Record<string, number>> {
  const painted: number[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { renderTime: number; loadTime: number })[]) painted.push(entry.renderTime || entry.loadTime);
  }).observe({ type: 'element', buffered: true });
  const until = performance.now() + 10_000;
  while (!painted.length) {
    if (performance.now() > until) throw new Error('The static popup row was not painted within 10 s.');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return {
    htmlLoaded: navigation!.responseEnd,
    loaded: navigation!.loadEventEnd,
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    rowPainted: Math.min(...painted),
  };
}

export async function measurePopupFloor(openings: number, pauseMs: number): Promise<PopupFloor> {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'esw-popup-floor-')));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'popup floor', version: '1.0', action: { default_popup: 'popup.html' }, background: { service_worker: 'worker.js' } }));
  // A worker is what opens the popup (action.openPopup()); it does nothing else.
  writeFileSync(path.join(dir, 'worker.js'), "self.addEventListener('install', () => undefined);\n");
  writeFileSync(path.join(dir, 'popup.html'), FLOOR_PAGE);
  const ext = await launchExtension({ extensionDir: dir });
  const floor: PopupFloor = { htmlToRow: [], loadToPaint: [] };
  try {
    const anyPage = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(anyPage);
    for (let i = 0; i < openings; i++) {
      const popup = await openPopupWindow(ext, cdp);
      const marks = await popup.evaluate<Record<string, number>>(`(${readFloorMarks.toString()})()`);
      floor.htmlToRow.push(marks.rowPainted! - marks.htmlLoaded!);
      floor.loadToPaint.push(marks.firstContentfulPaint! - marks.loaded!);
      await popup.close();
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return floor;
}
