/** A form or JSON value as a whole number where it is written as one (forms send text); '' is absent. */
export function wholeNumber(value: unknown): unknown {
  if (value === '') return undefined;
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}
