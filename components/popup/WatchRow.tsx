import { memo, useId } from 'react';
import { reexportCure } from '../../utils/domain/reexport-cure';
import type { Watch } from '../../utils/domain/watch';
import { CAUSE_LABELS } from '../../utils/view/cause-label';
import { describeCountdown, formatCountdown, formatSpan } from '../../utils/view/duration';
import { Button } from '../common/Button';
import { Money } from '../common/Money';
import { RelativeTime } from '../common/RelativeTime';
import { StatePill } from '../common/StatePill';
import { UnrecognisedMessage } from '../common/UnrecognisedMessage';
import { rowActions } from './watch-actions';

export interface WatchRowHandlers {
  onFix: (watch: Watch) => void;
  onCopySummary: (watch: Watch) => void;
  onSnooze: (watch: Watch) => void;
  onDismiss: (watch: Watch) => void;
}

interface WatchRowProps extends WatchRowHandlers {
  watch: Watch;
  companyName: string;
  href: string;
  now: number;
  windowMinutes: number;
  busy: boolean;
}

function Cause({ watch, now, windowMinutes }: { watch: Watch; now: number; windowMinutes: number }) {
  if (watch.state === 'syncing' && watch.deadline !== null) {
    return (
      <span className="countdown">
        <span aria-hidden="true">{formatCountdown(watch.deadline, now)} left</span>
        <span className="visually-hidden">{describeCountdown(watch.deadline, now)}</span>
        {watch.fundingCompletedEstimated && <span className="muted"> (start estimated)</span>}
      </span>
    );
  }
  if (watch.state === 'synced' && watch.syncedAt !== null && watch.fundingCompletedAt !== null) {
    return <span>In the ERP {formatSpan(watch.syncedAt - watch.fundingCompletedAt)} after Funding Complete</span>;
  }
  if (watch.state === 'overdue') {
    return <span>Not in {watch.erpName} after {windowMinutes} min; check Failed to Export in ERP Integrations.</span>;
  }
  if (watch.state === 'not_exportable') return <span>{watch.notExportableReason ?? 'This payment will not export.'}</span>;
  if (watch.state === 're_exporting') {
    return <span>Checking: Export was confirmed in Procore (attempt {watch.attempts.length}); waiting for Procore to show the result.</span>;
  }
  if (watch.diagnosis) {
    // No export can cure it: the row says what to do instead, where the export button would be.
    const instead = reexportCure(watch.state, watch.diagnosis).kind === 'none' ? watch.diagnosis.fix : undefined;
    return (
      <span>
        <strong>{CAUSE_LABELS[watch.diagnosis.cause]}:</strong> {watch.diagnosis.summary}
        {instead && (
          <span className="row-instead">
            {' '}
            <strong>What to do:</strong> {instead}
          </span>
        )}
      </span>
    );
  }
  return null;
}

/** A failure the classifier could not read: the row shows the ERP's own words instead of a cause. */
const unrecognised = (watch: Watch) => (watch.state === 'failed' || watch.state === 'escalate') && watch.diagnosis?.cause === 'UNKNOWN';

/** One payment record: who, how much, which check, where, how long, why, and what to do. */
export const WatchRow = memo(function WatchRow({ watch, companyName, href, now, windowMinutes, busy, ...on }: WatchRowProps) {
  const titleId = useId();
  const actions = rowActions(watch);
  const name = watch.beneficiaryName;
  return (
    <article className="watch-row" aria-labelledby={titleId}>
      <div className="row-top">
        <StatePill state={watch.state} />
        {/* Element Timing (text is timed on its block): the popup bench reads when the first row's name is painted. */}
        <h3 className="beneficiary" title={`${name}: open in Procore`} elementtiming="watch-row">
          <a href={href} target="_blank" rel="noreferrer">
            <span id={titleId}>{name}</span>
            <span aria-hidden="true"> ↗</span>
            <span className="visually-hidden"> (open in Procore, new tab)</span>
          </a>
        </h3>
        <Money cents={watch.amountCents} />
      </div>
      <dl className="row-facts">
        <div><dt>Check</dt><dd>{watch.checkNumber ?? '—'}</dd></div>
        <div><dt>Bank ID</dt><dd>{watch.bankId || '—'}</dd></div>
        <div><dt>Company</dt><dd>{companyName}</dd></div>
        <div>
          <dt>Funded</dt>
          <dd>{watch.fundingCompletedAt === null ? '—' : <RelativeTime at={watch.fundingCompletedAt} now={now} />}</dd>
        </div>
      </dl>
      {unrecognised(watch) ? (
        <UnrecognisedMessage watch={watch} />
      ) : (
        <p className="row-cause">
          <Cause watch={watch} now={now} windowMinutes={windowMinutes} />
        </p>
      )}
      <div className="row-actions">
        {actions.fix && (
          <Button small variant="primary" disabled={busy} onClick={() => on.onFix(watch)} aria-label={`Fix in Procore: ${name}`}>
            Fix in Procore
          </Button>
        )}
        {actions.summary && (
          <Button small disabled={busy} onClick={() => on.onCopySummary(watch)} aria-label={`Copy summary for ${name}`} title="Copy a summary for ERP support">
            Copy summary
          </Button>
        )}
        {actions.snooze && (
          <Button small disabled={busy} onClick={() => on.onSnooze(watch)} aria-label={`Snooze ${name} for 1 hour`} title="Hide for 1 hour">
            Snooze
          </Button>
        )}
        {actions.dismiss && (
          <Button small disabled={busy} onClick={() => on.onDismiss(watch)} aria-label={`Dismiss ${name}`}>
            Dismiss
          </Button>
        )}
      </div>
    </article>
  );
});
