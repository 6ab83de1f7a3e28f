import { defineContentScript } from 'wxt/utils/define-content-script';
import { PROCORE_MATCHES } from '../../utils/page/match-patterns';
import { observePageRequests } from '../../utils/page-traffic/observe-requests';

// In the page's own world, before its scripts run: only there are its fetch and XHR visible.
export default defineContentScript({
  matches: PROCORE_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    observePageRequests(window);
  },
});
