import { useEffect } from 'react';
import type { Settings } from '../../utils/domain/settings';
import { saveLastView, type ShownView } from './last-view';

interface Shown extends Omit<ShownView, 'settings'> {
  /** The whole list is in and unfiltered: what the next opening may start from. */
  complete: boolean;
  settings: Settings | null;
}

/** Keeps the view shown for the popup's next opening (`readLastView`). */
export function useSaveLastView({ view, complete, companyNames, settings, clockOffsetMs, discovery }: Shown): void {
  useEffect(() => {
    if (complete && settings) saveLastView({ view, companyNames, settings, clockOffsetMs, discovery });
  }, [view, complete, companyNames, settings, clockOffsetMs, discovery]);
}
