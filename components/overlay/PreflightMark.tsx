import { useRef, useState } from 'react';
import type { PreflightIssue } from '../../utils/messaging';
import { issueShortText } from '../../utils/overlay/preflight-text';
import { useOverlay } from './overlay-context';
import { Popover } from './Popover';
import { StatusPill } from './StatusPill';
import { useWatchStore } from './use-watches';

/** Beside an invoice being chosen for payment: what would make its payment fail to export. */
export function PreflightMark({ invoiceNumber, issues }: { invoiceNumber: string; issues: PreflightIssue[] }) {
  const { companyId } = useOverlay();
  const erpName = useWatchStore().erpName(companyId);
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  if (issues.length === 0) return null;
  const first = issueShortText(issues[0]!.kind, erpName);
  const text = issues.length > 1 ? `${first} +${issues.length - 1}` : first;
  const label = `Invoice ${invoiceNumber} at risk: ${issues.map((i) => i.message).join(' ')}`;
  return (
    <>
      <StatusPill ref={trigger} view={{ text, label, tone: 'warn', icon: '⚠' }} expanded={open} onActivate={() => setOpen((was) => !was)} />
      {open ? (
        <Popover title={`Invoice ${invoiceNumber}: before you pay`} trigger={trigger} onClose={() => setOpen(false)}>
          <IssueList issues={issues} />
        </Popover>
      ) : null}
    </>
  );
}

export function IssueList({ issues }: { issues: PreflightIssue[] }) {
  return (
    <ul>
      {issues.map((issue) => (
        <li key={`${issue.invoiceId}-${issue.kind}`}>
          <span>{issue.message}</span>
          {issue.link ? <a href={issue.link}>{issue.kind === 'invoice_not_synced' ? 'Sync it in ERP Integrations' : 'Open'}</a> : null}
        </li>
      ))}
    </ul>
  );
}
