import * as z from '../schema/z';
import { CAUSES } from '../domain/cause';

/**
 * Written before the page presses Procore's Export and removed once Procore shows the outcome.
 * While it exists the record is "checking": no other fix is offered. It is settled only by
 * reading Procore (a newer export result, or a grace period with none), never by a guess.
 */
export const ReExportIntentSchema = z.object({
  /** What the page quotes back in `fix.pressed`: a press answers only the intent it began. */
  intentId: z.string(),
  payoutId: z.string(),
  companyId: z.string(),
  /** The request detail that was failed/stale when the fix was decided. */
  failedRequestId: z.nullable(z.string()),
  checkNumber: z.nullable(z.int().check(z.positive())),
  bankId: z.nullable(z.string()),
  cause: z.enum(CAUSES),
  by: z.enum(['user', 'policy']),
  at: z.number(),
  /** When the page said it pressed Export (server time); null until then. */
  pressedAt: z.nullable(z.number()),
});
export type ReExportIntent = z.infer<typeof ReExportIntentSchema>;
