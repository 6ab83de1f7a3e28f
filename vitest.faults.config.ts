import { defineConfig } from 'vitest/config';

// Fault tests: the built sandbox extension in Chromium while the sim misbehaves on purpose.
// Longer than the main e2e suite, so they run as their own CI step (`npm run test:faults`).
export default defineConfig({
  test: {
    include: ['test/e2e/faults/**/*.faults.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
