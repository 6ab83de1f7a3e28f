import { browser } from 'wxt/browser';
import type { Engine } from '../engine';
import type { ClientFactory } from '../poll/poll-runner';
import { followSettingsChange } from './follow-settings-change';
import { readPolicyBefore } from './managed-policy';
import { forgetWhatChanged, settingsUnder } from './settings-store';

/**
 * An administrator's policy is followed when Chromium hands it over: on a force-install that is a
 * moment after the worker started, and again whenever the policy changes. Registered at once, like
 * every listener: the change may be what woke the worker.
 */
export function setupPolicyWatch(ready: Promise<Engine>, clientFor: ClientFactory): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'managed') return;
    void (async () => {
      const engine = await ready;
      const before = await settingsUnder(engine.db, await readPolicyBefore(changes));
      const after = await engine.settings();
      await forgetWhatChanged(engine.db, before, after);
      await followSettingsChange(engine, clientFor, before, after);
    })().catch((error: unknown) => console.error('erp-sync-watch: following a policy change failed', error));
  });
}
