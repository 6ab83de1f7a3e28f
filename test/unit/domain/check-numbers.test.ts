import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_HEADROOM, recommendNextCheckNumber } from '../../../utils/domain/check-numbers';

describe('recommendNextCheckNumber', () => {
  it("follows Procore's guidance: ERP at 100 → 10000, room for 9900 checks", () => {
    expect(recommendNextCheckNumber({ erpLastCheckNumber: 100, currentNextCheckNumber: 1 })).toEqual({ nextCheckNumber: 10000, headroom: 9900, changeNeeded: true });
  });

  it.each([
    [1187, 500, 100000],
    [9999, 9000, 100000],
    [1, 1, 100],
    [10050, 10043, 1000000],
  ])('ERP at %i with Next %i → %i', (erpLast, current, next) => {
    const r = recommendNextCheckNumber({ erpLastCheckNumber: erpLast, currentNextCheckNumber: current });
    expect(r).toEqual({ nextCheckNumber: next, headroom: next - erpLast, changeNeeded: true });
  });

  it('keeps a current number that is already well clear of the ERP', () => {
    expect(recommendNextCheckNumber({ erpLastCheckNumber: 1187, currentNextCheckNumber: 10043 })).toEqual({ nextCheckNumber: 10043, headroom: 8856, changeNeeded: false });
  });

  it(`asks for a change when fewer than ${MIN_HEADROOM} numbers separate them`, () => {
    const r = recommendNextCheckNumber({ erpLastCheckNumber: 9500, currentNextCheckNumber: 10043 });
    expect(r).toEqual({ nextCheckNumber: 100000, headroom: 90500, changeNeeded: true });
  });

  it('keeps the current number when the ERP reports nothing', () => {
    expect(recommendNextCheckNumber({ erpLastCheckNumber: null, currentNextCheckNumber: 10043 })).toEqual({ nextCheckNumber: 10043, headroom: null, changeNeeded: false });
    expect(recommendNextCheckNumber({ erpLastCheckNumber: 0, currentNextCheckNumber: 10043 })).toEqual({ nextCheckNumber: 10043, headroom: 10043, changeNeeded: false });
  });

  it('never goes below the current Next Check Number, always clears the ERP, and is stable once applied', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e10 }), (erpLast, current) => {
        const r = recommendNextCheckNumber({ erpLastCheckNumber: erpLast, currentNextCheckNumber: current });
        expect(r.nextCheckNumber).toBeGreaterThanOrEqual(current);
        expect(r.nextCheckNumber).toBeGreaterThan(erpLast);
        expect(r.headroom).toBe(r.nextCheckNumber - erpLast);
        expect(r.changeNeeded).toBe(r.nextCheckNumber !== current);
        const again = recommendNextCheckNumber({ erpLastCheckNumber: erpLast, currentNextCheckNumber: r.nextCheckNumber });
        expect(again).toEqual({ ...r, changeNeeded: false });
      }),
    );
  });
});
