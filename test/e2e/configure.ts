import type { Page } from 'playwright-core';
import type { Settings } from '../../utils/domain/settings';
import type { Envelope, MessageName, SettingsView } from '../../utils/messaging';
import type { LaunchedExtension } from './launch';

export interface ConfigureOptions {
  /** The sim's origin, e.g. `http://127.0.0.1:51234`. */
  apiOrigin: string;
  /**
   * A shorter sync window: only the sandbox build accepts it (its `sandbox.setSyncWindow` message);
   * the product always runs on 10 minutes.
   */
  windowMs?: number;
  companyIds?: string[];
  /** Other settings to apply in the same update. */
  settings?: Partial<Settings>;
  /**
   * Sign the browser in to the sim first (`POST /__sim/session`, the scenario's first user or the
   * given login). The cookie lands in the browser profile, where the service worker's requests
   * with `credentials: 'include'` pick it up. Default true.
   */
  signIn?: boolean | string;
  /** Run `poll.now` after the settings are stored. Default true. */
  poll?: boolean;
}

/** Sends one message from an extension page (the router trusts only our pages and content scripts). */
export async function sendFromExtensionPage<T>(page: Page, name: MessageName, payload: unknown): Promise<T> {
  const envelope = await page.evaluate(
    ([n, p]) => chrome.runtime.sendMessage({ name: n, payload: p }) as Promise<Envelope<unknown>>,
    [name, payload] as const,
  );
  if (!envelope || !envelope.ok) throw new Error(`${name} failed: ${envelope ? envelope.error : 'no answer'}`);
  return envelope.value as T;
}

/** Shortens the sync window of a sandbox build (a production build knows no such message). */
export async function setSandboxSyncWindow(page: Page, windowMs: number): Promise<void> {
  const envelope = await page.evaluate(
    (ms) => chrome.runtime.sendMessage({ name: 'sandbox.setSyncWindow', payload: { windowMs: ms } }) as Promise<Envelope<unknown>>,
    windowMs,
  );
  if (!envelope || !envelope.ok) throw new Error(`sandbox.setSyncWindow failed: ${envelope ? envelope.error : 'no answer'}`);
}

/** An extension page to send messages from; the caller closes it. */
export async function openExtensionPage(ext: LaunchedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  return page;
}

/**
 * Points the loaded extension at a sim: signs the browser in, stores the settings through an
 * extension page (as the options page would) and runs a poll. Returns the stored settings.
 */
export async function configureExtension(ext: LaunchedExtension, options: ConfigureOptions): Promise<SettingsView> {
  const signIn = options.signIn ?? true;
  if (signIn) {
    const response = await ext.context.request.post(`${options.apiOrigin}/__sim/session`, {
      data: typeof signIn === 'string' ? { login: signIn } : {},
    });
    if (!response.ok()) throw new Error(`Signing in to the sim failed: HTTP ${response.status()} ${await response.text()}`);
  }
  const patch: Partial<Settings> = {
    environment: 'custom',
    apiOrigin: options.apiOrigin,
    authMode: 'session',
    ...(options.companyIds ? { companyIds: options.companyIds } : {}),
    ...options.settings,
  };
  const page = await openExtensionPage(ext);
  try {
    if (options.windowMs !== undefined) await setSandboxSyncWindow(page, options.windowMs);
    const view = await sendFromExtensionPage<SettingsView>(page, 'settings.update', { patch });
    if (options.poll ?? true) await sendFromExtensionPage(page, 'poll.now', {});
    return view;
  } finally {
    await page.close();
  }
}
