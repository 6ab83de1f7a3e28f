import type * as AgGrid from 'ag-grid-community';
import { procoreHeaderContent } from './column-header';
import type { DataGrid, DataGridOptions } from './grid-column';

declare global {
  interface Window {
    /** The UMD build of ag-grid-community, served by the sandbox (never from the internet). */
    agGrid: typeof AgGrid;
  }
}

/** AG Grid's header component drawing Procore's header markup; a click on the label sorts. */
class ProcoreHeader implements AgGrid.IHeaderComp {
  private gui: HTMLElement | null = null;

  init(params: AgGrid.IHeaderParams & { labelHidden?: boolean }): void {
    this.gui = procoreHeaderContent(params.displayName, {
      labelHidden: params.labelHidden,
      onLabelClick: params.enableSorting ? () => params.progressSort(false) : undefined,
      onMoreOptions: (button) => params.showColumnMenu(button),
    });
  }

  getGui(): HTMLElement {
    return this.gui as HTMLElement;
  }

  refresh(): boolean {
    return false;
  }
}

/**
 * A table drawn by ag-grid-community 36, as Procore's own tables are: virtualised rows
 * (`.ag-row[row-index][row-id]`), `row-id` being the record id through `getRowId`, and cell text
 * rendered as text.
 */
export function createAgGridTable<T>(host: HTMLElement, options: DataGridOptions<T>): DataGrid<T> {
  const { agGrid } = window;
  const columnDefs: AgGrid.ColDef<T>[] = options.columns.map((column) => ({
    colId: column.id,
    headerName: column.header,
    headerComponent: ProcoreHeader,
    headerComponentParams: { labelHidden: column.headerHidden === true },
    valueGetter: (params) => (params.data ? column.text(params.data) : ''),
    cellRenderer: column.render ? (params: AgGrid.ICellRendererParams<T>) => (params.data ? column.render!(params.data) : '') : undefined,
    pinned: column.pinned ?? null,
    width: column.flex ? undefined : column.width,
    flex: column.flex,
    minWidth: column.flex ? column.width : undefined,
    autoHeight: column.autoHeight,
    wrapText: column.autoHeight,
    suppressKeyboardEvent: column.interactive ? () => true : undefined,
    sortable: true,
    resizable: true,
    // Long labels ("Aggregate Disbursement Amount") wrap as Procore's headers do, never clipped.
    wrapHeaderText: true,
    autoHeaderHeight: true,
  }));
  const gridOptions: AgGrid.GridOptions<T> = {
    theme: agGrid.themeQuartz.withParams({
      accentColor: '#c2410c',
      headerBackgroundColor: '#f4f5f6',
      fontFamily: 'inherit',
      fontSize: 14,
    }),
    columnDefs,
    rowData: options.rows,
    getRowId: (params) => options.rowId(params.data),
    rowHeight: options.rowHeight,
    ensureDomOrder: true,
    // A grid of inputs and buttons is navigated with Tab, as forms are: focusing a cell on
    // mousedown would scroll a half-visible row under the pointer and lose the click.
    suppressCellFocus: options.columns.some((c) => c.interactive),
    localeText: { noRowsToShow: 'No records to show' },
    ...(options.selectable
      ? {
          rowSelection: {
            mode: 'multiRow',
            checkboxes: true,
            headerCheckbox: true,
            isRowSelectable: (node: AgGrid.IRowNode<T>) => (node.data ? options.selectable!(node.data) : false),
          },
          onSelectionChanged: (event: AgGrid.SelectionChangedEvent<T>) => options.onSelectionChanged?.(event.api.getSelectedRows()),
        }
      : {}),
  };
  host.classList.add('grid-host');
  const api = agGrid.createGrid(host, gridOptions);
  api.setGridAriaProperty('label', options.label);
  return {
    setRows: (rows) => api.setGridOption('rowData', rows),
    refreshRow(row) {
      api.applyTransaction({ update: [row] });
      const node = api.getRowNode(options.rowId(row));
      if (node) api.redrawRows({ rowNodes: [node] });
    },
    selected: () => api.getSelectedRows(),
    reveal(id) {
      const node = api.getRowNode(id);
      if (node?.rowIndex != null) api.ensureIndexVisible(node.rowIndex, 'middle');
    },
    destroy: () => api.destroy(),
  };
}
