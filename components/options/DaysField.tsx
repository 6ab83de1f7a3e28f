import { useId } from 'react';
import { describedBy, Field } from './Field';
import type { SettingsForm } from './use-settings-form';

type DaysSetting = 'retentionDays' | 'backlogDays';

interface DaysFieldProps {
  form: SettingsForm;
  setting: DaysSetting;
  label: string;
  hint: string;
  max: number;
}

/** A whole number of days, from 1 to `max`, for one setting; an empty box is kept as "not a number" so the form says so. */
export function DaysField({ form, setting, label, hint, max }: DaysFieldProps) {
  const id = useId();
  const draft = form.draft;
  if (!draft) return null;
  const error = form.errors[setting];
  const locked = form.locked.has(setting);
  return (
    <Field id={id} label={label} hint={hint} error={error} locked={locked}>
      <input
        id={id}
        type="number"
        min={1}
        max={max}
        step={1}
        value={Number.isNaN(draft[setting]) ? '' : draft[setting]}
        disabled={locked}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy(id, { hint: true, error, locked })}
        onChange={(e) => form.update((d) => ({ ...d, [setting]: e.target.value === '' ? Number.NaN : Number(e.target.value) }))}
      />
    </Field>
  );
}
