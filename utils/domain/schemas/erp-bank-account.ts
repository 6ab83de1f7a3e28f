import * as z from '../../schema/z';

export const ErpBankAccountSchema = z.object({
  bank_id: z.string(),
  name: z.string(),
  active: z.boolean(),
  last_check_number: z.nullable(z.int().check(z.nonnegative())),
});
export type ErpBankAccount = z.infer<typeof ErpBankAccountSchema>;
