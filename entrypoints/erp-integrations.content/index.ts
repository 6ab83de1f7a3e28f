import { defineContentScript } from 'wxt/utils/define-content-script';
import { ERP_INTEGRATIONS_MATCHES } from '../../utils/page/match-patterns';

export default defineContentScript({
  matches: ERP_INTEGRATIONS_MATCHES,
  main() {
    // Overlays for the ERP Integrations tool are mounted here (issue 5).
  },
});
