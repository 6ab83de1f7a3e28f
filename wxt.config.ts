import { defineConfig } from 'wxt';
import type { AliasOptions } from 'vite';
import { sandboxManifest } from './utils/build/sandbox-manifest';
import { terserPass } from './utils/build/terser-pass';
import { FAILURE_WORDS_FILE } from './utils/domain/failure-words-file';
import { FAILURE_WORDS } from './utils/domain/failure-words';

// `WXT_SANDBOX=1 wxt build`: the production build (React's production build, minified) that may
// also reach the local Procore sandbox on loopback, in a directory of its own. A `--mode sandbox`
// build would not do: WXT defines process.env.NODE_ENV as the mode, shipping React's dev build.
const sandbox = process.env.WXT_SANDBOX === '1';

// The extension's pages render with preact/compat (~10 KB) instead of react-dom (~69 KB gzip):
// content scripts load on every Procore page, and the popup's first row waited on React's start
// (measured: popup HTML → first row 152 against 185 ms, test/bench/popup-render.ts --against).
// Options shares the popup's build. Unit tests render the same components with React.
const preactAliases = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];
const withPreact = (alias: AliasOptions | undefined): AliasOptions => [
  ...preactAliases,
  ...(Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }))),
];

// Auto-imports are off so every file names what it depends on.
export default defineConfig({
  imports: false,
  ...(sandbox ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-sandbox' } : {}),
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'ERP Sync Watch',
    description:
      'Watches Procore Pay payment records sync to your ERP: countdowns, failure causes in plain words, safe re-exports.',
    // identity: the OAuth way in (launchWebAuthFlow); tokens stay in the background.
    permissions: ['storage', 'alarms', 'notifications', 'identity'],
    // Enterprise policy (Chromium): values set here are locked in the options page. Firefox
    // reads policies without a schema and rejects the key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    host_permissions: ['https://*.procore.com/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'erp-sync-watch@erpsyncwatch.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      // The worker's script is the one budget near its limit (35 KB gzip): it alone takes the pass.
      // It renders nothing, so it alone is not aliased to Preact.
      if (entrypoints.some((e) => e.type === 'background')) {
        config.plugins = [...(config.plugins ?? []), terserPass()];
        return;
      }
      config.resolve = { ...config.resolve, alias: withPreact(config.resolve?.alias) };
    },
    // The classifier's word families ship as data the worker reads on its first failure, not in
    // the script every wake parses (utils/domain/failure-wording.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: FAILURE_WORDS_FILE, contents: JSON.stringify(FAILURE_WORDS) });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      if (sandbox) sandboxManifest(manifest);
    },
  },
});
