import { useEffect } from 'react';
import type { Settings } from '../../utils/domain/settings';
import type { PopupView } from '../../utils/view/popup-sections';
import { saveLastView } from './last-view';

interface Shown {
  view: PopupView;
  /** The whole list is in and unfiltered: what the next opening may start from. */
  complete: boolean;
  companyNames: ReadonlyMap<string, string>;
  settings: Settings | null;
  clockOffsetMs: number;
}

/** Keeps the view shown for the popup's next opening (`readLastView`). */
export function useSaveLastView({ view, complete, companyNames, settings, clockOffsetMs }: Shown): void {
  useEffect(() => {
    if (complete && settings) saveLastView(view, companyNames, settings, clockOffsetMs);
  }, [view, complete, companyNames, settings, clockOffsetMs]);
}
