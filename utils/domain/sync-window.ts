/**
 * How long Procore takes, at most, to export a funded payment record to the ERP: its documented
 * 10 minutes. Fixed: neither settings nor policy change it; only a sandbox build, for tests against
 * the local Procore sandbox, runs on a shorter one (utils/engine/settings/sandbox-window.ts).
 */
export const SYNC_WINDOW_MS = 10 * 60 * 1000;
