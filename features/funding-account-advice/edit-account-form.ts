/**
 * Procore's Edit Account Details for one funding account (PROCORE-UI-FACTS.md 1.7): opened from
 * the row's Overflow menu (Edit), found by its heading, its Check Number input by its label.
 * Nothing here saves: the user presses Procore's Save.
 */

const HEADING = /^edit (account details|funding account)$/i;
const CHECK_LABEL = /^(next )?check (number|no\.?)\s*\*?$/i;
const STEP_MS = 100;
const OPEN_WITHIN_MS = 5000;

export interface EditForm {
  form: HTMLElement;
  checkNumber: HTMLInputElement;
}

const words = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shown = (element: Element) => !element.closest('[hidden], [aria-hidden="true"]');

/** The open Edit Account Details form on the page and its Check Number input, if shown. */
export function findEditForm(doc: Document): EditForm | null {
  for (const heading of doc.querySelectorAll('h1, h2, h3, [role="heading"]')) {
    if (!HEADING.test(words(heading))) continue;
    const form = heading.closest('form, [role="dialog"], section') as HTMLElement | null;
    if (!form) continue;
    for (const input of form.querySelectorAll('input')) {
      const label = input.getAttribute('aria-label') ?? words(input.labels?.[0]);
      if (CHECK_LABEL.test(label)) return { form, checkNumber: input };
    }
  }
  return null;
}

/** The row's Overflow menu button (Procore names it by aria-label only, or shows a vertical ellipsis). */
function overflowToggle(parts: Element[]): HTMLButtonElement | null {
  for (const part of parts) {
    for (const button of part.querySelectorAll('button')) {
      const name = `${button.getAttribute('aria-label') ?? ''} ${words(button)}`;
      if (button.getAttribute('aria-haspopup') === 'menu' || /overflow|more actions|⋮/i.test(name)) return button;
    }
  }
  return null;
}

/** Opens the row's Edit Account Details through its Overflow menu and waits for the form. */
export async function openEditForm(doc: Document, parts: Element[], wait: (ms: number) => Promise<void>): Promise<EditForm | string> {
  const already = findEditForm(doc);
  if (already) return already;
  const toggle = overflowToggle(parts);
  if (!toggle) return "This account's Overflow menu (Edit) was not found on the page.";
  toggle.click();
  const edit = [...doc.querySelectorAll('[role="menuitem"], [role="menu"] button, [role="menu"] a')].find((item) => words(item) === 'Edit' && shown(item)) as HTMLElement | undefined;
  if (!edit) return "The Overflow menu has no Edit: your Procore role may not allow editing funding accounts.";
  edit.click();
  for (let elapsed = 0; elapsed < OPEN_WITHIN_MS; elapsed += STEP_MS) {
    const form = findEditForm(doc);
    if (form) return form;
    await wait(STEP_MS);
  }
  return 'Edit Account Details did not open.';
}
