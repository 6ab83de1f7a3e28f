import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  // jsdom keeps localStorage across the tests of a file: the popup's last view must not carry over.
  globalThis.localStorage?.clear();
});
