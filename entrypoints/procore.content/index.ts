import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlaySession } from '../../components/overlay/overlay-session';
import { wxtLifecycle } from '../../components/overlay/wxt-lifecycle';
import { FEATURES } from '../../features/registry';
import { messageBackend } from '../../utils/overlay/message-backend';
import { PROCORE_MATCHES } from '../../utils/page/match-patterns';

export default defineContentScript({
  matches: PROCORE_MATCHES,
  main(ctx) {
    startOverlaySession({ doc: document, lifecycle: wxtLifecycle(ctx), backend: messageBackend, features: FEATURES });
  },
});
