import { z } from '../zod';
import { IdSchema } from './ids';

export const FundingAccountSchema = z.object({
  id: IdSchema,
  nickname: z.string(),
  bankId: z.string(),
  nextCheckNumber: z.int().check(z.positive()),
  isDefault: z.boolean(),
  deactivated: z.boolean(),
  verificationStatus: z.enum(['verified', 'pending', 'failed']),
});
export type FundingAccount = z.infer<typeof FundingAccountSchema>;
