import type { RecordRead } from '../page/record-reader';
import type { RecordRow } from '../page/record-row';
import { HOST_ATTRIBUTE, drawnHost, ensureHost, isOverlayNode, type Placement } from './row-host';

export interface PlacedRecord<T> extends RecordRow<T> {
  /** Where this record's overlay renders. */
  host: ShadowRoot;
}

/** Rows in view whose record the feature knows, but with nothing drawn in them once settled. */
export interface DrawMismatch {
  /** Rows in view that should show an overlay. */
  expected: number;
  drawn: number;
  /** Keys of the rows left bare (a few). */
  missing: string[];
}

export interface GridTrackerOptions<T> {
  doc: Document;
  /** Pure page reader (utils/page). */
  read: (doc: Document) => RecordRead<T>;
  /** Host kind and stylesheet of the overlay drawn in each row. */
  kind: string;
  css: string;
  /** Where in its anchor cell a record's overlay goes (default: after the cell's content). */
  placement?: (record: RecordRow<T>) => Placement;
  onRecords: (records: PlacedRecord<T>[], root: Element | null) => void;
  /** Called once if the page's table never shows up in a recognised form. */
  onUnrecognised: (missing: string[]) => void;
  /** Whether the feature draws something in this row now (its record is known). Default: never checked. */
  expects?: (record: RecordRow<T>) => boolean;
  /** A settled grid with known rows left bare: said, then redrawn. */
  onMismatch?: (mismatch: DrawMismatch) => void;
  /** How long a page may take to render its table. */
  settleMs?: number;
  /** Frames, timers and the clock (default: the page's window; tests drive their own). */
  clock?: TrackerClock;
}

export interface TrackerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  setInterval(callback: () => void, ms: number): number;
  clearInterval(id: number): void;
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(id: number): void;
}

function windowClock(view: Window): TrackerClock {
  return {
    now: () => view.performance.now(),
    setTimeout: (callback, ms) => view.setTimeout(callback, ms),
    clearTimeout: (id) => view.clearTimeout(id),
    setInterval: (callback, ms) => view.setInterval(callback, ms),
    clearInterval: (id) => view.clearInterval(id),
    requestAnimationFrame: (callback) => view.requestAnimationFrame(callback),
    cancelAnimationFrame: (id) => view.cancelAnimationFrame(id),
  };
}

export interface GridTracker {
  stop(): void;
  /** The feature has drawn what it was last given: check it against the rows in view. */
  drawn(): void;
}

/** Quiet time after the last scroll before rows are read and drawn again. */
const SCROLL_SETTLE_MS = 100;
/** How often a settled grid is checked against the page (a change nobody saw, a grid replaced). */
const AUDIT_MS = 2000;

/**
 * Where the tracker is. `idle`: drawn and observing the grid. `settling`: the grid scrolls; its
 * mutations are not observed, a timer waits for quiet. `queued`: a read is due at the next
 * animation frame. Observing is derived from the phase (only while idle), so no ordering of
 * scroll, mutation and frame can leave the tracker neither observing nor about to read.
 */
export type TrackerPhase = 'idle' | 'settling' | 'queued' | 'stopped';

/**
 * Follows one grid: waits (bounded) for the table to appear, then watches it with a single
 * MutationObserver, re-reading at most once per animation frame and not while it scrolls. Our
 * own hosts' mutations are ignored, so drawing never feeds back into reading.
 */
export function trackGrid<T>(options: GridTrackerOptions<T>): GridTracker {
  const { doc, read, kind, css, onRecords, onUnrecognised, expects, onMismatch, settleMs = 10_000, placement = () => 'append' } = options;
  const view = doc.defaultView!;
  const clock = options.clock ?? windowClock(view);
  let phase: TrackerPhase = 'idle';
  let frame: number | null = null;
  let timer: number | null = null;
  // While the grid scrolls, rows come and go every frame: drawing each of them would cost more
  // than the page's own rendering. Reading waits until scrolling has settled, then runs once.
  let lastScroll = Number.NEGATIVE_INFINITY;
  let observed: Element | null = null;
  let lastMissing: string[] = [];
  let warned = false;
  let lastSignature = '';
  let lastHosts: ShadowRoot[] = [];
  let published: PlacedRecord<T>[] = [];
  let drawnSincePublish = true;
  const observer = new view.MutationObserver((records) => {
    if (phase === 'idle' && !records.every(isIrrelevant)) enter('queued');
  });

  /** The one place the phase changes: timers, frames and the observer follow it. */
  const enter = (next: TrackerPhase) => {
    if (frame !== null) clock.cancelAnimationFrame(frame);
    if (timer !== null) clock.clearTimeout(timer);
    frame = timer = null;
    phase = next;
    observer.disconnect();
    if (next === 'idle') observe();
    else if (next === 'queued') frame = clock.requestAnimationFrame(refresh);
    else if (next === 'settling') timer = clock.setTimeout(settled, Math.max(0, lastScroll + SCROLL_SETTLE_MS - clock.now()));
  };

  const settled = () => {
    timer = null;
    if (lastScroll + SCROLL_SETTLE_MS > clock.now()) enter('settling');
    else enter('queued');
  };

  const observe = () =>
    observer.observe(observed ?? doc.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['row-index', 'aria-selected', 'class', 'href'],
    });

  const onScroll = () => {
    lastScroll = clock.now();
    // Settling already: its timer looks at lastScroll when it fires.
    if (phase === 'idle' || phase === 'queued') enter('settling');
  };
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });

  const refresh = () => {
    frame = null;
    if (phase !== 'queued') return;
    const result = read(doc);
    if (!result.ok) {
      lastMissing = result.missing;
      // The grid went away or changed shape (a view switch): forget it and wait again.
      if (observed) {
        observed = null;
        publish([]);
      }
      enter('idle');
      return;
    }
    observed = result.root;
    // Observing again before drawing: a change after this read is seen, one before it is in it.
    enter('idle');
    const placed = result.records.map((record) => ({ ...record, host: ensureHost(record.anchor, kind, css, placement(record)) }));
    const keep = new Set(placed.map((record) => record.host.host));
    for (const host of result.root.querySelectorAll(`[${HOST_ATTRIBUTE}="${kind}"]`)) if (!keep.has(host)) host.remove();
    publish(placed);
  };

  const publish = (placed: PlacedRecord<T>[]) => {
    // Reused rows keep their host but change record: the signature covers both.
    const signature = signatureOf(placed);
    const hosts = placed.map((r) => r.host);
    if (signature === lastSignature && hosts.length === lastHosts.length && hosts.every((h, i) => h === lastHosts[i])) return;
    lastSignature = signature;
    lastHosts = hosts;
    published = placed;
    drawnSincePublish = false;
    onRecords(placed, observed);
  };

  /**
   * Settled means settled: every row in view whose record the feature knows has its overlay
   * drawn. A row left bare (a change nobody saw, data that came after the row) is said once
   * it is still bare a frame later (the feature may be mid-render), and read and drawn again.
   */
  let suspect = new Set<string>();
  const reported = new Set<string>();
  const audit = () => {
    if (phase !== 'idle') return;
    const result = read(doc);
    if (!result.ok) {
      if (observed) enter('queued');
      return;
    }
    const unseen =
      result.root !== observed ||
      signatureOf(result.records) !== lastSignature ||
      result.records.some((r, i) => r.anchor !== published[i]?.anchor);
    const known = expects && drawnSincePublish ? result.records.filter(expects) : [];
    const bare = known.filter((r) => !drawnHost(r.anchor, kind, placement(r))).map((r) => r.key);
    const missed = bare.filter((key) => suspect.has(key));
    suspect = new Set(bare);
    const fresh = missed.filter((key) => !reported.has(key));
    if (fresh.length > 0) {
      for (const key of fresh) reported.add(key);
      onMismatch?.({ expected: known.length, drawn: known.length - bare.length, missing: fresh.slice(0, 5) });
      // Given to the feature again, even if the rows read the same.
      lastSignature = '';
      enter('queued');
    } else if (unseen) enter('queued');
    // Still bare a frame from now (the feature may be mid-render) is a miss.
    else if (bare.length > 0) clock.requestAnimationFrame(() => clock.setTimeout(audit, 0));
  };

  enter('queued');
  const giveUp = clock.setTimeout(() => {
    if (!observed && phase !== 'stopped' && !warned) {
      warned = true;
      onUnrecognised(lastMissing);
    }
  }, settleMs);
  // Also finds a grid replaced wholesale (its parent re-rendered): its own observer cannot see that.
  const auditTimer = clock.setInterval(audit, AUDIT_MS);

  return {
    drawn() {
      drawnSincePublish = true;
    },
    stop() {
      enter('stopped');
      clock.clearTimeout(giveUp);
      clock.clearInterval(auditTimer);
      doc.removeEventListener('scroll', onScroll, { capture: true });
      for (const host of doc.querySelectorAll(`[${HOST_ATTRIBUTE}="${kind}"]`)) host.remove();
    },
  };
}

/** Our own drawing, or a class change other than selection (hover and focus classes come with every pointer move). */
function isIrrelevant(record: MutationRecord): boolean {
  if (isOverlayNode(record.target)) return true;
  if (record.type === 'attributes' && record.attributeName === 'class') {
    const selected = (classes: string | null) => /\bag-row-selected\b/.test(classes ?? '');
    return selected(record.oldValue) === selected((record.target as Element).getAttribute('class'));
  }
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((node) => node instanceof Element && node.hasAttribute(HOST_ATTRIBUTE));
}

function signatureOf(records: RecordRow<unknown>[]): string {
  return records.map((r) => `${r.key}\u0000${r.rowIndex}\u0000${JSON.stringify(r.data, skipElements)}`).join('\u0001');
}

/** Elements in row data (inputs, buttons) are identified by the row, not serialised. */
function skipElements(_key: string, value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'nodeType' in value ? undefined : value;
}
