/**
 * How requests prove who they are. Session: the browser's Procore cookie rides along
 * (`credentials: 'include'`). OAuth: a bearer token the background alone holds.
 */
export interface Auth {
  readonly mode: 'session' | 'oauth';
  /** Headers to add, or null when no credentials are available (signed out). */
  headers(signal?: AbortSignal): Promise<Record<string, string> | null>;
  /** Called after a 401: true when fresh credentials were obtained and the request may be repeated once. */
  refresh(signal?: AbortSignal): Promise<boolean>;
}

export const sessionAuth: Auth = {
  mode: 'session',
  headers: async () => ({}),
  refresh: async () => false,
};
