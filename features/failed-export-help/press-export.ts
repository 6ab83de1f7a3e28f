import type { FailedExportData } from '../../utils/page/failed-exports-grid';

export type PressResult =
  | { outcome: 'pressed'; navigates: boolean }
  | { outcome: 'page_refused' | 'page_error'; message: string; navigates: false };

export interface PressClock {
  wait(ms: number): Promise<void>;
}

/** How long the page's Export must stay busy to count as accepted, and how long to read at most. */
const ACCEPTED_AFTER_MS = 1500;
const GIVE_UP_MS = 10_000;
const STEP_MS = 150;

/**
 * Presses Procore's own Export of one row (read afresh: the grid may have drawn the row again) and
 * reads what the page answers. A server-rendered row's Export submits its form and the page goes
 * away: that is all this page can see. A row that answers in place (the single-page app's grid)
 * is read until its Export stays busy (accepted: the export runs) or comes back with new words in
 * its Errors cell (Procore refused, in those words).
 */
export async function pressRowExport(read: () => FailedExportData | null, clock: PressClock): Promise<PressResult> {
  const row = read();
  const button = row?.exportButton;
  if (!row || !button) return { outcome: 'page_error', message: "Procore's Export button for this row is not on the page.", navigates: false };
  if (button.disabled) return { outcome: 'page_error', message: "Procore's Export button for this row cannot be pressed now.", navigates: false };
  const before = row.errorsText;
  const navigates = button.type === 'submit' && !!button.form;
  button.click();
  if (navigates) return { outcome: 'pressed', navigates: true };
  let busySince: number | null = null;
  for (let elapsed = 0; elapsed < GIVE_UP_MS; elapsed += STEP_MS) {
    await clock.wait(STEP_MS);
    const now = read();
    // The row left the view (Procore moved it to Ready to Export): the export was taken.
    if (!now) return { outcome: 'pressed', navigates: false };
    const busy = !now.exportButton || now.exportButton.disabled;
    if (busy) {
      busySince ??= elapsed;
      if (elapsed - busySince >= ACCEPTED_AFTER_MS) return { outcome: 'pressed', navigates: false };
      continue;
    }
    busySince = null;
    if (now.errorsText !== before) return { outcome: 'page_refused', message: now.errorsText, navigates: false };
  }
  return { outcome: 'page_error', message: 'The page showed no answer to Export: look at the row before trying again.', navigates: false };
}
