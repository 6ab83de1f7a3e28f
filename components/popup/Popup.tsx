import { useCallback, useMemo, useState } from 'react';
import { buildSupportSummary } from '../../utils/domain/support-summary';
import type { Watch } from '../../utils/domain/watch';
import { SYNC_WINDOW_MS } from '../../utils/domain/sync-window';
import { sendMessage } from '../../utils/message-client';
import { CompatibilityLine } from './CompatibilityLine';
import { lastPopupView, readLastView } from './last-view';
import { useSaveLastView } from './use-last-view';
import { buildPopupView, causesPresent, NO_FILTER, type PopupFilter } from '../../utils/view/popup-sections';
import { watchUrl } from '../../utils/view/procore-links';
import { Button } from '../common/Button';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { Notice } from '../common/Notice';
import { useNow } from '../common/use-now';
import { ConnectionNotice } from './ConnectionNotice';
import { EmptyState } from './EmptyState';
import { FixExportDialog } from './FixExportDialog';
import { PopupFilters } from './PopupFilters';
import type { PopupFeed } from './popup-feed';
import { usePopupData } from './use-popup-data';
import { WatchList } from './WatchList';

const SNOOZE_MINUTES = 60;
// Sections are regrouped this often; countdowns tick every second regardless.
const REGROUP_MS = 15_000;

const message = (reason: unknown) => (reason instanceof Error ? reason.message : String(reason));

/**
 * The toolbar popup: what failed, what is late, what is syncing now, what just synced. `feed`: the
 * background's answers when the entry asked for them before the first render (a first opening).
 */
export function Popup({ feed }: { feed?: PopupFeed }) {
  const data = usePopupData(feed);
  const { watches, status, settings, apply } = data;
  const [filter, setFilter] = useState<PopupFilter>(NO_FILTER);
  const [last] = useState(readLastView);
  // Until the background's first answers are in, the rows shown when the popup was last open.
  const fromLast = last !== null && settings === null && data.loading;
  const now = useNow(1000) + (status?.clockOffsetMs ?? (fromLast ? last.clockOffsetMs : 0));
  const regroupNow = Math.floor(now / REGROUP_MS) * REGROUP_MS;
  const [fixing, setFixing] = useState<Watch | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());

  const companies = useMemo(() => status?.watchedCompanies ?? (fromLast ? last.companies : []), [status, fromLast, last]);
  const companyNames = useMemo(() => new Map(companies.map((c) => [c.id, c.name])), [companies]);
  const liveView = useMemo(() => buildPopupView(watches.values(), filter, companyNames, regroupNow), [watches, filter, companyNames, regroupNow]);
  const view = useMemo(() => (fromLast ? lastPopupView(last) : liveView), [fromLast, last, liveView]);
  const unfiltered = !filter.query && !filter.companyId && !filter.cause;
  // The kept line stays until the background's own answer, so the list below it does not move.
  const discovery = data.discovery === undefined ? (last?.discovery ?? null) : data.discovery;
  useSaveLastView({ view, complete: !data.loading && !data.error && unfiltered, companyNames, settings, clockOffsetMs: status?.clockOffsetMs ?? 0, discovery });
  const causes = useMemo(() => causesPresent(watches.values()), [watches]);
  const windowMinutes = SYNC_WINDOW_MS / 60_000;

  const links = settings ?? last?.links;
  const hrefOf = useCallback((watch: Watch) => (links ? watchUrl(watch, links) : '#'), [links]);

  const run = useCallback(
    async (watch: Watch, action: () => Promise<string>) => {
      setBusyIds((ids) => new Set(ids).add(watch.payoutId));
      setActionError(null);
      try {
        setAnnouncement(await action());
      } catch (reason) {
        setActionError(`${watch.beneficiaryName}: ${message(reason)}`);
      } finally {
        setBusyIds((ids) => {
          const next = new Set(ids);
          next.delete(watch.payoutId);
          return next;
        });
      }
    },
    [],
  );

  const onSnooze = useCallback(
    (watch: Watch) =>
      run(watch, async () => {
        apply(await sendMessage('watch.snooze', { payoutId: watch.payoutId, minutes: SNOOZE_MINUTES }));
        return `${watch.beneficiaryName} snoozed for 1 hour.`;
      }),
    [run, apply],
  );
  const onDismiss = useCallback(
    (watch: Watch) =>
      run(watch, async () => {
        apply(await sendMessage('watch.dismiss', { payoutId: watch.payoutId }));
        return `${watch.beneficiaryName} dismissed. It stays in the history.`;
      }),
    [run, apply],
  );
  const onCopySummary = useCallback(
    (watch: Watch) =>
      run(watch, async () => {
        // Built here from what the popup shows: the worker need not carry it.
        const text = buildSupportSummary(watch, { companyName: companyNames.get(watch.companyId) });
        try {
          await navigator.clipboard.writeText(text);
          return `Support summary for ${watch.beneficiaryName} copied.`;
        } catch {
          // The clipboard can refuse (no focus, policy): show the text so it can be copied by hand.
          setSummary(text);
          return 'The clipboard refused; the summary is shown to copy by hand.';
        }
      }),
    [run, companyNames],
  );
  const [checking, setChecking] = useState(false);
  // "Check now": a full read (signed out too: it is the probe), the backlog included.
  const onCheckNow = useCallback(() => {
    setChecking(true);
    setActionError(null);
    sendMessage('poll.now', {})
      .then(data.reload, (reason: unknown) => setActionError(message(reason)))
      .finally(() => setChecking(false));
  }, [data.reload]);
  const onOAuthSignIn = useCallback(() => {
    sendMessage('oauth.signIn', {}).then(data.reload, (reason: unknown) => setActionError(message(reason)));
  }, [data.reload]);

  const counts = view.sections.filter((s) => s.key !== 'synced' && s.watches.length).map((s) => `${s.watches.length} ${s.title.toLowerCase()}`);

  return (
    <main className="popup" aria-label="ERP Sync Watch">
      <header className="popup-header">
        <div>
          <h1>ERP Sync Watch</h1>
          <p className="muted summary-line">{data.loading ? 'Loading…' : counts.length ? counts.join(' · ') : 'All clear'}</p>
        </div>
        <div className="popup-header-actions">
          <Button small onClick={onCheckNow} disabled={checking} aria-busy={checking}>{checking ? 'Checking…' : 'Check now'}</Button>
          <a className="btn btn-small" href="/options.html" target="_blank" rel="noreferrer">Settings</a>
        </div>
      </header>
      <div className="popup-notices">
        {data.error && (
          <Notice tone="danger" title="The extension could not load your payments">
            <p>{data.error}</p>
            <p><Button small onClick={data.reload}>Try again</Button></p>
          </Notice>
        )}
        {status && settings && <ConnectionNotice status={status} settings={settings} now={now} onOAuthSignIn={onOAuthSignIn} />}
        {actionError && <Notice tone="danger" title="That did not work">{<p>{actionError}</p>}</Notice>}
        <CompatibilityLine discovery={discovery} />
      </div>
      {view.total > 0 && <PopupFilters filter={filter} onChange={setFilter} companies={companies} causes={causes} />}
      {!data.loading && !data.error && view.total === 0 && <EmptyState status={status} windowMinutes={windowMinutes} now={now} />}
      {view.total > 0 && view.shown === 0 && (
        <div className="empty">
          <p>No payment record matches the search and filters.</p>
          <Button small onClick={() => setFilter(NO_FILTER)}>Clear search and filters</Button>
        </div>
      )}
      {view.shown > 0 && (
        <WatchList
          sections={view.sections}
          companyNames={companyNames}
          hrefOf={hrefOf}
          now={now}
          windowMinutes={windowMinutes}
          busyIds={busyIds}
          loading={data.loading}
          onFix={setFixing}
          onCopySummary={onCopySummary}
          onSnooze={onSnooze}
          onDismiss={onDismiss}
        />
      )}
      {view.snoozed > 0 && <p className="muted snoozed-note">{view.snoozed} snoozed record{view.snoozed === 1 ? '' : 's'} hidden.</p>}
      <div className="visually-hidden" role="status" aria-live="polite">{announcement}</div>
      {fixing && (
        <FixExportDialog
          watch={fixing}
          onCancel={() => setFixing(null)}
          onDone={(focused) => {
            setAnnouncement(`ERP Integrations ${focused ? 'brought forward' : 'opened'} with the fix for ${fixing.beneficiaryName}; confirm it there.`);
            setFixing(null);
          }}
        />
      )}
      {summary !== null && (
        <ConfirmDialog title="Support summary" confirmLabel="Close" cancelLabel={null} onConfirm={() => setSummary(null)} onCancel={() => setSummary(null)}>
          <label htmlFor="summary-text">Select and copy this text for ERP support:</label>
          <textarea id="summary-text" className="summary-text" readOnly value={summary} rows={10} />
        </ConfirmDialog>
      )}
    </main>
  );
}
