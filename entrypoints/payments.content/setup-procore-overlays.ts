import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startOverlaySession } from '../../components/overlay/overlay-session';
import { wxtLifecycle } from '../../components/overlay/wxt-lifecycle';
import { messageBackend } from '../../utils/overlay/message-backend';
import { procorePages } from './procore-pages';

/**
 * The overlays of a Procore tab, from whichever tool it was loaded on (both content scripts
 * call this; only one is ever injected into a page).
 */
export function setupProcoreOverlays(ctx: ContentScriptContext): void {
  startOverlaySession({ doc: document, lifecycle: wxtLifecycle(ctx), backend: messageBackend, render: procorePages });
}
