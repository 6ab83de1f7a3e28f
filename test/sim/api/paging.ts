import { SimHttpError } from '../sim-error';

export const MAX_PER_PAGE = 2000;
export const DEFAULT_PER_PAGE = 100;

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

function positiveInt(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new SimHttpError(422, { [name]: ['must be a positive integer'] });
  return Number(raw);
}

/**
 * Procore's paging: 1-based `page`, `per_page` up to 2000 (beyond: 422), headers `Total`,
 * `Per-Page` and `Link` (first, prev, next, last), each link the request's own URL with `page`
 * changed. A page past the last is an empty list.
 */
export function paginate<T>(all: readonly T[], url: URL, origin: string, defaultPerPage = DEFAULT_PER_PAGE): Page<T> {
  const page = positiveInt(url, 'page', 1);
  const perPage = positiveInt(url, 'per_page', defaultPerPage);
  if (perPage > MAX_PER_PAGE) throw new SimHttpError(422, { per_page: [`must be at most ${MAX_PER_PAGE}`] });
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (n: number, rel: string) => {
    const target = new URL(url.pathname + url.search, origin);
    target.searchParams.set('page', String(n));
    target.searchParams.set('per_page', String(perPage));
    return `<${target.toString()}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(link(page + 1, 'next'));
  links.push(link(last, 'last'));
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    headers: { Total: String(all.length), 'Per-Page': String(perPage), Link: links.join(', ') },
  };
}
