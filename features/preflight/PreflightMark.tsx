import type { PreflightIssue } from '../../utils/messaging';
import { issueMarkText, issueMessage } from '../../utils/overlay/preflight-text';
import { PopoverPill } from '../../components/overlay/PopoverPill';

/**
 * Beside an invoice being chosen for payment: what would make its payment fail to export. The
 * invoice number's cell is narrow, so the mark is the warning sign and a count; its name, the
 * pointer's tooltip and its popover say what is wrong.
 */
export function PreflightMark({ invoiceNumber, issues }: { invoiceNumber: string; issues: PreflightIssue[] }) {
  if (issues.length === 0) return null;
  const text = issues.length > 1 ? String(issues.length) : '';
  const label = `Invoice ${invoiceNumber} at risk: ${issues.map(issueMessage).join(' ')}`;
  const hint = issues.map((i) => issueMarkText(i.kind)).join(', ');
  return (
    <PopoverPill view={{ text, label, tone: 'warn', icon: '⚠', hint }} title={`Invoice ${invoiceNumber}: before you pay`}>
      <IssueList issues={issues} />
    </PopoverPill>
  );
}

export function IssueList({ issues }: { issues: PreflightIssue[] }) {
  return (
    <ul>
      {issues.map((issue) => (
        <li key={`${issue.invoiceId}-${issue.kind}`}>{issueMessage(issue)}</li>
      ))}
    </ul>
  );
}
