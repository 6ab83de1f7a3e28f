// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LAST_VIEW_KEY } from '../../../components/popup/forget-last-view';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../utils/domain/settings';
import { makeBackground } from './fake-background';
import { makeWatch } from '../fixtures/make-watch';

const background = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof import('./fake-background').makeBackground> }));
vi.mock('../../../utils/message-client', () => ({
  sendMessage: (...args: unknown[]) => (background.current.sendMessage as (...a: unknown[]) => unknown)(...args),
  subscribeWatches: (...args: unknown[]) => (background.current.subscribeWatches as (...a: unknown[]) => unknown)(...args),
}));
const { Options } = await import('../../../components/options/Options');

afterEach(() => cleanup());

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

async function setup(init: Parameters<typeof makeBackground>[0] = {}) {
  background.current = makeBackground(init);
  render(<Options />);
  await screen.findByRole('heading', { name: 'Connection' });
  return { user: userEvent.setup(), bg: background.current };
}
const saveButton = () => screen.getByRole('button', { name: 'Save settings' });
const updates = (bg: ReturnType<typeof makeBackground>) => bg.sendMessage.mock.calls.filter(([name]) => name === 'settings.update').map(([, p]) => (p as { patch: Partial<Settings> }).patch);

describe('options', () => {
  it('saves only what changed and says so', async () => {
    const { user, bg } = await setup();
    const retention = screen.getByLabelText('Keep history for (days)');
    await user.clear(retention);
    await user.type(retention, '90');
    await user.click(screen.getByRole('checkbox', { name: /A payment failed to export/ }));
    expect(screen.getByText('Unsaved changes.')).toBeTruthy();
    await user.click(saveButton());
    await screen.findByText('Settings saved.');
    expect(updates(bg)).toEqual([{ retentionDays: 90, notifications: expect.objectContaining({ failed: false, overdue: true }) }]);
    expect(saveButton()).toHaveProperty('disabled', true);
  });

  it('validates every field with a clear message and will not save until fixed', async () => {
    const { user, bg } = await setup();
    await user.click(screen.getByRole('radio', { name: 'Custom origin' }));
    const origin = screen.getByRole('textbox', { name: 'Custom origin' });
    await user.clear(origin);
    await user.type(origin, 'procore');
    expect(screen.getByText('Custom origin: enter an origin such as https://app.procore.com')).toBeTruthy();
    expect(origin.getAttribute('aria-invalid')).toBe('true');
    await user.clear(screen.getByLabelText('Keep history for (days)'));
    expect(screen.getByText('Keep history for (days): enter a whole number of days')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: /OAuth/ }));
    expect(screen.getByText(/OAuth client id: enter the client id/)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /Hold notifications during quiet hours/ }));
    await user.clear(screen.getByLabelText('Until'));
    expect(screen.getByText('Until: use the 24-hour form HH:MM')).toBeTruthy();
    expect(screen.getByText('Fix 4 fields to save.')).toBeTruthy();
    expect(saveButton()).toHaveProperty('disabled', true);
    await user.clear(origin);
    await user.type(origin, 'http://127.0.0.1:4010');
    await user.type(screen.getByLabelText('Keep history for (days)'), '30');
    await user.type(screen.getByLabelText('OAuth client id'), 'sandbox-client');
    await user.type(screen.getByLabelText('Until'), '07:30');
    await user.click(saveButton());
    await screen.findByText('Settings saved.');
    expect(updates(bg)[0]).toMatchObject({ environment: 'custom', apiOrigin: 'http://127.0.0.1:4010', authMode: 'oauth', oauthClientId: 'sandbox-client' });
  });

  it('sets the origin for a known environment', async () => {
    const { user, bg } = await setup();
    await user.click(screen.getByRole('radio', { name: /Developer sandbox/ }));
    expect(screen.getByText('Procore pages and requests: https://sandbox.procore.com')).toBeTruthy();
    await user.click(saveButton());
    await screen.findByText('Settings saved.');
    expect(updates(bg)[0]).toEqual({ environment: 'developer_sandbox', apiOrigin: 'https://sandbox.procore.com' });
  });

  it('shows policy-set fields as locked and never sends them', async () => {
    const { user, bg } = await setup({ locked: ['autoFixDuplicateCheckNumbers', 'retentionDays', 'environment'], settings: { autoFixDuplicateCheckNumbers: true, retentionDays: 400 } });
    const autofix = screen.getByRole('checkbox', { name: /Re-export payments whose check number is already used/ });
    expect(autofix).toHaveProperty('disabled', true);
    expect(autofix).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Keep history for (days)')).toHaveProperty('disabled', true);
    expect(screen.getByRole('radio', { name: /Production US01/ }).matches(':disabled')).toBe(true);
    expect(screen.getAllByText('Set by your organization’s policy').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByLabelText('Keep history for (days)').getAttribute('aria-describedby')).toContain('locked');
    await user.click(screen.getByRole('checkbox', { name: /A fixed payment reached the ERP/ }));
    await user.click(saveButton());
    await screen.findByText('Settings saved.');
    expect(Object.keys(updates(bg)[0]!)).toEqual(['notifications']);
  });

  it('tests the connection: who you are and which companies you see; then picks companies', async () => {
    const { user, bg } = await setup({ status: { watchedCompanies: [{ id: '8089', name: 'Builder Co', erpName: 'QuickBooks Online', paymentSyncEnabled: true, supportsPartialPayments: false }] } });
    expect(await screen.findByText('Connected as Ana Park (ap@builder.com)')).toBeTruthy();
    expect(screen.getByText('Companies you can see: Builder Co (8089), Other Co (9001).')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /Every active company/ }));
    await user.click(screen.getByRole('checkbox', { name: /Builder Co/ }));
    expect(screen.getByRole('checkbox', { name: /Other Co/ })).toHaveProperty('checked', true);
    const facts = within(screen.getByRole('table', { name: /Connector facts/ }));
    expect(facts.getByRole('row', { name: /^Builder Co QuickBooks Online/ })).toBeTruthy();
    // No read says whether export is on: on until the user says off.
    expect(facts.getByLabelText('Payment export for Builder Co')).toHaveProperty('value', 'on');
    await user.selectOptions(facts.getByLabelText('Payment export for Builder Co'), 'Off');
    await user.selectOptions(facts.getByLabelText('Partial payments for Builder Co'), 'Accepted');
    expect(screen.getByRole('button', { name: 'Test connection' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Save your changes to test them.')).toBeTruthy();
    await user.click(saveButton());
    await screen.findByText('Settings saved.');
    expect(updates(bg)[0]).toEqual({ companyIds: ['9001'], partialPaymentOverrides: { '8089': true }, paymentExportOff: ['8089'] });
  });

  it('says why the connection test failed', async () => {
    background.current = makeBackground();
    background.current.handle('connection.test', () => {
      throw new Error('Procore says you are signed out (401).');
    });
    render(<Options />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The connection test failedProcore says you are signed out (401).');
  });

  it('exports history and audit log as CSV, and clears data after a confirm', async () => {
    const watches = [makeWatch({ beneficiaryName: '@SUM(A1)', state: 'synced', syncedAt: 1_060_000 })];
    const { user, bg } = await setup({ watches });
    bg.handle('audit.list', () => [{ at: 0, payoutId: 'po_1', companyId: '8089', actor: 'user', action: 'dismiss', before: 'failed', after: 'dismissed', why: 'handled by phone' }]);
    bg.handle('data.clear', () => ({ ok: true }));
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Export history (CSV)' }));
    await screen.findByText('History exported: 1 payment record.');
    expect(await readBlob(blobs[0]!)).toContain("'@SUM(A1)");
    await user.click(screen.getByRole('button', { name: 'Export audit log (CSV)' }));
    await screen.findByText('Audit log exported: 1 entry.');
    expect(await readBlob(blobs[1]!)).toContain('handled by phone');
    expect(click).toHaveBeenCalledTimes(2);
    click.mockRestore();

    await user.click(screen.getByRole('button', { name: 'Clear data…' }));
    const dialog = screen.getByRole('dialog', { name: 'Clear all stored data?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(bg.sendMessage).not.toHaveBeenCalledWith('data.clear', expect.anything());
    await user.click(screen.getByRole('button', { name: 'Clear data…' }));
    localStorage.setItem(LAST_VIEW_KEY, '{}');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Clear data' }));
    await screen.findByText(/were cleared/);
    expect(bg.sendMessage).toHaveBeenCalledWith('data.clear', { confirm: true });
    // The popup's copy of its first rows goes with the records.
    expect(localStorage.getItem(LAST_VIEW_KEY)).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says when the background refuses to save', async () => {
    const { user, bg } = await setup();
    bg.handle('settings.update', () => {
      throw new Error('retentionDays is set by policy');
    });
    await user.click(screen.getByRole('checkbox', { name: /A payment failed to export/ }));
    await user.click(saveButton());
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: retentionDays is set by policy');
    expect(screen.getByText('Unsaved changes.')).toBeTruthy();
  });

  it("keeps the ERP's last check number per Bank ID: added from the keyboard, checked, saved", async () => {
    const { user, bg } = await setup();
    const section = screen.getByRole('region', { name: 'The ERP’s check numbers' });
    await user.click(within(section).getByRole('button', { name: 'Add a Bank ID' }));
    const bankId = within(section).getByLabelText('Bank ID');
    await waitFor(() => expect(document.activeElement).toBe(bankId));
    await user.type(bankId, 'OPER');
    await user.type(within(section).getByLabelText('Last check number in the ERP'), '5001');
    await user.click(within(section).getByRole('button', { name: 'Add a Bank ID' }));
    await user.type(within(section).getAllByLabelText('Bank ID')[1]!, 'oper');
    expect(within(section).getByText('Bank ID: this Bank ID is listed twice')).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Remove Bank ID oper' }));
    await user.click(saveButton());
    await screen.findByText('Settings saved.');
    expect(updates(bg)).toEqual([{ erpLastCheckNumbers: [{ bankId: 'OPER', lastCheckNumber: 5001 }] }]);
  });
});
