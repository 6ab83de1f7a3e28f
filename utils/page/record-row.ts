/** A grid row recognised as one record: its id read from its cells and where to draw beside it. */
export interface RecordRow<T> {
  /** The record's id as read from the row's cells (never the DOM node). */
  key: string;
  rowIndex: number;
  /** The cell the overlay is drawn in. */
  anchor: Element;
  /** Every `.ag-row` part of the row, for keeping overlays to their own row. */
  parts: Element[];
  data: T;
}
