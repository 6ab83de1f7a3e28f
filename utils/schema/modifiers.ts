import { runApart, schema, type AnySchema, type Input, type Output, type RawIssue, type Schema } from './schema';

// zod hands out a shallow copy of a default, so no two parses share one array or object.
const shallowClone = <T>(value: T): T => (Array.isArray(value) ? [...value] : typeof value === 'object' && value !== null ? { ...value } : value) as T;

/** Absent (undefined) allowed; a default inside still applies. */
/*#__NO_SIDE_EFFECTS__*/ export function optional<S extends AnySchema>(inner: S): Schema<Output<S> | undefined, Input<S> | undefined> {
  return schema({
    optin: inner.optin === 'defaulted' ? 'defaulted' : 'optional',
    optout: true,
    read(value, issues) {
      if (value !== undefined) return inner.run(value, issues);
      if (inner.optin !== 'defaulted') return undefined;
      const { read, issues: child } = runApart(inner, undefined);
      return child.length ? undefined : read;
    },
  });
}

/*#__NO_SIDE_EFFECTS__*/ export function nullable<S extends AnySchema>(inner: S): Schema<Output<S> | null, Input<S> | null> {
  return schema({
    optin: inner.optin,
    optout: inner.optout,
    read: (value, issues) => (value === null ? null : inner.run(value, issues)),
  });
}

export const nullish = /*#__NO_SIDE_EFFECTS__*/ <S extends AnySchema>(inner: S): Schema<Output<S> | null | undefined, Input<S> | null | undefined> => optional(nullable(inner));

/** Undefined becomes `fallback` (not validated, as in zod); the key may be absent. */
/*#__NO_SIDE_EFFECTS__*/ export function _default<S extends AnySchema>(inner: S, fallback: NoInfer<Exclude<Output<S>, undefined>>): Schema<Exclude<Output<S>, undefined>, Input<S> | undefined> {
  return schema({
    optin: 'defaulted',
    read(value, issues) {
      const read = value === undefined ? undefined : inner.run(value, issues);
      return read === undefined ? shallowClone(fallback) : read;
    },
  });
}

/** Whatever fails `inner` becomes `fallback`, with no issue. */
/*#__NO_SIDE_EFFECTS__*/ function catchValue<S extends AnySchema>(inner: S, fallback: NoInfer<Output<S>>): Schema<Output<S>, Input<S>> {
  return schema({
    optin: inner.optin === 'defaulted' ? 'defaulted' : 'optional',
    optout: inner.optout,
    read(value) {
      const { read, issues: child } = runApart(inner, value);
      return child.length ? fallback : read;
    },
  });
}
export { catchValue as catch };

/** `to` runs on what `from` made of the value, only if `from` took it. */
/*#__NO_SIDE_EFFECTS__*/ export function pipe<A extends AnySchema, B extends AnySchema>(from: A, to: B): Schema<Output<B>, Input<A>> {
  return schema({
    optin: from.optin,
    optout: to.optout,
    read(value, issues) {
      const start = issues.length;
      const read = from.run(value, issues);
      if (issues.length === start) return to.run(read, issues);
      // Any issue stops the pipe, a failed check too: the value never reaches `to`.
      for (let i = start; i < issues.length; i++) issues[i] = { ...issues[i]!, fatal: true };
      return read;
    },
  });
}

export interface TransformContext {
  issues: { push(...issues: RawIssue[]): number };
}

/** A transform that reports an issue returns `NEVER`. */
/*#__NO_SIDE_EFFECTS__*/ export function transform<I, O>(change: (value: I, context: TransformContext) => O): Schema<O, I> {
  return schema({
    optin: 'optional',
    read: (value, issues) => change(value as I, { issues: { push: (...raised) => issues.push(...raised.map((issue) => ({ ...issue, fatal: true }))) } }),
  });
}
