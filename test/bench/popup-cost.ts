import { execFile } from 'node:child_process';
import path from 'node:path';

export interface PopupCostResult {
  firstRowMedianMs: number;
  /** Scrolling the 1,000-row list to its end (null if the script no longer prints it). */
  jumpToEndMedianMs: number | null;
  /** From the popup's HTML in to its first row, from the last view (null if not printed). */
  htmlToRowMedianMs: number | null;
  /** The same for a static popup page without the extension's code: Chromium's own part (null if not printed). */
  floorHtmlToRowMedianMs: number | null;
  output: string;
}

const SCRIPT = path.resolve('test/bench/popup-render.ts');
const TSX = path.resolve('node_modules/.bin/tsx');

/**
 * The popup's time to first render with 1,000 records, as the popup's own benchmark
 * (`test/bench/popup-render.ts`, a script) measures and prints it: run in a child process, its
 * medians read from what it prints.
 */
export function runPopupCost(timeoutMs = 1_200_000): Promise<PopupCostResult> {
  return new Promise((resolve, reject) => {
    execFile(TSX, [SCRIPT], { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) return reject(new Error(`${path.relative(process.cwd(), SCRIPT)} failed: ${error.message}\n${output.slice(-2000)}`));
      // The first printed: openings from the popup's last view, as every opening but a first one.
      const firstRow = /time to first row\s+median (\d+(?:\.\d+)?) ms/.exec(stdout);
      const jump = /jump to the bottom\s+median (\d+(?:\.\d+)?) ms/.exec(stdout);
      const htmlToRow = /from the HTML in to the first row\s+median (\d+(?:\.\d+)?) ms/.exec(stdout);
      const floor = /from the HTML in to the row\s+median (\d+(?:\.\d+)?) ms/.exec(stdout);
      if (!firstRow) return reject(new Error(`${path.relative(process.cwd(), SCRIPT)} printed no "time to first row … median N ms" line:\n${output.slice(-2000)}`));
      const number = (match: RegExpExecArray | null) => (match ? Number(match[1]) : null);
      resolve({ firstRowMedianMs: Number(firstRow[1]), jumpToEndMedianMs: number(jump), htmlToRowMedianMs: number(htmlToRow), floorHtmlToRowMedianMs: number(floor), output });
    });
  });
}
