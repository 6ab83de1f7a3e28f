import * as z from '../../schema/z';
import { IdSchema, known } from './ids';

/** A Procore Pay funding account (internal: learned from the Payments Settings page's requests). */
export const FundingAccountSchema = z.object({
  id: IdSchema,
  nickname: known(z.string()),
  bankId: known(z.string()),
  nextCheckNumber: known(z.union([z.int().check(z.positive()), z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number))])),
  isDefault: known(z.boolean()),
  deactivated: known(z.boolean()),
});
export type FundingAccount = z.infer<typeof FundingAccountSchema>;
