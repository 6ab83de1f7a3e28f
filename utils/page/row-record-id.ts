/**
 * The app's record id AG Grid puts on a row (`row-id`, from the app's `getRowId`), used only
 * where the cells show no id of their own (an invoice number without its link, a funding
 * account's nickname). Read fresh with the cells on every change, so a reused row element
 * yields the record it shows now; parts that disagree (mid-update) yield nothing.
 */
export function rowRecordId(parts: Element[]): string | null {
  const ids = new Set(parts.map((part) => part.getAttribute('row-id') ?? ''));
  if (ids.size !== 1) return null;
  const [id] = ids;
  // Without getRowId, AG Grid numbers its nodes 0, 1, 2…: that is a position, not a record id.
  if (!id || id === parts[0]!.getAttribute('row-index')) return null;
  return id;
}
