import { h } from './dom';

/**
 * The inside of a column header as Procore's data table draws it (seen on Procore's pages): the
 * label in `span.data-table-header-display-name`, a hidden select-all checkbox, and a "More
 * Options" button named only by its aria-label. There is no `.ag-header-cell-text`.
 */
export function procoreHeaderContent(label: string, options: { labelHidden?: boolean; onLabelClick?: () => void; onMoreOptions?: (button: HTMLElement) => void } = {}): HTMLElement {
  const name = h('span', { class: `data-table-header-display-name${options.labelHidden ? ' visually-hidden' : ''}` }, label);
  const selectAll = h('input', { type: 'checkbox', class: 'data-table-header-select-all', 'aria-label': 'Select all', tabindex: -1, hidden: true });
  const more = h('button', { type: 'button', class: 'data-table-header-menu', 'aria-label': 'More Options', tabindex: -1 }, '⋮');
  if (options.onLabelClick) name.addEventListener('click', options.onLabelClick);
  more.addEventListener('click', (event) => {
    event.stopPropagation();
    options.onMoreOptions?.(more);
  });
  return h('div', { class: 'data-table-header', role: 'presentation' }, selectAll, name, more);
}
