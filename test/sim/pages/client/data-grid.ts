import { createAgGridTable } from './ag-grid-table';
import type { DataGrid, DataGridOptions } from './grid-column';
import { createLegacyGridTable } from './legacy-grid-table';

export type GridLayout = 'current' | 'legacy';

/** A table in the current AG Grid layout, or in the older one (see legacy-grid-table.ts). */
export function createDataGrid<T>(host: HTMLElement, options: DataGridOptions<T>, layout: GridLayout = 'current'): DataGrid<T> {
  return layout === 'legacy' ? createLegacyGridTable(host, options) : createAgGridTable(host, options);
}
