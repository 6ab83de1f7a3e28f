import { browser } from 'wxt/browser';
import { FIX_HASH_KEY, type FixFocusMessage } from '../../messaging';
import { pageHint } from '../../page/routes';
import { sessionOrigin } from '../../procore/origins';
import { readMeta } from '../../store/meta-store';
import { getWatch } from '../../store/watch-store';
import type { Engine } from '../engine';
import { TAB_ORIGIN_KEY } from '../poll/procore-connection';

/**
 * Opens the company's ERP Integrations page on the Procore origin in use, with the record's fix
 * ready (`#esw-fix=<payoutId>`), or focuses a tab already there and hands it the record. Nothing
 * is exported: the page shows the fix and waits for the user's confirm. Host permissions expose
 * the URL of Procore tabs to `tabs.query`, so no `tabs` permission is needed.
 */
export async function openErpIntegrations(engine: Engine, companyId: string, payoutId: string | null): Promise<{ ok: true; focused: boolean }> {
  const origin = sessionOrigin(await engine.settings(), (await readMeta<string>(engine.db, TAB_ORIGIN_KEY)) ?? null);
  const hash = payoutId === null ? '' : `#${FIX_HASH_KEY}=${encodeURIComponent(payoutId)}`;
  const open = (await browser.tabs.query({})).find((tab) => {
    if (!tab.url || !URL.canParse(tab.url) || new URL(tab.url).origin !== origin) return false;
    const hint = pageHint(tab.url);
    return hint?.companyId === companyId && hint.tool === 'erp_integrations';
  });
  if (open?.id === undefined) {
    await browser.tabs.create({ url: `${origin}/${encodeURIComponent(companyId)}/company/erp_integrations${hash}` });
    return { ok: true, focused: false };
  }
  await browser.tabs.update(open.id, { active: true });
  if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
  if (payoutId !== null) {
    const focus: FixFocusMessage = { name: 'fix.focus', payoutId };
    // A tab whose content script is not (yet) there gets the record in its URL's hash instead (no reload).
    await browser.tabs.sendMessage(open.id, focus).catch(() => browser.tabs.update(open.id!, { url: `${open.url!.split('#')[0]}${hash}` }));
  }
  return { ok: true, focused: true };
}

/** `fix.open`: the ERP Integrations page of the record's company, with its fix ready. */
export async function openFix(engine: Engine, payoutId: string): Promise<{ ok: true; focused: boolean }> {
  const watch = await getWatch(engine.db, payoutId);
  if (!watch) throw new Error(`ERP Sync Watch is not watching payment record ${payoutId}.`);
  return openErpIntegrations(engine, watch.companyId, payoutId);
}
