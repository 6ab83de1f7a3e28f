import type { Engine } from '../engine';

/** Erases what the engine recorded (watches, intents, leases, audit, cursors); settings stay. */
export async function eraseEngineData(engine: Engine): Promise<string[]> {
  const removed = await engine.db.getAllKeys('watches');
  const tx = engine.db.transaction(['watches', 'intents', 'locks', 'audit', 'meta'], 'readwrite');
  const metaKeys = await tx.objectStore('meta').getAllKeys();
  await Promise.all([
    tx.objectStore('watches').clear(),
    tx.objectStore('intents').clear(),
    tx.objectStore('locks').clear(),
    tx.objectStore('audit').clear(),
    ...metaKeys.filter((k) => k !== 'settings').map((k) => tx.objectStore('meta').delete(k)),
    tx.done,
  ]);
  return removed;
}
