import { describe, expect, it } from 'vitest';
import { openEngineDb } from '../../../utils/store/engine-db';
import { listWatches, putWatches } from '../../../utils/store/watch-store';
import { buildPopupView, NO_FILTER, popupQueries, popupQuery, RECENT_MS } from '../../../utils/view/popup-sections';
import { makeWatch } from '../fixtures/make-watch';

const NOW = 1_800_000_000_000;
const DAY = 24 * 60 * 60 * 1000;

describe("the popup's query", () => {
  it('reads the last day of synced records, not every one the retention keeps, and every record it shows', async () => {
    const db = await openEngineDb(`popup-query-${Math.random()}`);
    const history = Array.from({ length: 300 }, (_, i) => makeWatch({ payoutId: `old-${i}`, state: 'synced', syncedAt: NOW - 2 * DAY - i * 60_000 }));
    const shown = [
      makeWatch({ payoutId: 'failed', state: 'failed', syncedAt: null }),
      makeWatch({ payoutId: 'syncing', state: 'syncing', deadline: NOW + 60_000 }),
      makeWatch({ payoutId: 'recent', state: 'synced', syncedAt: NOW - 60_000 }),
      makeWatch({ payoutId: 'edge', state: 'synced', syncedAt: NOW - RECENT_MS }),
      // Synced once, failed after a re-export: its old syncedAt must not keep it from the list.
      makeWatch({ payoutId: 'failed-after-sync', state: 'failed', syncedAt: NOW - 3 * DAY }),
    ];
    await putWatches(db, [...history, ...shown]);
    const listed = await listWatches(db, popupQuery(NOW));
    expect(listed.map((w) => w.payoutId).sort()).toEqual(shown.map((w) => w.payoutId).sort());
    // What the popup shows is the same as if it had read everything.
    const everything = await listWatches(db, { states: popupQuery(NOW).states });
    expect(everything).toHaveLength(history.length + shown.length);
    const view = (watches: typeof listed) => buildPopupView(watches.values(), NO_FILTER, new Map(), NOW).sections.map((s) => s.watches.map((w) => w.payoutId));
    expect(view(listed)).toEqual(view(everything));
    // Asked in two (the problems first), the answers together are the same records, none twice.
    const [first, rest] = popupQueries(NOW);
    const problems = await listWatches(db, first);
    const parts = [...problems, ...(await listWatches(db, rest))];
    expect(parts.map((w) => w.payoutId).sort()).toEqual(listed.map((w) => w.payoutId).sort());
    expect(problems.map((w) => w.payoutId).sort()).toEqual(['failed', 'failed-after-sync']);
    db.close();
  });
});
