import { CAUSES, type Cause } from '../../utils/domain/cause';
import { CAUSE_LABELS } from '../../utils/view/cause-label';
import type { CauseDay } from '../../utils/view/sync-health';
import { ChartFigure } from './ChartFigure';
import { ValueAxis } from './ValueAxis';

// Distinguishable hues (Okabe–Ito based); the legend names each, and the table holds the numbers.
const CAUSE_COLORS: Record<Cause, string> = {
  DUPLICATE_CHECK_NUMBER: '#b45309',
  INVALID_BANK_ID: '#1d4ed8',
  INVOICE_NOT_SYNCED: '#047857',
  VENDOR_NOT_SYNCED: '#7c3aed',
  AMOUNT_REJECTED: '#be185d',
  TAX_OR_MARKUP_UNSUPPORTED: '#0e7490',
  PERIOD_CLOSED: '#4d7c0f',
  TRANSIENT: '#64748b',
  UNKNOWN: '#111827',
};

const W = 440;
const H = 190;
const PAD = { left: 36, right: 8, top: 10, bottom: 30 };

/** Failures per funding day, stacked by cause. */
export function FailuresOverTimeChart({ days }: { days: CauseDay[] }) {
  const present = CAUSES.filter((c) => days.some((d) => d.counts[c]));
  const max = Math.max(1, ...days.map((d) => d.total));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.min(40, slot * 0.7);
  const total = days.reduce((n, d) => n + d.total, 0);
  const top = present.map((c) => ({ c, n: days.reduce((s, d) => s + (d.counts[c] ?? 0), 0) })).sort((a, b) => b.n - a.n)[0];
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <ChartFigure
      title="Failures by cause over time"
      summary={
        total === 0
          ? 'No failure in this range.'
          : `${total} failure${total === 1 ? '' : 's'} over ${days.length} day${days.length === 1 ? '' : 's'}; most often: ${CAUSE_LABELS[top!.c]} (${top!.n}).`
      }
      table={{ head: ['Day', ...present.map((c) => CAUSE_LABELS[c]), 'Total'], rows: days.map((d) => [d.day, ...present.map((c) => d.counts[c] ?? 0), d.total]) }}
      chart={
        <>
          <svg viewBox={`0 0 ${W} ${H}`} width="100%" aria-hidden="true" focusable="false">
            <ValueAxis width={W} pad={PAD} plotH={plotH} max={max} maxTickOffset={8} />
            {days.map((d, i) => {
              const x = PAD.left + i * slot + (slot - barW) / 2;
              let y = PAD.top + plotH;
              return (
                <g key={d.day}>
                  {present.map((c) => {
                    const n = d.counts[c] ?? 0;
                    if (!n) return null;
                    const h = (n / max) * plotH;
                    y -= h;
                    return (
                      <rect key={c} x={x} y={y} width={barW} height={h} fill={CAUSE_COLORS[c]} stroke="#fff" strokeWidth={1}>
                        <title>{`${d.day}, ${CAUSE_LABELS[c]}: ${n}`}</title>
                      </rect>
                    );
                  })}
                  {i % labelEvery === 0 && (
                    <text x={x + barW / 2} y={H - 12} className="tick" textAnchor="middle">{d.day.slice(5)}</text>
                  )}
                </g>
              );
            })}
          </svg>
          <ul className="legend" aria-hidden="true">
            {present.map((c) => (
              <li key={c}><span className="swatch" style={{ background: CAUSE_COLORS[c] }} />{CAUSE_LABELS[c]}</li>
            ))}
          </ul>
        </>
      }
    />
  );
}
