import type { ReactNode } from 'react';

/** A boxed message; `role="alert"` for errors the user must see, polite status otherwise. */
export function Notice({ tone, title, children }: { tone: 'danger' | 'warn' | 'info' | 'ok'; title: string; children?: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <strong>{title}</strong>
      {children}
    </div>
  );
}
