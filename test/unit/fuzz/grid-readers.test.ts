// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFundingAccountRows } from '../../../utils/page/funding-accounts-grid';
import { readPayoutRows } from '../../../utils/page/payments-card-grid';
import { gridPage, type ColumnSpec, type GridPageSpec } from '../page/ag-grid-page';

/*
 * The readers the overlays draw by, on generated pages: hostile cell text (markup, formulas,
 * whitespace, any Unicode), any column order and pinning, both AG Grid layouts, rows attached to
 * the DOM out of order and scrolled. They never throw, and every record they return sits on the
 * row its own cells describe: an overlay is never drawn on another record's row.
 */

const HOSTILE = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', '=HYPERLINK("http://x")', '  padded  ', '\n', '10,043', 'Next Check No.', 'Bank ID'),
);
const pin = fc.constantFrom<ColumnSpec['pinned']>(undefined, 'left', 'right');
const layoutArb = fc.record({ layout: fc.constantFrom<'current' | 'legacy'>('current', 'legacy'), firstIndex: fc.nat(3000), seed: fc.nat() });
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

function shuffle<T>(items: T[], seed: number): T[] {
  return items
    .map((item, i) => ({ item, key: (seed * 31 + i * 17) % 101 }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

function render(spec: GridPageSpec, seed: number): void {
  document.body.replaceChildren();
  gridPage(document, { ...spec, domOrder: shuffle([...spec.rows.keys()], seed) });
}

describe('funding accounts reader on generated pages', () => {
  const rowsArb = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z0-9_]{1,8}$/), bank: HOSTILE, next: HOSTILE, nickname: HOSTILE }), { selector: (r) => r.id, maxLength: 20 });

  it('never throws and keys each account to its own row', () => {
    fc.assert(
      fc.property(rowsArb, layoutArb, fc.array(pin, { minLength: 4, maxLength: 4 }), (rows, { layout, firstIndex, seed }, pins) => {
        const columns = shuffle(['Nickname', 'Bank ID', 'Next Check No.', 'Actions'], seed).map((label, i) => ({ label, pinned: pins[i] }));
        render(
          {
            columns,
            layout,
            firstIndex,
            rows: rows.map((r) => ({ Nickname: r.nickname, 'Bank ID': r.bank, 'Next Check No.': r.next, Actions: { text: 'Edit', href: `/8089/company/payments/settings/funding_accounts/${r.id}/edit` } })),
          },
          seed,
        );
        const read = readFundingAccountRows(document);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        for (const record of read.records) {
          const source = rows[record.rowIndex - firstIndex]!;
          expect(record.key).toBe(source.id);
          expect(record.data.bankId).toBe(norm(source.bank));
          expect(record.anchor.closest('.ag-row')?.getAttribute('row-index')).toBe(String(record.rowIndex));
          expect(norm(record.anchor.textContent ?? '')).toBe(norm(source.next));
          const digits = norm(source.next).replace(/,/g, '');
          expect(record.data.nextCheckNumber).toBe(/^\d+$/.test(digits) ? Number(digits) : null);
        }
        // Only rows without a Bank ID are left out.
        expect(read.records.map((r) => r.key).sort()).toEqual(rows.filter((r) => norm(r.bank) !== '').map((r) => r.id).sort());
      }),
      { numRuns: 120 },
    );
  });
});

describe('payments card reader on generated pages', () => {
  const rowsArb = fc.uniqueArray(fc.record({ invoice: HOSTILE, status: HOSTILE, beneficiary: HOSTILE, check: HOSTILE }), { selector: (r) => norm(r.invoice), maxLength: 20 });

  it('never throws and keys each payout to its own row', () => {
    fc.assert(
      fc.property(rowsArb, layoutArb, fc.array(pin, { minLength: 5, maxLength: 5 }), fc.boolean(), (rows, { layout, firstIndex, seed }, pins, hasStatus) => {
        const labels = ['Invoice No.', 'Beneficiary Name', 'Payment Amount', 'Check No.', ...(hasStatus ? ['Payment Status'] : [])];
        const columns = shuffle(labels, seed).map((label, i) => ({ label, pinned: pins[i] }));
        render(
          {
            columns,
            layout,
            firstIndex,
            rows: rows.map((r) => ({ 'Invoice No.': r.invoice, 'Payment Status': r.status, 'Beneficiary Name': r.beneficiary, 'Check No.': r.check, 'Payment Amount': '$1.00' })),
          },
          seed,
        );
        const read = readPayoutRows(document);
        // A page without the Payment Status column is not recognised (the overlay says so) rather than misread.
        expect(read.ok).toBe(hasStatus);
        if (!read.ok) return;
        for (const record of read.records) {
          const source = rows[record.rowIndex - firstIndex]!;
          expect(record.key).toBe(norm(source.invoice));
          expect(record.data.paymentStatus).toBe(norm(source.status));
          expect(record.anchor.closest('.ag-row')?.getAttribute('row-index')).toBe(String(record.rowIndex));
        }
        expect(read.records.map((r) => r.key).sort()).toEqual(rows.map((r) => norm(r.invoice)).filter(Boolean).sort());
        // Hostile text stays text.
        expect(document.querySelector('.ag-root-wrapper img')).toBeNull();
      }),
      { numRuns: 120 },
    );
  });
});
