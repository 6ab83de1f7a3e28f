import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startOverlaySession } from '../../components/overlay/overlay-session';
import { wxtLifecycle } from '../../components/overlay/wxt-lifecycle';
import { messageBackend } from '../../utils/overlay/message-backend';
import { paymentsOverlay } from './payments-overlay';

/** Overlays on the Payments tool: Disbursements, a disbursement, Subcontractor Invoices, funding accounts. */
export function setupPaymentsOverlays(ctx: ContentScriptContext): void {
  startOverlaySession({ doc: document, lifecycle: wxtLifecycle(ctx), backend: messageBackend, render: paymentsOverlay });
}
