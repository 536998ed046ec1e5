import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page, Response } from 'playwright-core';
import { ROOT } from '../../support/marketplace-process';

/** Debian's Chromium (Playwright's own browser download does not work here); `CHROMIUM_PATH` overrides. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(ROOT, 'test-output', 'screenshots');

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/** Headless Chromium with no background traffic (Playwright gives it a fresh temporary profile). */
export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** A page that records every console error and uncaught exception, so a test can assert there were none. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openPage(browser: Browser, baseURL: string, viewport = { width: 1280, height: 900 }): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  // Names the GraphQL operation behind a failed request (the console only says "Failed to load resource").
  page.on('response', (response) => {
    const operation = /"operationName":"(\w+)"/.exec(response.request().postData() ?? '')?.[1];
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}${operation ? ` (${operation})` : ''}`);
    else if (operation) void recordGraphQLErrors(page, operation, response);
  });
  return { context, page, errors };
}

/**
 * GraphQL errors the API answered with (HTTP 200), per page: not failures by themselves (a test may provoke
 * them), but what explains a step that never arrived — see arriveAt.
 */
const graphqlErrors = new WeakMap<Page, string[]>();

async function recordGraphQLErrors(page: Page, operation: string, response: Response): Promise<void> {
  try {
    const body = (await response.json()) as { errors?: { message?: string; extensions?: { code?: string; reason?: string } }[] };
    const seen = graphqlErrors.get(page) ?? [];
    for (const error of body.errors ?? []) {
      seen.push(`${operation}: ${error.extensions?.code ?? ''}${error.extensions?.reason ? `/${error.extensions.reason}` : ''} ${error.message ?? ''}`);
    }
    graphqlErrors.set(page, seen);
  } catch {
    // Not JSON (or the page closed first): nothing to explain with.
  }
}

/**
 * Waits for the page to arrive at `url` (typically after submitting a form); when it does not, the error
 * says what the page showed instead — form errors, alerts, messages — and the API's GraphQL errors.
 */
export async function arriveAt(page: Page, url: string | RegExp): Promise<void> {
  try {
    await page.waitForURL(url);
  } catch (error) {
    const shown = await page
      .locator('.ant-form-item-explain-error, [role=alert], .ant-message-notice')
      .allInnerTexts()
      .catch(() => []);
    const api = graphqlErrors.get(page) ?? [];
    throw new Error(
      [
        `${(error as Error).message.split('\n')[0]} (at ${page.url()})`,
        `the page showed: ${shown.length ? shown.join(' | ') : '(no error)'}`,
        `GraphQL errors so far: ${api.length ? api.join(' | ') : '(none)'}`,
      ].join('\n'),
    );
  }
}

/**
 * Saves a full-page screenshot as test-output/screenshots/<name>.png and returns its path from the repository root.
 * Transitions are run to their end first, so a closing drawer or a fading loading mask is not caught half-way.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return join('test-output', 'screenshots', `${name}.png`);
}
