import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { containerOf } from '../../utils/overlay/row-host';
import { measureAfterLayout } from './after-layout';

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
 * page's words are never pushed out or cut short. The caller has `forms` ways to draw itself,
 * widest first; this returns the first that fits (the last when none does), measuring each as it
 * is drawn and going back to a wider one when the cell grows. `content` changes (a new state's
 * words) measure again from the widest.
 */
export function useRoomBesideText(inside: RefObject<Element | null>, forms: number, content: string): number {
  const [form, setForm] = useState(0);
  const [drawnFor, setDrawnFor] = useState(content);
  if (drawnFor !== content) {
    // New words: measure again from the widest form.
    setDrawnFor(content);
    setForm(0);
  }
  const widths = useRef<{ content: string; width: number[] }>({ content, width: [] });
  useLayoutEffect(() => {
    if (widths.current.content !== content) widths.current = { content, width: [] };
    const host = (inside.current?.getRootNode() as ShadowRoot | undefined)?.host as HTMLElement | undefined;
    // The host joins the cell just after this commit: the cell is known before it is there.
    const cell = host && containerOf(host);
    if (!host || !cell) return;
    return measureAfterLayout(cell, () => {
      // Not laid out (hidden, or no layout engine): nothing to measure, nothing to shorten.
      if (cell.clientWidth === 0 || !inside.current) return undefined;
      const style = getComputedStyle(cell);
      const margin = parseFloat(getComputedStyle(host).marginInlineStart) || 0;
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ownTextWidth(cell, host) - margin - 1;
      // The overlay's own width does not wrap (white-space: nowrap), so it reads the same before the cap.
      const drawn = inside.current.getBoundingClientRect().width;
      return () => {
        // Rows of a column mostly get the same room: an unchanged cap costs the page no layout.
        const cap = `${Math.max(0, Math.floor(room))}px`;
        if (host.style.maxWidth !== cap) Object.assign(host.style, { maxWidth: cap, overflow: 'hidden' });
        const width = widths.current.width;
        width[form] = drawn;
        const wider = width.findIndex((w, i) => i < form && w !== undefined && w <= room);
        if (wider >= 0) setForm(wider);
        else if (drawn > room && form < forms - 1) setForm(form + 1);
      };
    });
  }, [inside, forms, form, content]);
  return form;
}
