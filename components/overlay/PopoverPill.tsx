import { useRef, useState, type ReactNode } from 'react';
import { Popover } from './Popover';
import { StatusPill, type PillView } from './StatusPill';

interface Props {
  view: PillView;
  /** The popover's heading and accessible name. */
  title: string;
  /** The details; given `close` when an action in them hands the user over to the page. */
  children: ReactNode | ((close: () => void) => ReactNode);
}

/** A state pill that opens its details (Enter, Space or click; Escape closes). */
export function PopoverPill({ view, title, children }: Props) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <StatusPill ref={trigger} view={view} expanded={open} onActivate={() => setOpen((was) => !was)} />
      {open ? (
        <Popover title={title} trigger={trigger} onClose={() => setOpen(false)}>
          {typeof children === 'function' ? children(() => setOpen(false)) : children}
        </Popover>
      ) : null}
    </>
  );
}
