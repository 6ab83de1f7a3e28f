import { h, type Child } from './dom';

/** A titled card, as Procore's detail pages group their fields. */
export function card(title: string, ...children: Child[]): HTMLElement {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { class: 'card-title', id }, title), ...children);
}

/** Label/value pairs of a details card. */
export function fields(pairs: [string, Child][]): HTMLElement {
  return h('dl', { class: 'fields' }, ...pairs.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

/** A status shown as a pill: its words carry the meaning, the colour only repeats it. */
export function pill(text: string, tone: 'neutral' | 'info' | 'success' | 'danger' | 'warning' = 'neutral'): HTMLElement {
  return h('span', { class: `pill pill-${tone}` }, text);
}

/** What went wrong, where the user looks, in words. */
export function errorBanner(message: string): HTMLElement {
  return h('div', { class: 'banner banner-error', role: 'alert' }, message);
}

export function loading(label: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, `Loading ${label}…`);
}

/** A link handled by the client-side router. */
export function routeLink(href: string, text: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
  return h('a', { href, 'data-route': '', ...attributes }, text);
}

/**
 * Invoice #/Invoice No. link to the invoice in the project's Invoicing tool, as Procore links it
 * (`/{project_id}/project/invoicing/{id}`). The sandbox does not serve that tool; the link is
 * there because the ids it carries are how Procore's pages identify an invoice.
 */
export function invoiceLink(projectId: string, invoiceId: string, text: string): HTMLAnchorElement {
  return h('a', { href: `/${encodeURIComponent(projectId)}/project/invoicing/${encodeURIComponent(invoiceId)}` }, text);
}
