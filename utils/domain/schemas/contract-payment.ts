import * as z from '../../schema/z';
import { DollarsAsCentsSchema, IdSchema, IntegerIdSchema, IsoDateSchema, known } from './ids';

const Text = known(z.string());
const When = known(IsoDateSchema);

/**
 * A contract payment (public: `GET /rest/v1.0/contract_payments?project_id=&contract_id=`): the
 * ERP side of one payout. `amount` is string dollars, read as cents; `check_number` a string.
 */
export const ContractPaymentSchema = z.object({
  id: IdSchema,
  /** "Only payments made through Procore Pay have an external_payment_id" (the payout id: verified on first use). */
  external_payment_id: known(IdSchema),
  requisition_id: known(IntegerIdSchema),
  amount: known(DollarsAsCentsSchema),
  check_number: known(z.pipe(z.union([z.string(), z.int()]), z.transform(String))),
  status: Text,
  date: Text,
  date_payment_initiated: Text,
  date_payment_settled: Text,
  invoice_number: Text,
  payment_number: Text,
  /** Non-empty: the record is in the ERP ("Synced: ... an object that carries an Origin ID"). */
  origin_id: known(z.pipe(z.union([z.string(), z.number()]), z.transform(String))),
  origin_code: Text,
  origin_data: z.optional(z.unknown()),
  created_at: When,
  updated_at: When,
});
export type ContractPayment = z.infer<typeof ContractPaymentSchema>;

/** Synced (documented): an origin id is present. */
export function isSynced(payment: Pick<ContractPayment, 'origin_id'>): boolean {
  return Boolean(payment.origin_id?.trim());
}
