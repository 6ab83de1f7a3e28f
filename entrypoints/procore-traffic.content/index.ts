import { defineContentScript } from 'wxt/utils/define-content-script';
import { messageBackend } from '../../utils/overlay/message-backend';
import { PROCORE_MATCHES } from '../../utils/page/match-patterns';
import { receivePageTraffic } from '../../utils/page-traffic/traffic-receiver';

// Listening from document_start, as the main-world observer posts: a page's first requests (the
// disbursement list) can answer before document_idle, when the overlays' script starts, and an
// observation posted before anyone listens is lost.
export default defineContentScript({
  matches: PROCORE_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    ctx.onInvalidated(receivePageTraffic(window, messageBackend));
  },
});
