// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDisbursementRows } from '../../../utils/page/disbursements-grid';
import { readFailedExportRows } from '../../../utils/page/failed-exports-grid';
import { gridPage, type ColumnSpec } from './ag-grid-page';

const EXTRA = ['Name', 'Funding Account', 'Created By', 'Created On', 'Workflow Status', 'Notes', 'Drawdown', 'Status'];

/** A random Disbursements page: any column order and pinning, extra or missing columns, any layout. */
const pageArb = fc
  .record({
    hasNumber: fc.boolean(),
    hasStatus: fc.boolean(),
    numberLabel: fc.constantFrom('Disbursement No.', 'Disbursement ID', 'Disbursement #'),
    extras: fc.subarray(EXTRA),
    pins: fc.array(fc.constantFrom<ColumnSpec['pinned']>(undefined, 'left', 'right'), { minLength: 12, maxLength: 12 }),
    seed: fc.integer(),
    layout: fc.constantFrom<'current' | 'legacy'>('current', 'legacy'),
    firstIndex: fc.nat(5000),
    rows: fc.array(
      fc.record({
        id: fc.string({ minLength: 0, maxLength: 12 }),
        status: fc.constantFrom('Funding Completed', 'Funding Complete', 'Draft', 'Funding Failed', '<img src=x onerror=alert(1)>'),
      }),
      { maxLength: 30 },
    ),
  })
  .chain((page) => fc.record({ page: fc.constant(page), order: fc.shuffledSubarray([...page.rows.keys()], { minLength: page.rows.length }) }));

describe('grid readers on generated pages', () => {
  it('never throw, recognise a page exactly when its columns are there, and key each record by its own row', () => {
    fc.assert(
      fc.property(pageArb, ({ page, order }) => {
        document.body.replaceChildren();
        const labels = [...(page.hasNumber ? [page.numberLabel] : []), ...(page.hasStatus ? ['Drawdown Status'] : []), ...page.extras];
        // Deterministic shuffle of the column order from the seed.
        const columns = labels
          .map((label, i) => ({ label, pinned: page.pins[i], sort: (page.seed * (i + 7)) % 13 }))
          .sort((a, b) => a.sort - b.sort)
          .map(({ label, pinned }) => ({ label, pinned }));
        gridPage(document, {
          columns,
          layout: page.layout,
          firstIndex: page.firstIndex,
          domOrder: order,
          rows: page.rows.map((r) => ({ [page.numberLabel]: r.id, 'Drawdown Status': r.status, Status: 'decoy', Drawdown: 'decoy' })),
        });
        const read = readDisbursementRows(document);
        expect(read.ok).toBe(page.hasNumber && page.hasStatus);
        if (!read.ok) {
          expect(read.missing.length).toBeGreaterThan(0);
          return;
        }
        const seen = new Set<string>();
        for (const record of read.records) {
          const source = page.rows[record.rowIndex - page.firstIndex]!;
          const id = source.id.replace(/\s+/g, ' ').trim();
          expect(record.key).toBe(id);
          expect(seen.has(id)).toBe(false);
          seen.add(id);
          // The anchor is a cell of this very row, showing this row's status.
          const part = record.anchor.closest('.ag-row')!;
          expect(Number(part.getAttribute('row-index'))).toBe(record.rowIndex);
          expect(record.anchor.textContent).toBe(source.status);
          expect(record.data.fundingComplete).toBe(/^Funding Complete/.test(source.status));
        }
        const expected = new Set(page.rows.map((r) => r.id.replace(/\s+/g, ' ').trim()).filter(Boolean));
        expect(seen).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('never throw on arbitrary header and cell text in the Failed to Export table', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), fc.array(fc.array(fc.string(), { maxLength: 8 }), { maxLength: 10 }), (headers, cells) => {
        document.body.replaceChildren();
        gridPage(document, {
          columns: headers.map((label) => ({ label })),
          rows: cells.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? '']))),
        });
        const read = readFailedExportRows(document);
        expect(typeof read.ok).toBe('boolean');
      }),
      { numRuns: 100 },
    );
  });
});
