import type { Page } from 'playwright-core';
import type { Settings } from '../../utils/domain/settings';
import type { Capability } from '../../utils/domain/capability';
import type { Compatibility, Envelope, MessageName, SettingsView } from '../../utils/messaging';
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
  /**
   * Teach the extension the way a user does (contract v2: no public endpoint lists disbursements):
   * open the sandbox's Payments pages in a tab until `compatibility.get` says disbursements are
   * discovered, then close it. Default true; false is a fresh install that has seen no page.
   */
  learn?: boolean;
  /** The company whose Payments pages teach it (default: the first of `companyIds`, else 8089). */
  learnCompanyId?: string;
  /** Run `poll.now` after the settings are stored (and the pages learned). Default true. */
  poll?: boolean;
}

const LEARN_TIMEOUT_MS = 30_000;

/** Whether a capability is met (public API or learned), from `compatibility.get`. */
export async function capabilityMet(page: Page, capability: Capability): Promise<boolean> {
  const compatibility = await sendFromExtensionPage<Compatibility>(page, 'compatibility.get', {});
  const source = compatibility.capabilities?.find((c) => c.id === capability)?.source;
  return source === 'learned' || source === 'public_api';
}

/** Polls `compatibility.get` until the capability is met; false at the deadline. */
export async function waitForCapability(page: Page, capability: Capability, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await capabilityMet(page, capability)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Opens the sandbox's Payments tool as a user would: the Disbursements tab, then (when the list
 * alone did not give the payouts) one disbursement reached from it. Resolves once
 * `compatibility.get` reports discover_disbursements met; throws naming what is still missing.
 */
export async function learnFromPaymentsPages(ext: LaunchedExtension, extensionPage: Page, origin: string, companyId: string, timeoutMs = LEARN_TIMEOUT_MS): Promise<void> {
  const tab = await ext.context.newPage();
  try {
    await tab.goto(`${origin}/${companyId}/company/payments/disbursements`);
    const rows = tab.locator('.ag-row[row-index] a[href*="/payments/disbursements/"]');
    if (!(await waitForCapability(extensionPage, 'discover_disbursements', timeoutMs))) {
      throw new Error(`The extension did not learn the disbursement list from ${tab.url()} within ${timeoutMs / 1000} s: compatibility.get still reports discover_disbursements not met (${await describeLearned(extensionPage)}).`);
    }
    if (await capabilityMet(extensionPage, 'read_payouts')) return;
    // A company with no disbursement has no detail page to open.
    if (!(await rows.first().waitFor({ timeout: 5_000 }).then(() => true, () => false))) return;
    await rows.first().click();
    await tab.waitForURL(/\/payments\/disbursements\/[^/]+$/);
    if (!(await waitForCapability(extensionPage, 'read_payouts', timeoutMs))) {
      throw new Error(`The extension did not learn a disbursement's payouts from ${tab.url()} within ${timeoutMs / 1000} s: compatibility.get still reports read_payouts not met (${await describeLearned(extensionPage)}).`);
    }
  } finally {
    await tab.close();
  }
}

/** What the extension learned and how each capability is met, for an error message. */
export async function describeLearned(page: Page): Promise<string> {
  const compatibility = await sendFromExtensionPage<Compatibility>(page, 'compatibility.get', {});
  const learned = compatibility.learned?.map((l) => `${l.kind} ${l.template}`).join(', ') || 'none';
  const sources = compatibility.capabilities?.map((c) => `${c.id}: ${c.source}`).join(', ') ?? 'no capabilities reported';
  return `learned endpoints: ${learned}; ${sources}`;
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
 * extension page (as the options page would), opens the Payments pages once so it learns how this
 * Procore lists disbursements, and runs a poll. Returns the stored settings.
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
    if (options.learn ?? true) await learnFromPaymentsPages(ext, page, options.apiOrigin, options.learnCompanyId ?? options.companyIds?.[0] ?? '8089');
    if (options.poll ?? true) await sendFromExtensionPage(page, 'poll.now', {});
    return view;
  } finally {
    await page.close();
  }
}
