import type { SyncTimeBin } from '../../utils/view/sync-health';
import { ChartFigure } from './ChartFigure';
import { ValueAxis } from './ValueAxis';

const W = 440;
const H = 190;
const PAD = { left: 36, right: 8, top: 22, bottom: 34 };

const minutes = (ms: number) => `${Math.round((ms / 60_000) * 10) / 10}`;
const binLabel = (bin: SyncTimeBin) => (bin.toMs === null ? `${minutes(bin.fromMs)}+ min` : `${minutes(bin.fromMs)}–${minutes(bin.toMs)} min`);

/** How long records took to reach the ERP, against the sync window. */
export function SyncTimeChart({ bins, windowMs, insideText }: { bins: SyncTimeBin[]; windowMs: number; insideText: string }) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const barW = plotW / bins.length;
  const insideBins = bins.filter((b) => b.insideWindow).length;
  const windowX = PAD.left + insideBins * barW;
  const total = bins.reduce((n, b) => n + b.count, 0);
  return (
    <ChartFigure
      title="Time to reach the ERP"
      summary={`${total} synced record${total === 1 ? '' : 's'}; ${insideText} of settled records synced inside the ${minutes(windowMs)}-minute window.`}
      table={{ head: ['Sync time', 'Records', 'Inside the window'], rows: bins.map((b) => [binLabel(b), b.count, b.insideWindow ? 'yes' : 'no']) }}
      chart={
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" aria-hidden="true" focusable="false">
          <ValueAxis width={W} pad={PAD} plotH={plotH} max={max} maxTickOffset={4} />
          {bins.map((bin, i) => {
            const h = (bin.count / max) * plotH;
            return (
              <g key={i}>
                <rect
                  x={PAD.left + i * barW + 2}
                  y={PAD.top + plotH - h}
                  width={barW - 4}
                  height={h}
                  className={bin.insideWindow ? 'bar-inside' : 'bar-outside'}
                >
                  <title>{`${binLabel(bin)}: ${bin.count}`}</title>
                </rect>
                {i % 2 === 0 && (
                  <text x={PAD.left + i * barW} y={H - 18} className="tick" textAnchor="middle">{minutes(bin.fromMs)}</text>
                )}
              </g>
            );
          })}
          <text x={W - PAD.right} y={H - 4} className="tick" textAnchor="end">minutes after Funding Complete</text>
          <line x1={windowX} x2={windowX} y1={PAD.top - 8} y2={PAD.top + plotH} className="window-line" />
          <text x={windowX - 4} y={PAD.top - 10} className="window-label" textAnchor="end">◀ inside window</text>
          <text x={windowX + 4} y={PAD.top - 10} className="window-label">late ▶</text>
        </svg>
      }
    />
  );
}
