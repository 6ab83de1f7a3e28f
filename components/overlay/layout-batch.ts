/**
 * Many overlays measure the page at once (a grid's rows drawn in one commit): each reads the
 * layout, then writes a style. One after another, every read lays the page out again (a forced
 * layout per row). Queued to the end of the commit (a microtask, before the frame is painted),
 * every read runs first and every write after: one layout for all of them.
 */
type Measure = () => (() => void) | undefined;

const queued: Measure[] = [];

function flush(): void {
  const batch = queued.splice(0);
  const writes = batch.map((measure) => measure());
  for (const write of writes) write?.();
}

/** `measure` reads and returns what to write, or nothing. */
export function batchLayout(measure: Measure): void {
  if (queued.push(measure) === 1) queueMicrotask(flush);
}
