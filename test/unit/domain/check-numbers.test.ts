import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUIDE_ROOM, MIN_HEADROOM, recommendNextCheckNumber } from '../../../utils/domain/check-numbers';

const advice = (erpLast: number | null, current: number, fieldDigits?: number | null) =>
  recommendNextCheckNumber({ erpLastCheckNumber: erpLast, currentNextCheckNumber: current, fieldDigits });

describe('recommendNextCheckNumber', () => {
  it("follows Procore's guidance: ERP at 100 → 10000, room for 9900 checks", () => {
    expect(advice(100, 1)).toEqual({ nextCheckNumber: 10000, headroom: 9900, changeNeeded: true, noRoomInField: false });
  });

  it.each([
    [1187, 500, 12000],
    [9999, 9000, 20000],
    [1, 1, 10000],
    // An ERP in the five-digit range: 20000, not 1,000,000.
    [10050, 10043, 20000],
    [10033, 10036, 20000],
    [987_654, 987_000, 998_000],
  ])('ERP at %i with Next %i → %i', (erpLast, current, next) => {
    expect(advice(erpLast, current)).toEqual({ nextCheckNumber: next, headroom: next - erpLast, changeNeeded: true, noRoomInField: false });
  });

  it('keeps a current number that is already well clear of the ERP', () => {
    expect(advice(1187, 10043)).toEqual({ nextCheckNumber: 10043, headroom: 8856, changeNeeded: false, noRoomInField: false });
  });

  it(`asks for a change when fewer than ${MIN_HEADROOM} numbers separate them`, () => {
    expect(advice(9500, 10043)).toEqual({ nextCheckNumber: 20000, headroom: 10500, changeNeeded: true, noRoomInField: false });
  });

  it('keeps the current number when the ERP reports nothing', () => {
    expect(advice(null, 10043)).toEqual({ nextCheckNumber: 10043, headroom: null, changeNeeded: false, noRoomInField: false });
    expect(advice(0, 10043)).toEqual({ nextCheckNumber: 10043, headroom: 10043, changeNeeded: false, noRoomInField: false });
  });

  it("offers only a number that fits the ERP's check-number field: less room in a narrow field, none when nothing fits", () => {
    // Five digits: 99,000 + the guidance's room needs six; the least safe room still fits.
    expect(advice(95_000, 95_100, 5)).toEqual({ nextCheckNumber: 96_000, headroom: 1000, changeNeeded: true, noRoomInField: false });
    expect(advice(99_500, 99_600, 5)).toEqual({ nextCheckNumber: 99_600, headroom: 100, changeNeeded: false, noRoomInField: true });
    expect(advice(10033, 10036, 10)).toMatchObject({ nextCheckNumber: 20000, changeNeeded: true });
  });

  it('never goes below the current Next Check Number, always clears the ERP by the room asked, and is stable once applied', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e10 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }), (erpLast, current, fieldDigits) => {
        const r = advice(erpLast, current, fieldDigits);
        expect(r.nextCheckNumber).toBeGreaterThanOrEqual(current);
        expect(r.changeNeeded).toBe(r.nextCheckNumber !== current);
        if (r.changeNeeded) {
          expect(r.nextCheckNumber - erpLast).toBeGreaterThanOrEqual(MIN_HEADROOM);
          expect(r.nextCheckNumber - erpLast).toBeLessThan(GUIDE_ROOM + 1000 + current);
          if (fieldDigits !== null) expect(String(r.nextCheckNumber).length).toBeLessThanOrEqual(fieldDigits);
          const again = advice(erpLast, r.nextCheckNumber, fieldDigits);
          expect(again).toEqual({ ...r, changeNeeded: false });
        }
      }),
    );
  });
});
