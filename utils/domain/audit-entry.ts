import { z } from 'zod';
import { WATCH_STATES } from './watch';

/** One line of the append-only audit log: who or what did what, when, before → after, why. */
export const AuditEntrySchema = z.object({
  id: z.number().int().optional(),
  at: z.number(),
  payoutId: z.string().nullable(),
  companyId: z.string().nullable(),
  actor: z.enum(['user', 'engine', 'policy']),
  action: z.string(),
  before: z.enum(WATCH_STATES).nullable(),
  after: z.enum(WATCH_STATES).nullable(),
  why: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
