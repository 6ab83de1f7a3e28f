import { matchesPattern } from './match-pattern';

export type SenderKind = 'extension_page' | 'content_script';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface SenderTrust {
  runtimeId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  /** The match patterns our content scripts are registered for (from the manifest). */
  contentScriptMatches: readonly string[];
}

/**
 * Who sent a message: one of our extension pages, one of our content scripts on a page it is
 * registered for, or nobody we trust (null). Other extensions and web pages never pass.
 */
export function senderKind(sender: SenderLike, trust: SenderTrust): SenderKind | null {
  if (!sender.id || sender.id !== trust.runtimeId || !sender.url) return null;
  // Popup and options pages (the options page may sit in a tab) are served from our origin.
  if (sender.url.startsWith(trust.extensionOrigin)) return 'extension_page';
  if (!sender.tab) return null;
  const url = sender.url;
  const matches = trust.contentScriptMatches.some((pattern) => matchesPattern(pattern, url));
  return matches ? 'content_script' : null;
}
