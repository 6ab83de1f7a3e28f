// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackGrid } from '../../../utils/overlay/grid-tracker';
import { readPayableInvoiceRows } from '../../../utils/page/payable-invoices-grid';
import { HOST_ATTRIBUTE } from '../../../utils/overlay/row-host';
import { fillCell, gridPage } from '../page/ag-grid-page';

let stop: (() => void) | null = null;
beforeEach(() => document.body.replaceChildren());
afterEach(() => {
  stop?.();
  stop = null;
});

function track() {
  const reads = vi.fn();
  const published: string[][] = [];
  const read = (doc: Document) => {
    reads();
    return readPayableInvoiceRows(doc);
  };
  stop = trackGrid({
    doc: document,
    read,
    kind: 'mark',
    css: '',
    onRecords: (records) => published.push(records.map((r) => `${r.key}${r.data.selected ? '*' : ''}`)),
    onUnrecognised: () => undefined,
  });
  return { reads, published };
}

const page = () =>
  gridPage(document, { columns: [{ label: 'Invoice #' }], rows: [{ 'Invoice #': 'INV-1' }, { 'Invoice #': 'INV-2' }], rowIds: ['11', '12'] });

describe('trackGrid', () => {
  it('puts one host per record and publishes when the rows change, not when it draws', async () => {
    const root = page();
    const { published } = track();
    await vi.waitFor(() => expect(published).toEqual([['11', '12']]));
    expect(root.querySelectorAll(`[${HOST_ATTRIBUTE}="mark"]`)).toHaveLength(2);
    fillCell(document, root.querySelector('.ag-row[row-index="1"] [role="gridcell"]')!, 'INV-3');
    root.querySelector('.ag-row[row-index="1"]')!.setAttribute('row-id', '13');
    await vi.waitFor(() => expect(published.at(-1)).toEqual(['11', '13']));
    // The host wiped with the cell's old content is drawn again, once.
    await vi.waitFor(() => expect(root.querySelectorAll(`[${HOST_ATTRIBUTE}="mark"]`)).toHaveLength(2));
  });

  it('ignores hover and focus classes but follows selection', async () => {
    const root = page();
    const { reads, published } = track();
    await vi.waitFor(() => expect(published).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const before = reads.mock.calls.length;
    const row = root.querySelector('.ag-row[row-index="0"]')!;
    row.classList.add('ag-row-hover');
    row.classList.remove('ag-row-hover');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(reads.mock.calls.length).toBe(before);
    row.classList.add('ag-row-selected');
    await vi.waitFor(() => expect(published.at(-1)).toEqual(['11*', '12']));
  });

  it('reads the rows again only once scrolling has settled, with what changed meanwhile', async () => {
    const root = page();
    const { reads, published } = track();
    await vi.waitFor(() => expect(published).toHaveLength(1));
    const before = reads.mock.calls.length;
    const scroller = root.querySelector('.ag-row')!.parentElement!;
    const scrollFor = async (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        scroller.dispatchEvent(new Event('scroll'));
        fillCell(document, root.querySelector('.ag-row[row-index="1"] [role="gridcell"]')!, `INV-${Math.round(performance.now())}`);
        root.querySelector('.ag-row[row-index="1"]')!.setAttribute('row-id', '13');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await scrollFor(300);
    expect(reads.mock.calls.length).toBe(before);
    await vi.waitFor(() => expect(reads.mock.calls.length).toBe(before + 1));
    // What changed while it scrolled (unobserved) is in that one read.
    expect(published.at(-1)).toEqual(['11', '13']);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(reads.mock.calls.length).toBe(before + 1);
  });

  it('removes its hosts when stopped', async () => {
    const root = page();
    const { published } = track();
    await vi.waitFor(() => expect(published).toHaveLength(1));
    stop!();
    stop = null;
    expect(root.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
  });
});
