import { describe, expect, it } from 'vitest';
import { erpLastCheckNumber } from '../../../utils/domain/erp-last-check-number';
import type { Watch } from '../../../utils/domain/watch';
import { freshWatch } from './watch-fixture';

const watch = (state: Watch['state'], bankId: string, checkNumber: number | null): Watch => ({ ...freshWatch(), state, bankId, checkNumber });

describe("the ERP's last check number on a Bank ID", () => {
  const watches = [watch('synced', 'OPER', 10_040), watch('synced', 'OPER', 10_044), watch('failed', 'OPER', 10_090), watch('synced', 'PAYROLL', 20_000)];

  it('is the highest check number the ERP took on that Bank ID, not one it refused', () => {
    expect(erpLastCheckNumber('OPER', watches, [])).toBe(10_044);
  });

  it('is what the user entered when that is higher, matched whatever the case', () => {
    expect(erpLastCheckNumber('OPER', watches, [{ bankId: 'oper', lastCheckNumber: 50_001 }])).toBe(50_001);
    expect(erpLastCheckNumber('OPER', watches, [{ bankId: 'OPER', lastCheckNumber: 3 }])).toBe(10_044);
  });

  it('is unknown when nothing speaks for that Bank ID', () => {
    expect(erpLastCheckNumber('AP2', watches, [{ bankId: 'OPER', lastCheckNumber: 50_001 }])).toBeNull();
    expect(erpLastCheckNumber(null, watches, [])).toBeNull();
  });
});
