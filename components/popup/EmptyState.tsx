import type { EngineStatus } from '../../utils/messaging';
import { formatAgo } from '../../utils/view/duration';
import { trackingState } from '../../utils/view/tracking-state';

/** Nothing to show: say what is watched, and why nothing is here. */
export function EmptyState({ status, windowMinutes, now }: { status: EngineStatus | null; windowMinutes: number; now: number }) {
  const companies = status?.watchedCompanies ?? [];
  const syncOff = companies.filter((c) => !c.paymentSyncEnabled);
  const tracking = trackingState(status);
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{tracking.kind === 'watching' ? 'Nothing needs you right now' : 'Not watching yet'}</h2>
      <p data-testid="tracking-state">{tracking.text}</p>
      <p>
        A payment shows here from Funding Complete until it is in the ERP (about {windowMinutes} minutes), and stays
        for a day after.{tracking.kind === 'watching' ? ' No payment is syncing, late or failed.' : ''}
      </p>
      {syncOff.length > 0 && (
        <p>
          Payment sync is off for {syncOff.map((c) => c.name).join(', ')}: Procore does not export those payments, so
          they are not watched.
        </p>
      )}
      {status?.lastPollAt != null && <p className="muted">Last checked {formatAgo(status.lastPollAt, now)}.</p>}
    </section>
  );
}
