import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { SANDBOX_ORIGINS } from '../../utils/build/sandbox-manifest';

// Reads what `npm run zip` and `npm run build:sandbox` produced (test:e2e runs both first).
const OUTPUT = path.resolve('.output');
const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

interface Manifest {
  name: string;
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
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
