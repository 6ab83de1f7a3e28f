import type { Cause } from '../domain/cause';
import type { Watch, WatchState } from '../domain/watch';
import { formatCents } from '../domain/money';

export const SECTION_KEYS = ['failed', 'overdue', 'syncing', 'synced'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_TITLES: Record<SectionKey, string> = {
  failed: 'Failed',
  overdue: 'Overdue',
  syncing: 'Syncing',
  synced: 'Recently synced',
};

/** How far back "Recently synced" reaches. */
export const RECENT_MS = 24 * 60 * 60 * 1000;

const POPUP_STATES: WatchState[] = ['failed', 'escalate', 're_exporting', 'not_exportable', 'overdue', 'syncing', 'synced'];
// This clock may be minutes off Procore's (the offset comes with the status, alongside the list):
// an hour's slack keeps every record "Recently synced" shows; the section itself cuts exactly.
const CLOCK_SLACK_MS = 60 * 60 * 1000;

/**
 * What the popup asks the background for: the states it shows, and of the synced records only
 * the last day's, not every one the retention keeps (months of them for a busy company).
 */
export function popupQuery(localNow: number): { states: WatchState[]; syncedSince: number } {
  return { states: POPUP_STATES, syncedSince: localNow - RECENT_MS - CLOCK_SLACK_MS };
}

// The failed and the overdue top the list and are usually few; syncing and synced records follow.
const FIRST_STATES: WatchState[] = POPUP_STATES.filter((s) => s !== 'syncing' && s !== 'synced');

/**
 * `popupQuery` in the order the popup draws: the problems first, then the rest. One answer of
 * 1,000 records kept the first row waiting until every one was read, checked and copied across.
 */
export function popupQueries(localNow: number): [{ states: WatchState[] }, { states: WatchState[]; syncedSince: number }] {
  const { states, syncedSince } = popupQuery(localNow);
  return [{ states: FIRST_STATES }, { states: states.filter((s) => !FIRST_STATES.includes(s)), syncedSince }];
}

export interface PopupFilter {
  query: string;
  companyId: string;
  cause: Cause | '';
}

export const NO_FILTER: PopupFilter = { query: '', companyId: '', cause: '' };

export interface PopupSection {
  key: SectionKey;
  title: string;
  watches: Watch[];
  /** The section's size when `watches` holds only its first rows (the popup's last view). */
  count?: number;
}

export interface PopupView {
  sections: PopupSection[];
  /** Rows shown after filtering. */
  shown: number;
  /** Rows that would show without the search and filters. */
  total: number;
  /** Failed or overdue rows hidden until their snooze ends. */
  snoozed: number;
}

/** Which section a watch belongs in at `now`, or null when the popup does not show it. */
export function sectionOf(watch: Watch, now: number): SectionKey | null {
  switch (watch.state) {
    case 'failed':
    case 'escalate':
    case 're_exporting':
    case 'not_exportable':
      return 'failed';
    case 'overdue':
      return 'overdue';
    case 'syncing':
      return 'syncing';
    case 'synced':
      return watch.syncedAt !== null && now - watch.syncedAt <= RECENT_MS ? 'synced' : null;
    default:
      return null;
  }
}

export function isSnoozed(watch: Watch, now: number): boolean {
  return watch.snoozedUntil !== null && watch.snoozedUntil > now;
}

function matchesQuery(watch: Watch, query: string, companyName: string): boolean {
  if (!query) return true;
  const haystack = [
    watch.beneficiaryName,
    watch.invoiceNumber,
    watch.disbursementNumber,
    watch.checkNumber === null ? '' : String(watch.checkNumber),
    watch.bankId,
    companyName,
    formatCents(watch.amountCents),
    watch.diagnosis?.summary ?? '',
  ]
    .join('\n')
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => haystack.includes(term));
}

const ORDER: Record<SectionKey, (a: Watch, b: Watch) => number> = {
  // Longest-waiting problems first; the soonest deadline first; the latest success first.
  failed: (a, b) => a.stateSince - b.stateSince,
  overdue: (a, b) => (a.deadline ?? a.stateSince) - (b.deadline ?? b.stateSince),
  syncing: (a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity),
  synced: (a, b) => (b.syncedAt ?? 0) - (a.syncedAt ?? 0),
};

/** Groups, filters and orders the watches for the popup at `now`. */
export function buildPopupView(
  watches: Iterable<Watch>,
  filter: PopupFilter,
  companyNames: ReadonlyMap<string, string>,
  now: number,
): PopupView {
  const buckets: Record<SectionKey, Watch[]> = { failed: [], overdue: [], syncing: [], synced: [] };
  let total = 0;
  let snoozed = 0;
  for (const watch of watches) {
    const key = sectionOf(watch, now);
    if (!key) continue;
    if ((key === 'failed' || key === 'overdue') && isSnoozed(watch, now)) {
      snoozed += 1;
      continue;
    }
    total += 1;
    if (filter.companyId && watch.companyId !== filter.companyId) continue;
    if (filter.cause && watch.diagnosis?.cause !== filter.cause) continue;
    if (!matchesQuery(watch, filter.query.trim(), companyNames.get(watch.companyId) ?? '')) continue;
    buckets[key].push(watch);
  }
  const sections = SECTION_KEYS.map((key) => ({ key, title: SECTION_TITLES[key], watches: buckets[key].sort(ORDER[key]) }));
  return { sections, shown: sections.reduce((n, s) => n + s.watches.length, 0), total, snoozed };
}

/** The causes present among the watches, for the cause filter. */
export function causesPresent(watches: Iterable<Watch>): Cause[] {
  const causes = new Set<Cause>();
  for (const watch of watches) if (watch.diagnosis) causes.add(watch.diagnosis.cause);
  return [...causes].sort();
}
