import type * as z from '../schema/z';

export interface SchemaProblem {
  /** What was being read, e.g. "disbursements of company 8089". */
  source: string;
  /** The record's id where it had one, else its position. */
  record: string;
  issues: string;
}

/** Validates each record on its own: a bad one is skipped and reported, the rest are kept. */
export function validateRecords<S extends z.AnySchema>(
  schema: S,
  raw: unknown,
  source: string,
  problems: SchemaProblem[],
): z.output<S>[] {
  if (!Array.isArray(raw)) {
    problems.push({ source, record: '(response)', issues: 'expected a list of records' });
    return [];
  }
  const kept: z.output<S>[] = [];
  raw.forEach((value, index) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) kept.push(parsed.data);
    else {
      const id = (value as { id?: unknown } | null)?.id;
      problems.push({
        source,
        record: id === undefined ? `#${index}` : String(id),
        issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; '),
      });
    }
  });
  return kept;
}
