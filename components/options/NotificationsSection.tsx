import { describedBy, Field, LockNote } from './Field';
import type { SettingsForm } from './use-settings-form';

const EVENTS = [
  { key: 'overdue', label: 'A payment is not in the ERP when its 10 minutes are up' },
  { key: 'failed', label: 'A payment failed to export' },
  { key: 'syncedAfterFix', label: 'A fixed payment reached the ERP' },
] as const;

export function NotificationsSection({ form }: { form: SettingsForm }) {
  const draft = form.draft;
  if (!draft) return null;
  const locked = form.locked.has('notifications');
  const n = draft.notifications;
  const quiet = n.quietHours;
  const startError = form.errors['notifications.quietHours.start'];
  const endError = form.errors['notifications.quietHours.end'];
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
            <Field id="quietStart" label="From" error={startError}>
              <input
                id="quietStart"
                type="time"
                value={quiet.start}
                aria-invalid={Boolean(startError)}
                aria-describedby={describedBy('quietStart', { error: startError })}
                onChange={(e) => form.update((d) => ({ ...d, notifications: { ...d.notifications, quietHours: { ...quiet, start: e.target.value } } }))}
              />
            </Field>
            <Field id="quietEnd" label="Until" error={endError}>
              <input
                id="quietEnd"
                type="time"
                value={quiet.end}
                aria-invalid={Boolean(endError)}
                aria-describedby={describedBy('quietEnd', { error: endError })}
                onChange={(e) => form.update((d) => ({ ...d, notifications: { ...d.notifications, quietHours: { ...quiet, end: e.target.value } } }))}
              />
            </Field>
          </div>
        )}
      </fieldset>
    </section>
  );
}
