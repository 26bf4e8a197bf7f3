// Shared set-up of the real-browser tests: one static server (the demo www/
// at /, tests/ at /tests/, the package at /yilan/) and one Chromium per test
// file, a fresh browser context per test, and a test that
// fails on any console error, page error or failed request.
//
// Chromium is Debian's (/usr/bin/chromium) unless CHROME_PATH names another.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launchChromium } from '../../scripts/chromium.mjs';
import { root, startServer } from '../../scripts/serve.mjs';

/** The reference document: a whole disclosure page as innerText gives it. */
export const REFERENCE_TEXT = readFileSync(
  join(root, 'tests', 'fixtures', 'text', '00-linhai-shangpan-full.txt'),
  'utf8',
);

/** The demo's portal page (www/index.html). */
export const PORTAL_PAGE = '/';

/** The page the API tests run in: empty but for a `<main id="view">`. */
export const BLANK_PAGE = '/tests/browser/pages/blank.html';

let server;
let browser;

/** The test server's address, e.g. `http://127.0.0.1:40123` (once tests run). */
export function serverUrl() {
  return server.url;
}

before(async () => {
  server = await startServer({ port: 0, mounts: { '/tests/': join(root, 'tests'), '/': join(root, 'www') } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A test that gets a fresh page in its own browser context. It fails if the
 * page logs a console error, throws an uncaught error, or a request fails.
 *
 * @param {string} name
 * @param {import('playwright-core').BrowserContextOptions & { expectProblems?: RegExp[], allowProblems?: RegExp[] }} options
 *   context options: viewport (default 1280×800), colorScheme, forcedColors,
 *   contrast…; `expectProblems`, the problems the test provokes on purpose:
 *   each must be reported at least once; `allowProblems`, those the browser
 *   may or may not report for what the test provokes. No others may be.
 * @param {(page: import('playwright-core').Page, t: import('node:test').TestContext) => Promise<void>} body
 */
export function browserTest(name, options, body) {
  test(name, async (t) => {
    const { expectProblems = [], allowProblems = [], ...contextOptions } = options;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') {
        problems.push(`console error: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) {
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
    try {
      await body(page, t);
    } finally {
      await context.close();
    }
    for (const expected of expectProblems) {
      assert.ok(problems.some((problem) => expected.test(problem)), `the page reported ${expected}: ${JSON.stringify(problems)}`);
    }
    const known = [...expectProblems, ...allowProblems];
    const unexpected = problems.filter((problem) => !known.some((expected) => expected.test(problem)));
    assert.deepEqual(unexpected, [], 'the page reported problems');
  });
}

/** Opens `path` of the test server. */
export async function open(page, path) {
  const response = await page.goto(server.url + path);
  assert.equal(response?.status(), 200, `GET ${path}`);
}

/**
 * Opens the blank page and loads the package into `window.yilan` (its
 * exports, after `await init()`).
 */
export async function openWithPackage(page) {
  await open(page, BLANK_PAGE);
  await page.evaluate(async () => {
    const yilan = await import('/yilan/pkg/index.js');
    await yilan.default();
    window.yilan = yilan;
  });
}

/**
 * Runs `fn(yilan, arg)` in the page and returns what it returns or, when it
 * throws, `{ thrown: { isError, name, code, path, message } }`.
 */
export function callInPage(page, fn, arg) {
  return page.evaluate(
    ([source, value]) => {
      const call = new Function(`return (${source})`)();
      try {
        return { value: call(window.yilan, value) };
      } catch (e) {
        return {
          thrown: {
            isError: e instanceof Error,
            name: e?.name,
            code: e?.code,
            path: e?.path,
            message: e?.message,
          },
        };
      }
    },
    [fn.toString(), arg],
  );
}

/**
 * Runs `fn(yilan, attempt, arg)` in the page, where `attempt(f)` calls `f`
 * and gives `'no error'`, or `[name, code, path, message]` of what it
 * threw: for a test that tries several calls in one go.
 */
export function attemptsInPage(page, fn, arg) {
  return page.evaluate(
    ([source, value]) => {
      const attempt = (f) => {
        try {
          f();
          return 'no error';
        } catch (e) {
          return [e.name, e.code, e.path, e.message];
        }
      };
      return new Function(`return (${source})`)()(window.yilan, attempt, value);
    },
    [fn.toString(), arg],
  );
}

/**
 * Adds the package's stylesheet (`exports['./yilan.css']`) to the page with
 * a `<link>`, as a host page would, and waits until it has loaded.
 */
export async function linkStylesheet(page) {
  const stylesheet = manifest.exports['./yilan.css'];
  assert.ok(stylesheet, 'package.json exports ./yilan.css: the view cannot be checked without its stylesheet');
  await page.evaluate(async (href) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new Error(`stylesheet ${href} did not load`));
    });
    document.head.append(link);
    await loaded;
  }, new URL(stylesheet, 'http://x/yilan/').pathname);
}

/**
 * The package loaded in Node (the same .wasm, read from disk), for test
 * set-up that needs the API before a browser runs.
 */
export async function packageInNode() {
  const yilan = await import('../../pkg/index.js');
  await yilan.default(readFileSync(join(root, 'pkg', 'yilan_bg.wasm')));
  return yilan;
}

/** The package's manifest. */
export const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
