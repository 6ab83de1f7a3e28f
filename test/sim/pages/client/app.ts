import { parsePageRoute, toolOf, type PageRoute } from '../page-route';
import { disbursementPage } from './disbursement-page';
import { disbursementsTab } from './disbursements-tab';
import { h } from './dom';
import { erpPaymentsPage } from './erp-payments-page';
import { fundingAccountsPage } from './funding-accounts-page';
import { invoicesTab } from './invoices-tab';
import { errorBanner } from './page-parts';
import { loadWho } from './records';
import type { View, ViewContext } from './view';

const VIEWS: { [K in PageRoute['kind']]: View<Extract<PageRoute, { kind: K }>> } = {
  invoices: invoicesTab,
  disbursements: disbursementsTab,
  disbursement: disbursementPage,
  funding_accounts: fundingAccountsPage,
  erp_payments: erpPaymentsPage,
};

/**
 * The sandbox's Procore web app: one HTML shell, views drawn from the REST API, and a
 * client-side router. Tabs change the URL with history.pushState and never reload the page;
 * back and forward redraw the view of the URL they land on.
 */
export function startApp(root: HTMLElement): void {
  const companyName = h('span', { class: 'company-name' });
  const userName = h('span', { class: 'user-name' });
  const signOut = h('form', { method: 'post', action: '/logout', class: 'sign-out' }, h('button', { type: 'submit', class: 'button button-dark' }, 'Sign Out'));
  const globalNav = h('div', { class: 'global-nav' }, h('span', { class: 'brand' }, 'Procore'), companyName, h('span', { class: 'spacer' }), userName, signOut);
  const toolTitle = h('h1', { class: 'tool-title' });
  const toolActions = h('div', { class: 'tool-actions' });
  const tabs = h('nav', { class: 'tool-tabs' });
  const toolHeader = h('div', { class: 'tool-header' }, h('div', { class: 'tool-title-row' }, toolTitle, toolActions), tabs);
  const main = h('main', { id: 'main', class: 'tool-body', tabindex: -1 });
  const live = h('div', { class: 'toast', role: 'status', 'aria-live': 'polite' });
  root.replaceChildren(h('header', {}, globalNav, toolHeader), main, live);

  let current: AbortController | null = null;
  let toastTimer = 0;
  const announce = (text: string, tone: 'success' | 'error' = 'success') => {
    live.textContent = text;
    live.className = `toast toast-${tone} toast-visible`;
    clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => (live.className = 'toast'), 6000);
  };
  const navigate = (path: string) => {
    history.pushState(null, '', path);
    render();
  };

  const render = () => {
    current?.abort();
    current = new AbortController();
    const route = parsePageRoute(location.pathname, location.search);
    main.replaceChildren();
    if (!route) {
      main.append(errorBanner('This page is not part of the Procore sandbox.'));
      return;
    }
    drawChrome(route, toolTitle, toolActions, tabs);
    const context: ViewContext = { route, main, navigate, announce, signal: current.signal };
    const view = VIEWS[route.kind] as View;
    view(context).catch((error: unknown) => main.replaceChildren(errorBanner(`The page failed: ${String(error)}`)));
  };

  // Links marked data-route are same-app navigations (tabs, Disbursement No., Views).
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[data-route]') as HTMLAnchorElement | null;
    if (!link || link.origin !== location.origin) return;
    event.preventDefault();
    if (`${link.pathname}${link.search}` !== `${location.pathname}${location.search}`) navigate(`${link.pathname}${link.search}`);
  });
  window.addEventListener('popstate', render);

  loadWho()
    .then(({ me, companies }) => {
      const companyId = parsePageRoute(location.pathname)?.companyId;
      companyName.textContent = companies.find((c) => String(c.id) === companyId)?.name ?? '';
      userName.textContent = me.name;
    })
    .catch(() => {
      // The header's names are decoration; the view reports any real failure itself.
    });
  render();
}

function drawChrome(route: PageRoute, title: HTMLElement, actions: HTMLElement, tabs: HTMLElement): void {
  const tool = toolOf(route);
  document.title = tool === 'payments' ? 'Payments - Procore' : 'ERP Integrations - Procore';
  title.textContent = tool === 'payments' ? 'Payments' : 'ERP Integrations';
  const tab = (label: string, href: string, active: boolean) =>
    h('a', { href, 'data-route': '', class: active ? 'tab tab-active' : 'tab', 'aria-current': active ? 'page' : undefined }, label);
  if (tool === 'payments') {
    tabs.setAttribute('aria-label', 'Payments tabs');
    tabs.replaceChildren(
      tab('Subcontractor Invoices', `${route.base}/payments/invoices`, route.kind === 'invoices'),
      tab('Disbursements', `${route.base}/payments/disbursements`, route.kind === 'disbursements' || route.kind === 'disbursement'),
    );
    actions.replaceChildren(
      h('a', { href: `${route.base}/erp_integrations/payments?view=failed_to_export`, 'data-route': '', class: 'settings-link' }, 'ERP Integrations'),
      h(
        'a',
        { href: `${route.base}/payments/settings/funding_accounts`, 'data-route': '', class: 'settings-link', 'aria-current': route.kind === 'funding_accounts' ? 'page' : undefined },
        '⚙ Payments Settings',
      ),
    );
  } else {
    tabs.setAttribute('aria-label', 'ERP Integrations tabs');
    tabs.replaceChildren(tab('Payments', `${route.base}/erp_integrations/payments?view=${route.kind === 'erp_payments' ? route.view : 'ready_to_export'}`, true));
    actions.replaceChildren(h('a', { href: `${route.base}/payments/invoices`, 'data-route': '', class: 'settings-link' }, 'Payments tool'));
  }
}
