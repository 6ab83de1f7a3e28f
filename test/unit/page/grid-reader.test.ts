// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { readGrid, type GridSpec } from '../../../utils/page/grid-reader';
import { DISBURSEMENT_COLUMNS, gridPage } from './ag-grid-page';

const spec: GridSpec<'number' | 'status' | 'name'> = {
  columns: { number: ['Disbursement No.', 'Disbursement ID'], status: ['Drawdown Status'], name: ['Name'] },
  required: ['number', 'status'],
};

const row = (n: number, status = 'Funding Completed') => ({
  'Disbursement No.': { text: `D-${n}`, href: `/1/company/payments/disbursements/${n}` },
  'Disbursement ID': `D-${n}`,
  Name: `Draw ${n}`,
  'Drawdown Status': status,
});

beforeEach(() => document.body.replaceChildren());

describe('readGrid', () => {
  it('reads rows by header text in the documented column order', () => {
    gridPage(document, { columns: DISBURSEMENT_COLUMNS.map((label) => ({ label })), rows: [row(1), row(2, 'Draft')] });
    const grid = readGrid(document, spec);
    expect(grid.ok).toBe(true);
    if (!grid.ok) return;
    expect(grid.rows.map((r) => [r.rowIndex, r.text.number, r.text.status, r.text.name])).toEqual([
      [0, 'D-1', 'Funding Completed', 'Draw 1'],
      [1, 'D-2', 'Draft', 'Draw 2'],
    ]);
  });

  it("reads Procore's own header markup: the label in its display-name span, beside the More Options button", () => {
    gridPage(document, { columns: DISBURSEMENT_COLUMNS.map((label) => ({ label })), rows: [row(4)], headers: 'procore' });
    const grid = readGrid(document, spec);
    expect(grid.ok && grid.rows[0]!.text).toMatchObject({ number: 'D-4', status: 'Funding Completed', name: 'Draw 4' });
  });

  it('finds the same columns in another order, with extra columns around them', () => {
    const columns = ['Workflow Status', 'Drawdown Status', 'Created On', 'Name', 'Disbursement No.', 'Notes'].map((label) => ({ label }));
    gridPage(document, { columns, rows: [row(7)] });
    const grid = readGrid(document, spec);
    expect(grid.ok && grid.rows[0]!.text).toMatchObject({ number: 'D-7', status: 'Funding Completed', name: 'Draw 7' });
  });

  it('accepts an older label variant ("Disbursement ID")', () => {
    gridPage(document, { columns: [{ label: 'Disbursement ID' }, { label: 'Drawdown Status' }], rows: [row(3)] });
    const grid = readGrid(document, spec);
    expect(grid.ok && grid.rows[0]!.text.number).toBe('D-3');
  });

  it('names the missing columns instead of guessing', () => {
    gridPage(document, { columns: [{ label: 'Disbursement No.' }, { label: 'Status' }], rows: [row(1)] });
    expect(readGrid(document, spec)).toEqual({ ok: false, missing: ['"Drawdown Status"'] });
  });

  it('says when the page has no data table at all', () => {
    expect(readGrid(document, spec)).toEqual({ ok: false, missing: ['a data table (AG Grid)'] });
  });

  it('reads an empty grid as no rows', () => {
    gridPage(document, { columns: DISBURSEMENT_COLUMNS.map((label) => ({ label })), rows: [] });
    expect(readGrid(document, spec)).toMatchObject({ ok: true, rows: [] });
  });

  it('joins the parts of split rows (older layout) by row-index, whatever their DOM order', () => {
    const columns = [
      { label: 'Disbursement No.', pinned: 'left' as const },
      { label: 'Name' },
      { label: 'Drawdown Status', pinned: 'right' as const },
    ];
    gridPage(document, { columns, rows: [row(1), row(2), row(3)], layout: 'legacy', domOrder: [2, 0, 1], firstIndex: 40 });
    const grid = readGrid(document, spec);
    if (!grid.ok) throw new Error('not recognised');
    expect(grid.rows.map((r) => [r.rowIndex, r.parts.length, r.text.number, r.text.status])).toEqual([
      [40, 3, 'D-1', 'Funding Completed'],
      [41, 3, 'D-2', 'Funding Completed'],
      [42, 3, 'D-3', 'Funding Completed'],
    ]);
  });

  it('ignores column-group headers and picks the grid that has the columns', () => {
    gridPage(document, { columns: [{ label: 'Nickname' }, { label: 'Bank ID' }], rows: [{ Nickname: 'Operating', 'Bank ID': 'OPER' }] });
    gridPage(document, { columns: DISBURSEMENT_COLUMNS.map((label) => ({ label })), rows: [row(9)], groupHeader: 'Drawdown Status' });
    const grid = readGrid(document, spec);
    expect(grid.ok && grid.rows.map((r) => r.text.number)).toEqual(['D-9']);
  });

  it('skips pinned total rows', () => {
    const root = gridPage(document, { columns: DISBURSEMENT_COLUMNS.map((label) => ({ label })), rows: [row(1)] });
    const floating = document.createElement('div');
    floating.className = 'ag-floating-bottom';
    const total = root.querySelector('.ag-row')!.cloneNode(true) as Element;
    floating.append(total);
    root.append(floating);
    const grid = readGrid(document, spec);
    expect(grid.ok && grid.rows.length).toBe(1);
  });
});
