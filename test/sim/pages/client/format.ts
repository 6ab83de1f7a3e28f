import { formatCents } from '../../../../utils/domain/money';
import type { DisbursementStatus } from '../../vocabulary';

export { formatCents };

/** Drawdown Status as the Payments tool labels it (PROCORE-UI-FACTS.md 1.3). */
export function drawdownStatusLabel(status: DisbursementStatus): string {
  switch (status) {
    case 'FUNDING_NOT_INITIATED':
      return 'Draft';
    case 'FUNDING_REQUESTED':
      return 'Funding Requested';
    case 'FUNDING_FAILED':
      return 'Funding Failed';
    default:
      return 'Funding Completed';
  }
}

const PAYOUT_STATUS_LABELS: Record<string, string> = {
  NOT_INITIATED: 'Not Initiated',
  REQUESTED: 'Requested',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
};

export function payoutStatusLabel(status: string): string {
  return PAYOUT_STATUS_LABELS[status] ?? status;
}

/** "11/15/2026" in the viewer's zone, as Procore's tables show dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '--';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '--';
  return date.toLocaleDateString('en-US', { year: 'numeric', month: '2-digit', day: '2-digit' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '--';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '--';
  return date.toLocaleString('en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** "$1,234.56" typed by a person, to integer cents; null when it is not an amount. */
export function parseDollars(text: string): number | null {
  const match = /^\s*\$?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const whole = Number((match[1] as string).replace(/,/g, ''));
  const fraction = Number((match[2] ?? '0').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  return Number.isSafeInteger(cents) ? cents : null;
}
