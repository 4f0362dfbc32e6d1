import { afterAll, beforeAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Engine } from '../../engine/engine.ts';
import type { LoopbackServer } from '../../engine/loopback/server.ts';
import { startLoopbackServer } from '../../engine/loopback/server.ts';
import { launchChromium } from './browser.ts';
import { uiBuiltForRun } from './renderer-build-once.ts';
import { REPO_ROOT, tempFolder } from './temp-case.ts';

/** Where end-to-end tests put their screenshots (CI keeps them as artifacts). */
export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'e2e');

/** The real engine behind the loopback server, the built UI in Debian's Chromium, one page open. */
export interface UiSession {
  engine: Engine;
  server: LoopbackServer;
  browser: Browser;
  page: Page;
  /** Errors the page logged to its console: a test asserts there were none. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * One UI session for the whole test file: opened before its tests, closed after them. The returned
 * object is filled in when the session opens (read its fields inside tests and hooks, not at load).
 */
export function useUiSession(options: { height?: number } = {}, timeoutMs = 120_000): UiSession {
  const ui = {} as UiSession;
  beforeAll(async () => {
    Object.assign(ui, await openUiSession(options));
  }, timeoutMs);
  afterAll(async () => {
    await ui.close?.();
  });
  return ui;
}

export async function openUiSession(options: { height?: number } = {}): Promise<UiSession> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The UI as the source is now, built once for the run and shared read-only (see uiBuiltForRun).
  const built = await uiBuiltForRun();
  const engine = new Engine({ mode: 'browser', actor: 'e2e' });
  const server = await startLoopbackServer({ engine, staticRoot: built.staticRoot, port: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: options.height ?? 900 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return {
    engine,
    server,
    browser,
    page,
    consoleErrors,
    async close() {
      await browser.close();
      await server.close();
      await engine.dispose();
      built.dispose();
    },
  };
}

/** Opens the UI and creates a new case named `name` in a temporary folder, as an analyst would; returns its path. */
export async function createCaseInUi(ui: UiSession, name: string): Promise<string> {
  const casePath = join(tempFolder(), name);
  await ui.page.goto(ui.server.url);
  await ui.page.getByTestId('case-path').fill(casePath);
  await ui.page.getByTestId('case-create').click();
  await ui.page.getByTestId('case-name').waitFor();
  return casePath;
}

/** The import dialog's row of the source whose name is shown as `name`. */
export function importSourceRow(page: Page, name: string) {
  return page.locator('[data-testid="import-source"]', { has: page.locator('.import-source-name', { hasText: name }) });
}
