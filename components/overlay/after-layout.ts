/**
 * Overlays that fit themselves to a page cell measure it where the browser has just laid the page
 * out: in a ResizeObserver's callback (after layout, before paint), where reading costs no layout
 * of its own. Measuring in a commit instead forces one, and with one observer per row each
 * callback's write dirtied the page for the next one's read (a forced layout per row, per scroll).
 * So one observer serves every element of a window: in a callback, every read runs first, then
 * every write. An element is measured when first watched (an observer reports a new target) and
 * whenever its size changes; one never laid out (hidden) is not measured.
 */
type Measure = () => (() => void) | undefined;

interface Shared {
  observer: ResizeObserver;
  measures: Map<Element, Set<Measure>>;
}

const shared = new WeakMap<object, Shared>();

function sharedFor(view: Window & typeof globalThis): Shared {
  const known = shared.get(view);
  if (known) return known;
  const measures = new Map<Element, Set<Measure>>();
  const observer = new view.ResizeObserver((entries) => {
    const writes = entries.flatMap((entry) => [...(measures.get(entry.target) ?? [])].map((measure) => measure()));
    for (const write of writes) write?.();
  });
  const made = { observer, measures };
  shared.set(view, made);
  return made;
}

/** `measure` reads and returns what to write, or nothing. Returns the way to stop measuring. */
export function measureAfterLayout(element: Element, measure: Measure): () => void {
  const view = element.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  // No layout engine (a unit test's DOM): nothing is ever laid out, so nothing to measure.
  if (!view?.ResizeObserver) return () => undefined;
  const { observer, measures } = sharedFor(view);
  const set = measures.get(element) ?? new Set<Measure>();
  measures.set(element, set);
  set.add(measure);
  // Observing again reports the element at the next layout, also for a second watcher of it.
  observer.observe(element);
  return () => {
    set.delete(measure);
    if (set.size > 0) return;
    measures.delete(element);
    observer.unobserve(element);
  };
}
