import { readGrid, type GridRead, type GridRow, type GridSpec } from './grid-reader';
import type { RecordRow } from './record-row';

export type RecordRead<T> = { ok: true; root: Element; records: RecordRow<T>[] } | { ok: false; missing: string[] };

/**
 * Reads a page's grid as records. Rows that do not yield a record (loading rows, group rows,
 * rows without an id) are skipped; two rows claiming the same id keep the first, so an overlay
 * can never be drawn twice for one record.
 */
export function readRecords<K extends string, T>(
  doc: ParentNode,
  spec: GridSpec<K>,
  toRecord: (row: GridRow<K>) => RecordRow<T> | null,
  /** How the page's table is read: AG Grid unless told (a server-rendered page passes its own). */
  read: (doc: ParentNode, spec: GridSpec<K>) => GridRead<K> = readGrid,
): RecordRead<T> {
  const grid = read(doc, spec);
  if (!grid.ok) return grid;
  const seen = new Set<string>();
  const records: RecordRow<T>[] = [];
  for (const row of grid.rows) {
    const record = toRecord(row);
    if (!record || seen.has(record.key)) continue;
    seen.add(record.key);
    records.push(record);
  }
  return { ok: true, root: grid.root, records };
}
