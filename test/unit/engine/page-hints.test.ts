import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
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
});
