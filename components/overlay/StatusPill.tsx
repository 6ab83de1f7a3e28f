import { forwardRef, type ReactNode } from 'react';
import type { StatusView } from '../../utils/overlay/watch-view';

export type PillView = Pick<StatusView, 'text' | 'label' | 'tone' | 'icon'> & {
  /** The pointer's tooltip, where the visible text is shortened. */
  hint?: string;
};

interface Props {
  view: PillView;
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
      {view.text ? <span aria-hidden="true">{view.text}</span> : null}
    </>
  );
  if (onActivate) {
    return (
      <button
        ref={ref}
        type="button"
        className={`pill tone-${view.tone}${view.text ? '' : ' icon-only'}`}
        aria-label={view.label}
        title={view.hint}
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
