import { describe, expect, it } from 'vitest';
import { deadlineFor, pastDeadline } from '../../../utils/domain/deadline';
import { makeWatch } from '../fixtures/make-watch';

describe('deadline', () => {
  it('is funding complete + the window, 10 minutes by default', () => {
    expect(deadlineFor(1_000_000)).toBe(1_600_000);
    expect(deadlineFor(1_000_000, 30_000)).toBe(1_030_000);
  });

  it('a syncing record turns overdue once its deadline is reached, not before; other states never', () => {
    const watches = [
      makeWatch({ payoutId: 'due', state: 'syncing', deadline: 1_000 }),
      makeWatch({ payoutId: 'later', state: 'syncing', deadline: 1_001 }),
      makeWatch({ payoutId: 'unknown', state: 'syncing', deadline: null }),
      makeWatch({ payoutId: 'failed', state: 'failed', deadline: 10 }),
    ];
    expect(pastDeadline(watches, 1_000).map((w) => w.payoutId)).toEqual(['due']);
    expect(pastDeadline(watches, 1_001).map((w) => w.payoutId)).toEqual(['due', 'later']);
  });
});
