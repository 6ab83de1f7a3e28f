import type { Cause } from '../domain/cause';
import type { Watch } from '../domain/watch';

/** One bar of the sync-time distribution: records that reached the ERP within [fromMs, toMs). */
export interface SyncTimeBin {
  fromMs: number;
  /** null for the last bin: everything slower. */
  toMs: number | null;
  count: number;
  /** Whether the whole bin lies inside the sync window. */
  insideWindow: boolean;
}

export interface WindowShare {
  /** Records whose outcome is known: synced, or their window has passed. */
  settled: number;
  /** Of those, synced inside the window. */
  inside: number;
  /** inside / settled, or null when nothing settled. */
  share: number | null;
}

export interface FailureCount {
  key: string;
  total: number;
  failed: number;
  /** failed / total */
  rate: number;
}

export interface CauseDay {
  day: string;
  counts: Partial<Record<Cause, number>>;
  total: number;
}

export interface ReExportRate {
  succeeded: number;
  failed: number;
  pending: number;
  /** succeeded / (succeeded + failed), or null before any attempt finished. */
  rate: number | null;
}

/** The time a record took to reach the ERP, when both ends are known. */
export function syncDuration(watch: Watch): number | null {
  if (watch.syncedAt === null || watch.fundingCompletedAt === null) return null;
  return Math.max(0, watch.syncedAt - watch.fundingCompletedAt);
}

/**
 * Sync times in bins one tenth of the window wide, up to one and a half windows; the last bin
 * holds everything slower.
 */
export function syncTimeHistogram(watches: readonly Watch[], windowMs: number): SyncTimeBin[] {
  const width = windowMs / 10;
  const bins: SyncTimeBin[] = Array.from({ length: 16 }, (_, i) => ({
    fromMs: i * width,
    toMs: i === 15 ? null : (i + 1) * width,
    count: 0,
    insideWindow: i < 10,
  }));
  for (const watch of watches) {
    const duration = syncDuration(watch);
    if (duration === null) continue;
    const bin = bins[Math.min(15, Math.floor(duration / width))];
    if (bin) bin.count += 1;
  }
  return bins;
}

/** The share of settled records that reached the ERP inside the window, at `now`. */
export function windowShare(watches: readonly Watch[], windowMs: number, now: number): WindowShare {
  let settled = 0;
  let inside = 0;
  for (const watch of watches) {
    if (watch.fundingCompletedAt === null || watch.state === 'awaiting_funding') continue;
    const duration = syncDuration(watch);
    if (duration !== null) {
      settled += 1;
      if (duration <= windowMs) inside += 1;
    } else if (now > watch.fundingCompletedAt + windowMs) {
      settled += 1;
    }
  }
  return { settled, inside, share: settled ? inside / settled : null };
}

/** The cause a record failed for, if it ever failed (a record cured by a re-export keeps it). */
export function failureCause(watch: Watch): Cause | null {
  if (watch.diagnosis) return watch.diagnosis.cause;
  if (watch.attempts[0]) return watch.attempts[0].cause;
  if (watch.state === 'failed' || watch.state === 'escalate') return 'UNKNOWN';
  return null;
}

/** A local calendar day, "2026-11-15". */
export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Failures per funding day and cause, days in order. */
export function failuresByCauseOverTime(watches: readonly Watch[], dayOf: (at: number) => string = localDay): CauseDay[] {
  const days = new Map<string, CauseDay>();
  for (const watch of watches) {
    const cause = failureCause(watch);
    if (!cause || watch.fundingCompletedAt === null) continue;
    const day = dayOf(watch.fundingCompletedAt);
    const entry = days.get(day) ?? { day, counts: {}, total: 0 };
    entry.counts[cause] = (entry.counts[cause] ?? 0) + 1;
    entry.total += 1;
    days.set(day, entry);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Records and failures grouped by a key (the ERP, the Bank ID), most failures first. */
export function failuresBy(watches: readonly Watch[], keyOf: (watch: Watch) => string): FailureCount[] {
  const groups = new Map<string, FailureCount>();
  for (const watch of watches) {
    if (watch.fundingCompletedAt === null) continue;
    const key = keyOf(watch);
    const group = groups.get(key) ?? { key, total: 0, failed: 0, rate: 0 };
    group.total += 1;
    if (failureCause(watch)) group.failed += 1;
    group.rate = group.failed / group.total;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.failed - a.failed || a.key.localeCompare(b.key));
}

/** How often a corrective re-export got the record into the ERP. */
export function reExportRate(watches: readonly Watch[]): ReExportRate {
  let succeeded = 0;
  let failed = 0;
  let pending = 0;
  for (const watch of watches) {
    for (const attempt of watch.attempts) {
      if (attempt.outcome === 'synced') succeeded += 1;
      else if (attempt.outcome === 'pending') pending += 1;
      else failed += 1;
    }
  }
  const finished = succeeded + failed;
  return { succeeded, failed, pending, rate: finished ? succeeded / finished : null };
}

/** A share as a whole percentage, "87%", or "no data". */
export function formatShare(share: number | null): string {
  return share === null ? 'no data' : `${Math.round(share * 100)}%`;
}
