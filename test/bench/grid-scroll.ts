import type { Page } from 'playwright-core';

const MAX_SCROLL_STEPS = 30;

export interface GridScroll {
  /** Pixels from the top to the end. */
  range: number;
  /** A view's height at a time, at most 30 steps. */
  steps: number;
}

/** Finds the sandbox grid's scrolling element (the tallest overflow inside it) and marks it for the steps. */
export async function markGridScroller(page: Page): Promise<GridScroll> {
  const found = await page.evaluate(() => {
    const candidates = [...document.querySelectorAll<HTMLElement>('.ag-root-wrapper *')].filter((e) => e.scrollHeight > e.clientHeight + 10);
    const scroller = candidates.sort((a, b) => b.scrollHeight - b.clientHeight - (a.scrollHeight - a.clientHeight))[0];
    if (!scroller) throw new Error('No scrolling element in the grid');
    scroller.setAttribute('data-bench-scroller', '');
    return { range: scroller.scrollHeight - scroller.clientHeight, view: scroller.clientHeight };
  });
  return { range: found.range, steps: Math.min(MAX_SCROLL_STEPS, Math.ceil(found.range / found.view)) };
}

/** Scrolls to step `i` of `scroll.steps` and waits two frames: the grid has drawn its new rows. */
export async function scrollGridStep(page: Page, scroll: GridScroll, i: number): Promise<void> {
  // No named functions in here: tsx would wrap them in a helper the page does not have.
  await page.evaluate(async (top) => {
    document.querySelector<HTMLElement>('[data-bench-scroller]')!.scrollTop = top;
    for (let f = 0; f < 2; f++) await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  }, Math.round((scroll.range * i) / scroll.steps));
}
