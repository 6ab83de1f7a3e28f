import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { FAILURE_WORDS_FILE } from '../../utils/domain/failure-words-file';
import { BUDGETS, judge, type Verdict } from './budgets';

export const PRODUCTION_CHROME_DIR = path.resolve('.output/chrome-mv3');

export interface EntrypointSize {
  entrypoint: string;
  kind: 'content_script' | 'background' | 'popup' | 'options';
  /** Every JavaScript file the entrypoint loads (its own and the chunks it imports), build-relative. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

interface Manifest {
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  content_scripts?: { js?: string[] }[];
}

// Static and dynamic imports between the build's own chunks (minified: `from"./x.js"`,
// `import("./x.js")`, and a dynamic import as Vite writes it, with backquotes).
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.js)["'`]/g;
const HTML_SCRIPT = /<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g;

function resolveFrom(dir: string, fromFile: string, specifier: string): string {
  return specifier.startsWith('/') ? path.normalize(specifier.slice(1)) : path.normalize(path.join(path.dirname(fromFile), specifier));
}

/** The JS files reachable from `roots` through imports, each once. */
function reachable(dir: string, roots: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const full = path.join(dir, file);
    if (!existsSync(full)) throw new Error(`The build names ${file}, which is not in ${dir}: rebuild it.`);
    seen.add(file);
    const code = readFileSync(full, 'utf8');
    for (const match of code.matchAll(IMPORT)) queue.push(resolveFrom(dir, file, match[1]!));
  }
  return [...seen].sort();
}

function measure(dir: string, entrypoint: string, kind: EntrypointSize['kind'], roots: string[]): EntrypointSize {
  const files = reachable(dir, roots);
  let rawBytes = 0;
  let gzipBytes = 0;
  // Each file is fetched and compressed on its own, so each is gzipped on its own.
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { entrypoint, kind, files, rawBytes, gzipBytes };
}

function htmlScripts(dir: string, page: string): string[] {
  const html = readFileSync(path.join(dir, page), 'utf8');
  return [...html.matchAll(HTML_SCRIPT)].map((m) => resolveFrom(dir, page, m[1]!));
}

/** Gzip size of every entrypoint the manifest names: content scripts, background, popup, options. */
export function bundleSizes(dir = PRODUCTION_CHROME_DIR): EntrypointSize[] {
  const manifestPath = path.join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No build at ${dir}: run \`npx wxt build\` (or \`npm run build\`) first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const sizes: EntrypointSize[] = [];
  for (const script of manifest.content_scripts ?? []) {
    for (const js of script.js ?? []) sizes.push(measure(dir, path.basename(js, '.js'), 'content_script', [path.normalize(js)]));
  }
  if (manifest.background?.service_worker) sizes.push(measure(dir, 'background', 'background', [manifest.background.service_worker]));
  if (manifest.action?.default_popup) sizes.push(measure(dir, 'popup', 'popup', htmlScripts(dir, manifest.action.default_popup)));
  if (manifest.options_ui?.page) sizes.push(measure(dir, 'options', 'options', htmlScripts(dir, manifest.options_ui.page)));
  return sizes;
}

/** Gzip size of the word families the worker reads from its package on the first failure (not at startup). */
export function failureWordsGzipBytes(dir = PRODUCTION_CHROME_DIR): number {
  const file = path.join(dir, FAILURE_WORDS_FILE);
  if (!existsSync(file)) throw new Error(`The build has no ${FAILURE_WORDS_FILE}: rebuild it.`);
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export const kilobytes = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Each content script, the background and the popup against their budgets (options has none). */
export function judgeBundleSizes(sizes: readonly EntrypointSize[]): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const size of sizes) {
    const budget =
      size.kind === 'content_script' ? BUDGETS.contentScriptKb : size.kind === 'background' ? BUDGETS.backgroundKb : size.kind === 'popup' ? BUDGETS.popupKb : null;
    if (!budget) continue;
    // Judged on the exact size, shown to a tenth: 35.04 KB is over a 35 KB budget.
    const verdict = { ...judge(budget, size.gzipBytes / 1024), value: kilobytes(size.gzipBytes) };
    verdicts.push({ ...verdict, id: size.kind === 'content_script' ? `${budget.id}.${size.entrypoint}` : budget.id, label: size.kind === 'content_script' ? `Content script ${size.entrypoint} (gzip)` : budget.label });
  }
  return verdicts;
}
