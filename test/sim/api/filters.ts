import { SimHttpError } from '../sim-error';

/** `filters[name][]` values (repeatable) and `filters[name]` single values, as Procore writes them. */
export function filterValues(url: URL, name: string): string[] {
  return [...url.searchParams.getAll(`filters[${name}][]`), ...url.searchParams.getAll(`filters[${name}]`)].filter((v) => v !== '');
}

export function filterValue(url: URL, name: string): string | undefined {
  return filterValues(url, name)[0];
}

/** Procore's range form `<iso>...<iso>`; either end may be left empty for an open range. */
export function updatedAtRange(url: URL): ((ms: number) => boolean) | undefined {
  const raw = filterValue(url, 'updated_at');
  if (raw === undefined) return undefined;
  const parts = raw.split('...');
  const bound = (s: string | undefined) => {
    if (s === undefined || s === '') return null;
    const ms = Date.parse(s);
    if (Number.isNaN(ms)) throw new SimHttpError(422, { 'filters[updated_at]': ['must be <iso8601>...<iso8601>'] });
    return ms;
  };
  if (parts.length !== 2) throw new SimHttpError(422, { 'filters[updated_at]': ['must be <iso8601>...<iso8601>'] });
  const from = bound(parts[0]);
  const to = bound(parts[1]);
  // Timestamps are written to the second: a bound includes its whole second.
  return (ms) => (from === null || ms >= Math.floor(from / 1000) * 1000) && (to === null || ms < Math.floor(to / 1000) * 1000 + 1000);
}
