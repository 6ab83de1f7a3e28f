import { useEffect, useRef, useState } from 'react';
import type { RecordRead } from '../../utils/page/record-reader';
import type { RecordRow } from '../../utils/page/record-row';
import { trackGrid, type GridTracker, type PlacedRecord } from '../../utils/overlay/grid-tracker';
import type { Placement } from '../../utils/overlay/row-host';
import { useFeatureReport } from './feature-report';
import { OVERLAY_CSS } from './overlay-css';

export interface TrackedGrid<T> {
  records: PlacedRecord<T>[];
  root: Element | null;
}

export interface GridRecordsOptions<T> {
  /** Whether the feature draws in this row now: a settled row it should draw in but did not is reported. */
  expects?: (record: RecordRow<T>) => boolean;
  doc?: Document;
}

/**
 * The records of one grid on the page, followed live, each with a host to portal into. When
 * the page's table is not recognised, nothing is drawn and one console warning says what is
 * missing. A reader that throws is rethrown while rendering, into the feature's error boundary.
 * A settled row the feature should have drawn in but did not is reported, and drawn again.
 */
export function useGridRecords<T>(
  read: (doc: Document) => RecordRead<T>,
  kind: string,
  what: string,
  placement?: (record: RecordRow<T>) => Placement,
  { expects, doc = document }: GridRecordsOptions<T> = {},
): TrackedGrid<T> {
  const [grid, setGrid] = useState<TrackedGrid<T>>({ records: [], root: null });
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const report = useFeatureReport();
  const tracker = useRef<GridTracker | null>(null);
  // Asked at check time: what the feature knows changes between the tracker's reads.
  const expectsNow = useRef(expects);
  const reportNow = useRef(report);
  useEffect(() => {
    expectsNow.current = expects;
    reportNow.current = report;
  });
  if (failure) throw failure.error;
  useEffect(() => {
    const tracking = trackGrid({
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
      expects: (record) => expectsNow.current?.(record) ?? false,
      onMismatch: ({ expected, drawn, missing }) =>
        reportNow.current(`${what}: ${drawn} of ${expected} rows in view were drawn once settled (left bare: ${missing.join(', ')}); drawn again.`),
    });
    tracker.current = tracking;
    return () => {
      tracker.current = null;
      tracking.stop();
    };
  }, [doc, read, kind, what, placement]);
  // After each commit the portals hold what the feature drew for the records it was given.
  useEffect(() => tracker.current?.drawn());
  return grid;
}
