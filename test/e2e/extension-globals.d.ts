// Code passed to worker.evaluate() runs inside the extension's service worker, where Chrome's
// `chrome` namespace exists; the polyfill's types describe it well enough for tests.
import type { Browser } from 'webextension-polyfill';

declare global {
  const chrome: Browser;
}
