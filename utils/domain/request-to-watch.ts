import { exportStatusOf } from './export-status';
import type { RequestDetail } from './schemas/request-detail';
import type { WatchRequest } from './watch';

export function toWatchRequest(detail: RequestDetail): WatchRequest {
  return { id: detail.id, status: exportStatusOf(detail.status), messages: detail.messages, updatedAt: Date.parse(detail.updated_at ?? detail.created_at ?? '') || 0 };
}

/** The latest of one contract payment's request details: the one that decides the record's state. */
export function latestRequest(details: readonly RequestDetail[]): RequestDetail | null {
  let latest: RequestDetail | null = null;
  for (const detail of details) {
    const at = (d: RequestDetail) => Date.parse(d.created_at ?? '') || 0;
    const newer = !latest || at(detail) > at(latest) || (at(detail) === at(latest) && (Date.parse(detail.updated_at ?? '') || 0) >= (Date.parse(latest.updated_at ?? '') || 0));
    if (newer) latest = detail;
  }
  return latest;
}
