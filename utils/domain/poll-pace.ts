import { SYNC_WINDOW_MS } from './sync-window';

export interface PaceInput {
  signedIn: boolean | null;
  /** Records syncing or being re-exported: their outcome is minutes away. */
  active: number;
  /** Records failed or overdue: they change only when someone acts. */
  waiting: number;
  /** The sync window (SYNC_WINDOW_MS in the product; a sandbox build may run a shorter one). */
  windowMs?: number;
}

export interface Pace {
  /** Minutes between status polls; null: no status poll. */
  pollMinutes: number | null;
  /** Minutes between discovery of newly funded disbursements; null: none. */
  discoveryMinutes: number | null;
  /** Minutes between signed-out probes (`/me`); null while not known to be signed out. */
  probeMinutes: number | null;
}

export const ACTIVE_POLL_MINUTES = 0.5;
export const WAITING_POLL_MINUTES = 5;
export const DISCOVERY_MINUTES = 2;

/**
 * While signed out one `/me` every half window (5 minutes): slow enough to cost nothing, soon
 * enough that a record funded meanwhile is seen before its window ends. Only a sandbox build's
 * shorter window shortens it; no setting or policy does.
 */
export function signedOutProbeMinutes(windowMs: number = SYNC_WINDOW_MS): number {
  return windowMs / 2 / 60_000;
}

/** How often to ask Procore: by the work there is; signed out, only the slow probe. */
export function pollPace({ signedIn, active, waiting, windowMs }: PaceInput): Pace {
  if (signedIn === false) return { pollMinutes: null, discoveryMinutes: null, probeMinutes: signedOutProbeMinutes(windowMs) };
  const pollMinutes = active > 0 ? ACTIVE_POLL_MINUTES : waiting > 0 ? WAITING_POLL_MINUTES : null;
  return { pollMinutes, discoveryMinutes: DISCOVERY_MINUTES, probeMinutes: null };
}
