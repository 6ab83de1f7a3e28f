/** The `rel="next"` target of a `Link` header, or null on the last page. */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (match && /rel="?next"?/.test(match[2]!)) return match[1]!;
  }
  return null;
}
