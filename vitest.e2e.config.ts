import { defineConfig } from 'vitest/config';

// End-to-end: the built sandbox extension in real Chromium against the local sim.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
