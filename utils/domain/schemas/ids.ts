import * as z from '../../schema/z';

// Procore ids are 64-bit (PROCORE-CONTRACT.md): numbers from the API become strings at the edge
// (beyond 2^53 the client's exact JSON parse hands them over as strings already), so no id is
// ever rounded by a JavaScript number.
export const IdSchema = z.pipe(
  z.union([z.string().check(z.minLength(1)), z.int().check(z.nonnegative())]),
  z.transform(String),
);

/** An id Procore publishes as an integer (a JSON number, or its digits when beyond 2^53). */
export const IntegerIdSchema = z.pipe(
  z.union([z.string().check(z.regex(/^\d+$/)), z.int().check(z.nonnegative())]),
  z.transform(String),
);

/** Integer cents, as a JSON number or a string of digits ("Procore is vague": accept both). */
export const CentsSchema = z.pipe(
  z.union([z.int(), z.string().check(z.regex(/^-?\d+$/))]),
  z.transform((value, ctx) => {
    const cents = Number(value);
    if (Number.isSafeInteger(cents)) return cents;
    ctx.issues.push({ code: 'custom', message: 'amount is not a safe integer', input: value });
    return z.NEVER;
  }),
);

/**
 * Dollars as Procore's REST API writes them ("1234.5", "1234.50", or a number) to integer cents,
 * by string arithmetic: a float never touches the amount.
 */
export const DollarsAsCentsSchema = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value, ctx) => {
    const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(value).trim());
    const cents = match ? Number(`${match[1]}${match[2]}${(match[3] ?? '').padEnd(2, '0')}`) : NaN;
    if (Number.isSafeInteger(cents)) return cents;
    ctx.issues.push({ code: 'custom', message: 'not an amount in dollars and cents', input: value });
    return z.NEVER;
  }),
);

export const IsoDateSchema = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date'));

/**
 * A field no Procore schema marks required: absent, null or of another type, the fact is
 * unknown (null), never the whole record invalid (PROCORE-CONTRACT.md "Paging, limits, errors").
 */
export function known<T extends z.AnySchema>(schema: T) {
  return z.catch(z.nullish(schema), null);
}
