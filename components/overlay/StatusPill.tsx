import { forwardRef, type ReactNode } from 'react';
import type { StatusView } from '../../utils/overlay/watch-view';

interface Props {
  view: Pick<StatusView, 'text' | 'label' | 'tone' | 'icon'>;
  /** When given, the pill is a button (it opens details). */
  onActivate?: () => void;
  expanded?: boolean;
  children?: ReactNode;
}

/** A state shown as words plus an icon; colour only repeats them. */
export const StatusPill = forwardRef<HTMLButtonElement, Props>(function StatusPill({ view, onActivate, expanded }, ref) {
  const body = (
    <>
      <span aria-hidden="true">{view.icon}</span>
      <span aria-hidden="true">{view.text}</span>
    </>
  );
  if (onActivate) {
    return (
      <button
        ref={ref}
        type="button"
        className={`pill tone-${view.tone}`}
        aria-label={view.label}
        aria-haspopup="dialog"
        aria-expanded={expanded ?? false}
        data-testid="esw-badge"
        onClick={onActivate}
      >
        {body}
      </button>
    );
  }
  return (
    <span className={`pill tone-${view.tone}`} data-testid="esw-badge">
      <span className="sr-only">{view.label}</span>
      {body}
    </span>
  );
});
