import { runApart, schema, under, type AnySchema, type Input, type Output, type RawIssue, type Schema } from './schema';
import { typeIssue } from './english';
import { optional } from './modifiers';

export type Shape = Record<string, AnySchema>;
type Flat<T> = { [K in keyof T]: T[K] } & {};
/** A key whose value may be undefined (but is not just anything) may be absent. */
type Absent<T> = unknown extends T ? false : undefined extends T ? true : false;
type Fields<S extends Shape, Of extends 'output' | 'input'> = Flat<
  { [K in keyof S as Absent<Side<S[K], Of>> extends true ? never : K]: Side<S[K], Of> } & {
    [K in keyof S as Absent<Side<S[K], Of>> extends true ? K : never]?: Side<S[K], Of>;
  }
>;
type Side<S, Of> = Of extends 'output' ? Output<S> : Input<S>;

export interface ObjectSchema<S extends Shape> extends Schema<Fields<S, 'output'>, Fields<S, 'input'>> {
  readonly shape: S;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * zod 4's rules for a key: absent and optional, it stays absent (and its issues, if any, are
 * dropped); absent and required, it is an issue; a default fills it; keys not in the shape are
 * dropped (or checked by `rest`).
 */
function readObject(shape: Shape, rest: AnySchema | undefined, value: unknown, issues: RawIssue[]): unknown {
  if (!isRecord(value)) {
    issues.push(typeIssue('object', value));
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const field = shape[key]!;
    const present = key in value;
    const { read, issues: child } = runApart(field, value[key]);
    if (!present && field.optout && field.optin === 'optional') continue;
    if (child.length && !(present || !field.optin || !field.optout)) continue;
    under(key, child, issues);
    if (!present && !field.optin) {
      if (!child.length) issues.push({ ...typeIssue('nonoptional', undefined), path: [key] });
      continue;
    }
    if (read !== undefined || present || (field.optin === 'defaulted' && !field.optout)) out[key] = read;
  }
  if (rest) {
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(shape, key) || key === '__proto__') continue;
      const { read, issues: child } = runApart(rest, value[key]);
      out[key] = read;
      under(key, child, issues);
    }
  }
  return out;
}

/*#__NO_SIDE_EFFECTS__*/ export function object<S extends Shape>(shape: S): ObjectSchema<S> {
  return { ...schema({ read: (value, issues) => readObject(shape, undefined, value, issues) }), shape };
}

/** An object whose other keys each hold a `rest` value (a record of them when the shape is empty). */
/*#__NO_SIDE_EFFECTS__*/ export function catchall<S extends Shape, R extends AnySchema>(base: ObjectSchema<S>, rest: R): Schema<Fields<S, 'output'> & Record<string, Output<R>>, Fields<S, 'input'> & Record<string, Input<R>>> {
  return schema({ read: (value, issues) => readObject(base.shape, rest, value, issues) });
}

type Optional<S extends Shape> = { [K in keyof S]: Schema<Output<S[K]> | undefined, Input<S[K]> | undefined> };

/** Every key optional; a default inside still fills its key (zod 4). */
/*#__NO_SIDE_EFFECTS__*/ export function partial<S extends Shape>(base: ObjectSchema<S>): ObjectSchema<Optional<S>> {
  const shape = Object.fromEntries(Object.entries(base.shape).map(([key, field]) => [key, optional(field)]));
  return object(shape as Optional<S>);
}
