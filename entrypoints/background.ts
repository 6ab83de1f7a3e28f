import { defineBackground } from 'wxt/utils/define-background';
import { setupEngine } from '../utils/engine/setup-engine';

export default defineBackground({
  main() {
    setupEngine();
  },
});
