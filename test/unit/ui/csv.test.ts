import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../utils/csv';
import { auditCsv } from '../../../utils/view/audit-csv';
import { historyCsv } from '../../../utils/view/history-csv';
import { makeWatch } from '../fixtures/make-watch';

describe('CSV', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}HYPERLINK("http://x")`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('Acme')).toBe('Acme');
    expect(csvCell(-5)).toBe('-5');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Smith, Jones "LLC"')).toBe('"Smith, Jones ""LLC"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(toCsv(['a', 'b'], [[1, null], ['x', true]])).toBe('a,b\r\n1,\r\nx,true\r\n');
  });

  it('exports history with names, cents as decimals and a hostile beneficiary defused', () => {
    const csv = historyCsv(
      [makeWatch({ beneficiaryName: '=cmd|"/c calc"!A1', amountCents: 123456, state: 'synced', syncedAt: 1_240_000 })],
      new Map([['8089', 'Builder Co']]),
    );
    const [header, line] = csv.split('\r\n');
    expect(header).toContain('Beneficiary');
    expect(line).toContain('Builder Co');
    expect(line).toContain('1234.56');
    expect(line).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(line).toMatch(/,240,0$/);
  });

  it('exports the audit log', () => {
    const csv = auditCsv([
      { at: Date.UTC(2026, 10, 15, 17, 0), payoutId: 'po_1', companyId: '8089', actor: 'user', action: 'reexport', before: 'failed', after: 're_exporting', why: '+ new check number' },
    ]);
    expect(csv.split('\r\n')[1]).toBe("2026-11-15T17:00:00.000Z,user,reexport,po_1,8089,failed,re_exporting,'+ new check number");
  });
});
