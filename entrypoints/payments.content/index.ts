import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAYMENTS_MATCHES } from '../../utils/page/match-patterns';

export default defineContentScript({
  matches: PAYMENTS_MATCHES,
  main() {
    // Overlays for the Payments tool are mounted here (issue 5).
  },
});
