import { z } from '../domain/zod';
import { CAUSES } from '../domain/cause';

/**
 * Written before a corrective export is POSTed and removed once its outcome is known. An intent
 * left behind by a dead worker is settled by reading Procore's state, never by sending again.
 */
export const ReExportIntentSchema = z.object({
  payoutId: z.string(),
  companyId: z.string(),
  /** The request detail that was failed/stale when the fix was decided. */
  failedRequestId: z.nullable(z.string()),
  checkNumber: z.nullable(z.int().check(z.positive())),
  bankId: z.nullable(z.string()),
  cause: z.enum(CAUSES),
  by: z.enum(['user', 'policy']),
  at: z.number(),
});
export type ReExportIntent = z.infer<typeof ReExportIntentSchema>;
