// The validator as one namespace (`import * as z from '../schema/z'`), named as zod/mini names
// the same functions, so a schema reads as it would with zod.
export { NEVER, type AnySchema, type Input as input, type Output as output, type Output as infer, type Schema } from './schema';
export { boolean, enumOf as enum, int, literal, number, string, unknown, url } from './primitives';
export { gte, lte, maxLength, minLength, nonnegative, positive, refine, regex } from './checks';
export { catchall, object, partial } from './object';
export { array } from './array';
export { union } from './union';
export { _default, catch, nullable, nullish, optional, pipe, transform } from './modifiers';
