import type { RequestDetail } from './schemas/request-detail';
import type { WatchRequest } from './watch';

export function toWatchRequest(detail: RequestDetail): WatchRequest {
  return { id: detail.id, status: detail.status, messages: detail.messages, updatedAt: Date.parse(detail.updated_at) };
}

/** The latest request detail per payout: the one that decides the record's state. */
export function latestByPayout(details: readonly RequestDetail[]): Map<string, RequestDetail> {
  const latest = new Map<string, RequestDetail>();
  for (const detail of details) {
    const held = latest.get(detail.item_id);
    const newer =
      !held ||
      Date.parse(detail.created_at) > Date.parse(held.created_at) ||
      (detail.created_at === held.created_at && Date.parse(detail.updated_at) >= Date.parse(held.updated_at));
    if (newer) latest.set(detail.item_id, detail);
  }
  return latest;
}
