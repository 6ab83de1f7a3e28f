/**
 * Where an overlay is drawn inside a page's row: a host element appended to the anchor cell,
 * whose shadow root keeps the page's styles out and ours in. Hosts are marked so they are
 * found again (AG Grid may keep the cell) and removed without leaving anything behind.
 */
export const HOST_ATTRIBUTE = 'data-erp-sync-watch';

export function isOverlayNode(node: Node | null): boolean {
  const element = node instanceof Element ? node : node?.parentElement;
  return !!element?.closest(`[${HOST_ATTRIBUTE}]`);
}

/** Attaches the overlay stylesheet to a shadow root (shared sheet where the browser allows). */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const doc = root.ownerDocument;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && 'adoptedStyleSheets' in root && typeof view.CSSStyleSheet === 'function' && 'replaceSync' in view.CSSStyleSheet.prototype) {
    const cache = sheets.get(doc) ?? new view.CSSStyleSheet();
    if (!sheets.has(doc)) {
      cache.replaceSync(css);
      sheets.set(doc, cache);
    }
    root.adoptedStyleSheets = [cache];
    return;
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}
const sheets = new WeakMap<Document, CSSStyleSheet>();

export type Placement = 'append' | 'prepend' | 'before' | 'after';

function existingHost(anchor: Element, kind: string, placement: Placement): Element | undefined {
  const isHost = (element: Element | null | undefined) => element?.getAttribute(HOST_ATTRIBUTE) === kind;
  if (placement === 'append' || placement === 'prepend') return [...anchor.children].find(isHost);
  const sibling = placement === 'after' ? anchor.nextElementSibling : anchor.previousElementSibling;
  return isHost(sibling) ? sibling! : undefined;
}

function shows(root: ShadowRoot): boolean {
  return [...root.children].some((child) => child.tagName !== 'STYLE');
}

/** Whether an overlay of `kind` is drawn at `anchor`: its host is there and shows something. */
export function drawnHost(anchor: Element, kind: string, placement: Placement = 'append'): boolean {
  const root = existingHost(anchor, kind, placement)?.shadowRoot;
  return !!root && shows(root);
}

interface Made {
  anchor: Element;
  placement: Placement;
}

/** Every host made, connected or not, by its anchor and its place there (`kind:placement`). */
const hostsByAnchor = new WeakMap<Element, Map<string, Element>>();
const madeFor = new WeakMap<Element, Made>();
const placers = new WeakMap<Document, MutationObserver>();

/**
 * A host is in the page only while it shows something. Most rows of a long history show nothing,
 * and an empty host in each row in view cost the page a layout and a style pass at every scroll
 * step (page bench, 1,000 rows, the settle after 30 steps, with − without: 343 ms, 170 with the
 * hosts left out). The observer's callback runs after the overlay's commit and before the frame,
 * so nothing flashes.
 */
function place(host: Element): void {
  const made = madeFor.get(host);
  if (!made || !host.shadowRoot) return;
  const wanted = shows(host.shadowRoot);
  const there = existingHost(made.anchor, host.getAttribute(HOST_ATTRIBUTE) ?? '', made.placement) === host;
  if (wanted && !there) made.anchor[made.placement](host);
  else if (!wanted && host.parentNode) host.remove();
}

function placerFor(doc: Document): MutationObserver {
  const known = placers.get(doc);
  if (known) return known;
  const view = doc.defaultView as Window & typeof globalThis;
  const observer = new view.MutationObserver((records) => {
    for (const host of new Set(records.map((record) => (record.target as ShadowRoot).host))) place(host);
  });
  placers.set(doc, observer);
  return observer;
}

/**
 * The shadow root to draw in for `kind` of overlay at `anchor`: inside the cell (first or last)
 * or beside an element, once it holds something. Created once, found again while the page keeps
 * the element; put back if the page took it out.
 */
export function ensureHost(anchor: Element, kind: string, css: string, placement: Placement = 'append'): ShadowRoot {
  const key = `${kind}:${placement}`;
  const hosts = hostsByAnchor.get(anchor) ?? new Map<string, Element>();
  hostsByAnchor.set(anchor, hosts);
  const known = hosts.get(key);
  if (known?.shadowRoot) {
    place(known);
    return known.shadowRoot;
  }
  const doc = anchor.ownerDocument;
  const host = doc.createElement(placement === 'before' || placement === 'after' ? 'div' : 'span');
  host.setAttribute(HOST_ATTRIBUTE, kind);
  host.addEventListener('keydown', keepKeysInside);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, css);
  hosts.set(key, host);
  madeFor.set(host, { anchor, placement });
  placerFor(doc).observe(root, { childList: true });
  return root;
}

/** The element a host is drawn inside, also before it is placed there (it is placed after the commit that fills it). */
export function containerOf(host: Element): Element | null {
  const made = madeFor.get(host);
  if (!made) return host.parentElement;
  return made.placement === 'append' || made.placement === 'prepend' ? made.anchor : made.anchor.parentElement;
}

/**
 * Keys pressed on our controls are ours: the grid around them must not take Enter or Space
 * (AG Grid starts editing or navigates and cancels the button's own activation).
 */
function keepKeysInside(event: Event): void {
  const key = (event as KeyboardEvent).key;
  if (key === 'Enter' || key === ' ' || key === 'Escape') event.stopPropagation();
}

/** Removes every host this extension put in the document. */
export function removeAllHosts(doc: Document): void {
  for (const host of doc.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) host.remove();
}
