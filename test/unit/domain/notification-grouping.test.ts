import { describe, expect, it } from 'vitest';
import { groupForNotification } from '../../../utils/domain/notification-grouping';
import { companyNotification } from '../../../utils/domain/notification-text';
import { defaultSettings } from '../../../utils/domain/settings';
import type { Watch } from '../../../utils/domain/watch';
import { makeWatch } from '../fixtures/make-watch';

const NOW = 5_000_000;
const byId = (watches: Watch[]) => new Map(watches.map((w) => [w.payoutId, w]));

describe('notification grouping and wording', () => {
  const watches = byId([
    makeWatch({ payoutId: 'a', state: 'overdue' }),
    makeWatch({ payoutId: 'b', state: 'overdue' }),
    makeWatch({ payoutId: 'c', state: 'failed', diagnosis: { cause: 'DUPLICATE_CHECK_NUMBER', summary: 'Check 10042 is taken.', retryable: true } }),
    makeWatch({ payoutId: 'd', state: 'overdue', companyId: '77' }),
    makeWatch({ payoutId: 'e', state: 'overdue', snoozedUntil: NOW + 1 }),
  ]);
  const items = [
    { kind: 'overdue' as const, payoutId: 'a' },
    { kind: 'overdue' as const, payoutId: 'b' },
    { kind: 'overdue' as const, payoutId: 'a' },
    { kind: 'failed' as const, payoutId: 'c' },
    { kind: 'overdue' as const, payoutId: 'd' },
    { kind: 'overdue' as const, payoutId: 'e' },
    { kind: 'overdue' as const, payoutId: 'gone' },
  ];

  it('one group per company, each record once per kind, snoozed and unknown records left out', () => {
    const groups = groupForNotification(items, watches, defaultSettings(), NOW);
    expect([...groups.keys()].sort()).toEqual(['77', '8089']);
    expect(groups.get('8089')?.get('overdue')?.map((w) => w.payoutId)).toEqual(['a', 'b']);
    expect(groups.get('8089')?.get('failed')?.map((w) => w.payoutId)).toEqual(['c']);
    // Snoozed until after now: not told; once the snooze has passed, told again.
    expect(groupForNotification(items, watches, defaultSettings(), NOW + 1).get('8089')?.get('overdue')?.map((w) => w.payoutId)).toEqual(['a', 'b', 'e']);
  });

  it('follows the notification settings', () => {
    const settings = defaultSettings();
    const noOverdue = { ...settings, notifications: { ...settings.notifications, overdue: false } };
    const groups = groupForNotification(items, watches, noOverdue, NOW);
    expect([...groups.keys()]).toEqual(['8089']);
    expect([...groups.get('8089')!.keys()]).toEqual(['failed']);
  });

  it('says one line per kind, the worst first, with the window in words', () => {
    const groups = groupForNotification(items, watches, defaultSettings(), NOW);
    expect(companyNotification(groups.get('8089')!, 600_000, 'Builder Co')).toEqual({
      title: 'Builder Co: payments need attention',
      message: '1 payment failed to export to QuickBooks Online: Check 10042 is taken.\n2 payments not in QuickBooks Online after 10 minutes',
    });
    expect(companyNotification(groups.get('77')!, 30_000).message).toBe('1 payment not in QuickBooks Online after 30 seconds');
  });
});
