import type { FundingAccount } from './types';
import { type PageRoute } from '../page-route';
import { createDataGrid } from './data-grid';
import { h } from './dom';
import type { GridColumn } from './grid-column';
import { errorBanner, loading, pill } from './page-parts';
import { loadFundingAccounts, updateFundingAccount } from './records';
import type { View, ViewContext } from './view';

type Route = Extract<PageRoute, { kind: 'funding_accounts' }>;

const VERIFICATION: Record<FundingAccount['verificationStatus'], [string, 'success' | 'warning' | 'danger']> = {
  verified: ['Verified', 'success'],
  pending: ['Pending', 'warning'],
  failed: ['Failed', 'danger'],
};

/**
 * Payments Settings, Funding Accounts: Nickname, Verification Status, Bank ID, Next Check No.,
 * Default, Deactivated, and the overflow menu whose Edit opens Edit Account Details (Bank ID,
 * Check Number) (PROCORE-UI-FACTS.md 1.7).
 */
export const fundingAccountsPage: View<Route> = async (context) => {
  const { route, main, signal } = context;
  main.append(loading('funding accounts'));
  let accounts: FundingAccount[];
  try {
    accounts = await loadFundingAccounts(route.companyId);
  } catch (error) {
    main.replaceChildren(errorBanner(`Funding accounts could not be loaded: ${(error as Error).message}`));
    return;
  }
  if (signal.aborted) return;
  const editorSlot = h('div', { class: 'panel-slot' });
  const gridHost = h('div', { class: 'grid-area grid-area-short' });
  const columns: GridColumn<FundingAccount>[] = [
    { id: 'nickname', header: 'Nickname', text: (a) => a.nickname, width: 200 },
    {
      id: 'verification_status',
      header: 'Verification Status',
      text: (a) => VERIFICATION[a.verificationStatus][0],
      render: (a) => pill(...VERIFICATION[a.verificationStatus]),
      width: 170,
    },
    { id: 'bank_id', header: 'Bank ID', text: (a) => a.bankId, width: 120 },
    { id: 'next_check_number', header: 'Next Check No.', text: (a) => String(a.nextCheckNumber), width: 150 },
    { id: 'default', header: 'Default', text: (a) => (a.isDefault ? 'Default' : ''), width: 110 },
    { id: 'deactivated', header: 'Deactivated', text: (a) => (a.deactivated ? 'Deactivated' : ''), width: 130 },
    { id: 'overflow', header: 'Actions', headerHidden: true, text: () => '', render: (a) => overflowMenu(a, () => openEditor(a)), width: 70, interactive: true },
  ];
  const grid = createDataGrid(gridHost, { columns, rowId: (a) => String(a.id), rows: accounts, label: 'Funding Accounts', rowHeight: 48 });
  const openEditor = (account: FundingAccount) => {
    editorSlot.replaceChildren(
      editAccountDetails(context, account, (updated) => {
        accounts = accounts.map((a) => (a.id === updated.id ? updated : a));
        grid.refreshRow(updated);
        editorSlot.replaceChildren();
      }, () => editorSlot.replaceChildren()),
    );
    editorSlot.querySelector('input')?.focus();
  };
  main.replaceChildren(
    h(
      'div',
      { class: 'settings-layout' },
      h('nav', { class: 'settings-nav', 'aria-label': 'Payments Settings' }, h('a', { href: location.pathname, 'aria-current': 'page' }, 'Funding Accounts')),
      h('div', { class: 'settings-content' }, h('h2', {}, 'Funding Accounts'), gridHost, editorSlot),
    ),
  );
  signal.addEventListener('abort', () => grid.destroy());
};

/** The vertical-ellipsis Overflow menu: Edit (the other actions are not part of the sandbox). */
function overflowMenu(account: FundingAccount, onEdit: () => void): HTMLElement {
  const menu = h('div', { class: 'overflow-menu', role: 'menu', hidden: true, 'aria-label': `Actions for ${account.nickname}` });
  const toggle = h('button', { type: 'button', class: 'overflow-toggle', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-label': `Overflow menu for ${account.nickname}` }, '⋮');
  const edit = h('button', { type: 'button', role: 'menuitem' }, 'Edit');
  menu.append(edit);
  const setOpen = (open: boolean) => {
    // Fixed to the viewport: a grid cell clips anything that overflows it.
    const box = toggle.getBoundingClientRect();
    menu.style.top = `${box.bottom + 2}px`;
    menu.style.left = `${Math.max(8, box.right - 140)}px`;
    menu.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => {
    setOpen(menu.hidden);
    if (!menu.hidden) edit.focus();
  });
  edit.addEventListener('click', () => {
    setOpen(false);
    onEdit();
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
      toggle.focus();
    }
  });
  // Like any menu, it closes when focus or a click goes elsewhere.
  const wrapper = h('div', { class: 'overflow' }, toggle, menu);
  wrapper.addEventListener('focusout', (event) => {
    if (!wrapper.contains(event.relatedTarget as Node | null)) setOpen(false);
  });
  return wrapper;
}

/** Edit Account Details: Bank ID and Check Number (the next check number), then Save. */
function editAccountDetails(
  { route, announce }: ViewContext<Route>,
  account: FundingAccount,
  onSaved: (account: FundingAccount) => void,
  onCancel: () => void,
): HTMLElement {
  const bankId = h('input', { id: 'edit-bank-id', type: 'text', value: account.bankId, required: true });
  const checkNumber = h('input', { id: 'edit-check-number', type: 'text', inputmode: 'numeric', value: String(account.nextCheckNumber), required: true });
  const error = h('p', { class: 'inline-error', role: 'alert' });
  const save = h('button', { type: 'submit', class: 'button button-primary' }, 'Save');
  const cancel = h('button', { type: 'button', class: 'button' }, 'Cancel');
  const form = h(
    'form',
    { class: 'card edit-form', 'aria-labelledby': 'edit-account-title' },
    h('h2', { id: 'edit-account-title' }, 'Edit Account Details'),
    h('p', {}, `Nickname: ${account.nickname}`),
    h('label', { for: 'edit-bank-id' }, 'Bank ID'),
    bankId,
    h('p', { class: 'hint' }, "For companies using the ERP Integrations tool: the bank identifier must match the funding account's 'Bank ID' in your integrated ERP system."),
    h('label', { for: 'edit-check-number' }, 'Check Number'),
    checkNumber,
    h('p', { class: 'hint' }, 'Ensure the Check Number entered is higher than the last check number in your ERP system.'),
    error,
    h('div', { class: 'actions' }, cancel, save),
  );
  cancel.addEventListener('click', onCancel);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const next = Number(checkNumber.value.trim());
    if (!/^\d+$/.test(checkNumber.value.trim()) || !Number.isSafeInteger(next) || next <= 0) {
      error.textContent = 'Check Number must be a positive whole number.';
      return;
    }
    const patch: { nextCheckNumber?: number; bankId?: string } = {};
    if (next !== account.nextCheckNumber) patch.nextCheckNumber = next;
    if (bankId.value.trim() !== account.bankId) patch.bankId = bankId.value.trim();
    save.disabled = true;
    try {
      const updated = Object.keys(patch).length ? await updateFundingAccount(route.companyId, String(account.id), patch) : account;
      announce(`${updated.nickname} was updated: Next Check No. ${updated.nextCheckNumber}.`, 'success');
      onSaved(updated);
    } catch (e) {
      error.textContent = `Could not save: ${(e as Error).message}`;
      save.disabled = false;
    }
  });
  return form;
}
