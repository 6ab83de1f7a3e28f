import { LockNote } from './Field';
import type { SettingsForm } from './use-settings-form';

export function AutoFixSection({ form }: { form: SettingsForm }) {
  const draft = form.draft;
  if (!draft) return null;
  const locked = form.locked.has('autoFixDuplicateCheckNumbers');
  return (
    <section id="autofix" aria-labelledby="autofix-title" className="card">
      <h2 id="autofix-title">Automatic fixes</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.autoFixDuplicateCheckNumbers}
          disabled={locked}
          aria-describedby="autofix-what"
          onChange={(e) => form.update((d) => ({ ...d, autoFixDuplicateCheckNumbers: e.target.checked }))}
        />
        Re-export payments whose check number is already used in the ERP, without asking
      </label>
      {locked && <LockNote />}
      <p id="autofix-what" className="hint">
        Off by default. When on, and a payment fails only because its check number is already used in the ERP, the
        extension re-exports it once with the next free check number (above the ERP’s latest and the funding account’s
        Next Check Number), after a fresh read shows it still in Failed to Export. Every fix is written to the audit log
        and notified. Other causes always wait for you.
      </p>
    </section>
  );
}
