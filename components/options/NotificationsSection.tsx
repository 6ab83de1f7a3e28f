import { describedBy, Field, LockNote } from './Field';
import type { SettingsForm } from './use-settings-form';

const EVENTS = [
  { key: 'overdue', label: 'A payment is not in the ERP when its 10 minutes are up' },
  { key: 'failed', label: 'A payment failed to export' },
  { key: 'syncedAfterFix', label: 'A fixed payment reached the ERP' },
] as const;

const QUIET_BOUNDS = [
  { key: 'start', id: 'quietStart', label: 'From' },
  { key: 'end', id: 'quietEnd', label: 'Until' },
] as const;

export function NotificationsSection({ form }: { form: SettingsForm }) {
  const draft = form.draft;
  if (!draft) return null;
  const locked = form.locked.has('notifications');
  const n = draft.notifications;
  const quiet = n.quietHours;
  return (
    <section id="notifications" aria-labelledby="notifications-title" className="card">
      <h2 id="notifications-title">Notifications</h2>
      {locked && <LockNote />}
      <fieldset disabled={locked}>
        <legend>Notify me on the desktop when</legend>
        {EVENTS.map((event) => (
          <label key={event.key} className="check">
            <input
              type="checkbox"
              checked={n[event.key]}
              onChange={(e) => form.update((d) => ({ ...d, notifications: { ...d.notifications, [event.key]: e.target.checked } }))}
            />
            {event.label}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={locked}>
        <legend>Quiet hours</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={quiet.enabled}
            onChange={(e) => form.update((d) => ({ ...d, notifications: { ...d.notifications, quietHours: { ...quiet, enabled: e.target.checked } } }))}
          />
          Hold notifications during quiet hours (they show in the popup and badge meanwhile)
        </label>
        {quiet.enabled && (
          <div className="inline-fields">
            {QUIET_BOUNDS.map(({ key, id, label }) => {
              const error = form.errors[`notifications.quietHours.${key}`];
              return (
                <Field key={key} id={id} label={label} error={error}>
                  <input
                    id={id}
                    type="time"
                    value={quiet[key]}
                    aria-invalid={Boolean(error)}
                    aria-describedby={describedBy(id, { error })}
                    onChange={(e) => form.update((d) => ({ ...d, notifications: { ...d.notifications, quietHours: { ...quiet, [key]: e.target.value } } }))}
                  />
                </Field>
              );
            })}
          </div>
        )}
      </fieldset>
    </section>
  );
}
