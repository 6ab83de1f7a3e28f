import type { EngineStatus } from '../messaging';

export interface TrackingState {
  kind: 'checking' | 'signed_out' | 'no_company' | 'watching';
  /** One sentence, the same in the popup and on the options page. */
  text: string;
}

/**
 * Whether the extension is tracking, and what, in the words both the popup and the options
 * page show: both read the background's one status, so they never contradict each other.
 */
export function trackingState(status: EngineStatus | null): TrackingState {
  if (!status || status.signedIn === null || (status.signedIn && status.lastPollAt === null)) {
    return { kind: 'checking', text: 'Connecting to Procore: payments show here as soon as the first check finishes.' };
  }
  if (status.signedIn === false) return { kind: 'signed_out', text: 'Signed out of Procore: payments are not being watched until you sign in.' };
  const companies = status.watchedCompanies;
  if (companies.length === 0) {
    return { kind: 'no_company', text: 'Signed in to Procore, but no company is watched: choose companies in Settings, or check that your Procore user can see Procore Pay.' };
  }
  // A company whose ERP is not known (yet) is named alone, not with empty brackets.
  const names = companies.map((c) => (c.erpName ? `${c.name} (${c.erpName})` : c.name)).join(', ');
  return { kind: 'watching', text: `Signed in to Procore, watching ${companies.length === 1 ? 'one company' : `${companies.length} companies`}: ${names}.` };
}
