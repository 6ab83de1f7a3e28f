import type { DBSchema } from 'idb';
import type { AuditEntry } from '../domain/audit-entry';
import type { Watch } from '../domain/watch';
import type { ReExportIntent } from './re-export-intent';
import type { Lease } from './lease';

export interface EngineDbSchema extends DBSchema {
  watches: {
    key: string;
    value: Watch;
    indexes: { 'by-state': string; 'by-company': string; 'by-disbursement': string; 'by-synced-at': number };
  };
  audit: { key: number; value: AuditEntry; indexes: { 'by-at': number; 'by-payout': string } };
  intents: { key: string; value: ReExportIntent };
  locks: { key: string; value: Lease };
  /** Settings, per-company cursors, engine status: small values read whole. */
  meta: { key: string; value: unknown };
}
