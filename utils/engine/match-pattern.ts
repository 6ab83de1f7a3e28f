// The background's own reader of the manifest's match patterns: the three shapes our content
// scripts are registered for (`https://*.procore.com/*`, and in sandbox builds
// `http://127.0.0.1/*`, `http://localhost/*`) and the rest of Chrome's grammar short of
// `<all_urls>` and `file:`. WXT's MatchPattern does the same for 2 KB of the worker's bundle.
const PATTERN = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/;

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Whether `url` falls under a `scheme://host/path` match pattern; an unknown pattern matches nothing. */
export function matchesPattern(pattern: string, url: string): boolean {
  const parts = PATTERN.exec(pattern);
  if (!parts || !URL.canParse(url)) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const target = new URL(url);
  const protocol = target.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = target.hostname;
  const domain = host.startsWith('*.') ? host.slice(2).toLowerCase() : null;
  const hostOk = host === '*' || (domain !== null ? hostname === domain || hostname.endsWith(`.${domain}`) : hostname === host.toLowerCase());
  if (!hostOk) return false;
  const glob = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`, 's');
  return glob.test(target.pathname + target.search);
}
