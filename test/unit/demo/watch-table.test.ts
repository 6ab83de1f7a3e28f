import { describe, expect, it } from 'vitest';
import type { Watch } from '../../../utils/domain/watch';
import { watchTable } from '../../../scripts/demo/watch-table';
import { makeWatch } from '../fixtures/make-watch';

const NOW = Date.UTC(2026, 10, 15, 17, 50, 0);

// Funded a minute ago; due in 9:05 (a window a little longer than the default).
const watch = (patch: Partial<Watch>): Watch => makeWatch({ deadline: NOW + 9 * 60_000 + 5_000, updatedAt: NOW, ...patch }, NOW - 60_000);

describe('the demo\'s watch table', () => {
  it('shows the countdown of a syncing record and the cause of a failed one, failures first', () => {
    const table = watchTable(
      [
        watch({}),
        watch({
          payoutId: 'po_2',
          beneficiaryName: 'Summit Electric',
          state: 'failed',
          deadline: null,
          diagnosis: { cause: 'DUPLICATE_CHECK_NUMBER', summary: 'used', retryable: true },
        }),
      ],
      NOW,
    );
    const lines = table.split('\n');
    expect(lines[0]).toBe('2 payment records tracked (failed 1, syncing 1)');
    expect(lines[1]).toMatch(/^payout\s+disbursement \/ invoice\s+beneficiary\s+state\s+countdown\s+cause$/);
    expect(lines[2]).toMatch(/^po_2\s+D-000412 INV-2291\s+Summit Electric\s+failed\s+Check number already used$/);
    expect(lines[3]).toMatch(/^po_1\s+D-000412 INV-2291\s+Acme Drywall\s+syncing\s+09:05$/);
  });

  it('prints a markup-like name as it is, and quotes one with terminal control characters', () => {
    const table = watchTable([watch({ beneficiaryName: '<img src=x onerror=alert(1)>' }), watch({ payoutId: 'po_3', beneficiaryName: 'Evil\u001b[2J Co' })], NOW);
    expect(table).toContain('<img src=x onerror=alert(1)>');
    expect(table).toContain('"Evil\\u001b[2J Co"');
    expect(table).not.toContain('\u001b');
  });

  it('says when there is nothing tracked yet', () => {
    expect(watchTable([], NOW).split('\n')[0]).toBe('0 payment records tracked');
  });
});
