import { browser } from 'wxt/browser';
import type * as z from '../schema/z';
import { RequestSchemas, type Envelope, type MessageName, type Replies } from '../messaging';
import { senderKind, type SenderKind, type SenderLike, type SenderTrust } from './sender-check';

export type Payload<N extends MessageName> = z.output<(typeof RequestSchemas)[N]>;

export type MessageHandlers = {
  /** `origin`: the sender's origin as the browser reports it (a content script's Procore tab). */
  [N in MessageName]: (payload: Payload<N>, from: SenderKind, origin: string | null) => Promise<Replies[N]>;
};

/** Messages only our own pages may send: they change settings, erase data or touch tokens. */
const PAGE_ONLY: ReadonlySet<MessageName> = new Set<MessageName>([
  'settings.update',
  'data.clear',
  'oauth.signIn',
  'oauth.setClientSecret',
  'connection.test',
  'audit.list',
  'history.list',
  'compatibility.get',
  'fix.open',
]);

function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.hasOwn(RequestSchemas, name);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks the sender, validates the payload with the message's schema and calls its handler.
 * Always answers with an envelope, so the caller reads an error as words, never a hang.
 */
export async function routeMessage(
  handlers: MessageHandlers,
  message: unknown,
  sender: SenderLike,
  trust: SenderTrust,
): Promise<Envelope<unknown>> {
  const from = senderKind(sender, trust);
  if (!from) return { ok: false, error: 'Refused: this message did not come from ERP Sync Watch.' };
  const { name, payload } = (message ?? {}) as { name?: unknown; payload?: unknown };
  if (!isMessageName(name)) return { ok: false, error: `Unknown message "${String(name)}".` };
  if (from === 'content_script' && PAGE_ONLY.has(name)) {
    return { ok: false, error: `Refused: "${name}" may only be sent from the extension's own pages.` };
  }
  const parsed = RequestSchemas[name].safeParse(payload ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
    return { ok: false, error: `Invalid "${name}" request: ${detail}` };
  }
  try {
    const handler = handlers[name] as (p: unknown, f: SenderKind, o: string | null) => Promise<unknown>;
    const origin = sender.url && URL.canParse(sender.url) ? new URL(sender.url).origin : null;
    return { ok: true, value: await handler(parsed.data, from, origin) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** The trust facts of this running extension: its id, origin and content-script matches. */
export function runtimeTrust(): SenderTrust {
  const manifest = browser.runtime.getManifest();
  return {
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    contentScriptMatches: (manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []),
  };
}

/** A route for messages outside the protocol (a sandbox build's test controls): null when not its own. */
export type OwnRoute = (message: unknown, sender: SenderLike) => Promise<Envelope<unknown>> | null;

export function setupMessageRouter(handlers: MessageHandlers, trust: () => SenderTrust = runtimeTrust, ownRoute?: OwnRoute): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: SenderLike) => ownRoute?.(message, sender) ?? routeMessage(handlers, message, sender, trust()),
  );
}
