import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The width of the cell's own text: every text node outside our host. */
function ownTextWidth(cell: Element, host: Element): number {
  const doc = cell.ownerDocument;
  const walker = doc.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  let width = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (host.contains(node) || !node.textContent?.trim()) continue;
    const range = doc.createRange();
    range.selectNodeContents(node);
    width += range.getBoundingClientRect().width;
  }
  return width;
}

/**
 * An overlay drawn after a page cell's own text gets only the room that text leaves, so the
 * page's words are never pushed out or cut short. Returns whether our content fits in full; when
 * it does not, the caller draws a shorter form (the full words stay in its accessible name).
 * `content` changes re-measure (a new state's words may be wider).
 */
export function useRoomBesideText(inside: RefObject<Element | null>, content: string): boolean {
  const [fits, setFits] = useState(true);
  const fullWidth = useRef(0);
  useLayoutEffect(() => {
    const host = (inside.current?.getRootNode() as ShadowRoot | undefined)?.host as HTMLElement | undefined;
    const cell = host?.parentElement;
    if (!host || !cell) return;
    const measure = () => {
      // Not laid out (hidden, or no layout engine): nothing to measure, nothing to shorten.
      if (cell.clientWidth === 0) return;
      const style = getComputedStyle(cell);
      const margin = parseFloat(getComputedStyle(host).marginInlineStart) || 0;
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ownTextWidth(cell, host) - margin - 1;
      host.style.maxWidth = `${Math.max(0, Math.floor(room))}px`;
      host.style.overflow = 'hidden';
      // The full form's width, measured while it is drawn; the short form keeps the last one.
      if (fits) fullWidth.current = inside.current!.getBoundingClientRect().width;
      setFits(fullWidth.current <= room);
    };
    measure();
    const view = cell.ownerDocument.defaultView;
    if (!view?.ResizeObserver) return;
    const observer = new view.ResizeObserver(() => measure());
    observer.observe(cell);
    return () => observer.disconnect();
  }, [inside, content, fits]);
  return fits;
}
