/**
 * Reads Procore's AG Grid tables as plain data. Pure: takes the DOM, returns rows; draws nothing.
 *
 * Columns are found by their header text (Procore's labels), never by position, `col-id` value or
 * generated class: the `col-id` attribute only joins a header to its cells. A row may be split in
 * one `.ag-row` per pinned container (older AG Grid); the parts share `row-index` and are joined.
 */

/** What a page needs from one grid: each column's accepted labels (first is the canonical one). */
export type GridSpec<K extends string> = {
  columns: Record<K, readonly string[]>;
  /** Columns without which the page is not recognised. */
  required: readonly K[];
};

export interface GridRow<K extends string> {
  rowIndex: number;
  /** Every `.ag-row` element of the row (one, or one per pinned container). */
  parts: Element[];
  cells: Partial<Record<K, Element>>;
  /** Each cell's visible text, whitespace collapsed; '' when the cell is absent. */
  text: Record<K, string>;
}

export type GridRead<K extends string> =
  | { ok: true; root: Element; rows: GridRow<K>[] }
  | { ok: false; missing: string[] };

/** A column label as compared: whitespace collapsed, a required mark dropped, lower case. */
export const normalise = (label: string) => label.replace(/\s+/g, ' ').replace(/\s*\*$/, '').trim().toLowerCase();

export function cellText(element: Element | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The grid roots on a page: each AG Grid instance, outermost element first. */
export function findGridRoots(doc: ParentNode): Element[] {
  const wrappers = [...doc.querySelectorAll('.ag-root-wrapper')];
  return wrappers.length > 0 ? wrappers : [...doc.querySelectorAll('[role="grid"], [role="treegrid"]')];
}

/**
 * Where a header cell's label is: Procore's data table puts it in its display-name span beside a
 * "More Options" button whose text is not part of it; AG Grid's own header, in its text span.
 */
const HEADER_LABEL = '.data-table-header-display-name, .ag-header-cell-text';

/** Header label → the col-id that joins it to its cells. Column-group headers are not columns. */
export function readHeaders(root: Element): Map<string, string> {
  const headers = new Map<string, string>();
  for (const header of root.querySelectorAll('[role="columnheader"][col-id]')) {
    if (header.classList.contains('ag-header-group-cell')) continue;
    const label = header.querySelector(HEADER_LABEL) ?? header;
    const key = normalise(label.textContent ?? '');
    const colId = header.getAttribute('col-id');
    if (key && colId && !headers.has(key)) headers.set(key, colId);
  }
  return headers;
}

/** Which column keys map to which col-id on this grid, and which required labels are missing. */
export function mapColumns<K extends string>(root: Element, spec: GridSpec<K>): { colIds: Map<string, K>; missing: string[] } {
  const headers = readHeaders(root);
  const colIds = new Map<string, K>();
  const missing: string[] = [];
  for (const key of Object.keys(spec.columns) as K[]) {
    const labels = spec.columns[key];
    const colId = labels.map((label) => headers.get(normalise(label))).find((id) => id !== undefined);
    if (colId !== undefined) colIds.set(colId, key);
    else if (spec.required.includes(key)) missing.push(`"${labels[0]}"`);
  }
  return { colIds, missing };
}

/** The rows currently rendered in one grid root, joined by `row-index`, in row order. */
export function readRows<K extends string>(root: Element, spec: GridSpec<K>, colIds: Map<string, K>): GridRow<K>[] {
  const byIndex = new Map<number, GridRow<K>>();
  for (const part of root.querySelectorAll('.ag-row[row-index]')) {
    // Pinned top/bottom rows (totals) carry their own row-index space: not records.
    if (part.closest('.ag-floating-top, .ag-floating-bottom')) continue;
    const rowIndex = Number(part.getAttribute('row-index'));
    if (!Number.isInteger(rowIndex)) continue;
    let row = byIndex.get(rowIndex);
    if (!row) {
      row = { rowIndex, parts: [], cells: {}, text: emptyText(spec) };
      byIndex.set(rowIndex, row);
    }
    row.parts.push(part);
    for (const cell of part.querySelectorAll('[role="gridcell"][col-id]')) {
      const key = colIds.get(cell.getAttribute('col-id') ?? '');
      if (key === undefined || row.cells[key]) continue;
      row.cells[key] = cell;
      row.text[key] = cellText(cell);
    }
  }
  return [...byIndex.values()].sort((a, b) => a.rowIndex - b.rowIndex);
}

function emptyText<K extends string>(spec: GridSpec<K>): Record<K, string> {
  return Object.fromEntries(Object.keys(spec.columns).map((key) => [key, ''])) as Record<K, string>;
}

/**
 * The first grid on the page that has every required column, with its rows; or, when none
 * does, the labels missing from the closest grid (for the one console warning).
 */
export function readGrid<K extends string>(doc: ParentNode, spec: GridSpec<K>): GridRead<K> {
  const roots = findGridRoots(doc);
  if (roots.length === 0) return { ok: false, missing: ['a data table (AG Grid)'] };
  let fewestMissing: string[] | null = null;
  for (const root of roots) {
    const { colIds, missing } = mapColumns(root, spec);
    if (missing.length === 0) return { ok: true, root, rows: readRows(root, spec, colIds) };
    if (!fewestMissing || missing.length < fewestMissing.length) fewestMissing = missing;
  }
  return { ok: false, missing: fewestMissing ?? [] };
}
