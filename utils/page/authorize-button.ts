/** A draft disbursement's **Authorize** button (the last moment a bad payment can be stopped). */
export function findAuthorizeButton(doc: ParentNode): HTMLElement | null {
  for (const button of doc.querySelectorAll<HTMLElement>('button, [role="button"]')) {
    if ((button.textContent ?? '').replace(/\s+/g, ' ').trim() === 'Authorize') return button;
  }
  return null;
}
