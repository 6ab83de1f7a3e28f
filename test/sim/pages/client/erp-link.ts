import { pagePath, type ErpView } from '../page-route';
import { h } from './dom';

/**
 * A link to the ERP Integrations tool: inside the single-page app when its payment records are
 * an AG Grid (`data-erp-tab="grid"`), a full page load when the server renders them.
 */
export function erpLink(base: string, view: ErpView, text: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
  const companyId = /(\d+)/.exec(base)?.[1] ?? '';
  const href = pagePath({ kind: 'erp_payments', companyId, base, view });
  const inApp = document.documentElement.dataset.erpTab === 'grid';
  return h('a', { href, ...(inApp ? { 'data-route': '' } : {}), ...attributes }, text);
}
