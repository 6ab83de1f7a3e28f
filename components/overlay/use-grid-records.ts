import { useEffect, useState } from 'react';
import type { RecordRead } from '../../utils/page/record-reader';
import type { RecordRow } from '../../utils/page/record-row';
import { trackGrid, type PlacedRecord } from '../../utils/overlay/grid-tracker';
import type { Placement } from '../../utils/overlay/row-host';
import { OVERLAY_CSS } from './overlay-css';

export interface TrackedGrid<T> {
  records: PlacedRecord<T>[];
  root: Element | null;
}

/**
 * The records of one grid on the page, followed live, each with a host to portal into. When
 * the page's table is not recognised, nothing is drawn and one console warning says what is
 * missing. A reader that throws is rethrown while rendering, into the feature's error boundary.
 */
export function useGridRecords<T>(
  read: (doc: Document) => RecordRead<T>,
  kind: string,
  what: string,
  placement?: (record: RecordRow<T>) => Placement,
  doc: Document = document,
): TrackedGrid<T> {
  const [grid, setGrid] = useState<TrackedGrid<T>>({ records: [], root: null });
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  if (failure) throw failure.error;
  useEffect(
    () =>
      trackGrid({
        doc,
        read: (page) => {
          try {
            return read(page);
          } catch (error) {
            setFailure({ error });
            return { ok: false, missing: [] };
          }
        },
        kind,
        css: OVERLAY_CSS,
        placement,
        onRecords: (records, root) => setGrid({ records, root }),
        onUnrecognised: (missing) =>
          console.warn(
            `ERP Sync Watch: ${what} was not recognised on this page (missing ${missing.join(', ') || 'its rows'}). Nothing is drawn here; the page layout may have changed.`,
          ),
      }),
    [doc, read, kind, what, placement],
  );
  return grid;
}
