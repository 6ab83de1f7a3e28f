import * as z from '../../schema/z';

/** An error body Procore answers with: words to show the user. */
export const ProcoreErrorBodySchema = z.object({
  errors: z.union([z.string(), z.catchall(z.object({}), z.array(z.string()))]),
});
