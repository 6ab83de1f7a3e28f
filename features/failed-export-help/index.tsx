import { FIX_HASH_KEY } from '../../utils/messaging';
import { readFailedExportRows } from '../../utils/page/failed-exports-grid';
import { failedViewLink } from '../../utils/page/failed-view-link';
import { idFromHash } from '../../utils/page/hash-id';
import { defineFeature } from '../feature';
import { FailedExportsOverlay } from './FailedExportsOverlay';
import { ToFailedView } from './ToFailedView';

/**
 * ERP Integrations, Failed to Export: the cause and the fix beside each failed payment record.
 * Its views may be client state with no URL: the table's columns say which view shows. Another
 * view counts too when a fix was asked for by link: it leads on to Failed to Export.
 */
export default defineFeature({
  id: 'failed-export-help',
  include: (hint) => hint.tool === 'erp_integrations',
  reads: (doc) => {
    const read = readFailedExportRows(doc);
    return read.ok || !idFromHash(doc.location.hash, FIX_HASH_KEY) || !failedViewLink(doc) ? read : { ok: true };
  },
  draw: () => (
    <>
      <ToFailedView />
      <FailedExportsOverlay />
    </>
  ),
});
