import type { Watch } from '../domain/watch';
import { clock, spokenDuration, windowText } from '../view/duration';
import { STATE_LOOK, type Tone } from '../view/state-look';


export interface StatusView {
  /** Visible text, e.g. "ERP sync 7:32". */
  text: string;
  /** Accessible name, e.g. "ERP sync, 7 minutes 32 seconds left". */
  label: string;
  tone: Tone;
  icon: string;
  /** Changes only at milestones; announcing on change never speaks every second. */
  milestone: string;
  /** Whether the text changes with the clock. */
  ticking: boolean;
  /** For a countdown: what the shared ticker recomputes the words from each second (`short`: the clock alone). */
  countdown?: { deadline: number; estimated: boolean; short?: boolean };
}

const ESTIMATED = ' (start estimated)';

/** The countdown's words at `now` (server time); `short`: "7:32 est." where room is tight. */
export function countdown(deadline: number, estimated: boolean, now: number, short = false): StatusView {
  const left = deadline - now;
  return {
    countdown: { deadline, estimated, short },
    text: `${short ? '' : 'ERP sync '}${clock(left)}${estimated ? ' est.' : ''}`,
    label: `ERP sync, ${spokenDuration(left)} left${estimated ? ESTIMATED : ''}`,
    ...STATE_LOOK.syncing,
    milestone: 'syncing',
    ticking: true,
  };
}

function inErp(tookMs: number | null, estimated: boolean): StatusView {
  const took = tookMs === null ? '' : ` in ${clock(tookMs)}`;
  return {
    text: `In ERP${took}${estimated && took ? ' est.' : ''}`,
    label: `In ERP${tookMs === null ? '' : `, took ${spokenDuration(tookMs)}`}${estimated && took ? ESTIMATED : ''}`,
    ...STATE_LOOK.synced,
    milestone: 'synced',
    ticking: false,
  };
}

function overdue(windowMs: number): StatusView {
  const text = `Not in ERP after ${windowText(windowMs)}`;
  return { text, label: `${text}: check Failed to Export in ERP Integrations`, ...STATE_LOOK.overdue, milestone: 'overdue', ticking: false };
}

const windowOf = (watch: Watch): number | null =>
  watch.deadline !== null && watch.fundingCompletedAt !== null ? watch.deadline - watch.fundingCompletedAt : null;

const DEFAULT_WINDOW = 10 * 60 * 1000;

/** One payment record's state as shown beside its payout row. `now` is server time. */
export function describeWatch(watch: Watch, now: number): StatusView | null {
  const estimated = watch.fundingCompletedEstimated;
  switch (watch.state) {
    case 'awaiting_funding':
      return { text: 'Awaiting funding', label: 'ERP sync starts when funding completes', ...STATE_LOOK.awaiting_funding, milestone: 'awaiting', ticking: false };
    case 'syncing':
      return watch.deadline === null ? { ...countdownUnknown(), milestone: 'syncing' } : countdown(watch.deadline, estimated, now);
    case 'synced':
      return inErp(watch.syncedAt !== null && watch.fundingCompletedAt !== null ? watch.syncedAt - watch.fundingCompletedAt : null, estimated);
    case 'overdue':
      return overdue(windowOf(watch) ?? DEFAULT_WINDOW);
    case 'failed':
      return {
        text: 'Failed to export',
        label: `Failed to export: ${watch.diagnosis?.summary ?? 'the ERP refused it'}`,
        ...STATE_LOOK.failed,
        milestone: 'failed',
        ticking: false,
      };
    case 're_exporting': {
      const attempt = watch.attempts.length;
      const text = `Re-exporting${attempt > 0 ? ` (attempt ${attempt})` : ''}`;
      return { text, label: text, ...STATE_LOOK.re_exporting, milestone: `re_exporting ${attempt}`, ticking: false };
    }
    case 'escalate':
      return { text: 'Contact ERP support', label: 'Still failing after the known fixes: contact ERP support', ...STATE_LOOK.escalate, milestone: 'escalate', ticking: false };
    case 'not_exportable':
      return {
        text: "Won't export",
        label: `Will not export: ${watch.notExportableReason ?? 'this record cannot be exported'}`,
        ...STATE_LOOK.not_exportable,
        milestone: 'not_exportable',
        ticking: false,
      };
    case 'dismissed':
      return null;
  }
}

function countdownUnknown(): StatusView {
  return { text: 'ERP sync', label: 'ERP sync in progress', ...STATE_LOOK.syncing, milestone: 'syncing', ticking: false };
}

export const SYNC_OFF: StatusView = {
  text: 'Sync off',
  label: 'Sync off: payment export is off for this company, as set in the options',
  tone: 'muted',
  icon: '⊘',
  milestone: 'sync_off',
  ticking: false,
};

const FAILING = new Set<Watch['state']>(['failed', 'escalate', 'not_exportable']);

/**
 * A disbursement's badge: the worst news first (failures, then overdue, then fixes in flight),
 * else the countdown to the last deadline, else "In ERP" with the time the slowest record took.
 */
export function describeDisbursement(watches: Watch[], syncEnabled: boolean | null, now: number): StatusView | null {
  const shown = watches.filter((w) => w.state !== 'dismissed' && w.state !== 'awaiting_funding');
  if (syncEnabled === false) return SYNC_OFF;
  if (shown.length === 0) return null;
  const estimated = shown.some((w) => w.fundingCompletedEstimated);
  const failing = shown.filter((w) => FAILING.has(w.state)).length;
  if (failing > 0) {
    const text = `${failing} of ${shown.length} failed`;
    return { text, label: `ERP sync: ${text}`, ...STATE_LOOK.failed, milestone: `failed ${failing}`, ticking: false };
  }
  const late = shown.filter((w) => w.state === 'overdue');
  if (late.length > 0) return overdue(windowOf(late[0]!) ?? DEFAULT_WINDOW);
  const fixing = shown.filter((w) => w.state === 're_exporting').length;
  if (fixing > 0) {
    const text = `Re-exporting ${fixing} of ${shown.length}`;
    return { text, label: `ERP sync: ${text}`, ...STATE_LOOK.re_exporting, milestone: `re_exporting ${fixing}`, ticking: false };
  }
  const syncing = shown.filter((w) => w.state === 'syncing');
  if (syncing.length > 0) {
    const deadlines = syncing.map((w) => w.deadline).filter((d): d is number => d !== null);
    return deadlines.length > 0 ? countdown(Math.max(...deadlines), estimated, now) : countdownUnknown();
  }
  const took = shown.map((w) => (w.syncedAt !== null && w.fundingCompletedAt !== null ? w.syncedAt - w.fundingCompletedAt : null));
  return inErp(took.some((t) => t === null) ? null : Math.max(...(took as number[])), estimated);
}
