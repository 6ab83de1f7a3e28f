import { defineConfig } from 'wxt';
import { sandboxManifest } from './utils/build/sandbox-manifest';

// `WXT_SANDBOX=1 wxt build`: the production build (React's production build, minified) that may
// also reach the local Procore sandbox on loopback, in a directory of its own. A `--mode sandbox`
// build would not do: WXT defines process.env.NODE_ENV as the mode, shipping React's dev build.
const sandbox = process.env.WXT_SANDBOX === '1';

// Auto-imports are off so every file names what it depends on.
export default defineConfig({
  imports: false,
  ...(sandbox ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-sandbox' } : {}),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
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
    'build:manifestGenerated': (_wxt, manifest) => {
      if (sandbox) sandboxManifest(manifest);
    },
  },
});
