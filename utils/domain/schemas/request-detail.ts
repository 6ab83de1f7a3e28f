import * as z from '../../schema/z';
import { IdSchema, IntegerIdSchema, IsoDateSchema, known } from './ids';

/** How the extension reads an export's state (PROCORE-CONTRACT.md: only two words are literal). */
export const REQUEST_STATUSES = ['in_progress', 'success', 'failed', 'stale'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * One ERP request detail (`erp_request_details?filters[item_id]=`): only `id` is seen in public
 * code; `status` and `messages` are documented; the status word is free text.
 */
export const RequestDetailSchema = z.object({
  id: IdSchema,
  item_type: known(z.string()),
  item_id: known(IntegerIdSchema),
  request_name: known(z.string()),
  status: known(z.string()),
  messages: z.catch(z._default(z.array(z.string()), []), []),
  created_at: known(IsoDateSchema),
  updated_at: known(IsoDateSchema),
});
export type RequestDetail = z.infer<typeof RequestDetailSchema>;
