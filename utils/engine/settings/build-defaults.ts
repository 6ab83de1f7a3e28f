import { defaultSettings, type Settings } from '../../domain/settings';

/** The local sandbox's default port, the one the demo serves on. */
export const SANDBOX_DEFAULT_ORIGIN = 'http://127.0.0.1:4780';

// Fixed at build time (`WXT_SANDBOX=1 wxt build`), so production bundles fold the branch away
// and never carry the loopback origin.
const SANDBOX_BUILD = import.meta.env?.WXT_SANDBOX === '1';

/** Defaults of a sandbox build: talk to the local sandbox. */
export function sandboxDefaultSettings(): Settings {
  return { ...defaultSettings(), environment: 'custom', apiOrigin: SANDBOX_DEFAULT_ORIGIN };
}

/** Defaults for this build: sandbox builds talk to the local sandbox, every other build to Procore. */
export function buildDefaultSettings(): Settings {
  return SANDBOX_BUILD ? sandboxDefaultSettings() : defaultSettings();
}
