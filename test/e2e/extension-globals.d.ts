// Code passed to worker.evaluate() runs inside the extension's service worker, where Chrome's
// `chrome` namespace exists; WXT's `browser` (the same promise-based API) types it for tests.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
