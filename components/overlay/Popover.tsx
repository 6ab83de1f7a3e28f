import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useOverlay } from './overlay-context';

interface Props {
  title: string;
  /** The control that opened it: the popover sits below it and focus returns to it. */
  trigger: RefObject<HTMLElement | null>;
  onClose: () => void;
  children: ReactNode;
}

const GAP = 4;

/**
 * Details beside a badge, drawn in the page's overlay layer (rows clip their content). It takes
 * focus when it opens, closes on Escape, a click elsewhere, or when its row scrolls away, and
 * gives focus back to its trigger.
 */
export function Popover({ title, trigger, onClose, children }: Props) {
  const { layer } = useOverlay();
  const box = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  // The latest onClose, without re-running the effects (which move focus) on every render.
  const closeRef = useRef(onClose);
  useLayoutEffect(() => {
    closeRef.current = onClose;
  });

  useLayoutEffect(() => {
    const place = () => {
      const anchor = trigger.current;
      if (!anchor?.isConnected) return closeRef.current();
      const rect = anchor.getBoundingClientRect();
      const view = anchor.ownerDocument.defaultView!;
      const width = box.current?.offsetWidth ?? 320;
      const height = box.current?.offsetHeight ?? 0;
      const below = rect.bottom + GAP + height <= view.innerHeight || rect.top < height + GAP;
      setPosition({
        top: Math.max(GAP, below ? rect.bottom + GAP : rect.top - GAP - height),
        left: Math.max(GAP, Math.min(rect.left, view.innerWidth - width - GAP)),
      });
    };
    place();
    const doc = trigger.current?.ownerDocument ?? document;
    doc.addEventListener('scroll', place, true);
    doc.defaultView?.addEventListener('resize', place);
    return () => {
      doc.removeEventListener('scroll', place, true);
      doc.defaultView?.removeEventListener('resize', place);
    };
  }, [trigger]);

  // Before it is painted, like the placement: a key pressed as soon as it shows (Escape, Tab) is its.
  useLayoutEffect(() => {
    box.current?.focus();
    const doc = trigger.current?.ownerDocument ?? document;
    const outside = (event: Event) => {
      const path = event.composedPath();
      // A confirm opened from inside the popover is part of it.
      const inConfirm = path.some((node) => node instanceof Element && node.classList.contains('dialog-backdrop'));
      if (box.current && !inConfirm && !path.includes(box.current) && !(trigger.current && path.includes(trigger.current))) closeRef.current();
    };
    // Escape closes it wherever focus went (the page may take focus back into its grid).
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      closeRef.current();
    };
    doc.addEventListener('pointerdown', outside, true);
    doc.addEventListener('keydown', escape, true);
    const returnTo = trigger.current;
    return () => {
      doc.removeEventListener('pointerdown', outside, true);
      doc.removeEventListener('keydown', escape, true);
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [trigger]);

  return createPortal(
    <div
      ref={box}
      className="popover"
      role="dialog"
      aria-label={title}
      tabIndex={-1}
      data-testid="esw-popover"
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
    >
      <h2>{title}</h2>
      {children}
    </div>,
    layer,
  );
}
