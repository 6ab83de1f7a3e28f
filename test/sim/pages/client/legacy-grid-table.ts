import { procoreHeaderContent } from './column-header';
import { append, h } from './dom';
import type { DataGrid, DataGridOptions, GridColumn } from './grid-column';

const BUFFER_ROWS = 6;
const HEADER_HEIGHT = 48;

/**
 * The OLDER AG Grid layout that Procore may still run (PROCORE-CONTRACT.md, "The grids are AG
 * Grid"). ag-grid-community 36 no longer draws it and cannot reuse row elements, so this is a
 * faithful emulation of the DOM of AG Grid 2x:
 * - a row with pinned columns is split into one `.ag-row` per container
 *   (`.ag-pinned-left-cols-container`, `.ag-center-cols-container`), the parts sharing
 *   `row-index` and `row-id`;
 * - a fixed pool of row elements is recycled while scrolling: the element that showed row i
 *   shows row i + pool size next, with its `row-index`, `row-id` and cells rewritten in place
 *   (the same node, other record), which is what breaks overlays keyed by DOM node;
 * - header cells are `[role=columnheader][col-id]` holding Procore's header markup (the label in
 *   `span.data-table-header-display-name`), cells `[role=gridcell][col-id]`, `.ag-root[role=grid]`.
 * Selection is not offered: a selectable table keeps the current layout.
 */
export function createLegacyGridTable<T>(host: HTMLElement, options: DataGridOptions<T>): DataGrid<T> {
  const rowHeight = options.rowHeight ?? 42;
  const pinned = options.columns.filter((c) => c.pinned === 'left');
  const center = options.columns.filter((c) => c.pinned !== 'left');
  const widthOf = (c: GridColumn<T>) => c.width ?? 180;
  const pinnedWidth = pinned.reduce((sum, c) => sum + widthOf(c), 0);
  const centerWidth = center.reduce((sum, c) => sum + widthOf(c), 0);
  let rows = options.rows;

  const headerRow = (columns: GridColumn<T>[], offset: number) =>
    h(
      'div',
      { class: 'ag-header-row ag-header-row-column', role: 'row', 'aria-rowindex': 1, style: `height:${HEADER_HEIGHT}px` },
      ...columns.map((column, i) =>
        h(
          'div',
          {
            class: 'ag-header-cell ag-focus-managed',
            role: 'columnheader',
            'col-id': column.id,
            'aria-colindex': offset + i + 1,
            tabindex: -1,
            style: `left:${columns.slice(0, i).reduce((s, c) => s + widthOf(c), 0)}px;width:${widthOf(column)}px`,
          },
          h('div', { class: 'ag-cell-label-container', role: 'presentation' }, procoreHeaderContent(column.header, { labelHidden: column.headerHidden })),
        ),
      ),
    );
  const headerContainer = h('div', { class: 'ag-header-container', role: 'rowgroup', style: `width:${centerWidth}px` }, headerRow(center, pinned.length));
  const headerViewport = h('div', { class: 'ag-header-viewport', role: 'presentation' }, headerContainer);
  const header = h(
    'div',
    { class: 'ag-header ag-focus-managed ag-pivot-off', role: 'presentation', style: `height:${HEADER_HEIGHT}px` },
    h('div', { class: 'ag-pinned-left-header', role: 'rowgroup', style: `width:${pinnedWidth}px` }, headerRow(pinned, 0)),
    headerViewport,
  );
  const leftContainer = h('div', { class: 'ag-pinned-left-cols-container', role: 'rowgroup', style: `width:${pinnedWidth}px` });
  const centerContainer = h('div', { class: 'ag-center-cols-container', role: 'rowgroup', style: `width:${centerWidth}px` });
  const centerViewport = h('div', { class: 'ag-center-cols-viewport', role: 'presentation' }, centerContainer);
  const bodyViewport = h(
    'div',
    { class: 'ag-body-viewport ag-layout-normal ag-row-no-animation', role: 'presentation' },
    leftContainer,
    h('div', { class: 'ag-center-cols-clipper', role: 'presentation' }, centerViewport),
  );
  const root = h(
    'div',
    { class: 'ag-root ag-unselectable ag-layout-normal', role: 'grid', 'aria-label': options.label, 'aria-colcount': options.columns.length },
    header,
    bodyViewport,
  );
  const wrapper = h('div', { class: 'ag-root-wrapper ag-layout-normal ag-ltr legacy-grid' }, h('div', { class: 'ag-root-wrapper-body ag-layout-normal' }, root));
  host.classList.add('grid-host');
  append(host, wrapper);

  interface Slot {
    left: HTMLElement;
    center: HTMLElement;
    shownIndex: number | null;
  }
  const makePart = (columns: GridColumn<T>[], offset: number, container: HTMLElement) => {
    const part = h(
      'div',
      // Not shown until a record is assigned (AG Grid's CSS gives .ag-row a display, so `hidden` alone would not hide it).
      { class: 'ag-row ag-row-level-0 ag-row-position-absolute', role: 'row', style: `height:${rowHeight}px;display:none` },
      ...columns.map((column, i) =>
        h('div', {
          class: 'ag-cell ag-cell-value ag-cell-not-inline-editing',
          role: 'gridcell',
          'col-id': column.id,
          'aria-colindex': offset + i + 1,
          tabindex: -1,
          style: `left:${columns.slice(0, i).reduce((s, c) => s + widthOf(c), 0)}px;width:${widthOf(column)}px;line-height:${rowHeight - 2}px`,
        }),
      ),
    );
    container.appendChild(part);
    return part;
  };
  const slots: Slot[] = [];
  const ensurePool = () => {
    const wanted = Math.ceil(Math.max(bodyViewport.clientHeight, rowHeight * 10) / rowHeight) + BUFFER_ROWS * 2;
    while (slots.length < wanted) {
      slots.push({ left: makePart(pinned, 0, leftContainer), center: makePart(center, pinned.length, centerContainer), shownIndex: null });
    }
  };

  const fill = (part: HTMLElement, columns: GridColumn<T>[], row: T) => {
    columns.forEach((column, i) => {
      const cell = part.children[i] as HTMLElement;
      if (column.render) cell.replaceChildren(column.render(row));
      else cell.textContent = column.text(row);
    });
  };
  const show = (slot: Slot, index: number, force: boolean) => {
    if (slot.shownIndex === index && !force) return;
    const row = rows[index] as T;
    const id = options.rowId(row);
    for (const part of [slot.left, slot.center]) {
      part.style.display = '';
      part.setAttribute('row-index', String(index));
      part.setAttribute('row-id', id);
      part.setAttribute('aria-rowindex', String(index + 2));
      part.classList.toggle('ag-row-even', index % 2 === 0);
      part.classList.toggle('ag-row-odd', index % 2 === 1);
      part.style.transform = `translateY(${index * rowHeight}px)`;
    }
    fill(slot.left, pinned, row);
    fill(slot.center, center, row);
    slot.shownIndex = index;
  };
  const hide = (slot: Slot) => {
    for (const part of [slot.left, slot.center]) {
      part.style.display = 'none';
      part.removeAttribute('row-index');
      part.removeAttribute('row-id');
    }
    slot.shownIndex = null;
  };
  const render = (force = false) => {
    ensurePool();
    const first = Math.max(0, Math.floor(bodyViewport.scrollTop / rowHeight) - BUFFER_ROWS);
    for (let index = first; index < first + slots.length; index++) {
      // Slot by index modulo the pool: scrolling one row hands the element that just left the
      // view to the record that enters it.
      const slot = slots[index % slots.length] as Slot;
      if (index < rows.length) show(slot, index, force);
      else hide(slot);
    }
  };
  const layout = () => {
    const total = `${rows.length * rowHeight}px`;
    leftContainer.style.height = total;
    centerContainer.style.height = total;
    root.setAttribute('aria-rowcount', String(rows.length + 1));
  };

  let frame = 0;
  const onScroll = () => {
    // The pinned container is sticky; only the centre header follows horizontal scrolling.
    headerContainer.style.transform = `translateX(${-bodyViewport.scrollLeft}px)`;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  };
  bodyViewport.addEventListener('scroll', onScroll);
  const resize = new ResizeObserver(() => render());
  resize.observe(bodyViewport);
  layout();
  render();

  return {
    setRows(next) {
      rows = next;
      layout();
      render(true);
    },
    refreshRow(row) {
      const id = options.rowId(row);
      const index = rows.findIndex((r) => options.rowId(r) === id);
      if (index < 0) return;
      rows = rows.map((r, i) => (i === index ? row : r));
      const slot = slots.find((s) => s.shownIndex === index);
      if (slot) show(slot, index, true);
    },
    selected: () => [],
    reveal(id) {
      const index = rows.findIndex((r) => options.rowId(r) === id);
      if (index >= 0) bodyViewport.scrollTop = Math.max(0, index * rowHeight - bodyViewport.clientHeight / 2);
    },
    destroy() {
      cancelAnimationFrame(frame);
      resize.disconnect();
      bodyViewport.removeEventListener('scroll', onScroll);
      wrapper.remove();
    },
  };
}
