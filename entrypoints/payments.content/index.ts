import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAYMENTS_MATCHES } from '../../utils/page/match-patterns';
import { setupPaymentsOverlays } from './setup-payments-overlays';

export default defineContentScript({
  matches: PAYMENTS_MATCHES,
  main(ctx) {
    setupPaymentsOverlays(ctx);
  },
});
