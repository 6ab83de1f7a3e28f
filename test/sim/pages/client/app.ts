import { parsePageRoute, toolOf, type PageRoute } from '../page-route';
import { disbursementPage } from './disbursement-page';
import { disbursementsTab } from './disbursements-tab';
import { h } from './dom';
import { erpLink } from './erp-link';
import { erpPaymentsPage } from './erp-payments-page';
import { fundingAccountsPage } from './funding-accounts-page';
import { homePage } from './home-page';
import { invoicesTab } from './invoices-tab';
import { errorBanner } from './page-parts';
import { loadErpName, loadWho } from './records';
import type { View, ViewContext } from './view';

const VIEWS: { [K in PageRoute['kind']]: View<Extract<PageRoute, { kind: K }>> } = {
  home: homePage,
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
  const home = h('a', { class: 'brand', 'data-route': '' }, 'Procore');
  const globalNav = h('div', { class: 'global-nav' }, home, companyName, h('span', { class: 'spacer' }), userName, signOut);
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
    home.setAttribute('href', `${route.base}/home`);
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

const TOOL_TITLES = { home: 'Company Home', payments: 'Payments', erp_integrations: 'ERP Integrations' } as const;

function drawChrome(route: PageRoute, title: HTMLElement, actions: HTMLElement, tabs: HTMLElement): void {
  const tool = toolOf(route);
  document.title = `${TOOL_TITLES[tool]} - Procore`;
  title.textContent = TOOL_TITLES[tool];
  const tab = (label: string, href: string, active: boolean) =>
    h('a', { href, 'data-route': '', class: active ? 'tab tab-active' : 'tab', 'aria-current': active ? 'page' : undefined }, label);
  if (tool === 'payments') {
    tabs.setAttribute('aria-label', 'Payments tabs');
    tabs.replaceChildren(
      tab('Subcontractor Invoices', `${route.base}/payments/invoices`, route.kind === 'invoices'),
      tab('Disbursements', `${route.base}/payments/disbursements`, route.kind === 'disbursements' || route.kind === 'disbursement'),
    );
    actions.replaceChildren(
      erpLink(route.base, 'failed_to_export', 'ERP Integrations', { class: 'settings-link' }),
      h(
        'a',
        { href: `${route.base}/payments/settings/funding_accounts`, 'data-route': '', class: 'settings-link', 'aria-current': route.kind === 'funding_accounts' ? 'page' : undefined },
        '⚙ Payments Settings',
      ),
    );
  } else if (tool === 'erp_integrations') {
    tabs.setAttribute('aria-label', 'ERP Integrations tabs');
    tabs.replaceChildren(tab('Payments', `${route.base}/erp_integrations/contract_payments?view=${route.kind === 'erp_payments' ? route.view : 'ready_to_export'}`, true));
    actions.replaceChildren(h('a', { href: `${route.base}/payments/invoices`, 'data-route': '', class: 'settings-link' }, 'Payments tool'));
    if (route.kind === 'erp_payments') {
      // The tool's title names the ERP it is connected to, as Procore's does.
      loadErpName(route.companyId)
        .then((name) => {
          if (name && toolOf(route) === 'erp_integrations') document.title = `ERP Integrations - ${name} - Procore`;
        })
        .catch(() => undefined);
    }
  } else {
    tabs.replaceChildren();
    actions.replaceChildren();
  }
}
