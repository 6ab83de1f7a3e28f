// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeBackground } from './fake-background';
import { makeWatch } from '../fixtures/make-watch';

const background = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof import('./fake-background').makeBackground> }));
vi.mock('../../../utils/message-client', () => ({
  sendMessage: (...args: unknown[]) => (background.current.sendMessage as (...a: unknown[]) => unknown)(...args),
  subscribeWatches: () => () => {},
}));
const { Dashboard } = await import('../../../components/dashboard/Dashboard');

afterEach(() => cleanup());

const NOW = new Date(2026, 10, 20, 12).getTime();
const WINDOW = 600_000;
const funded = new Date(2026, 10, 18, 9).getTime();
const dup = { cause: 'DUPLICATE_CHECK_NUMBER' as const, summary: 'dup', retryable: true };
const history = [
  makeWatch({ payoutId: 'a', state: 'synced', fundingCompletedAt: funded, syncedAt: funded + 3 * 60_000 }),
  makeWatch({ payoutId: 'b', state: 'synced', fundingCompletedAt: funded, syncedAt: funded + 4 * 60_000, bankId: 'PAY' }),
  makeWatch({
    payoutId: 'c',
    state: 'synced',
    fundingCompletedAt: funded,
    syncedAt: funded + 25 * 60_000,
    diagnosis: dup,
    attempts: [{ at: funded + 12 * 60_000, checkNumber: 10050, bankId: null, cause: 'DUPLICATE_CHECK_NUMBER', outcome: 'synced', messages: [] }],
  }),
  makeWatch({ payoutId: 'd', state: 'failed', fundingCompletedAt: funded, diagnosis: { ...dup, cause: 'INVALID_BANK_ID' }, erpName: 'Sage Intacct', bankId: 'OPR' }),
];

async function setup() {
  background.current = makeBackground({ watches: history });
  render(<Dashboard windowMs={WINDOW} now={NOW} />);
  await screen.findByRole('heading', { name: 'Time to reach the ERP' });
  return { user: userEvent.setup(), bg: background.current };
}

describe('sync-health dashboard', () => {
  it('asks for the last 30 days and shows the headline numbers', async () => {
    const { bg } = await setup();
    expect(bg.sendMessage).toHaveBeenCalledWith('history.list', { from: new Date(2026, 9, 22).getTime(), to: new Date(2026, 10, 20, 23, 59, 59, 999).getTime() });
    const stat = (name: string) => screen.getByText(name).closest('div')!.querySelector('dd.stat-value')!.textContent;
    expect(stat('Synced inside 10 min')).toBe('50%');
    expect(screen.getByText('2 of 4 settled records')).toBeTruthy();
    expect(stat('Failures')).toBe('2');
    expect(stat('Re-export success')).toBe('100%');
  });

  it('gives every chart a name, a summary and a table with the same numbers', async () => {
    await setup();
    const sync = screen.getByRole('img', { name: /Time to reach the ERP: 3 synced records; 50% of settled records synced inside the 10-minute window\./ });
    expect(sync.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const syncTable = within(screen.getByRole('table', { name: 'Time to reach the ERP', hidden: true }));
    expect(syncTable.getByRole('row', { name: '3–4 min 1 yes', hidden: true })).toBeTruthy();
    expect(syncTable.getByRole('row', { name: '15+ min 1 no', hidden: true })).toBeTruthy();

    expect(screen.getByRole('img', { name: /Failures by cause over time: 2 failures over 1 day/ })).toBeTruthy();
    const causeTable = within(screen.getByRole('table', { name: 'Failures by cause over time', hidden: true }));
    expect(causeTable.getByRole('row', { name: '2026-11-18 1 1 2', hidden: true })).toBeTruthy();

    expect(screen.getByRole('img', { name: /Failures by ERP connector: Most failures: QuickBooks Online, 1 of 3 records \(33%\)\./ })).toBeTruthy();
    const bankTable = within(screen.getByRole('table', { name: 'Failures by Bank ID', hidden: true }));
    expect(bankTable.getAllByRole('row', { hidden: true }).map((r) => r.textContent)).toEqual([
      'Bank IDFailedRecordsFailure rate',
      'OPER1250%',
      'OPR11100%',
      'PAY010%',
    ]);
  });

  it('filters by date range, and refuses a reversed one', async () => {
    const { user, bg } = await setup();
    await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
    expect(bg.sendMessage).toHaveBeenLastCalledWith('history.list', { from: new Date(2026, 10, 14).getTime(), to: new Date(2026, 10, 20, 23, 59, 59, 999).getTime() });
    expect(screen.getByRole('button', { name: 'Last 7 days' }).getAttribute('aria-pressed')).toBe('true');
    const from = screen.getByLabelText('From');
    await user.clear(from);
    await user.type(from, '2026-11-25');
    expect(screen.getByText('Choose a start day on or before the end day.')).toBeTruthy();
  });
});
