import * as z from '../schema/z';
import { WATCH_STATES } from './watch';

/** One line of the append-only audit log: who or what did what, when, before → after, why. */
export const AuditEntrySchema = z.object({
  id: z.optional(z.int()),
  at: z.number(),
  payoutId: z.nullable(z.string()),
  companyId: z.nullable(z.string()),
  actor: z.enum(['user', 'engine', 'policy']),
  action: z.string(),
  before: z.nullable(z.enum(WATCH_STATES)),
  after: z.nullable(z.enum(WATCH_STATES)),
  why: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
