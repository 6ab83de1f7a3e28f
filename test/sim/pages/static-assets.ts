import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientBundle } from './client-bundle';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const ASSET_PATHS = {
  agGrid: '/assets/vendor/ag-grid-community.min.js',
  app: '/assets/sandbox-pages.js',
  styles: '/assets/sandbox-pages.css',
} as const;

interface Asset {
  type: string;
  load(variant: number): Promise<string>;
}

const cached = (load: () => Promise<string>) => {
  let value: Promise<string> | null = null;
  return () => (value ??= load());
};

/**
 * What the pages load besides the shell, all from this server: the UMD build of
 * ag-grid-community straight from node_modules (nothing from the internet), the bundled client
 * code and the style sheet.
 */
const ASSETS: Record<string, Asset> = {
  [ASSET_PATHS.agGrid]: {
    type: 'text/javascript; charset=utf-8',
    // The package's main entry is dist/package/main.cjs.js; its UMD build sits in dist/.
    load: cached(() => readFile(path.join(path.dirname(require.resolve('ag-grid-community')), '..', 'ag-grid-community.min.js'), 'utf8')),
  },
  [ASSET_PATHS.app]: { type: 'text/javascript; charset=utf-8', load: clientBundle },
  [ASSET_PATHS.styles]: { type: 'text/css; charset=utf-8', load: cached(() => readFile(path.join(here, 'client', 'styles.css'), 'utf8')) },
};

export async function staticAsset(pathname: string, variant: number): Promise<{ type: string; body: string } | null> {
  const asset = ASSETS[pathname];
  return asset ? { type: asset.type, body: await asset.load(variant) } : null;
}
