import type { RecordRead } from '../page/record-reader';
import type { RecordRow } from '../page/record-row';
import { HOST_ATTRIBUTE, ensureHost, isOverlayNode, type Placement } from './row-host';

export interface PlacedRecord<T> extends RecordRow<T> {
  /** Where this record's overlay renders. */
  host: ShadowRoot;
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
  /** How long a page may take to render its table. */
  settleMs?: number;
}

/** Quiet time after the last scroll before rows are read and drawn again. */
const SCROLL_SETTLE_MS = 100;

/**
 * Follows one grid: waits (bounded) for the table to appear, then watches it with a single
 * MutationObserver, re-reading at most once per animation frame and not while it scrolls. Our
 * own hosts' mutations are ignored, so drawing never feeds back into reading. Returns a stop
 * function.
 */
export function trackGrid<T>(options: GridTrackerOptions<T>): () => void {
  const { doc, read, kind, css, onRecords, onUnrecognised, settleMs = 10_000, placement = () => 'append' } = options;
  const view = doc.defaultView!;
  let observer: MutationObserver | null = null;
  let observed: Element | null = null;
  let frame: number | null = null;
  let stopped = false;
  let lastMissing: string[] = [];
  let warned = false;
  let lastSignature = '';

  const refresh = () => {
    frame = null;
    if (stopped) return;
    const result = read(doc);
    if (!result.ok) {
      lastMissing = result.missing;
      if (observed) {
        // The grid went away or changed shape (a view switch): forget it and wait again.
        observe(doc.body);
        observed = null;
        publish([]);
      }
      return;
    }
    if (observed !== result.root) {
      observed = result.root;
      observe(result.root);
    }
    const placed = result.records.map((record) => ({ ...record, host: ensureHost(record.anchor, kind, css, placement(record)) }));
    const keep = new Set(placed.map((record) => record.host.host));
    for (const host of result.root.querySelectorAll(`[${HOST_ATTRIBUTE}="${kind}"]`)) if (!keep.has(host)) host.remove();
    publish(placed);
  };

  const publish = (placed: PlacedRecord<T>[]) => {
    // Reused rows keep their host but change record: the signature covers both.
    const signature = placed.map((r) => `${r.key}\u0000${r.rowIndex}\u0000${JSON.stringify(r.data, skipElements)}`).join('\u0001');
    const hosts = placed.map((r) => r.host);
    if (signature === lastSignature && hosts.every((h, i) => h === lastHosts[i])) return;
    lastSignature = signature;
    lastHosts = hosts;
    onRecords(placed, observed);
  };
  let lastHosts: ShadowRoot[] = [];

  // While the grid scrolls, rows come and go every frame: drawing each of them would cost more
  // than the page's own rendering. Reading waits until scrolling has settled, then runs once.
  // Its mutations meanwhile are not even observed: one read after the scroll sees them all.
  let lastScroll = Number.NEGATIVE_INFINITY;
  let settling: number | null = null;
  let paused = false;
  const onScroll = () => {
    lastScroll = view.performance.now();
    if (paused || stopped) return;
    paused = true;
    observer?.disconnect();
    schedule();
  };
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });

  const schedule = (records?: MutationRecord[]) => {
    if (frame !== null || settling !== null || stopped) return;
    if (records && records.every(isIrrelevant)) return;
    const wait = lastScroll + SCROLL_SETTLE_MS - view.performance.now();
    if (wait > 0) {
      settling = view.setTimeout(() => {
        settling = null;
        schedule();
      }, wait);
      return;
    }
    if (paused) {
      paused = false;
      observe(observed ?? doc.body);
    }
    frame = view.requestAnimationFrame(refresh);
  };

  const observe = (target: Element) => {
    observer?.disconnect();
    observer = new view.MutationObserver(schedule);
    observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['row-index', 'aria-selected', 'class', 'href'],
    });
  };

  observe(doc.body);
  schedule();
  const giveUp = view.setTimeout(() => {
    if (!observed && !stopped && !warned) {
      warned = true;
      onUnrecognised(lastMissing);
    }
  }, settleMs);

  // A grid replaced wholesale (its parent re-rendered) is not seen by its own observer.
  const connected = view.setInterval(() => {
    if (observed && !observed.isConnected) {
      observed = null;
      observe(doc.body);
      schedule();
    }
  }, 2000);

  return () => {
    stopped = true;
    observer?.disconnect();
    view.clearTimeout(giveUp);
    view.clearInterval(connected);
    if (settling !== null) view.clearTimeout(settling);
    doc.removeEventListener('scroll', onScroll, { capture: true });
    for (const host of doc.querySelectorAll(`[${HOST_ATTRIBUTE}="${kind}"]`)) host.remove();
    if (frame !== null) view.cancelAnimationFrame(frame);
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

/** Elements in row data (inputs, buttons) are identified by the row, not serialised. */
function skipElements(_key: string, value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'nodeType' in value ? undefined : value;
}
