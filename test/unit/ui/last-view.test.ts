// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { forgetLastView, LAST_VIEW_KEY } from '../../../components/popup/forget-last-view';
import { lastPopupView, readLastView, saveLastView, type ShownView } from '../../../components/popup/last-view';
import { defaultSettings } from '../../../utils/domain/settings';
import { buildPopupView, NO_FILTER } from '../../../utils/view/popup-sections';
import type { Watch } from '../../../utils/domain/watch';
import { makeWatch } from '../fixtures/make-watch';

const T = Date.UTC(2026, 10, 15, 17, 0, 0);
const failed = Array.from({ length: 6 }, (_, i) => makeWatch({ payoutId: `f${i}`, state: 'failed', stateSince: T - 60_000 + i }));
const syncing = Array.from({ length: 5 }, (_, i) => makeWatch({ payoutId: `s${i}`, state: 'syncing', deadline: T + i }));
const names = new Map([['8089', 'Builder Co']]);
const shown = (watches: Watch[], settings: ShownView['settings'] = defaultSettings()): ShownView => ({
  view: buildPopupView(watches, NO_FILTER, names, T),
  companyNames: names,
  settings,
  clockOffsetMs: 0,
  discovery: null,
});

describe("the popup's last view", () => {
  it('keeps the first eight rows in the order shown, each section with its whole count', () => {
    const view = buildPopupView([...syncing, ...failed], NO_FILTER, names, T);
    saveLastView({ view, companyNames: names, settings: defaultSettings(), clockOffsetMs: 1_500, discovery: { source: 'learned', unavailableIn: 0 } });
    const last = readLastView()!;
    expect(last.sections.map((s) => [s.key, s.count, s.watches.map((w) => w.payoutId)])).toEqual([
      ['failed', 6, ['f0', 'f1', 'f2', 'f3', 'f4', 'f5']],
      ['overdue', 0, []],
      ['syncing', 5, ['s0', 's1']],
      ['synced', 0, []],
    ]);
    expect(last.companies).toEqual([{ id: '8089', name: 'Builder Co' }]);
    expect(last.links).toEqual({ environment: 'production', apiOrigin: 'https://app.procore.com' });
    expect(last.clockOffsetMs).toBe(1_500);
    expect(last.discovery).toEqual({ source: 'learned', unavailableIn: 0 });
    expect(lastPopupView(last)).toMatchObject({ shown: 11, total: 11, snoozed: 0 });
    forgetLastView();
    expect(readLastView()).toBeNull();
  });

  it('reads nothing from a kept value that is not JSON or does not fit, and a refused write loses nothing', () => {
    localStorage.setItem(LAST_VIEW_KEY, '{not json');
    expect(readLastView()).toBeNull();
    // Its links would be built on this origin: one that is not an http(s) URL is not read.
    saveLastView(shown(failed, { environment: 'custom', apiOrigin: 'javascript:alert(1)' }));
    expect(readLastView()).toBeNull();
    const refusing = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } } as unknown as Storage;
    expect(() => saveLastView(shown(failed), refusing)).not.toThrow();
  });

  it('writes only when its first rows, counts or links changed', () => {
    const writes: string[] = [];
    const kept = new Map<string, string>();
    const storage = { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => { writes.push(key); kept.set(key, value); } } as unknown as Storage;
    // The 12th syncing record changes nothing in the first eight rows or in any count.
    const more = Array.from({ length: 12 }, (_, i) => makeWatch({ payoutId: `s${i}`, state: 'syncing', deadline: T + i }));
    saveLastView(shown([...failed, ...more]), storage);
    saveLastView(shown([...failed, ...more.slice(0, 11), { ...more[11]!, updatedAt: T }]), storage);
    expect(writes).toHaveLength(1);
    saveLastView(shown([...failed, ...more.slice(0, 11)]), storage);
    expect(writes).toHaveLength(2);
  });
});
