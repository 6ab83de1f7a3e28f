import { aborted, runApart, schema, type AnySchema, type Input, type Output, type RawIssue, type Schema } from './schema';

/**
 * The first option that takes the value; failing that, the issues of the one option whose type
 * matched (its checks failed), or "Invalid input" when none or several did.
 */
/*#__NO_SIDE_EFFECTS__*/ export function union<const T extends readonly AnySchema[]>(options: T): Schema<Output<T[number]>, Input<T[number]>> {
  return schema({
    optin: options.some((o) => o.optin === 'defaulted') ? 'defaulted' : options.some((o) => o.optin) ? 'optional' : undefined,
    optout: options.some((o) => o.optout),
    read(value, issues) {
      const tried: { read: unknown; issues: RawIssue[] }[] = [];
      for (const option of options) {
        const result = runApart(option, value);
        if (result.issues.length === 0) return result.read;
        tried.push(result);
      }
      const live = tried.filter((t) => !aborted(t.issues));
      if (live.length === 1) {
        issues.push(...live[0]!.issues);
        return live[0]!.read;
      }
      issues.push({ code: 'invalid_union', input: value, fatal: true, message: 'Invalid input' });
      return value;
    },
  });
}
