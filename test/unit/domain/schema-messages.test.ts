import { describe, expect, it } from 'vitest';
import { DisbursementSchema } from '../../../utils/domain/schemas/disbursement';
import { SettingsSchema } from '../../../utils/domain/settings';

// The schemas run on the extension's own validator (utils/schema): users and schema-problem
// reports read zod's English wording, not a bare "Invalid input". (No zod in this file's graph.)
describe('schema messages', () => {
  it('a wrong type names what was expected and what came', () => {
    const parsed = SettingsSchema.safeParse({ retentionDays: 'x', companyIds: [8089] });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['companyIds.0', 'Invalid input: expected string, received number'],
      ['retentionDays', 'Invalid input: expected number, received string'],
    ]);
  });

  it('a value outside an enum lists the options', () => {
    const parsed = SettingsSchema.safeParse({ authMode: 'token' });
    expect(parsed.error?.issues[0]?.message).toBe('Invalid option: expected one of "session"|"oauth"');
  });

  it('a missing identity of an API record says it was undefined; any other missing field is only unknown', () => {
    const parsed = DisbursementSchema.safeParse({ name: 'May draw' });
    expect(parsed.error?.issues.find((i) => i.path.join('.') === 'id')?.message).toMatch(/^Invalid input/);
    expect(DisbursementSchema.safeParse({ id: '77' }).data?.name ?? null).toBeNull();
  });
});
