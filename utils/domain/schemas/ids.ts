import { z } from '../zod';

// Procore ids are 64-bit (PROCORE-CONTRACT.md): numbers from the API become strings at the edge,
// so no id is ever rounded by a JavaScript number.
export const IdSchema = z.pipe(
  z.union([z.string().check(z.minLength(1)), z.int().check(z.nonnegative())]),
  z.transform(String),
);

// Money arrives as integer cents; a fractional or unsafe value is a schema error, not a rounding.
export const CentsSchema = z.int().check(z.refine(Number.isSafeInteger, 'amount is not a safe integer'));

export const IsoDateSchema = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date'));
