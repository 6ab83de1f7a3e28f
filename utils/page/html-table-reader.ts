import { cellText, normalise, type GridRead, type GridRow, type GridSpec } from './grid-reader';

/**
 * Reads a server-rendered HTML table (a Rails page of the ERP Integrations tool) as grid rows:
 * columns found by their `<th>` labels, never by position alone; a row whose cells do not line
 * up with the header (a "No records" line) is skipped. Pure: reads the DOM, draws nothing.
 */
export function readHtmlTable<K extends string>(doc: ParentNode, spec: GridSpec<K>): GridRead<K> {
  let fewestMissing: string[] | null = null;
  for (const table of doc.querySelectorAll('table')) {
    const headers = [...table.querySelectorAll(':scope > thead > tr > th')].map((th) => normalise(th.textContent ?? ''));
    if (headers.length === 0) continue;
    const indexOf = new Map<K, number>();
    const missing: string[] = [];
    for (const key of Object.keys(spec.columns) as K[]) {
      const index = spec.columns[key].map((label) => headers.indexOf(normalise(label))).find((i) => i >= 0);
      if (index !== undefined) indexOf.set(key, index);
      else if (spec.required.includes(key)) missing.push(`"${spec.columns[key][0]}"`);
    }
    if (missing.length > 0) {
      if (!fewestMissing || missing.length < fewestMissing.length) fewestMissing = missing;
      continue;
    }
    const rows: GridRow<K>[] = [];
    [...table.querySelectorAll(':scope > tbody > tr')].forEach((tr, rowIndex) => {
      const cells = [...tr.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
      if (cells.length !== headers.length) return;
      const row: GridRow<K> = { rowIndex, parts: [tr], cells: {}, text: {} as Record<K, string> };
      for (const key of Object.keys(spec.columns) as K[]) {
        const cell = indexOf.has(key) ? cells[indexOf.get(key)!] : undefined;
        if (cell) row.cells[key] = cell;
        row.text[key] = cellText(cell);
      }
      rows.push(row);
    });
    return { ok: true, root: table, rows };
  }
  return { ok: false, missing: fewestMissing ?? ['a data table'] };
}
