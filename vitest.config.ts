import { defineConfig } from 'vitest/config';

// One runner for unit, integration and end-to-end tests. Integration and e2e tests start real
// worker threads and a real browser, so files run in parallel only as far as 2 cores allow.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // The workers run from bundles built once for the run (tests/support/worker-bundles-setup.mjs);
    // the UI is built once for the run by the first end-to-end test (tests/support/renderer-build-once.ts).
    globalSetup: ['./tests/support/worker-bundles-setup.mjs', './tests/support/renderer-build-setup.mjs'],
  },
});
