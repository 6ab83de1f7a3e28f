import { normalBankId } from '../domain/bank-id';
import { SettingsSchema, type Settings } from '../domain/settings';

/** Field errors keyed by path: "apiOrigin", "notifications.quietHours.start". */
export type FieldErrors = Record<string, string>;

/**
 * Every rule a setting must meet: the schema's own, and the ones that tie fields together
 * (an OAuth sign-in needs a client id; quiet hours need an end that differs from the start).
 */
export function validateSettings(draft: Settings): FieldErrors {
  const errors: FieldErrors = {};
  if (!Number.isInteger(draft.retentionDays)) errors.retentionDays = 'enter a whole number of days';
  else if (draft.retentionDays > 3650) errors.retentionDays = 'keep at most 3650 days (10 years)';
  const parsed = SettingsSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= issue.message;
    }
  }
  if (draft.authMode === 'oauth' && !draft.oauthClientId.trim()) {
    errors.oauthClientId ??= 'enter the client id of your company’s Procore app';
  }
  const quiet = draft.notifications.quietHours;
  if (quiet.enabled && quiet.start === quiet.end) {
    errors['notifications.quietHours.end'] ??= 'the end must differ from the start';
  }
  if (draft.companyIds.some((id) => !/^\d+$/.test(id))) {
    errors.companyIds ??= 'a company id is a number, such as 8089';
  }
  const bankIds = draft.erpLastCheckNumbers.map((row) => normalBankId(row.bankId));
  bankIds.forEach((id, i) => {
    if (id && bankIds.indexOf(id) !== i) errors[`erpLastCheckNumbers.${i}.bankId`] ??= 'this Bank ID is listed twice';
  });
  return errors;
}

/** The top-level settings that differ between what is saved and the draft. */
export function settingsPatch(saved: Settings, draft: Settings): Partial<Settings> {
  const patch: Partial<Settings> = {};
  for (const key of Object.keys(draft) as (keyof Settings)[]) {
    if (JSON.stringify(saved[key]) !== JSON.stringify(draft[key])) Object.assign(patch, { [key]: draft[key] });
  }
  return patch;
}
