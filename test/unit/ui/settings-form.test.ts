import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../utils/domain/settings';
import { settingsPatch, validateSettings } from '../../../utils/view/settings-form';

describe('settings form', () => {
  it('accepts the defaults', () => {
    expect(validateSettings(defaultSettings())).toEqual({});
  });

  it('names each bad field with a clear message', () => {
    const draft = defaultSettings();
    draft.apiOrigin = 'not a url';
    draft.retentionDays = 0;
    draft.authMode = 'oauth';
    draft.notifications.quietHours = { enabled: true, start: '25:00', end: '07:00' };
    draft.companyIds = ['Builder Co'];
    const errors = validateSettings(draft);
    expect(errors.apiOrigin).toMatch(/origin such as https/);
    expect(errors.retentionDays).toBe('keep at least 1 day');
    expect(errors.oauthClientId).toMatch(/client id/);
    expect(errors['notifications.quietHours.start']).toMatch(/HH:MM/);
    expect(errors.companyIds).toMatch(/number/);
  });

  it('asks for whole days of retention', () => {
    const draft = defaultSettings();
    draft.retentionDays = Number.NaN;
    expect(validateSettings(draft).retentionDays).toBe('enter a whole number of days');
    draft.retentionDays = 4000;
    expect(validateSettings(draft).retentionDays).toBe('keep at most 3650 days (10 years)');
  });

  it('refuses quiet hours that start and end at the same minute', () => {
    const draft = defaultSettings();
    draft.notifications.quietHours = { enabled: true, start: '07:00', end: '07:00' };
    expect(validateSettings(draft)['notifications.quietHours.end']).toMatch(/differ/);
  });

  it('patches only what changed', () => {
    const saved = defaultSettings();
    const draft = structuredClone(saved);
    draft.retentionDays = 90;
    draft.notifications.failed = false;
    expect(settingsPatch(saved, draft)).toEqual({ retentionDays: 90, notifications: draft.notifications });
  });
});

describe('settings form: the ERP last check numbers', () => {
  it('names a missing Bank ID, a check number that is not whole, and a Bank ID listed twice', () => {
    const draft = defaultSettings();
    draft.erpLastCheckNumbers = [
      { bankId: 'OPER', lastCheckNumber: 5001 },
      { bankId: '', lastCheckNumber: 7 },
      { bankId: 'payroll', lastCheckNumber: 12.5 },
      { bankId: ' oper ', lastCheckNumber: 9 },
    ];
    const errors = validateSettings(draft);
    expect(errors['erpLastCheckNumbers.0.bankId']).toBeUndefined();
    expect(errors['erpLastCheckNumbers.1.bankId']).toMatch(/Bank ID as the ERP names it/);
    expect(errors['erpLastCheckNumbers.2.lastCheckNumber']).toMatch(/whole check number/);
    expect(errors['erpLastCheckNumbers.3.bankId']).toBe('this Bank ID is listed twice');
  });

  it('asks the look-back to stay between 1 and 90 days', () => {
    const draft = defaultSettings();
    draft.backlogDays = 0;
    expect(validateSettings(draft).backlogDays).toMatch(/at least 1 day/);
    draft.backlogDays = 7;
    expect(validateSettings(draft).backlogDays).toBeUndefined();
  });
});
