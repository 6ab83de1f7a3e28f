import { describe, expect, it } from 'vitest';
import { buildPopupView, causesPresent, NO_FILTER, RECENT_MS, sectionOf } from '../../../utils/view/popup-sections';
import { makeWatch } from '../fixtures/make-watch';

const NOW = 10_000_000;
const names = new Map([['8089', 'Builder Co'], ['9001', 'Other Co']]);
const dup = { cause: 'DUPLICATE_CHECK_NUMBER' as const, summary: 'Check number 10042 is already used in QuickBooks.', retryable: true };
const bank = { cause: 'INVALID_BANK_ID' as const, summary: 'Bank ID OPR is not an ERP bank account.', retryable: true };

const watches = [
  makeWatch({ payoutId: 'f1', state: 'failed', stateSince: 5, diagnosis: dup }),
  makeWatch({ payoutId: 'f2', state: 'escalate', stateSince: 3, diagnosis: bank, companyId: '9001', beneficiaryName: 'Zenith Steel' }),
  makeWatch({ payoutId: 'o1', state: 'overdue', deadline: 200 }),
  makeWatch({ payoutId: 'o2', state: 'overdue', deadline: 100, snoozedUntil: NOW + 1 }),
  makeWatch({ payoutId: 's1', state: 'syncing', deadline: NOW + 500 }),
  makeWatch({ payoutId: 's2', state: 'syncing', deadline: NOW + 100 }),
  makeWatch({ payoutId: 'y1', state: 'synced', syncedAt: NOW - 10 }),
  makeWatch({ payoutId: 'y2', state: 'synced', syncedAt: NOW - RECENT_MS - 1 }),
  makeWatch({ payoutId: 'a1', state: 'awaiting_funding' }),
  makeWatch({ payoutId: 'd1', state: 'dismissed' }),
];
const ids = (view: ReturnType<typeof buildPopupView>) => view.sections.map((s) => s.watches.map((w) => w.payoutId));

describe('popup sections', () => {
  it('puts each state in its section, oldest problem and nearest deadline first', () => {
    const view = buildPopupView(watches, NO_FILTER, names, NOW);
    expect(view.sections.map((s) => s.title)).toEqual(['Failed', 'Overdue', 'Syncing', 'Recently synced']);
    expect(ids(view)).toEqual([['f2', 'f1'], ['o1'], ['s2', 's1'], ['y1']]);
    expect(view).toMatchObject({ shown: 6, total: 6, snoozed: 1 });
  });

  it('shows a snoozed record again once its snooze ends', () => {
    expect(ids(buildPopupView(watches, NO_FILTER, names, NOW + 2))[1]).toEqual(['o2', 'o1']);
  });

  it('drops synced records after a day, and never shows waiting or dismissed ones', () => {
    expect(sectionOf(watches[7]!, NOW)).toBeNull();
    expect(sectionOf(watches[8]!, NOW)).toBeNull();
    expect(sectionOf(watches[9]!, NOW)).toBeNull();
  });

  it('filters by company, by cause and by words in any field', () => {
    expect(ids(buildPopupView(watches, { ...NO_FILTER, companyId: '9001' }, names, NOW))).toEqual([['f2'], [], [], []]);
    expect(ids(buildPopupView(watches, { ...NO_FILTER, cause: 'DUPLICATE_CHECK_NUMBER' }, names, NOW))).toEqual([['f1'], [], [], []]);
    expect(buildPopupView(watches, { ...NO_FILTER, query: 'zenith' }, names, NOW).shown).toBe(1);
    expect(buildPopupView(watches, { ...NO_FILTER, query: 'other co' }, names, NOW).shown).toBe(1);
    expect(buildPopupView(watches, { ...NO_FILTER, query: '$4,500.00' }, names, NOW).shown).toBe(6);
    expect(buildPopupView(watches, { ...NO_FILTER, query: 'nothing-like-this' }, names, NOW)).toMatchObject({ shown: 0, total: 6 });
  });

  it('lists the causes present', () => {
    expect(causesPresent(watches)).toEqual(['DUPLICATE_CHECK_NUMBER', 'INVALID_BANK_ID']);
  });
});
