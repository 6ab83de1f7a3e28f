import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAYMENTS_MATCHES } from '../../utils/page/match-patterns';
import { setupProcoreOverlays } from './setup-procore-overlays';

export default defineContentScript({
  matches: PAYMENTS_MATCHES,
  main(ctx) {
    setupProcoreOverlays(ctx);
  },
});
