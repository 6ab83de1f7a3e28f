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

/** Whether an overlay of `kind` is drawn at `anchor`: its host is there and shows something. */
export function drawnHost(anchor: Element, kind: string, placement: Placement = 'append'): boolean {
  const root = existingHost(anchor, kind, placement)?.shadowRoot;
  return !!root && [...root.children].some((child) => child.tagName !== 'STYLE');
}

/**
 * The shadow root to draw in for `kind` of overlay at `anchor`: inside the cell (first or last)
 * or beside an element. Created once, found again while the page keeps the element.
 */
export function ensureHost(anchor: Element, kind: string, css: string, placement: Placement = 'append'): ShadowRoot {
  const existing = existingHost(anchor, kind, placement);
  if (existing?.shadowRoot) return existing.shadowRoot;
  const doc = anchor.ownerDocument;
  const host = doc.createElement(placement === 'before' || placement === 'after' ? 'div' : 'span');
  host.setAttribute(HOST_ATTRIBUTE, kind);
  host.addEventListener('keydown', keepKeysInside);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, css);
  anchor[placement](host);
  return root;
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
