import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestCheckNumber } from '../../../utils/domain/suggest-check-number';

describe('suggestCheckNumber', () => {
  it("takes Procore Pay's next number and moves Next Check Number past it when the range is safe", () => {
    expect(suggestCheckNumber({ erpLastCheckNumber: 1187, nextCheckNumber: 10043, usedCheckNumbers: [10042] })).toEqual({ checkNumber: 10043, movesNextCheckNumberTo: 10044 });
  });

  it("moves Procore Pay's range above the ERP when it collides with the ERP's numbers", () => {
    expect(suggestCheckNumber({ erpLastCheckNumber: 10050, nextCheckNumber: 10043, usedCheckNumbers: [10042] })).toEqual({ checkNumber: 20000, movesNextCheckNumberTo: 20001 });
  });

  it('skips numbers already seen used or failing', () => {
    expect(suggestCheckNumber({ erpLastCheckNumber: 1187, nextCheckNumber: 10043, usedCheckNumbers: [10043, 10044, 10046] })).toEqual({ checkNumber: 10045, movesNextCheckNumberTo: 10046 });
  });

  it('works when the ERP does not report its last number', () => {
    expect(suggestCheckNumber({ erpLastCheckNumber: null, nextCheckNumber: 500 })).toEqual({ checkNumber: 500, movesNextCheckNumberTo: 501 });
  });

  it('is above the ERP, unused, and never one Procore Pay will still issue itself', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 1e7 }), { nil: null }),
        fc.integer({ min: 1, max: 1e8 }),
        fc.array(fc.integer({ min: 1, max: 1e8 }), { maxLength: 30 }),
        (erpLast, next, used) => {
          const s = suggestCheckNumber({ erpLastCheckNumber: erpLast, nextCheckNumber: next, usedCheckNumbers: used });
          expect(s.checkNumber).toBeGreaterThan(erpLast ?? 0);
          expect(used).not.toContain(s.checkNumber);
          // Either below what Procore Pay issues next, or the fix moves Next Check Number past it.
          expect(s.checkNumber < next || s.movesNextCheckNumberTo > s.checkNumber).toBe(true);
          expect(s.movesNextCheckNumberTo).toBeGreaterThanOrEqual(next);
        },
      ),
    );
  });
});
