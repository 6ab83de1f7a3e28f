import { useEffect } from 'react';
import { FIX_HASH_KEY } from '../../utils/messaging';
import { readFailedExportRows } from '../../utils/page/failed-exports-grid';
import { failedViewLink } from '../../utils/page/failed-view-link';
import { idFromHash } from '../../utils/page/hash-id';

/**
 * A fix asked for from the popup or a notification lands on ERP Integrations (`#esw-fix=`), whose
 * first view may not be Failed to Export: Procore's own Views link is followed, the request kept
 * in the fragment, so the record's row opens its fix there.
 */
export function ToFailedView() {
  useEffect(() => {
    if (!idFromHash(location.hash, FIX_HASH_KEY) || readFailedExportRows(document).ok) return;
    const link = failedViewLink(document);
    if (!link) return;
    const target = new URL(link.href);
    target.hash = location.hash;
    location.assign(target.href);
  }, []);
  return null;
}
