import { useEffect, useMemo, useState } from 'react';
import type { Watch } from '../../utils/domain/watch';
import { sendMessage } from '../../utils/message-client';
import {
  failuresBy,
  failuresByCauseOverTime,
  formatShare,
  reExportRate,
  syncTimeHistogram,
  windowShare,
} from '../../utils/view/sync-health';
import { Button } from '../common/Button';
import { Notice } from '../common/Notice';
import { rangeOf, toDateInput } from './date-range';
import { FailureBreakdown } from './FailureBreakdown';
import { FailuresOverTimeChart } from './FailuresOverTimeChart';
import { SyncTimeChart } from './SyncTimeChart';

const DAY = 86_400_000;
const PRESETS = [7, 30, 90];

/** Sync health over weeks: how fast records reach the ERP, what fails, and whether fixes work. */
export function Dashboard({ windowMs, now: fixedNow }: { windowMs: number; now?: number }) {
  // The page's clock is read once: ranges and shares are as of opening the page (or the test's time).
  const [now] = useState(() => fixedNow ?? Date.now());
  const [from, setFrom] = useState(() => toDateInput(now - 29 * DAY));
  const [to, setTo] = useState(() => toDateInput(now));
  const [watches, setWatches] = useState<Watch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const range = rangeOf(from, to);

  const rangeFrom = range?.from;
  const rangeTo = range?.to;
  useEffect(() => {
    if (rangeFrom === undefined || rangeTo === undefined) return;
    let alive = true;
    sendMessage('history.list', { from: rangeFrom, to: rangeTo }).then(
      (list) => {
        if (!alive) return;
        setWatches(list);
        setError(null);
      },
      (reason: unknown) => alive && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      alive = false;
    };
  }, [rangeFrom, rangeTo]);

  const stats = useMemo(() => {
    if (!watches) return null;
    const share = windowShare(watches, windowMs, now);
    return {
      share,
      bins: syncTimeHistogram(watches, windowMs),
      days: failuresByCauseOverTime(watches),
      byErp: failuresBy(watches, (w) => w.erpName),
      byBank: failuresBy(watches, (w) => w.bankId || '(none)'),
      reexport: reExportRate(watches),
    };
  }, [watches, windowMs, now]);

  const minutes = Math.round((windowMs / 60_000) * 10) / 10;
  return (
    <section id="dashboard" aria-labelledby="dashboard-title" className="dashboard">
      <h2 id="dashboard-title">Sync health</h2>
      <div className="range-filter" role="group" aria-label="Date range">
        <label>
          From <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        {PRESETS.map((days) => (
          <Button
            key={days}
            small
            aria-pressed={from === toDateInput(now - (days - 1) * DAY) && to === toDateInput(now)}
            onClick={() => {
              setFrom(toDateInput(now - (days - 1) * DAY));
              setTo(toDateInput(now));
            }}
          >
            Last {days} days
          </Button>
        ))}
      </div>
      {!range && <Notice tone="warn" title="Choose a start day on or before the end day." />}
      {error && <Notice tone="danger" title="The history could not be loaded"><p>{error}</p></Notice>}
      {stats && (
        <>
          <dl className="stat-cards">
            <div className="stat">
              <dt>Synced inside {minutes} min</dt>
              <dd className="stat-value">{formatShare(stats.share.share)}</dd>
              <dd className="hint">{stats.share.inside} of {stats.share.settled} settled records</dd>
            </div>
            <div className="stat">
              <dt>Failures</dt>
              <dd className="stat-value">{stats.days.reduce((n, d) => n + d.total, 0)}</dd>
              <dd className="hint">of {watches?.length ?? 0} records funded in range</dd>
            </div>
            <div className="stat">
              <dt>Re-export success</dt>
              <dd className="stat-value">{formatShare(stats.reexport.rate)}</dd>
              <dd className="hint">
                {stats.reexport.succeeded} of {stats.reexport.succeeded + stats.reexport.failed} finished
                {stats.reexport.pending ? `, ${stats.reexport.pending} in flight` : ''}
              </dd>
            </div>
          </dl>
          <div className="chart-grid">
            <SyncTimeChart bins={stats.bins} windowMs={windowMs} insideText={formatShare(stats.share.share)} />
            <FailuresOverTimeChart days={stats.days} />
            <FailureBreakdown title="Failures by ERP connector" groupLabel="ERP" groups={stats.byErp} />
            <FailureBreakdown title="Failures by Bank ID" groupLabel="Bank ID" groups={stats.byBank} />
          </div>
        </>
      )}
      {!stats && !error && range && <p>Loading history…</p>}
    </section>
  );
}
