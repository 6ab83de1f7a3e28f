/** A lock with an expiry: a worker that dies holding it cannot block the record for ever. */
export interface Lease {
  key: string;
  owner: string;
  expiresAt: number;
}
