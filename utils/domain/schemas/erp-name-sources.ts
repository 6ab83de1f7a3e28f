import * as z from '../../schema/z';
import { known } from './ids';

/** `GET /rest/v2.0/companies/{cid}/uoms/configuration` (public; the name's meaning inferred). */
export const UomsConfigurationSchema = z.object({
  data: z.catch(z.nullish(z.object({ erp_integration_name: known(z.string()) })), null),
});

/** `GET /rest/v1.0/projects/{id}` (public): whether the project is linked to an ERP. */
export const ProjectShowSchema = z.object({ is_erp_integrated: known(z.boolean()) });
