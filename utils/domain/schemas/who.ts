import * as z from '../../schema/z';
import { IdSchema, known } from './ids';

export const MeSchema = z.object({ id: IdSchema, login: known(z.string()), name: known(z.string()) });
export type Me = z.infer<typeof MeSchema>;

export const CompanySchema = z.object({ id: IdSchema, name: known(z.string()), is_active: known(z.boolean()) });
export type Company = z.infer<typeof CompanySchema>;
