import { readFailedExportRows } from '../../utils/page/failed-exports-grid';
import { defineFeature } from '../feature';
import { FailedExportsOverlay } from './FailedExportsOverlay';

/**
 * ERP Integrations, Failed to Export: the cause and the fix beside each failed payment record.
 * Its views may be client state with no URL: the table's columns say which view shows.
 */
export default defineFeature({
  id: 'failed-export-help',
  include: (hint) => hint.tool === 'erp_integrations',
  reads: readFailedExportRows,
  draw: () => <FailedExportsOverlay />,
});
