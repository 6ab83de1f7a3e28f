// Apart from the popup's reader, so that the options page erasing it loads no schema.
export const LAST_VIEW_KEY = 'erp-sync-watch:popup-last-view';

/** Erasing the extension's data erases the popup's copy of its first rows too (`last-view.ts`). */
export function forgetLastView(storage: Storage = localStorage): void {
  storage.removeItem(LAST_VIEW_KEY);
}
