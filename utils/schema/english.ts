import type { RawIssue } from './schema';

// zod's English (its `en` locale) for the issues the schemas raise without a message of their
// own; `test/unit/schema/zod-oracle.test.ts` holds these words to zod's.

const UNITS: Record<string, string> = { string: 'characters', array: 'items' };

function received(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : Number.isFinite(input) ? 'number' : String(input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'object' && Object.getPrototypeOf(input) !== Object.prototype && 'constructor' in input && input.constructor) {
    return (input.constructor as { name: string }).name;
  }
  return typeof input;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

export function typeIssue(expected: string, input: unknown, error?: string): RawIssue {
  return { code: 'invalid_type', input, fatal: true, message: error ?? `Invalid input: expected ${expected}, received ${received(input)}` };
}

export function valueIssue(values: readonly unknown[], input: unknown): RawIssue {
  const message = values.length === 1 ? `Invalid input: expected ${literal(values[0])}` : `Invalid option: expected one of ${values.map(literal).join('|')}`;
  return { code: 'invalid_value', input, fatal: true, message };
}

/** Outside a bound: `origin` is what was measured (string, array, number, int). */
export function boundIssue(word: 'big' | 'small', origin: string, relation: string, limit: number, input: unknown, error?: string): RawIssue {
  const unit = UNITS[origin];
  const expected = `Too ${word}: expected ${origin}`;
  const message = error ?? (unit ? `${expected} to have ${relation}${limit} ${unit}` : `${expected} to be ${relation}${limit}`);
  return { code: word === 'big' ? 'too_big' : 'too_small', input, message };
}

export function formatIssue(input: unknown, error = 'Invalid input'): RawIssue {
  return { code: 'invalid_format', input, message: error };
}
