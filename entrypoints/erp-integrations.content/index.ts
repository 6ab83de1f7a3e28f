import { defineContentScript } from 'wxt/utils/define-content-script';
import { ERP_INTEGRATIONS_MATCHES } from '../../utils/page/match-patterns';
import { setupProcoreOverlays } from '../payments.content/setup-procore-overlays';

export default defineContentScript({
  matches: ERP_INTEGRATIONS_MATCHES,
  main(ctx) {
    setupProcoreOverlays(ctx);
  },
});
