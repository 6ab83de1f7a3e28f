// @vitest-environment jsdom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trackGrid, type DrawMismatch, type GridTracker, type PlacedRecord, type TrackerClock } from '../../../utils/overlay/grid-tracker';
import { readPayableInvoiceRows, type PayableInvoiceData } from '../../../utils/page/payable-invoices-grid';
import { HOST_ATTRIBUTE } from '../../../utils/overlay/row-host';
import { fillCell, gridPage } from '../page/ag-grid-page';

/** Frames, timers and time moved by the test alone: every ordering is one the test chose. */
class ManualClock implements TrackerClock {
  time = 0;
  private nextId = 1;
  private timers = new Map<number, { at: number; callback: () => void; every?: number }>();
  private frames = new Map<number, () => void>();
  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => this.add({ at: this.time + ms, callback });
  setInterval = (callback: () => void, ms: number) => this.add({ at: this.time + ms, callback, every: ms });
  clearTimeout = (id: number) => void this.timers.delete(id);
  clearInterval = (id: number) => void this.timers.delete(id);
  requestAnimationFrame = (callback: () => void) => {
    const id = this.nextId++;
    this.frames.set(id, callback);
    return id;
  };
  cancelAnimationFrame = (id: number) => void this.frames.delete(id);

  get framePending(): boolean {
    return this.frames.size > 0;
  }

  /** One animation frame: the callbacks requested before it. */
  frame(): void {
    const due = [...this.frames.values()];
    this.frames.clear();
    for (const callback of due) callback();
  }

  /** Moves time on, running each timer when it falls due (intervals again and again). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      const [id, timer] = next;
      this.time = timer.at;
      if (timer.every) timer.at += timer.every;
      else this.timers.delete(id);
      timer.callback();
    }
    this.time = end;
  }

  private add(timer: { at: number; callback: () => void; every?: number }): number {
    const id = this.nextId++;
    this.timers.set(id, timer);
    return id;
  }
}

/** Lets the MutationObserver deliver (a microtask). */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

let tracker: GridTracker | null = null;
beforeEach(() => document.body.replaceChildren());
afterEach(() => {
  tracker?.stop();
  tracker = null;
});

function track(clock: ManualClock, options: { expects?: (key: string) => boolean; drawn?: boolean } = {}) {
  let reads = 0;
  const published: string[][] = [];
  const mismatches: DrawMismatch[] = [];
  tracker = trackGrid<PayableInvoiceData>({
    doc: document,
    read: (doc) => {
      reads++;
      return readPayableInvoiceRows(doc);
    },
    kind: 'mark',
    css: '',
    clock,
    onRecords: (records) => {
      published.push(records.map((r) => `${r.key}${r.data.selected ? '*' : ''}`));
      // The feature draws in each host it was given (unless the test says it does not).
      if (options.drawn ?? true) for (const r of records) r.host.replaceChildren(document.createElement('span'));
      tracker?.drawn();
    },
    onUnrecognised: () => undefined,
    ...(options.expects ? { expects: (record) => options.expects!(record.key), onMismatch: (m) => mismatches.push(m) } : {}),
  });
  return { reads: () => reads, published, mismatches };
}

const page = () =>
  gridPage(document, { columns: [{ label: 'Invoice #' }], rows: [{ 'Invoice #': 'INV-1' }, { 'Invoice #': 'INV-2' }], rowIds: ['11', '12'] });

/** A recycled row: row 1 now shows record `id`. */
function recycle(root: Element, id: string): void {
  const row = root.querySelector('.ag-row[row-index="1"]')!;
  fillCell(document, row.querySelector('[role="gridcell"]')!, `INV-${id}`);
  row.setAttribute('row-id', id);
}

const scroll = (root: Element) => root.querySelector('.ag-row')!.parentElement!.dispatchEvent(new Event('scroll'));

/** Quiet from now on: settle, frame, repeat until nothing is due. */
async function settle(clock: ManualClock): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await delivered();
    clock.advance(150);
    if (!clock.framePending) return;
    clock.frame();
  }
}

describe('trackGrid', () => {
  it('puts one host per record and publishes when the rows change, not when it draws', async () => {
    const clock = new ManualClock();
    const root = page();
    const { published } = track(clock);
    clock.frame();
    expect(published).toEqual([['11', '12']]);
    // A host joins its cell once drawn in, after the drawing's own task.
    expect(root.querySelectorAll(`[${HOST_ATTRIBUTE}="mark"]`)).toHaveLength(0);
    await delivered();
    expect(root.querySelectorAll(`[${HOST_ATTRIBUTE}="mark"]`)).toHaveLength(2);
    recycle(root, '13');
    await delivered();
    clock.frame();
    expect(published.at(-1)).toEqual(['11', '13']);
    // The host wiped with the cell's old content is drawn again, once; drawing is not a change.
    expect(root.querySelectorAll(`[${HOST_ATTRIBUTE}="mark"]`)).toHaveLength(2);
    await delivered();
    expect(clock.framePending).toBe(false);
  });

  it('keeps a host out of the page while it shows nothing', async () => {
    const clock = new ManualClock();
    const root = page();
    const given: PlacedRecord<PayableInvoiceData>[] = [];
    tracker = trackGrid({
      doc: document,
      read: readPayableInvoiceRows,
      kind: 'mark',
      css: '',
      onRecords: (records) => given.splice(0, given.length, ...records),
      onUnrecognised: () => undefined,
      clock,
    });
    clock.frame();
    await delivered();
    expect(given).toHaveLength(2);
    expect(root.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
    given[1]!.host.append(document.createElement('b'));
    await delivered();
    const hosts = root.querySelectorAll(`[${HOST_ATTRIBUTE}]`);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.parentElement).toBe(given[1]!.anchor);
    given[1]!.host.replaceChildren();
    await delivered();
    expect(root.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('ignores hover and focus classes but follows selection', async () => {
    const clock = new ManualClock();
    const root = page();
    const { published } = track(clock);
    clock.frame();
    const row = root.querySelector('.ag-row[row-index="0"]')!;
    row.classList.add('ag-row-hover');
    row.classList.remove('ag-row-hover');
    await delivered();
    expect(clock.framePending).toBe(false);
    row.classList.add('ag-row-selected');
    await delivered();
    clock.frame();
    expect(published.at(-1)).toEqual(['11*', '12']);
  });

  it('reads the rows again only once scrolling has settled, with what changed meanwhile', async () => {
    const clock = new ManualClock();
    const root = page();
    const { reads, published } = track(clock);
    clock.frame();
    const before = reads();
    for (let i = 0; i < 15; i++) {
      scroll(root);
      recycle(root, String(100 + i));
      await delivered();
      clock.advance(20);
      clock.frame();
    }
    expect(reads()).toBe(before);
    clock.advance(100);
    clock.frame();
    expect(reads()).toBe(before + 1);
    expect(published.at(-1)).toEqual(['11', '114']);
    await settle(clock);
    expect(reads()).toBe(before + 1);
  });

  // The reported stall: a scroll while a redraw frame was queued left the tracker unobserving
  // and deaf to every later scroll, until the page was reloaded.
  it('keeps following the grid after a scroll that arrives while a redraw is queued', async () => {
    const clock = new ManualClock();
    const root = page();
    const { published } = track(clock);
    clock.frame();
    recycle(root, '13');
    await delivered();
    expect(clock.framePending).toBe(true);
    scroll(root);
    clock.frame();
    await settle(clock);
    expect(published.at(-1)).toEqual(['11', '13']);
    // Later changes, with and without scrolling, are still seen.
    recycle(root, '14');
    await settle(clock);
    expect(published.at(-1)).toEqual(['11', '14']);
    scroll(root);
    recycle(root, '15');
    await settle(clock);
    expect(published.at(-1)).toEqual(['11', '15']);
  });

  it('whatever the order of scrolls, changes, frames and timers, it settles on what the page shows and keeps observing', async () => {
    const step = fc.constantFrom('scroll', 'change', 'frame', 'tick', 'wait');
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        document.body.replaceChildren();
        const clock = new ManualClock();
        const root = page();
        const { published } = track(clock);
        let id = 20;
        for (const s of steps) {
          if (s === 'scroll') scroll(root);
          else if (s === 'change') recycle(root, String(id++));
          else if (s === 'frame') clock.frame();
          else clock.advance(s === 'tick' ? 16 : 120);
          await delivered();
        }
        await settle(clock);
        const shown = () => [...root.querySelectorAll('.ag-row[row-id]')].map((r) => r.getAttribute('row-id'));
        expect(published.at(-1)).toEqual(shown());
        // Still observing: a change after settling is drawn within a frame.
        recycle(root, String(id));
        await delivered();
        clock.frame();
        expect(published.at(-1)).toEqual(shown());
        tracker!.stop();
        tracker = null;
      }),
      { numRuns: 150 },
    );
  });

  it('says when known rows stay bare once settled, and gives them to the feature again', async () => {
    const clock = new ManualClock();
    page();
    const { published, mismatches } = track(clock, { expects: () => true, drawn: false });
    clock.frame();
    // The feature drew nothing in the hosts it was given: bare for one check is not yet a miss.
    clock.advance(2000);
    expect(mismatches).toEqual([]);
    clock.frame();
    clock.advance(0);
    expect(mismatches).toEqual([{ expected: 2, drawn: 0, missing: ['11', '12'] }]);
    // ...and the rows are given to the feature again.
    clock.frame();
    expect(published).toHaveLength(2);
    // Said once per row.
    clock.advance(4000);
    clock.frame();
    clock.advance(0);
    expect(mismatches).toHaveLength(1);
  });

  it('re-reads a settled grid replaced where its observer cannot see', async () => {
    const clock = new ManualClock();
    const root = page();
    const { published } = track(clock);
    clock.frame();
    // The grid's parent re-rendered: the old grid (observed) is gone, a new one is elsewhere.
    root.remove();
    gridPage(document, { columns: [{ label: 'Invoice #' }], rows: [{ 'Invoice #': 'INV-9' }], rowIds: ['19'] });
    await delivered();
    expect(clock.framePending).toBe(false);
    clock.advance(2000);
    clock.frame();
    expect(published.at(-1)).toEqual(['19']);
  });

  it('removes its hosts when stopped', () => {
    const clock = new ManualClock();
    const root = page();
    const { published } = track(clock);
    clock.frame();
    expect(published).toHaveLength(1);
    tracker!.stop();
    tracker = null;
    expect(root.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
  });
});
