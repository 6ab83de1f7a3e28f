import { useEffect, useState } from 'react';
import { ensureHost } from '../../utils/overlay/row-host';
import { OVERLAY_CSS } from '../../components/overlay/overlay-css';

/** A host placed beside a page element (a banner over a grid, a checklist after a button). */
export function useAdjacentHost(anchor: Element | null, kind: string, placement: 'before' | 'after'): ShadowRoot | null {
  const [host, setHost] = useState<ShadowRoot | null>(null);
  useEffect(() => {
    if (!anchor) return;
    const root = ensureHost(anchor, kind, OVERLAY_CSS, placement);
    // The host is page DOM: it can only be made after commit, then rendered into.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHost(root);
    return () => {
      root.host.remove();
      setHost(null);
    };
  }, [anchor, kind, placement]);
  return host;
}
