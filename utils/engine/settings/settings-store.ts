import { SettingsSchema, type Settings } from '../../domain/settings';
import type { SettingsView } from '../../messaging';
import type { EngineDb } from '../../store/engine-db';
import { readMeta, writeMeta } from '../../store/meta-store';
import { buildDefaultSettings } from './build-defaults';
import { forgetCompanies } from '../poll/company-directory';
import { pickValidSettings } from './settings-fields';
import { readManagedPolicy, type ManagedPolicy } from './managed-policy';

const SETTINGS_KEY = 'settings';

export class LockedSettingError extends Error {
  override name = 'LockedSettingError';
}

/** Whether requests now go to another Procore, or another way in. */
export function connectionChanged(before: Settings, after: Settings): boolean {
  return before.apiOrigin !== after.apiOrigin || before.environment !== after.environment || before.authMode !== after.authMode;
}

/** Which companies are watched, or what the user says of them, changed: they are read again. */
export function companiesChanged(before: Settings, after: Settings): boolean {
  return before.companyIds.join() !== after.companyIds.join() || before.paymentExportOff.join() !== after.paymentExportOff.join();
}

/** Stored settings over the build's defaults, with policy values on top and marked locked. */
export function mergeSettings(stored: unknown, policy: ManagedPolicy, defaults: Settings): SettingsView {
  const kept = pickValidSettings((stored ?? {}) as Record<string, unknown>).values;
  const settings = { ...defaults, ...kept, ...policy.values };
  return { settings, locked: Object.keys(policy.values) as (keyof Settings)[] };
}

export async function getSettingsView(db: EngineDb): Promise<SettingsView> {
  const [stored, policy] = await Promise.all([readMeta(db, SETTINGS_KEY), readManagedPolicy()]);
  return mergeSettings(stored, policy, buildDefaultSettings());
}

/** The settings in force under a given policy (the one before a change, say). */
export async function settingsUnder(db: EngineDb, policy: ManagedPolicy): Promise<Settings> {
  return mergeSettings(await readMeta(db, SETTINGS_KEY), policy, buildDefaultSettings()).settings;
}

export async function getSettings(db: EngineDb): Promise<Settings> {
  return (await getSettingsView(db)).settings;
}

/** Applies a validated patch; a field the policy locks is refused with words, nothing is written. */
export async function updateSettings(db: EngineDb, patch: Partial<Settings>): Promise<SettingsView> {
  const view = await getSettingsView(db);
  const lockedTouched = Object.keys(patch).filter((k) => view.locked.includes(k as keyof Settings));
  if (lockedTouched.length) {
    throw new LockedSettingError(`Your organisation's policy sets ${lockedTouched.join(', ')}; it cannot be changed here.`);
  }
  const stored = (await readMeta<Partial<Settings>>(db, SETTINGS_KEY)) ?? {};
  const next = SettingsSchema.parse({ ...buildDefaultSettings(), ...stored, ...patch });
  await writeMeta(db, SETTINGS_KEY, next);
  await forgetWhatChanged(db, view.settings, next);
  return getSettingsView(db);
}

/** Another Procore: its companies and change cursors are not this one's. Other companies: read again. */
export async function forgetWhatChanged(db: EngineDb, before: Settings, after: Settings): Promise<void> {
  if (connectionChanged(before, after)) await forgetCompanies(db, { cursors: true });
  else if (companiesChanged(before, after)) await forgetCompanies(db, { cursors: false });
}
