import { z } from 'zod';

export const ErpBankAccountSchema = z.object({
  bank_id: z.string(),
  name: z.string(),
  active: z.boolean(),
  last_check_number: z.number().int().nonnegative().nullable(),
});
export type ErpBankAccount = z.infer<typeof ErpBankAccountSchema>;
