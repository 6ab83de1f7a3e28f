import { z } from '../zod';
import { IdSchema } from './ids';

export const MeSchema = z.object({ id: IdSchema, login: z.string(), name: z.string() });
export type Me = z.infer<typeof MeSchema>;

export const CompanySchema = z.object({ id: IdSchema, name: z.string(), is_active: z.boolean() });
export type Company = z.infer<typeof CompanySchema>;
