import { schema, type Schema } from './schema';
import { boundIssue, formatIssue, typeIssue, valueIssue } from './english';

function typed<T>(expected: string, is: (value: unknown) => boolean, error?: string): Schema<T> {
  return schema<T>({
    error,
    read(value, issues) {
      if (!is(value)) issues.push(typeIssue(expected, value, error));
      return value;
    },
  });
}

export const string = /*#__NO_SIDE_EFFECTS__*/ (error?: string) => typed<string>('string', (v) => typeof v === 'string', error);
export const boolean = /*#__NO_SIDE_EFFECTS__*/ (error?: string) => typed<boolean>('boolean', (v) => typeof v === 'boolean', error);
export const number = /*#__NO_SIDE_EFFECTS__*/ (error?: string) => typed<number>('number', Number.isFinite, error);
export const unknown = /*#__NO_SIDE_EFFECTS__*/ () => schema<unknown>({ read: (value) => value });

/** A safe integer; beyond ±2^53 − 1 the number is too big or too small, not of another type. */
/*#__NO_SIDE_EFFECTS__*/ export function int(error?: string): Schema<number> {
  return schema<number>({
    error,
    read(value, issues) {
      if (!Number.isFinite(value)) issues.push(typeIssue('number', value, error));
      else if (!Number.isInteger(value)) issues.push(typeIssue('int', value, error));
      else if (Math.abs(value as number) > Number.MAX_SAFE_INTEGER) {
        const big = (value as number) > 0;
        issues.push(boundIssue(big ? 'big' : 'small', 'int', big ? '<=' : '>=', big ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER, value, error));
      }
      return value;
    },
  });
}

function oneOf<T>(values: readonly T[]): Schema<T> {
  return schema<T>({
    read(value, issues) {
      if (!values.includes(value as T)) issues.push(valueIssue(values, value));
      return value;
    },
  });
}

export const literal = /*#__NO_SIDE_EFFECTS__*/ <const T extends string | number | boolean>(value: T): Schema<T> => oneOf([value]);
export const enumOf = /*#__NO_SIDE_EFFECTS__*/ <const T extends readonly string[]>(values: T): Schema<T[number]> => oneOf(values);

/**
 * A URL (`new URL` parses it, trimmed) whose scheme matches `protocol`, written with `://`
 * (so `http:example.com` is refused); `error` words every issue.
 */
/*#__NO_SIDE_EFFECTS__*/ export function url(options: { protocol?: RegExp; error?: string } = {}): Schema<string> {
  const { protocol, error } = options;
  return schema<string>({
    error,
    read(value, issues) {
      if (typeof value !== 'string') {
        issues.push(typeIssue('string', value, error));
        return value;
      }
      const trimmed = value.trim();
      const scheme = /^([a-z][a-z\d+.-]*):\/\//i.exec(trimmed)?.[1];
      const ok = URL.canParse(trimmed) && (!protocol || (scheme !== undefined && protocol.test(new URL(trimmed).protocol.slice(0, -1))));
      if (!ok) issues.push(formatIssue(value, error));
      return trimmed.replace(/[\t\n\r]/g, '');
    },
  });
}
