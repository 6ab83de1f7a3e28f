/** The `rel="next"` target of a `Link` header, or null on the last page. */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (match && /rel="?next"?/.test(match[2]!)) return match[1]!;
  }
  return null;
}

const isProcoreHost = (host: string) => host === 'procore.com' || host.endsWith('.procore.com');

/**
 * A paging link rebased onto the origin in use (PROCORE-CONTRACT.md: a `Link` may name another
 * Procore host, e.g. api.procore.com for a session on us02.procore.com). A link off Procore is
 * never followed: null.
 */
export function rebaseLink(target: string, origin: string): string | null {
  const base = new URL(origin);
  const url = new URL(target, base);
  if (url.origin !== base.origin && !isProcoreHost(url.hostname)) return null;
  return new URL(`${url.pathname}${url.search}`, base).toString();
}
