import { z } from 'zod';
import { CAUSES } from '../domain/cause';

/**
 * Written before a corrective export is POSTed and removed once its outcome is known. An intent
 * left behind by a dead worker is settled by reading Procore's state, never by sending again.
 */
export const ReExportIntentSchema = z.object({
  payoutId: z.string(),
  companyId: z.string(),
  /** The request detail that was failed/stale when the fix was decided. */
  failedRequestId: z.string().nullable(),
  checkNumber: z.number().int().positive().nullable(),
  bankId: z.string().nullable(),
  cause: z.enum(CAUSES),
  by: z.enum(['user', 'policy']),
  at: z.number(),
});
export type ReExportIntent = z.infer<typeof ReExportIntentSchema>;
