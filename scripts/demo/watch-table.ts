import { CAUSE_LABELS } from '../../utils/view/cause-label';
import { formatCountdown } from '../../utils/view/duration';
import type { Watch, WatchState } from '../../utils/domain/watch';

const STATE_ORDER: WatchState[] = ['overdue', 'failed', 're_exporting', 'escalate', 'syncing', 'not_exportable', 'awaiting_funding', 'synced', 'dismissed'];
const MAX_ROWS = 30;

/**
 * What the extension is tracking, as a plain-text table for a terminal: payout, beneficiary,
 * state, countdown (mm:ss, while syncing) and cause. Pure: `now` is passed in.
 */
export function watchTable(watches: Watch[], now: number): string {
  const sorted = [...watches].sort(
    (a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || (a.deadline ?? Infinity) - (b.deadline ?? Infinity) || a.payoutId.localeCompare(b.payoutId),
  );
  const rows = sorted.slice(0, MAX_ROWS).map((w) => [
    w.payoutId,
    `${w.disbursementNumber} ${w.invoiceNumber}`,
    printable(w.beneficiaryName),
    w.state,
    w.state === 'syncing' && w.deadline !== null ? formatCountdown(w.deadline, now) : '',
    w.diagnosis ? CAUSE_LABELS[w.diagnosis.cause] : (w.notExportableReason ?? ''),
  ]);
  const header = ['payout', 'disbursement / invoice', 'beneficiary', 'state', 'countdown', 'cause'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] as string).length))));
  const line = (cells: string[]) => cells.map((c, i) => clip(c, widths[i] as number).padEnd(widths[i] as number)).join('  ').trimEnd();
  const counts = STATE_ORDER.map((s) => [s, watches.filter((w) => w.state === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  const more = sorted.length > MAX_ROWS ? [`… and ${sorted.length - MAX_ROWS} more`] : [];
  return [`${watches.length} payment records tracked${counts ? ` (${counts})` : ''}`, line(header), ...rows.map(line), ...more].join('\n');
}

/** A name with control characters (a terminal escape, say) is shown JSON-quoted: visible and inert. */
function printable(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : JSON.stringify(text);
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
