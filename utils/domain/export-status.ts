import type { RequestStatus } from './schemas/request-detail';

/**
 * A request detail's free-text status as the extension acts on it (PROCORE-CONTRACT.md):
 * `success` → in the ERP, `failed` → failed, anything containing "stale" → stale (failed,
 * TRANSIENT), anything else (absent included) → still syncing.
 */
export function exportStatusOf(word: string | null | undefined): RequestStatus {
  const normal = (word ?? '').trim().toLowerCase();
  if (normal.includes('stale')) return 'stale';
  if (normal === 'success') return 'success';
  if (normal === 'failed') return 'failed';
  return 'in_progress';
}
