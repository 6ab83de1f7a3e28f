/** Side effects `transition` asks the background to run, after the new watch is stored. */
export type NotifyKind = 'overdue' | 'failed' | 'synced_after_fix' | 'escalated';

export type WatchEffect =
  | { type: 'notify'; kind: NotifyKind; payoutId: string }
  /** An alarm at `at` (server time): the record's deadline. */
  | { type: 'schedule'; payoutId: string; at: number }
  | { type: 'reexport'; payoutId: string; checkNumber?: number; bankId?: string }
  /** Two fixes for the same cause failed: the record is escalated (its support summary is built where it is shown). */
  | { type: 'escalate'; payoutId: string };
