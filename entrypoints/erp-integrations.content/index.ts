import { defineContentScript } from 'wxt/utils/define-content-script';
import { ERP_INTEGRATIONS_MATCHES } from '../../utils/page/match-patterns';
import { setupErpOverlays } from './setup-erp-overlays';

export default defineContentScript({
  matches: ERP_INTEGRATIONS_MATCHES,
  main(ctx) {
    setupErpOverlays(ctx);
  },
});
