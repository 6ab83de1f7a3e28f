import { erpLabel } from './erp-label';
import type { Watch } from './watch';
import type { NotifyKind } from './watch-effect';

function payments(n: number): string {
  return n === 1 ? '1 payment' : `${n} payments`;
}

// A window under a minute (sandbox tests) is said in seconds, not rounded up to "1 minute".
function minutes(windowMs: number): string {
  const m = Math.round(windowMs / 60000);
  return windowMs >= 60000 ? `${m} minute${m === 1 ? '' : 's'}` : `${Math.round(windowMs / 1000)} seconds`;
}

/** One line per kind, e.g. "3 payments not in QuickBooks Online after 10 minutes". */
export function kindLine(kind: NotifyKind, watches: readonly Watch[], windowMs: number): string {
  const erp = erpLabel(watches[0]!.connector, watches[0]!.erpName);
  const n = watches.length;
  switch (kind) {
    case 'overdue':
      return `${payments(n)} not in ${erp} after ${minutes(windowMs)}`;
    case 'failed': {
      const causes = [...new Set(watches.map((w) => w.diagnosis?.summary).filter(Boolean))];
      const why = causes.length === 1 ? `: ${causes[0]}` : '';
      return `${payments(n)} failed to export to ${erp}${why}`;
    }
    case 'synced_after_fix':
      return `${payments(n)} re-exported and now in ${erp}`;
    case 'escalated':
      return `${payments(n)} still failing after the known fixes: contact ${erp} support (a support summary is ready)`;
  }
}

const ORDER: NotifyKind[] = ['escalated', 'failed', 'overdue', 'synced_after_fix'];

/** The grouped notification of one company for one cycle. */
export function companyNotification(byKind: Map<NotifyKind, Watch[]>, windowMs: number, companyName?: string): { title: string; message: string } {
  const kinds = ORDER.filter((k) => byKind.get(k)?.length);
  const lines = kinds.map((k) => kindLine(k, byKind.get(k)!, windowMs));
  const onlyGood = kinds.length === 1 && kinds[0] === 'synced_after_fix';
  const what = onlyGood ? 'payments fixed' : 'payments need attention';
  return { title: companyName ? `${companyName}: ${what}` : `ERP Sync Watch: ${what}`, message: lines.join('\n') };
}
