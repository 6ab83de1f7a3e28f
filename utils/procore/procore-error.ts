export type ProcoreErrorKind =
  | 'signed_out'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'rate_limited'
  | 'unavailable'
  | 'server'
  | 'network'
  | 'timeout'
  | 'schema'
  | 'aborted';

/** A failed Procore call, with words for the user and the facts a caller decides on. */
export class ProcoreError extends Error {
  override name = 'ProcoreError';

  constructor(
    readonly kind: ProcoreErrorKind,
    message: string,
    readonly status: number | null = null,
    /** Local epoch ms before which asking again is pointless (rate limits, outages). */
    readonly retryAt: number | null = null,
  ) {
    super(message);
  }
}

export function kindOfStatus(status: number): ProcoreErrorKind {
  if (status === 401) return 'signed_out';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 422 || status === 400) return 'invalid';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  return 'server';
}

const WORDS: Record<ProcoreErrorKind, string> = {
  signed_out: 'Signed out of Procore: sign in to Procore in this browser and the watch resumes.',
  forbidden: 'Procore refused: your Procore user needs Payments Admin or Disburser permission.',
  not_found: 'Procore does not know this record.',
  conflict: 'Procore refused: the record is not in a state that allows this.',
  invalid: 'Procore refused the values sent.',
  rate_limited: 'Procore asked the extension to slow down; it waits and tries again.',
  unavailable: 'Procore is busy; the extension tries again shortly.',
  server: 'Procore answered with a server error.',
  network: 'Procore could not be reached (network).',
  timeout: 'Procore did not answer in time; the extension gave up on that request and tries again at the next check.',
  schema: 'Procore answered with data the extension does not understand.',
  aborted: 'The request was cancelled.',
};

export function describeKind(kind: ProcoreErrorKind): string {
  return WORDS[kind];
}
