import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { SANDBOX_ORIGINS } from '../../utils/build/sandbox-manifest';
import { SET_SYNC_WINDOW } from '../../utils/engine/settings/sandbox-window';

// Reads what `npm run zip` and `npm run build:sandbox` produced (test:e2e runs both first).
const OUTPUT = path.resolve('.output');
const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

interface Manifest {
  name: string;
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[]; world?: string; run_at?: string }[];
  externally_connectable?: unknown;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(path.join(OUTPUT, dir, 'manifest.json'), 'utf8'));

async function zippedManifest(file: string): Promise<Manifest> {
  const zip = await JSZip.loadAsync(readFileSync(path.join(OUTPUT, file)));
  const entry = zip.file('manifest.json');
  if (!entry) throw new Error(`${file} has no manifest.json`);
  return JSON.parse(await entry.async('string'));
}

const loopback = (m: Manifest) =>
  [...(m.host_permissions ?? []), ...(m.content_scripts ?? []).flatMap((c) => c.matches)].filter((p) =>
    /127\.0\.0\.1|localhost/.test(p),
  );

describe('built manifests', () => {
  it.each([
    ['chrome-mv3', () => Promise.resolve(readManifest('chrome-mv3'))],
    ['firefox-mv3', () => Promise.resolve(readManifest('firefox-mv3'))],
    ['chrome zip', () => zippedManifest(`erp-sync-watch-${version}-chrome.zip`)],
    ['firefox zip', () => zippedManifest(`erp-sync-watch-${version}-firefox.zip`)],
  ])('%s: production, MV3, minimal permissions, no loopback origin', async (_name, load) => {
    const manifest = await load();
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('ERP Sync Watch');
    // identity: OAuth sign-in through browser.identity.launchWebAuthFlow.
    expect(manifest.permissions?.sort()).toEqual(['alarms', 'identity', 'notifications', 'storage']);
    expect(manifest.host_permissions).toEqual(['https://*.procore.com/*']);
    // On every Procore page: the overlays' script routing at run time, the main-world observer, and
    // its receiver listening from document_start (the page's first answers come before document_idle).
    expect((manifest.content_scripts ?? []).map((c) => `${c.world ?? 'ISOLATED'} ${c.run_at ?? 'document_idle'} ${c.matches.join(' ')}`).sort()).toEqual([
      'ISOLATED document_idle https://*.procore.com/*',
      'ISOLATED document_start https://*.procore.com/*',
      'MAIN document_start https://*.procore.com/*',
    ]);
    expect(loopback(manifest)).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('firefox declares a gecko id and that nothing is collected', () => {
    const gecko = readManifest('firefox-mv3').browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/@/);
    expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('the sandbox build alone reaches the local sandbox', () => {
    const manifest = readManifest('chrome-mv3-sandbox');
    expect(manifest.host_permissions).toEqual(expect.arrayContaining(SANDBOX_ORIGINS));
    for (const script of manifest.content_scripts ?? []) {
      expect(script.matches.some((m) => m.startsWith('http://127.0.0.1/'))).toBe(true);
    }
  });
});

// Every script a build ships (the background, content scripts, pages' chunks).
function scripts(dir: string): string {
  const root = path.join(OUTPUT, dir);
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.js') ? [path.join(d, e.name)] : []));
  return walk(root).map((f) => readFileSync(f, 'utf8')).join('\n');
}

describe('the sync window', () => {
  it.each(['chrome-mv3', 'firefox-mv3'])('%s: production has no way to change it (no sandbox message, no stored override)', (dir) => {
    const code = scripts(dir);
    expect(code).not.toContain(SET_SYNC_WINDOW);
    expect(code).not.toContain('sandbox.syncWindowMs');
  });

  it('the sandbox build carries the message, so the check above looks for what is really there', () => {
    expect(scripts('chrome-mv3-sandbox')).toContain(SET_SYNC_WINDOW);
  });
});
