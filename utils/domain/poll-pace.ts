export interface PaceInput {
  signedIn: boolean | null;
  /** Records syncing or being re-exported: their outcome is minutes away. */
  active: number;
  /** Records failed or overdue: they change only when someone acts. */
  waiting: number;
}

export interface Pace {
  /** Minutes between status polls; null: no status poll. */
  pollMinutes: number | null;
  /** Minutes between discovery of newly funded disbursements; null: none. */
  discoveryMinutes: number | null;
}

export const ACTIVE_POLL_MINUTES = 0.5;
export const WAITING_POLL_MINUTES = 5;
export const DISCOVERY_MINUTES = 2;

/** How often to ask Procore: by the work there is, and nothing at all while signed out. */
export function pollPace({ signedIn, active, waiting }: PaceInput): Pace {
  if (signedIn === false) return { pollMinutes: null, discoveryMinutes: null };
  const pollMinutes = active > 0 ? ACTIVE_POLL_MINUTES : waiting > 0 ? WAITING_POLL_MINUTES : null;
  return { pollMinutes, discoveryMinutes: DISCOVERY_MINUTES };
}
