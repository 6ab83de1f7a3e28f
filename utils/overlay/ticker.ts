/**
 * The one clock every countdown on a page shares. It ticks on whole seconds only while
 * something is subscribed (a mounted, counting badge) and the tab is visible: a hidden tab or
 * a page without countdowns costs nothing.
 */
export interface Ticker {
  subscribe(listener: () => void): () => void;
  /** The time of the last tick while ticking, else the clock (epoch ms, local). */
  now(): number;
  dispose(): void;
}

export function createTicker(doc: Document = document, clock: () => number = Date.now): Ticker {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = clock();

  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    stop();
    if (listeners.size === 0 || doc.hidden) return;
    timer = setTimeout(tick, 1000 - (clock() % 1000) + 5);
  };
  const tick = () => {
    timer = null;
    last = clock();
    for (const listener of [...listeners]) listener();
    schedule();
  };
  const onVisibility = () => (doc.hidden ? stop() : tick());
  doc.addEventListener('visibilitychange', onVisibility);

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (timer === null) {
        last = clock();
        schedule();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    now: () => (timer === null ? clock() : last),
    dispose() {
      stop();
      listeners.clear();
      doc.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
