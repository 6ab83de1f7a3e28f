import { describe, expect, it } from 'vitest';
import { checkNumberFieldDigits } from '../../../utils/domain/check-number-field';
import { checkNumberAdviceLine, checkNumberAdviceWhy } from '../../../utils/domain/check-number-words';

const change = { erpLastCheckNumber: 10033, currentNextCheckNumber: 10036, nextCheckNumber: 20000, headroom: 9967, changeNeeded: true, noRoomInField: false };

describe('check number advice in words', () => {
  it('says the recommendation in one line', () => {
    expect(checkNumberAdviceLine(change)).toBe("ERP's last check is 10033: start at 20000, room for 9,967 checks");
    expect(checkNumberAdviceLine({ ...change, changeNeeded: false, nextCheckNumber: 10036, headroom: 3 })).toBe("ERP's last check is 10033: 10036 is clear, room for 3 checks");
  });

  it("says why in the accountant's terms: Procore's rule of thumb, the room, its pace and the field", () => {
    const why = checkNumberAdviceWhy(change, { erpName: 'QuickBooks Online', fieldDigits: 21, erpChecksPerMonth: 200 })!;
    expect(why).toContain("Procore's rule of thumb: if the ERP's latest check number is 100, start Procore Pay at 10000");
    expect(why).toContain("Next Check No. 10036 leaves only 3 numbers above QuickBooks Online's latest check, 10033.");
    expect(why).toContain("Starting at 20000 leaves room for 9,967 of QuickBooks Online's checks, about 4 years at its pace of 200 checks a month.");
    expect(why).toContain("It fits QuickBooks Online's check-number field (up to 21 digits).");
    expect(checkNumberAdviceWhy(change, { erpName: 'Sage Intacct' })).toMatch(/room for 9,967 of Sage Intacct's checks\.$/);
  });

  it('says nothing when no change is asked, and why when no number fits the field', () => {
    expect(checkNumberAdviceWhy({ ...change, changeNeeded: false }, { erpName: 'Vista' })).toBeNull();
    expect(checkNumberAdviceWhy({ ...change, changeNeeded: false, noRoomInField: true }, { erpName: 'Vista', fieldDigits: 5 })).toMatch(/^Vista's check-number field takes up to 5 digits/);
  });

  it('knows the field width of the ERPs whose limits are published, and no other', () => {
    expect(checkNumberFieldDigits('quickbooks_desktop')).toBe(11);
    expect(checkNumberFieldDigits('viewpoint_vista')).toBe(10);
    expect(checkNumberFieldDigits('sage_intacct')).toBeNull();
    expect(checkNumberFieldDigits(undefined)).toBeNull();
  });
});
