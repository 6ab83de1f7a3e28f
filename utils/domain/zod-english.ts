import type { z } from 'zod/mini';

type Issue = z.core.$ZodRawIssue;

const UNITS: Record<string, string> = { string: 'characters', array: 'items' };

// `nan` reads as NaN; an infinite number as itself ("received Infinity").
function typeName(type: string, input?: unknown): string {
  if (type === 'number' && typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return type === 'nan' ? 'NaN' : type;
}

function receivedType(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : 'number';
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

function bound(issue: { origin?: string; exact?: boolean; inclusive?: boolean }, word: 'big' | 'small', limit: { toString(): string }): string {
  const adj = issue.exact ? 'exactly ' : issue.inclusive ? (word === 'big' ? '<=' : '>=') : word === 'big' ? '<' : '>';
  const unit = UNITS[issue.origin ?? ''];
  const expected = `Too ${word}: expected ${issue.origin ?? 'value'}`;
  return unit ? `${expected} to have ${adj}${limit.toString()} ${unit}` : `${expected} to be ${adj}${limit.toString()}`;
}

/**
 * zod's English wording (its `en` locale) for the issues our schemas raise without a message of
 * their own: wrong type, value outside an enum or literal, too small or too big, not matching a pattern. Everything else
 * they raise carries its own message or is zod's fallback "Invalid input". The full locale costs
 * the service worker a kilobyte of its size budget; `test/unit/domain/zod-english.test.ts` holds
 * this to zod's own wording.
 */
export function englishMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${typeName(issue.expected)}, received ${typeName(receivedType(issue.input), issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${literal(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(literal).join('|')}`;
    case 'too_big':
      return bound(issue, 'big', issue.maximum);
    case 'too_small':
      return bound(issue, 'small', issue.minimum);
    case 'invalid_format':
      return issue.format === 'regex' ? `Invalid string: must match pattern ${String(issue.pattern)}` : undefined;
    default:
      return undefined;
  }
}
