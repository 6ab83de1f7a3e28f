import { describe, expect, it } from 'vitest';
import { autoFixes } from '../../../utils/domain/auto-fix-policy';
import type { Diagnosis } from '../../../utils/domain/cause';
import type { WatchEffect } from '../../../utils/domain/watch-effect';
import { makeWatch } from '../fixtures/make-watch';

const duplicate: Diagnosis = { cause: 'DUPLICATE_CHECK_NUMBER', summary: 'taken', retryable: true, suggested: { checkNumber: 10050 } };
const failed = (payoutId: string): WatchEffect => ({ type: 'notify', kind: 'failed', payoutId });

describe('the automatic fix policy', () => {
  const watches = new Map([
    ['dup', makeWatch({ payoutId: 'dup', state: 'failed', diagnosis: duplicate })],
    ['bank', makeWatch({ payoutId: 'bank', state: 'failed', diagnosis: { cause: 'INVALID_BANK_ID', summary: 'bad bank', retryable: true } })],
    ['no-suggestion', makeWatch({ payoutId: 'no-suggestion', state: 'failed', diagnosis: { ...duplicate, suggested: undefined } })],
    ['escalated', makeWatch({ payoutId: 'escalated', state: 'escalate', diagnosis: duplicate })],
  ]);
  const effects = [failed('dup'), failed('dup'), failed('bank'), failed('no-suggestion'), failed('escalated'), { type: 'notify', kind: 'overdue', payoutId: 'dup' } as WatchEffect];

  it('fixes only a newly failed duplicate check number with a suggested number, once', () => {
    expect(autoFixes(true, effects, watches)).toEqual([{ payoutId: 'dup', checkNumber: 10050 }]);
  });

  it('fixes nothing while the setting is off', () => {
    expect(autoFixes(false, effects, watches)).toEqual([]);
  });
});
