import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { confirmPageHints } from '../../../utils/engine/learn/page-hints';
import { testEngine } from './engine-fixture';

// The 15 s between confirming reads is not what these tests are about: no wait.
const noWait = async () => undefined;

function reads(fail = false) {
  const companies: string[] = [];
  const discover = async (companyId: string) => {
    companies.push(companyId);
    if (fail) throw new Error('Procore did not answer');
  };
  return { companies, discover };
}

describe('page hints', () => {
  it('a disbursement a page showed funded, once looked for, is answered at once when a row shows it again', async () => {
    const engine = await testEngine();
    const procore = reads();
    const old = { disbursementNumbers: ['D-OLD'], funded: ['D-OLD'] };
    expect(await confirmPageHints(engine, '101', old, procore.discover, noWait)).toBe(true);
    expect(procore.companies).toEqual(['101']);
    // Not watched (months old): still nothing to read, so no second read and no wait.
    expect(await confirmPageHints(engine, '101', { disbursementNumbers: ['D-OLD'], funded: ['D-OLD'] }, procore.discover, noWait)).toBe(false);
    expect(procore.companies).toEqual(['101']);
    // Another company's page showing the same number is another disbursement.
    expect(await confirmPageHints(engine, '102', old, procore.discover, noWait)).toBe(true);
    expect(procore.companies).toEqual(['101', '102']);
  });

  it("one the page's list says was funded long ago needs no read, and its rows are answered at once", async () => {
    const engine = await testEngine();
    const procore = reads();
    const list = { disbursementNumbers: ['D-AUG', 'D-NOW', 'D-UNFUNDED'], funded: ['D-AUG', 'D-NOW'], longFunded: ['D-AUG', 'D-UNFUNDED'] };
    expect(await confirmPageHints(engine, '501', list, procore.discover, noWait)).toBe(true);
    expect(procore.companies).toEqual(['501']); // for D-NOW (and D-UNFUNDED, not funded: not long funded either)
    const onlyOld = reads();
    expect(await confirmPageHints(engine, '502', { disbursementNumbers: ['D-AUG'], funded: ['D-AUG'], longFunded: ['D-AUG'] }, onlyOld.discover, noWait)).toBe(false);
    expect(await confirmPageHints(engine, '502', { disbursementNumbers: ['D-AUG'], funded: ['D-AUG'] }, onlyOld.discover, noWait)).toBe(false);
    expect(onlyOld.companies).toEqual([]);
  });

  it('one the page showed unfunded is looked for again when it shows funded', async () => {
    const engine = await testEngine();
    const procore = reads();
    expect(await confirmPageHints(engine, '201', { disbursementNumbers: ['D-NEW'] }, procore.discover, noWait)).toBe(true);
    expect(await confirmPageHints(engine, '201', { disbursementNumbers: ['D-NEW'], funded: ['D-NEW'] }, procore.discover, noWait)).toBe(true);
    expect(procore.companies).toEqual(['201', '201']);
  });

  it('a read that failed looked for nothing', async () => {
    const engine = await testEngine();
    const down = reads(true);
    const hint = { disbursementNumbers: ['D-7'], funded: ['D-7'] };
    await expect(confirmPageHints(engine, '301', hint, down.discover, noWait)).rejects.toThrow('Procore did not answer');
    const up = reads();
    expect(await confirmPageHints(engine, '301', hint, up.discover, noWait)).toBe(true);
    expect(up.companies).toEqual(['301']);
  });

  it('a row hinting what the read under way looks for waits for that read, not another one', async () => {
    const engine = await testEngine();
    const started: number[] = [];
    const ends: (() => void)[] = [];
    const discover = async () => {
      started.push(started.length);
      await new Promise<void>((resolve) => ends.push(resolve));
    };
    const list = { disbursementNumbers: ['D-1', 'D-2'], funded: ['D-1'] };
    const fromList = confirmPageHints(engine, '401', list, discover, noWait);
    await vi.waitFor(() => expect(started).toHaveLength(1));
    // The same funded row, and one the list showed unfunded now shown funded.
    let rowAnswered = false;
    void confirmPageHints(engine, '401', { disbursementNumbers: ['D-1'], funded: ['D-1'] }, discover, noWait).then(() => (rowAnswered = true));
    const nowFunded = confirmPageHints(engine, '401', { disbursementNumbers: ['D-2'], funded: ['D-2'] }, discover, noWait);
    // D-2 funded was not what the first read looked for: it has a read of its own.
    await vi.waitFor(() => expect(started).toHaveLength(2));
    ends[0]!();
    await fromList;
    await vi.waitFor(() => expect(rowAnswered).toBe(true));
    ends[1]!();
    await nowFunded;
    expect(started).toHaveLength(2);
  });
});
