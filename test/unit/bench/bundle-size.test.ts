import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleSizes, judgeBundleSizes } from '../../bench/bundle-size';
import { BUDGETS } from '../../bench/budgets';

let dir: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('bundle sizes of a built extension', () => {
  it('counts each entrypoint with the chunks it imports (static, dynamic, preloaded), each chunk once per entrypoint', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'esw-size-'));
    const shared = 'export const z="' + 'zod'.repeat(200) + '";';
    const lazy = 'export const chart=1;import(`./later-4.js`);';
    const later = 'export const ui=2;';
    const bg = 'import{z}from"./chunks/shared-1.js";console.log(z);';
    const popup = 'import{z}from"./shared-1.js";import("./lazy-2.js");import"./shared-1.js";';
    const cs = 'var payments=(function(){return 1})();';
    write('manifest.json', JSON.stringify({ background: { service_worker: 'background.js' }, action: { default_popup: 'popup.html' }, content_scripts: [{ js: ['content-scripts/payments.js'] }] }));
    write('background.js', bg);
    write('chunks/shared-1.js', shared);
    write('chunks/lazy-2.js', lazy);
    write('chunks/later-4.js', later);
    write('chunks/popup-3.js', popup);
    write('content-scripts/payments.js', cs);
    write('popup.html', '<script type="module" crossorigin src="/chunks/popup-3.js"></script><link rel="modulepreload" crossorigin href="/chunks/shared-1.js">');

    const sizes = bundleSizes(dir);
    const by = Object.fromEntries(sizes.map((s) => [s.entrypoint, s]));
    expect(by.background!.files).toEqual(['background.js', 'chunks/shared-1.js']);
    expect(by.background!.gzipBytes).toBe(gz(bg) + gz(shared));
    // The backquoted dynamic import is how Vite writes one.
    expect(by.popup!.files).toEqual(['chunks/later-4.js', 'chunks/lazy-2.js', 'chunks/popup-3.js', 'chunks/shared-1.js']);
    expect(by.popup!.gzipBytes).toBe(gz(popup) + gz(shared) + gz(lazy) + gz(later));
    expect(by.payments!.kind).toBe('content_script');
    expect(by.payments!.rawBytes).toBe(cs.length);
  });

  it('fails a budget by a single byte over, and says which entrypoint', () => {
    const verdicts = judgeBundleSizes([
      { entrypoint: 'payments', kind: 'content_script', files: [], rawBytes: 0, gzipBytes: 80 * 1024 },
      { entrypoint: 'erp-integrations', kind: 'content_script', files: [], rawBytes: 0, gzipBytes: 80 * 1024 + 1 },
      { entrypoint: 'background', kind: 'background', files: [], rawBytes: 0, gzipBytes: BUDGETS.backgroundKb.limit * 1024 },
      { entrypoint: 'options', kind: 'options', files: [], rawBytes: 0, gzipBytes: 900 * 1024 },
    ]);
    expect(verdicts.map((v) => [v.id, v.holds])).toEqual([
      ['size.contentScript.payments', true],
      ['size.contentScript.erp-integrations', false],
      ['size.background', true],
    ]);
    // Sizes are exact: no timing margin, and no rounding to the tenth shown.
    expect(verdicts[1]!.holdsWithMargin).toBe(false);
    expect(verdicts[1]!.value).toBe(80);
  });

  it('names a missing chunk instead of measuring less than ships', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'esw-size-'));
    write('manifest.json', JSON.stringify({ background: { service_worker: 'background.js' } }));
    write('background.js', 'import"./chunks/gone.js";');
    expect(() => bundleSizes(dir)).toThrow(/chunks\/gone\.js/);
  });
});
