/**
 * Builds pages with AG Grid's DOM as PROCORE-CONTRACT.md describes it (seen in ag-grid-community
 * 36.2 in Chromium), in both layouts: the current one (one `.ag-row` per row) and the older one
 * (a row split in one `.ag-row` per pinned container, parts sharing `row-index`).
 */
export type CellSpec = string | { text?: string; href?: string; input?: string; button?: string };

export interface ColumnSpec {
  label: string;
  pinned?: 'left' | 'right';
}

export interface GridPageSpec {
  columns: ColumnSpec[];
  /** One object per row: label → cell. Missing labels render empty cells. */
  rows: Record<string, CellSpec>[];
  layout?: 'current' | 'legacy';
  /** Row elements in the DOM in this order of row indexes (AG Grid appends out of order). */
  domOrder?: number[];
  /** Column-group header above the columns (e.g. Procore's "Amounts Group"). */
  groupHeader?: string;
  /** The index rows start at (a grid scrolled down). */
  firstIndex?: number;
  selected?: number[];
  /** The app's record ids (`getRowId`); AG Grid's own node numbers when absent. */
  rowIds?: string[];
  /**
   * `procore`: the header cell as Procore's data table draws it (PROCORE-CONTRACT.md "Grids"): the
   * label in `span.data-table-header-display-name`, a hidden select-all checkbox and a "More
   * Options" button, no `.ag-header-cell-text`. Default `ag-grid`: AG Grid's own header.
   */
  headers?: 'ag-grid' | 'procore';
}

let nextColId = 0;

export function gridPage(doc: Document, spec: GridPageSpec, parent: Element = doc.body): Element {
  const layout = spec.layout ?? 'current';
  const root = doc.createElement('div');
  root.className = 'ag-root-wrapper ag-layout-normal';
  const colIds = spec.columns.map(() => `c${nextColId++}`);
  const header = doc.createElement('div');
  header.className = 'ag-header';
  header.setAttribute('role', 'presentation');
  if (spec.groupHeader) {
    const group = doc.createElement('div');
    group.className = 'ag-header-group-cell';
    group.setAttribute('role', 'columnheader');
    group.setAttribute('col-id', '0');
    const text = doc.createElement('span');
    text.className = 'ag-header-group-text';
    text.textContent = spec.groupHeader;
    group.append(text);
    header.append(group);
  }
  spec.columns.forEach((column, i) => {
    const cell = doc.createElement('div');
    cell.className = 'ag-header-cell ag-focus-managed';
    cell.setAttribute('role', 'columnheader');
    cell.setAttribute('col-id', colIds[i]!);
    cell.append(spec.headers === 'procore' ? procoreHeaderContent(doc, column.label) : agGridHeaderContent(doc, column.label));
    header.append(cell);
  });
  root.append(header);

  const body = doc.createElement('div');
  body.className = 'ag-body';
  const viewport = doc.createElement('div');
  viewport.className = 'ag-body-viewport';
  viewport.setAttribute('role', 'rowgroup');
  const containers = {
    left: container(doc, 'ag-pinned-left-cols-container'),
    center: container(doc, 'ag-center-cols-container'),
    right: container(doc, 'ag-pinned-right-cols-container'),
  };
  viewport.append(containers.left, containers.center, containers.right);
  body.append(viewport);
  root.append(body);

  const first = spec.firstIndex ?? 0;
  const order = spec.domOrder ?? spec.rows.map((_, i) => i);
  for (const position of order) {
    const row = spec.rows[position]!;
    const rowIndex = first + position;
    const parts = new Map<string, Element>();
    const partFor = (where: 'left' | 'center' | 'right') => {
      const key = layout === 'legacy' ? where : 'center';
      let part = parts.get(key);
      if (!part) {
        part = doc.createElement('div');
        part.className = `ag-row ag-row-level-0 ${rowIndex % 2 ? 'ag-row-odd' : 'ag-row-even'}`;
        part.setAttribute('role', 'row');
        part.setAttribute('row-index', String(rowIndex));
        part.setAttribute('row-id', spec.rowIds?.[position] ?? String(rowIndex));
        if (spec.selected?.includes(position)) {
          part.classList.add('ag-row-selected');
          part.setAttribute('aria-selected', 'true');
        }
        parts.set(key, part);
        containers[key as 'left' | 'center' | 'right'].append(part);
      }
      return part;
    };
    spec.columns.forEach((column, i) => {
      const cell = doc.createElement('div');
      cell.className = 'ag-cell ag-cell-not-inline-editing';
      cell.setAttribute('role', 'gridcell');
      cell.setAttribute('col-id', colIds[i]!);
      fillCell(doc, cell, row[column.label] ?? '');
      partFor(column.pinned ?? 'center').append(cell);
    });
  }
  parent.append(root);
  return root;
}

function container(doc: Document, className: string): Element {
  const element = doc.createElement('div');
  element.className = className;
  element.setAttribute('role', 'rowgroup');
  return element;
}

export function fillCell(doc: Document, cell: Element, spec: CellSpec): void {
  cell.replaceChildren();
  if (typeof spec === 'string') {
    const value = doc.createElement('span');
    value.className = 'ag-cell-value';
    value.textContent = spec;
    cell.append(value);
    return;
  }
  if (spec.href !== undefined) {
    const link = doc.createElement('a');
    link.href = spec.href;
    link.textContent = spec.text ?? '';
    cell.append(link);
  } else if (spec.text !== undefined) {
    cell.append(spec.text);
  }
  if (spec.input !== undefined) {
    const input = doc.createElement('input');
    input.value = spec.input;
    cell.append(input);
  }
  if (spec.button !== undefined) {
    const button = doc.createElement('button');
    button.textContent = spec.button;
    cell.append(button);
  }
}

/** Procore's Disbursements tab columns, in documented order. */
export const DISBURSEMENT_COLUMNS = [
  'Disbursement No.',
  'Name',
  'Funding Account',
  'Aggregate Disbursement Amount',
  'Drawdown Status',
  'Created By',
  'Created On',
];

function agGridHeaderContent(doc: Document, text: string): Element {
  const label = doc.createElement('span');
  label.className = 'ag-header-cell-text';
  label.textContent = text;
  const wrap = doc.createElement('div');
  wrap.className = 'ag-header-cell-label';
  wrap.append(label);
  return wrap;
}

function procoreHeaderContent(doc: Document, text: string): Element {
  const selectAll = doc.createElement('input');
  selectAll.type = 'checkbox';
  selectAll.hidden = true;
  selectAll.setAttribute('aria-label', 'Select all');
  const label = doc.createElement('span');
  label.className = 'data-table-header-display-name';
  label.textContent = text;
  const more = doc.createElement('button');
  more.type = 'button';
  more.setAttribute('aria-label', 'More Options');
  more.textContent = '⋮';
  const wrap = doc.createElement('div');
  wrap.className = 'data-table-header';
  wrap.append(selectAll, label, more);
  return wrap;
}
