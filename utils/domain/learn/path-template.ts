/**
 * An endpoint as learned: the path with ids as placeholders (PROCORE-CONTRACT.md: "method + path
 * template with ids as placeholders + the query it used"). Pure.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d+$/;

export const COMPANY = '{company}';
export const RECORD = '{id}';

/** `/a/8089/b/77` → `/a/{company}/b/{id}`: the company's id, then any numeric or UUID segment. */
export function pathTemplate(path: string, companyId: string): string {
  return path
    .split('/')
    .map((segment) => {
      const raw = safeDecode(segment);
      if (raw === companyId) return COMPANY;
      return NUMBER.test(raw) || UUID.test(raw) ? RECORD : segment;
    })
    .join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The query a replay may carry: the page's own, without its paging position. */
export function learnedQuery(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('page');
  return params.toString();
}

/**
 * Whether a template may be replayed from the background: a plain same-origin path (no host, no
 * `..`, no scheme), with at most one record placeholder, naming its company.
 */
export function isReplayableTemplate(template: string): boolean {
  if (!template.startsWith('/') || template.startsWith('//') || template.includes('..') || template.includes('\\') || /[?#]/.test(template)) return false;
  const records = template.split(RECORD).length - 1;
  return template.includes(COMPANY) && records <= 1;
}

/** The replay URL path of a template for a company (and a record, where the template has one). */
export function fillTemplate(template: string, companyId: string, recordId?: string): string | null {
  if (template.includes(RECORD) && recordId === undefined) return null;
  const filled = template.replace(COMPANY, encodeURIComponent(companyId));
  return recordId === undefined ? filled : filled.replace(RECORD, encodeURIComponent(recordId));
}
