import type { Settings } from '../../domain/settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Where a first look (after install, and on Check now) starts reading disbursements: everything
 * funded in the last `backlogDays`. Older records still in Failed to Export have no public list
 * (PROCORE-CONTRACT.md: request details are read one contract payment at a time); they are found
 * on the ERP Integrations page when the user opens it.
 */
export function backlogSince(settings: Settings, cycleStart: number): number {
  return cycleStart - settings.backlogDays * DAY_MS;
}
