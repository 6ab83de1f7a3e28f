import { pagePath, type PageRoute } from '../page-route';
import { h } from './dom';
import { erpLink } from './erp-link';
import { routeLink } from './page-parts';
import type { View } from './view';

type Route = Extract<PageRoute, { kind: 'home' }>;

/** Company Home: the company's tools. Procore is a single-page app here: its links do not reload. */
export const homePage: View<Route> = async ({ route, main }) => {
  main.replaceChildren(
    h('h2', { class: 'section-title' }, 'Company Tools'),
    h(
      'ul',
      { class: 'tool-list' },
      h('li', {}, routeLink(pagePath({ kind: 'invoices', companyId: route.companyId, base: route.base }), 'Payments')),
      h('li', {}, erpLink(route.base, 'ready_to_export', 'ERP Integrations')),
    ),
  );
};
