import { toCsv } from '../csv';
import type { AuditEntry } from '../domain/audit-entry';

/** The audit log as CSV: who or what did what, when, before → after, why. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv(
    ['At', 'Actor', 'Action', 'Payout ID', 'Company ID', 'Before', 'After', 'Why'],
    entries.map((e) => [new Date(e.at).toISOString(), e.actor, e.action, e.payoutId, e.companyId, e.before, e.after, e.why]),
  );
}
