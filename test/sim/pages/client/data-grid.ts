import { createAgGridTable } from './ag-grid-table';
import type { DataGrid, DataGridOptions } from './grid-column';
import { createLegacyGridTable } from './legacy-grid-table';

export type GridLayout = 'current' | 'legacy';

/** `?grid=legacy` (or the sandbox's setting, on <html data-grid-layout>) draws the older layout. */
export function gridLayout(): GridLayout {
  const requested = new URLSearchParams(location.search).get('grid') ?? document.documentElement.dataset.gridLayout;
  return requested === 'legacy' ? 'legacy' : 'current';
}

/**
 * A table in the current AG Grid layout, or in the older split-row one (legacy-grid-table.ts),
 * which every table can take except a selectable one (the older layout has no selection).
 */
export function createDataGrid<T>(host: HTMLElement, options: DataGridOptions<T>, layout: GridLayout = gridLayout()): DataGrid<T> {
  return layout === 'legacy' && !options.selectable ? createLegacyGridTable(host, options) : createAgGridTable(host, options);
}
