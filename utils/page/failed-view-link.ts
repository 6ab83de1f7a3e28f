/**
 * ERP Integrations' own link to its Failed to Export view (the right-hand Views: "Failed to Export",
 * often with a count), found by its words. Never one of ours: those live in shadow roots.
 */
export function failedViewLink(doc: ParentNode): HTMLAnchorElement | null {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (/^failed to export\b/i.test((link.textContent ?? '').trim())) return link;
  }
  return null;
}
