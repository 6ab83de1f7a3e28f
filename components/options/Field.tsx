import type { ReactNode } from 'react';

/** The ids a field's input points at with aria-describedby. */
export function describedBy(id: string, parts: { hint?: unknown; error?: unknown; locked?: boolean }): string | undefined {
  const ids = [parts.hint ? `${id}-hint` : '', parts.error ? `${id}-error` : '', parts.locked ? `${id}-locked` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  locked?: boolean;
  children: ReactNode;
}

/** A labelled input with its hint, its error (named after the field) and its policy lock. */
export function Field({ id, label, hint, error, locked, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
      {locked && <LockNote id={`${id}-locked`} />}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {label}: {error}
        </span>
      )}
    </div>
  );
}

/** Says a setting is fixed by the organization's policy (managed storage). */
export function LockNote({ id }: { id?: string }) {
  return (
    <span id={id} className="lock-note">
      <span aria-hidden="true">🔒 </span>Set by your organization’s policy
    </span>
  );
}
