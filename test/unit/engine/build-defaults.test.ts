import { describe, expect, it } from 'vitest';
import { buildDefaultSettings, SANDBOX_DEFAULT_ORIGIN, sandboxDefaultSettings } from '../../../utils/engine/settings/build-defaults';
import { mergeSettings } from '../../../utils/engine/settings/settings-store';
import { parseManagedPolicy } from '../../../utils/engine/settings/managed-policy';

describe('settings defaults and policy', () => {
  it('points sandbox builds at the local sandbox and every other build at Procore', () => {
    expect(sandboxDefaultSettings()).toMatchObject({ apiOrigin: SANDBOX_DEFAULT_ORIGIN, environment: 'custom' });
    // Unit tests run without WXT_SANDBOX, as the production build does.
    expect(buildDefaultSettings()).toMatchObject({ apiOrigin: 'https://app.procore.com', environment: 'production' });
  });

  it('keeps valid policy values (locked), reports invalid ones, and survives a corrupt stored copy', () => {
    const policy = parseManagedPolicy({ retentionDays: 90, apiOrigin: 'javascript:alert(1)', unknownKey: 1 });
    expect(policy).toEqual({ values: { retentionDays: 90 }, rejected: ['apiOrigin', 'unknownKey'] });
    const defaults = buildDefaultSettings();
    const view = mergeSettings({ retentionDays: 'lots', companyIds: ['8089'] }, policy, defaults);
    expect(view.locked).toEqual(['retentionDays']);
    expect(view.settings.retentionDays).toBe(90);
    // A stored value that no longer validates is dropped alone; the rest is kept.
    expect(view.settings.companyIds).toEqual(['8089']);
  });

  it('has no sync window: neither a stored copy nor an enterprise policy can set one', () => {
    expect(parseManagedPolicy({ windowMs: 8000 })).toEqual({ values: {}, rejected: ['windowMs'] });
    const view = mergeSettings({ windowMs: 8000 }, parseManagedPolicy({ windowMs: 8000 }), buildDefaultSettings());
    expect(view.settings).not.toHaveProperty('windowMs');
    expect(view.locked).toEqual([]);
  });
});
