/**
 * The extension's own schema validator: the part of zod/mini's API its schemas use, with zod's
 * English wording, at a tenth of zod's size in the service worker (issue 14). Semantics follow
 * zod 4 where the schemas depend on them (object keys that may be absent, defaults, catch,
 * unions that report the one option whose type matched); `test/unit/schema/zod-oracle.test.ts`
 * holds every shipped schema to zod's own answers.
 *
 * Every function that builds a schema or a check is marked `#__NO_SIDE_EFFECTS__`: schemas are
 * built when a module loads, and the mark lets the bundler drop those a bundle never uses instead
 * of building them at each wake of the worker.
 */

export interface Issue {
  readonly code: string;
  readonly path: PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  /** A wrong type (or shape) stops the checks after it; a failed check lets the others run. */
  readonly fatal?: boolean;
}

/** An issue as a transform reports it: no path (the schema's own). */
export type RawIssue = Omit<Issue, 'path'> & { path?: PropertyKey[] };

export type SafeParseResult<T> =
  | { success: true; data: T; error?: undefined }
  | { success: false; data?: undefined; error: { issues: Issue[] } };

/**
 * A check on an already typed value; pushes an issue when the value fails it, worded by the
 * check's own message, else its schema's (`z.int('…')`), else zod's English. A length check runs
 * on anything with a length even after a wrong type, as zod's does.
 */
export type Check<T> = ((value: T, issues: RawIssue[], schemaError?: string) => void) & { readonly onLength?: true; readonly maximum?: number };

const hasLength = (value: unknown): boolean => value !== null && value !== undefined && (value as { length?: unknown }).length !== undefined;

/**
 * `optional`: the key may be absent and then stays absent; `defaulted`: the key may be absent and
 * the schema supplies a value for it.
 */
export type Absence = 'optional' | 'defaulted' | undefined;

export interface Schema<O = unknown, I = O> {
  /** Types only: never set. */
  readonly '~types'?: { output: O; input: I };
  readonly optin: Absence;
  /** Whether the output may be absent (so an absent key stays absent). */
  readonly optout: boolean;
  run(value: unknown, issues: RawIssue[]): unknown;
  check(...checks: Check<O>[]): Schema<O, I>;
  safeParse(value: unknown): SafeParseResult<O>;
  parse(value: unknown): O;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bound of every schema type
export type AnySchema = Schema<any, any>;
export type Output<S> = S extends { readonly '~types'?: { output: infer O } } ? O : never;
export type Input<S> = S extends { readonly '~types'?: { input: infer I } } ? I : never;

/** What a transform returns after reporting an issue: the value is never used. */
export const NEVER = Object.freeze({ never: true }) as never;

export function aborted(issues: readonly RawIssue[], from = 0): boolean {
  for (let i = from; i < issues.length; i++) if (issues[i]!.fatal) return true;
  return false;
}

/** `child` run on its own issue list: a parent keeps, moves or drops those issues. */
export function runApart(child: Schema<unknown, unknown>, value: unknown): { read: unknown; issues: RawIssue[] } {
  const issues: RawIssue[] = [];
  return { read: child.run(value, issues), issues };
}

/** The child's issues, each under `key` in the parent's. */
export function under(key: PropertyKey, child: readonly RawIssue[], issues: RawIssue[]): void {
  for (const issue of child) issues.push({ ...issue, path: [key, ...(issue.path ?? [])] });
}

interface Parts {
  read(value: unknown, issues: RawIssue[]): unknown;
  /** The schema's own message, for its checks that have none. */
  error?: string;
  optin?: Absence;
  optout?: boolean;
}

/*#__NO_SIDE_EFFECTS__*/ export function schema<O, I = O>(parts: Parts, checks: readonly Check<O>[] = []): Schema<O, I> {
  const self: Schema<O, I> = {
    optin: parts.optin,
    optout: parts.optout ?? false,
    run(value, issues) {
      const from = issues.length;
      // An array over its maximum length is refused whole, its items never read (zod's size cap).
      const cap = Array.isArray(value) ? checks.find((check) => check.maximum !== undefined && value.length > check.maximum) : undefined;
      if (cap) {
        cap(value as O, issues, parts.error);
        issues[from] = { ...issues[from]!, fatal: true };
        return value;
      }
      const out = parts.read(value, issues);
      const stopped = aborted(issues, from);
      for (const check of checks) if (check.onLength ? hasLength(out) : !stopped) check(out as O, issues, parts.error);
      return out;
    },
    check: (...more) => schema<O, I>(parts, [...checks, ...more]),
    safeParse(value) {
      const issues: RawIssue[] = [];
      const data = self.run(value, issues) as O;
      if (issues.length === 0) return { success: true, data };
      return { success: false, error: { issues: issues.map(({ code, path, message, input }) => ({ code, path: path ?? [], message, input })) } };
    },
    parse(value) {
      const result = self.safeParse(value);
      if (result.success) return result.data;
      throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '));
    },
  };
  return self;
}
