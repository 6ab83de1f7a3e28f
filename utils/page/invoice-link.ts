/**
 * The ids behind an invoice number link. Procore links Invoice #/Invoice No. to the invoice in
 * the project's Invoicing tool, whose URL carries the project id and the invoice (requisition)
 * id: `/{project_id}/project/invoicing/{id}` or `/webclients/host/companies/{c}/projects/{p}/tools/invoicing/{id}`.
 */
export function invoiceLinkIds(cell: Element | undefined): { invoiceId: string; projectId?: string } | null {
  const href = cell?.querySelector('a[href]')?.getAttribute('href');
  if (!href) return null;
  let path: string;
  try {
    path = new URL(href, 'https://app.procore.com').pathname;
  } catch {
    return null;
  }
  const segments = path.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (!last || !/^\d+$/.test(last)) return null;
  const projectIndex = segments.findIndex((s) => s === 'projects');
  const projectId = projectIndex >= 0 ? segments[projectIndex + 1] : segments[1] === 'project' ? segments[0] : undefined;
  return { invoiceId: last, ...(projectId && /^\d+$/.test(projectId) ? { projectId } : {}) };
}
