import { z } from 'zod';

// Body of the corrective re-export: both fields optional, omitted means unchanged.
export const ExportRequestSchema = z.object({
  check_number: z.number().int().positive().optional(),
  bank_id: z.string().min(1).optional(),
});
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

export const ProcoreErrorBodySchema = z.object({
  errors: z.union([z.string(), z.record(z.string(), z.array(z.string()))]),
});
