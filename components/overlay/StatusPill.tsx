import { forwardRef, useCallback, useRef, type ForwardedRef, type ReactNode } from 'react';
import type { StatusView } from '../../utils/overlay/watch-view';
import { useLiveCountdown } from './use-watches';

export type PillView = Pick<StatusView, 'text' | 'label' | 'tone' | 'icon' | 'countdown'> & {
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

/** A state shown as words plus an icon; colour only repeats them. Countdowns stay current by themselves. */
export const StatusPill = forwardRef<HTMLButtonElement, Props>(function StatusPill({ view, onActivate, expanded }, ref) {
  const text = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement | null>(null);
  const spoken = useRef<HTMLSpanElement>(null);
  const apply = useCallback((live: StatusView) => {
    setText(text.current, live.text);
    if (button.current && button.current.getAttribute('aria-label') !== live.label) button.current.setAttribute('aria-label', live.label);
    setText(spoken.current, live.label);
  }, []);
  useLiveCountdown(view.countdown, apply);
  const body = (
    <>
      <span aria-hidden="true">{view.icon}</span>
      {view.text ? (
        <span aria-hidden="true" ref={text}>
          {view.text}
        </span>
      ) : null}
    </>
  );
  if (onActivate) {
    return (
      <button
        ref={(element) => {
          button.current = element;
          assign(ref, element);
        }}
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
      <span className="sr-only" ref={spoken}>
        {view.label}
      </span>
      {body}
    </span>
  );
});

/**
 * Rewrites the text node the renderer made rather than replacing it: a new node costs the page a
 * style recalculation each second, and the renderer would go on updating the detached one.
 */
function setText(element: HTMLElement | null, value: string): void {
  const node = element?.firstChild;
  if (node?.nodeType === Node.TEXT_NODE && node === element?.lastChild) {
    if ((node as Text).data !== value) (node as Text).data = value;
  } else if (element && element.textContent !== value) element.textContent = value;
}

function assign<T>(ref: ForwardedRef<T>, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}
