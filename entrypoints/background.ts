import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground({
  type: 'module',
  main() {
    // The engine's setup modules are wired here (issue 4); the entrypoint stays thin.
  },
});
