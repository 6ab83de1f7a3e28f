import { z } from '../zod';
import { IdSchema, IsoDateSchema } from './ids';

export const REQUEST_STATUSES = ['in_progress', 'success', 'failed', 'stale'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const RequestDetailSchema = z.object({
  id: IdSchema,
  item_type: z.literal('contract_payment'),
  item_id: IdSchema,
  request_name: z.string(),
  status: z.enum(REQUEST_STATUSES),
  messages: z.array(z.string()),
  created_at: IsoDateSchema,
  updated_at: IsoDateSchema,
});
export type RequestDetail = z.infer<typeof RequestDetailSchema>;
