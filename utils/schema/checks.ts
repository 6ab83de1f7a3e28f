import type { Check, RawIssue } from './schema';
import { boundIssue, formatIssue } from './english';

type Lengthy = string | readonly unknown[];

// zod counts a string's length in code points, so an emoji is one character, not two. The
// comparisons are written so that a length that is not a number fails them, as in zod.
const lengthOf = (value: Lengthy): number => (typeof value === 'string' ? [...value].length : value.length);
const originOf = (value: Lengthy): string => (typeof value === 'string' ? 'string' : Array.isArray(value) ? 'array' : 'unknown');

const onLength = (check: (value: Lengthy, issues: RawIssue[], schemaError?: string) => void, maximum?: number): Check<Lengthy> =>
  Object.assign(check, { onLength: true as const, maximum });

export const minLength = /*#__NO_SIDE_EFFECTS__*/ (minimum: number, error?: string) =>
  onLength((value, issues, schemaError) => {
    if (!(lengthOf(value) >= minimum)) issues.push(boundIssue('small', originOf(value), '>=', minimum, value, error ?? schemaError));
  });

export const maxLength = /*#__NO_SIDE_EFFECTS__*/ (maximum: number, error?: string) =>
  onLength((value, issues, schemaError) => {
    if (!(value.length <= maximum) && !(lengthOf(value) <= maximum)) issues.push(boundIssue('big', originOf(value), '<=', maximum, value, error ?? schemaError));
  }, maximum);

export const gte = /*#__NO_SIDE_EFFECTS__*/ (minimum: number, error?: string): Check<number> => (value, issues, schemaError) => {
  if (!(value >= minimum)) issues.push(boundIssue('small', 'number', '>=', minimum, value, error ?? schemaError));
};

export const lte = /*#__NO_SIDE_EFFECTS__*/ (maximum: number, error?: string): Check<number> => (value, issues, schemaError) => {
  if (!(value <= maximum)) issues.push(boundIssue('big', 'number', '<=', maximum, value, error ?? schemaError));
};

export const positive = /*#__NO_SIDE_EFFECTS__*/ (error?: string): Check<number> => (value, issues, schemaError) => {
  if (!(value > 0)) issues.push(boundIssue('small', 'number', '>', 0, value, error ?? schemaError));
};

export const nonnegative = /*#__NO_SIDE_EFFECTS__*/ (error?: string): Check<number> => gte(0, error);

export const regex = /*#__NO_SIDE_EFFECTS__*/ (pattern: RegExp, error?: string): Check<string> => (value, issues, schemaError) => {
  pattern.lastIndex = 0;
  if (!pattern.test(value)) issues.push(formatIssue(value, error ?? schemaError ?? `Invalid string: must match pattern ${String(pattern)}`));
};

export const refine = /*#__NO_SIDE_EFFECTS__*/ <T>(holds: (value: T) => boolean, error?: string): Check<T> => (value, issues, schemaError) => {
  if (!holds(value)) issues.push({ code: 'custom', input: value, message: error ?? schemaError ?? 'Invalid input' });
};
