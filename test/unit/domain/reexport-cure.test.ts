import { describe, expect, it } from 'vitest';
import { CAUSES, type Cause } from '../../../utils/domain/cause';
import { exportCanCure, hasKnownFix, reexportCure } from '../../../utils/domain/reexport-cure';
import { WATCH_STATES } from '../../../utils/domain/watch';

const d = (cause: Cause, retryable: boolean) => ({ cause, retryable });
const none = { checkNumber: false, bankId: false };

describe('reexportCure', () => {
  it('offers no export for a known cause the classifier says no re-export cures', () => {
    for (const cause of CAUSES.filter((c) => c !== 'UNKNOWN')) expect(reexportCure('failed', d(cause, false))).toEqual({ kind: 'none' });
  });

  it('for an unknown cause, says an unchanged export is the only thing left to try, and offers no fix', () => {
    expect(reexportCure('failed', d('UNKNOWN', false))).toEqual({ kind: 'unchanged-only' });
    expect(reexportCure('overdue', d('UNKNOWN', true))).toEqual({ kind: 'unchanged-only' });
    expect(hasKnownFix(reexportCure('failed', d('UNKNOWN', false)))).toBe(false);
    expect(reexportCure('escalate', d('UNKNOWN', false))).toEqual({ kind: 'none' });
  });

  it('offers no export outside failed and overdue, nor without a diagnosis', () => {
    for (const state of WATCH_STATES.filter((s) => s !== 'failed' && s !== 'overdue')) {
      expect(reexportCure(state, d('TRANSIENT', true))).toEqual({ kind: 'none' });
    }
    expect(reexportCure('failed', null)).toEqual({ kind: 'none' });
    expect(reexportCure('overdue', undefined)).toEqual({ kind: 'none' });
  });

  it('needs the refused value changed for a duplicate check number or a wrong Bank ID', () => {
    expect(reexportCure('failed', d('DUPLICATE_CHECK_NUMBER', true))).toEqual({ kind: 'change', field: 'checkNumber' });
    expect(reexportCure('overdue', d('INVALID_BANK_ID', true))).toEqual({ kind: 'change', field: 'bankId' });
  });

  it('lets the same values go again once an outside cause is gone', () => {
    for (const cause of ['TRANSIENT', 'VENDOR_NOT_SYNCED', 'PERIOD_CLOSED'] as const) {
      expect(reexportCure('failed', d(cause, true))).toEqual({ kind: 'as-is' });
    }
  });
});

describe('exportCanCure', () => {
  it('never for none; always for as-is; for change only with that field changed', () => {
    expect(exportCanCure({ kind: 'none' }, { checkNumber: true, bankId: true })).toBe(false);
    expect(exportCanCure({ kind: 'as-is' }, none)).toBe(true);
    expect(exportCanCure({ kind: 'unchanged-only' }, none)).toBe(true);
    expect(exportCanCure({ kind: 'unchanged-only' }, { checkNumber: true, bankId: false })).toBe(false);
    const bank = { kind: 'change', field: 'bankId' } as const;
    expect(exportCanCure(bank, none)).toBe(false);
    expect(exportCanCure(bank, { checkNumber: true, bankId: false })).toBe(false);
    expect(exportCanCure(bank, { checkNumber: false, bankId: true })).toBe(true);
    expect(exportCanCure({ kind: 'change', field: 'checkNumber' }, { checkNumber: true, bankId: false })).toBe(true);
  });
});
