// Seeded randomness: the sandbox never calls Math.random, so a seed replays the same data.

/** mulberry32: a small, fast 32-bit generator; returns a function yielding floats in [0, 1). */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A float in [0, 1) fixed by the seed and a key (e.g. "delay:po_12:1"), independent of the
 * order in which keys are asked for: timers firing in a different order change nothing.
 */
export function keyedRandom(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return createPrng(h)();
}
