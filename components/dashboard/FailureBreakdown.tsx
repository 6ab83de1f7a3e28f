import type { FailureCount } from '../../utils/view/sync-health';
import { formatShare } from '../../utils/view/sync-health';
import { ChartFigure } from './ChartFigure';

/** Failures out of all records per group (an ERP, a Bank ID), as bars with their numbers written. */
export function FailureBreakdown({ title, groupLabel, groups }: { title: string; groupLabel: string; groups: FailureCount[] }) {
  const worst = groups[0];
  return (
    <ChartFigure
      title={title}
      summary={
        !worst || worst.failed === 0
          ? `No failure among ${groups.reduce((n, g) => n + g.total, 0)} records.`
          : `Most failures: ${worst.key}, ${worst.failed} of ${worst.total} records (${formatShare(worst.rate)}).`
      }
      table={{ head: [groupLabel, 'Failed', 'Records', 'Failure rate'], rows: groups.map((g) => [g.key, g.failed, g.total, formatShare(g.rate)]) }}
      chart={
        <div className="hbars" aria-hidden="true">
          {groups.slice(0, 8).map((g) => (
            <div key={g.key} className="hbar-row">
              <span className="hbar-label" title={g.key}>{g.key}</span>
              <span className="hbar-track">
                <span className="hbar-fill" style={{ width: `${Math.max(g.failed ? 2 : 0, g.rate * 100)}%` }} />
              </span>
              <span className="hbar-value">{g.failed} of {g.total} ({formatShare(g.rate)})</span>
            </div>
          ))}
        </div>
      }
    />
  );
}
