import { useEffect, useState } from 'react';
import type { RecordRead } from '../../utils/page/record-reader';
import { trackGrid, type PlacedRecord } from '../../utils/overlay/grid-tracker';
import { OVERLAY_CSS } from './overlay-css';

export interface TrackedGrid<T> {
  records: PlacedRecord<T>[];
  root: Element | null;
}

/**
 * The records of one grid on the page, followed live, each with a host to portal into. When
 * the page's table is not recognised, nothing is drawn and one console warning says what is
 * missing.
 */
export function useGridRecords<T>(read: (doc: Document) => RecordRead<T>, kind: string, what: string, doc: Document = document): TrackedGrid<T> {
  const [grid, setGrid] = useState<TrackedGrid<T>>({ records: [], root: null });
  useEffect(
    () =>
      trackGrid({
        doc,
        read,
        kind,
        css: OVERLAY_CSS,
        onRecords: (records, root) => setGrid({ records, root }),
        onUnrecognised: (missing) =>
          console.warn(
            `ERP Sync Watch: ${what} was not recognised on this page (missing ${missing.join(', ') || 'its rows'}). Nothing is drawn here; the page layout may have changed.`,
          ),
      }),
    [doc, read, kind, what],
  );
  return grid;
}
