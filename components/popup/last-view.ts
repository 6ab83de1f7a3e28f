import * as z from '../../utils/schema/z';
import { CAPABILITY_SOURCES } from '../../utils/domain/capability';
import { ENVIRONMENTS, type Settings } from '../../utils/domain/settings';
import { WatchSchema } from '../../utils/domain/watch';
import { SECTION_KEYS, type PopupView } from '../../utils/view/popup-sections';
import { LAST_VIEW_KEY } from './forget-last-view';

// A popup window shows four or five rows; a few more cover a taller one.
const ROWS = 8;

const LastViewSchema = z.object({
  sections: z.array(z.object({ key: z.enum(SECTION_KEYS), title: z.string(), count: z.number(), watches: z.array(WatchSchema) })),
  total: z.number(),
  snoozed: z.number(),
  companies: z.array(z.object({ id: z.string(), name: z.string() })),
  links: z.object({ environment: z.enum(ENVIRONMENTS), apiOrigin: z.url({ protocol: /^https?$/ }) }),
  clockOffsetMs: z.number(),
  // The Compatibility line above the list: kept so that the list does not move when it comes back.
  discovery: z.optional(z.nullable(z.object({ source: z.enum(CAPABILITY_SOURCES), unavailableIn: z.number() }))),
});

/**
 * The first rows the popup showed when it was last open, drawn at once the next time it opens
 * until the background's first answers replace them: a round trip to the worker and its store
 * is most of what a popup waits for before its first row.
 */
export type LastView = z.output<typeof LastViewSchema>;

/** Kept in the popup's own `localStorage`: read without a wait, before the first render. */
export function readLastView(storage: Storage = localStorage): LastView | null {
  try {
    const parsed = LastViewSchema.safeParse(JSON.parse(storage.getItem(LAST_VIEW_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    // Unreadable: the popup waits for the background, as on its first opening.
    return null;
  }
}

/** What the popup shows, as the next opening will draw it. */
export interface ShownView {
  view: PopupView;
  companyNames: ReadonlyMap<string, string>;
  settings: Pick<Settings, 'environment' | 'apiOrigin'>;
  clockOffsetMs: number;
  discovery: LastView['discovery'];
}

export function saveLastView({ view, companyNames, settings, clockOffsetMs, discovery }: ShownView, storage: Storage = localStorage): void {
  let left = ROWS;
  const sections = view.sections.map(({ key, title, watches }) => {
    const first = watches.slice(0, left);
    left -= first.length;
    return { key, title, count: watches.length, watches: first };
  });
  const last: LastView = {
    sections,
    total: view.total,
    snoozed: view.snoozed,
    companies: [...companyNames].map(([id, name]) => ({ id, name })),
    links: { environment: settings.environment, apiOrigin: settings.apiOrigin },
    clockOffsetMs,
    discovery: discovery && { source: discovery.source, unavailableIn: discovery.unavailableIn },
  };
  try {
    // The view changes (a pushed record, the regroup) far more often than its first rows.
    const text = JSON.stringify(last);
    if (storage.getItem(LAST_VIEW_KEY) !== text) storage.setItem(LAST_VIEW_KEY, text);
  } catch {
    // Storage full or refused: the next opening waits for the background instead.
  }
}

/** The view as the popup draws it: each section's count is the whole section's, not the rows kept. */
export function lastPopupView(last: LastView): PopupView {
  return { sections: last.sections, shown: last.sections.reduce((n, s) => n + s.count, 0), total: last.total, snoozed: last.snoozed };
}
