import { z } from '../zod';

// Body of the corrective re-export: both fields optional, omitted means unchanged.
export const ExportRequestSchema = z.object({
  check_number: z.optional(z.int().check(z.positive())),
  bank_id: z.optional(z.string().check(z.minLength(1))),
});
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

export const ProcoreErrorBodySchema = z.object({
  errors: z.union([z.string(), z.catchall(z.object({}), z.array(z.string()))]),
});
