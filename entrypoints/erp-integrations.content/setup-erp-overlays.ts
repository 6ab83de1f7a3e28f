import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startOverlaySession } from '../../components/overlay/overlay-session';
import { wxtLifecycle } from '../../components/overlay/wxt-lifecycle';
import { messageBackend } from '../../utils/overlay/message-backend';
import { erpOverlay } from './erp-overlay';

/** Overlays on the ERP Integrations tool: fixes beside each failed payment record. */
export function setupErpOverlays(ctx: ContentScriptContext): void {
  startOverlaySession({ doc: document, lifecycle: wxtLifecycle(ctx), backend: messageBackend, render: erpOverlay });
}
