/** One column of a sandbox table, independent of which grid renders it. */
export interface GridColumn<T> {
  /** The col-id; stable, never shown. */
  id: string;
  /** Procore's label for the column. */
  header: string;
  /** The label is for screen readers only (an actions column Procore leaves unlabelled). */
  headerHidden?: boolean;
  /** The cell's text (also what sorting and the default renderer use). */
  text(row: T): string;
  /** A cell made of elements (a link, an input); strings inside it are text nodes. */
  render?(row: T): Node;
  pinned?: 'left';
  width?: number;
  /** Takes the width left over (at least `width`); the older layout keeps `width`. */
  flex?: number;
  /** Cells laid out around inputs need room; text cells default to one line. */
  autoHeight?: boolean;
  /** The cell holds inputs or buttons: keys typed there are theirs, not the grid's. */
  interactive?: boolean;
}

/** What a page does with a table, whichever grid draws it. */
export interface DataGrid<T> {
  setRows(rows: T[]): void;
  /** Re-renders one record's row (after an action changed it). */
  refreshRow(row: T): void;
  selected(): T[];
  /** Scrolls the record's row into view. */
  reveal(id: string): void;
  destroy(): void;
}

export interface DataGridOptions<T> {
  columns: GridColumn<T>[];
  rowId(row: T): string;
  rows: T[];
  /** Multi-row selection with checkboxes (the Subcontractor Invoices tab). */
  selectable?: (row: T) => boolean;
  onSelectionChanged?: (selected: T[]) => void;
  /** Accessible name of the table. */
  label: string;
  rowHeight?: number;
}
