import type { Verdict } from './budgets';

export interface TableRow {
  section: string;
  figure: string;
  value: string;
  budget?: string;
  verdict?: string;
}

function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function verdictRow(section: string, verdict: Verdict): TableRow {
  return {
    section,
    figure: verdict.label,
    value: `${fmt(verdict.value)} ${verdict.unit}`.trim(),
    budget: `≤ ${fmt(verdict.limit)} ${verdict.unit}`.trim(),
    verdict: verdict.holds ? 'holds' : verdict.holdsWithMargin ? 'over (within margin)' : `BROKEN (${fmt(verdict.value / (verdict.limit || 1))}× limit)`,
  };
}

export function figureRow(section: string, figure: string, value: number | string, unit = ''): TableRow {
  return { section, figure, value: typeof value === 'number' ? `${fmt(value)} ${unit}`.trim() : value };
}

/** One plain-text table, columns padded to their widest cell. */
export function renderTable(rows: readonly TableRow[]): string {
  const header: TableRow = { section: 'section', figure: 'figure', value: 'value', budget: 'budget', verdict: 'verdict' };
  const cells = [header, ...rows].map((r) => [r.section, r.figure, r.value, r.budget ?? '', r.verdict ?? '']);
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join(' │ ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.slice(1).map(line)].join('\n');
}
