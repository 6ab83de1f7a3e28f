import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Engine } from '../../../utils/engine/engine';
import type { ClientFactory } from '../../../utils/engine/poll/poll-runner';
import { setupPolicyWatch } from '../../../utils/engine/settings/policy-watch';
import { updateSettings } from '../../../utils/engine/settings/settings-store';
import { readMeta, writeMeta } from '../../../utils/store/meta-store';
import { testEngine } from './engine-fixture';
import { eventually } from './sim-engine';

/** A worker watching the policy, whose every request is refused (only whom it would ask matters). */
async function watchedEngine(): Promise<{ engine: Engine; asked: string[] }> {
  const engine = await testEngine();
  await updateSettings(engine.db, { environment: 'custom', apiOrigin: 'https://old.example.com', authMode: 'session' });
  await writeMeta(engine.db, 'companies', [{ id: '8089', name: 'Old Procore company' }]);
  const asked: string[] = [];
  const clientFor: ClientFactory = async (e) => {
    asked.push((await e.settings()).apiOrigin);
    throw new Error('refused in this test');
  };
  setupPolicyWatch(Promise.resolve(engine), clientFor);
  return { engine, asked };
}

describe('a policy handed over or changed while the worker runs', () => {
  it('naming another Procore: requests to the old one stop, its companies are forgotten, tracking starts at the new one', async () => {
    const { engine, asked } = await watchedEngine();
    const oldConnection = engine.connectionSignal;
    await fakeBrowser.storage.managed.set({ environment: 'custom', apiOrigin: 'https://new.example.com' });
    await eventually(async () => asked.length > 0);
    expect(asked[0]).toBe('https://new.example.com');
    expect(oldConnection.aborted).toBe(true);
    expect(await readMeta(engine.db, 'companies')).toBeUndefined();
  });

  it('naming the Procore the user had already set: nothing to follow', async () => {
    const { engine, asked } = await watchedEngine();
    const connection = engine.connectionSignal;
    await fakeBrowser.storage.managed.set({ apiOrigin: 'https://old.example.com' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);
    expect(connection.aborted).toBe(false);
    expect(await readMeta(engine.db, 'companies')).toHaveLength(1);
  });

  it('taken back: the user’s own Procore is followed again', async () => {
    const { asked } = await watchedEngine();
    await fakeBrowser.storage.managed.set({ apiOrigin: 'https://new.example.com' });
    await eventually(async () => asked.length > 0);
    await fakeBrowser.storage.managed.remove('apiOrigin');
    await eventually(async () => asked.length > 1);
    expect(asked.at(-1)).toBe('https://old.example.com');
  });

  it('of a setting that touches neither the connection nor the companies: no reset, no poll', async () => {
    const { engine, asked } = await watchedEngine();
    const connection = engine.connectionSignal;
    await fakeBrowser.storage.managed.set({ retentionDays: 400 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);
    expect(connection.aborted).toBe(false);
  });

  it('in another storage area: ignored', async () => {
    const { asked } = await watchedEngine();
    await fakeBrowser.storage.local.set({ apiOrigin: 'https://new.example.com' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);
  });
});
