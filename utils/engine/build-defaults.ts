import { defaultSettings, type Settings } from '../domain/settings';

/** The local sandbox's default port, the one the demo serves on. */
export const SANDBOX_DEFAULT_ORIGIN = 'http://127.0.0.1:4780';

/** Defaults for this build: sandbox builds talk to the local sandbox, every other build to Procore. */
export function buildDefaultSettings(mode: string | undefined = import.meta.env?.MODE): Settings {
  const defaults = defaultSettings();
  return mode === 'sandbox' ? { ...defaults, environment: 'custom', apiOrigin: SANDBOX_DEFAULT_ORIGIN } : defaults;
}
