import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Unit test files that replace a module (vi.mock, e.g. of node:fs): in a shared module graph the
 * mock would reach, or miss, the other files of the same worker, so each keeps a fresh graph of
 * its own. Found by reading the files, not listed by hand: a new file that mocks a module cannot
 * be forgotten here (one was, the day the shared graph came: its mock of node:fs made another
 * file's test fail depending on the order the files ran in).
 */
const UNIT_FILES_WITH_MODULE_MOCKS = unitTestFiles('tests/unit').filter((file) => /\bvi\.(?:do)?mock\(/u.test(readFileSync(file, 'utf8')));

/**
 * Unit test files that bound a parse by the clock (linear time, throughput): run in a fresh
 * process, as before, so a heap grown by the files before them cannot slow their collector
 * (in a shared worker the 200 000-line WhatsApp throughput test took twice as long, past its bound).
 */
const UNIT_FILES_WITH_TIME_BOUNDS = [
  'tests/unit/shared/identifiers/extract.test.ts',
  'tests/unit/workers/import/csv/stated-offset.test.ts',
  'tests/unit/workers/import/sms-xml/mms-smil-part-order.test.ts',
  'tests/unit/workers/import/sms-xml/prefilter-many-sections.test.ts',
  'tests/unit/workers/import/whatsapp/parse-whatsapp-text.test.ts',
  'tests/unit/workers/import/zip/lookup-scale.test.ts',
];
const ISOLATED_UNIT_FILES = [...UNIT_FILES_WITH_MODULE_MOCKS, ...UNIT_FILES_WITH_TIME_BOUNDS];

function unitTestFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return unitTestFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// One runner for unit, integration and end-to-end tests. Integration and e2e tests start real
// worker threads and a real browser, so files run in parallel only as far as 2 cores allow.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // The workers run from bundles built once for the run (tests/support/worker-bundles-setup.mjs);
    // the UI is built once for the run by the first end-to-end test (tests/support/renderer-build-once.ts).
    globalSetup: ['./tests/support/worker-bundles-setup.mjs', './tests/support/renderer-build-setup.mjs'],
    projects: [
      {
        extends: true,
        test: {
          // Pure logic over in-memory inputs: the files of one worker share the modules they import
          // instead of each starting a process and loading them again (most of the time a unit file
          // took). A file must leave no global state behind (fake timers, TZ, ... are restored).
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ISOLATED_UNIT_FILES,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // Real workers, processes killed mid-import, a network guard, a browser: a fresh process per file.
          name: 'isolated',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts', ...ISOLATED_UNIT_FILES],
        },
      },
    ],
  },
});
