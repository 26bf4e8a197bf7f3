// The browsers the cross-engine tests drive, behind one small interface:
//
//   firefox   Debian's firefox-esr, over WebDriver BiDi (puppeteer-core)
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver, over classic
//             WebDriver (selenium-webdriver), in an Xvfb display of its own
//   chromium  Debian's chromium, over CDP (puppeteer-core): the engine every
//             other test runs in, so a test failing only elsewhere is the
//             other engine's difference, not the test's
//
// YILAN_ENGINES=firefox,webkit picks some of them; FIREFOX_PATH, CHROME_PATH,
// WEBKIT_DRIVER and WEBKIT_BROWSER name other executables.
//
// A session is one page in a fresh profile (its own storage). Everything a
// test does goes through `run` (a function evaluated in the page, with the
// helpers below in scope), `click` and `press` (real pointer and key input,
// which the browser treats as the user's: speech and `window.close()` need
// that), and `screenshot`.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import puppeteer from 'puppeteer-core';
import { Builder, Key, Origin } from 'selenium-webdriver';

import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

export const ENGINES = (process.env.YILAN_ENGINES || 'chromium,firefox,webkit')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';

/** WebKitGTK's MiniBrowser, which Debian keeps under the architecture's lib folder. */
function miniBrowser() {
  if (process.env.WEBKIT_BROWSER) {
    return process.env.WEBKIT_BROWSER;
  }
  for (const dir of readdirSync('/usr/lib')) {
    const path = join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser');
    if (existsSync(path)) {
      return path;
    }
  }
  throw new Error('WebKitGTK MiniBrowser not found: install webkit2gtk-driver or set WEBKIT_BROWSER');
}

/**
 * In-page helpers, in scope of every function `run` evaluates:
 * `deep(selector)` is the first match in the document or any open shadow
 * root in it, `deepAll(selector)` all of them; `view()` is the shadow root of
 * the reading view shown (not one built ahead and waiting, inert);
 * `sleep(ms)`; `frames(n)`, n animation frames (2 by default), or a second
 * at most: a browser that draws no frame must not hang a test.
 */
const HELPERS = `
  const deepAll = (selector, scope = document) => {
    const found = [...scope.querySelectorAll(selector)];
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot) found.push(...deepAll(selector, element.shadowRoot));
    }
    return found;
  };
  const deep = (selector, scope = document) => deepAll(selector, scope)[0] ?? null;
  const view = () => {
    const host = [...deepAll('yilan-view')].find((element) => !element.closest('[inert]'));
    return host?.shadowRoot ?? null;
  };
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  const frames = (n = 2) =>
    new Promise((done) => {
      const timer = setTimeout(done, 1000);
      const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : (clearTimeout(timer), done()));
      step(n);
    });
`;

/** `fn(...args)` as one expression that settles to `{ value }` or `{ error }`. */
function expression(fn, args) {
  return `(async () => {
    ${HELPERS}
    return (${fn.toString()})(...${JSON.stringify(args)});
  })().then((value) => ({ value: value === undefined ? null : value }),
            (error) => ({ error: String(error && error.stack ? error.message + '\\n' + error.stack : error) }))`;
}

/** A session's calls shared by every engine; subclasses open, evaluate, click, type and shoot. */
class Session {
  constructor(engine, base) {
    this.engine = engine;
    this.base = base;
  }

  /** Evaluates `fn(...args)` in the page (awaited), with the helpers in scope. */
  async run(fn, ...args) {
    const result = await this.evaluate(expression(fn, args));
    if (result?.error !== undefined) {
      throw new Error(`in the page (${this.engine}): ${result.error}`);
    }
    return result?.value ?? null;
  }

  /** Opens `path` of the test server and waits for its `load`. */
  async open(path) {
    await this.navigate(this.base + path);
    await this.until(() => document.readyState === 'complete');
  }

  /** Waits until `fn(...args)` is truthy in the page, and returns it. */
  async until(fn, ...args) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await this.run(fn, ...args);
      if (value) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.engine}: timed out waiting for ${fn.toString().slice(0, 200)}`);
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  /**
   * A real click in the middle of the element `selector` picks (searched
   * through shadow roots; scrolled into view first when it is not all in
   * the window).
   */
  async clickOn(selector) {
    const point = await this.run((selector) => {
      const element = deep(selector);
      if (!element) throw new Error(`nothing matches ${selector}`);
      const seen = element.getBoundingClientRect();
      if (seen.top < 0 || seen.left < 0 || seen.bottom > innerHeight || seen.right > innerWidth) {
        element.scrollIntoView({ block: 'center', inline: 'center' });
      }
      const rect = element.getBoundingClientRect();
      return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };
    }, selector);
    await this.click(point.x, point.y);
  }

  /** What the page reported as wrong (see problems.js). */
  problems() {
    return this.run(() => window.__problems ?? ['the problem collector is missing']);
  }
}

/** Keys by the names the tests use: Tab, Shift+Tab, Enter, Space, Escape, arrows, Home, End. */
const SELENIUM_KEYS = {
  Tab: Key.TAB,
  Enter: Key.ENTER,
  Space: Key.SPACE,
  Escape: Key.ESCAPE,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
  ArrowUp: Key.ARROW_UP,
  ArrowDown: Key.ARROW_DOWN,
  Home: Key.HOME,
  End: Key.END,
  Shift: Key.SHIFT,
};

class PuppeteerSession extends Session {
  constructor(engine, base, context, page) {
    super(engine, base);
    this.context = context;
    this.page = page;
  }

  async navigate(url) {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  evaluate(source) {
    return this.page.evaluate(source);
  }

  click(x, y) {
    return this.page.mouse.click(x, y);
  }

  async press(key) {
    const parts = key.split('+');
    const main = parts.pop().replace(/^Space$/, ' ');
    for (const modifier of parts) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(main);
    for (const modifier of parts.reverse()) await this.page.keyboard.up(modifier);
  }

  async resize(width, height) {
    await this.page.setViewport({ width, height });
  }

  async screenshot(path) {
    await this.page.screenshot({ path });
  }

  close() {
    return this.context.close();
  }
}

/** How long a WebDriver command may go unanswered before the browser counts as hung. */
const ANSWER_MS = 20_000;

/**
 * `promise`, or a `BrowserHang` error when it has not settled within
 * `ms`: WebKitGTK's MiniBrowser under Xvfb now and then stops answering
 * (about one test in a hundred here), and WebDriver then waits forever.
 */
export function answered(promise, what, ms = ANSWER_MS) {
  let timer;
  const hang = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`the browser did not answer ${what} within ${ms / 1000} s`);
      error.name = 'BrowserHang';
      reject(error);
    }, ms);
  });
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

class SeleniumSession extends Session {
  constructor(engine, base, driver) {
    super(engine, base);
    this.driver = driver;
  }

  navigate(url) {
    return answered(this.driver.get(url), `opening ${url}`);
  }

  evaluate(source) {
    // (The script's own limit is 30 s; the answer's, a little more.)
    return answered(
      this.driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; ${source}.then(done);`),
      'a script',
      ANSWER_MS + 15_000,
    );
  }

  click(x, y) {
    return answered(this.driver.actions().move({ x, y, origin: Origin.VIEWPORT }).click().perform(), 'a click');
  }

  async press(key) {
    const parts = key.split('+').map((part) => SELENIUM_KEYS[part] ?? part);
    const main = parts.pop();
    let actions = this.driver.actions();
    for (const modifier of parts) actions = actions.keyDown(modifier);
    actions = actions.sendKeys(main);
    for (const modifier of parts.reverse()) actions = actions.keyUp(modifier);
    await answered(actions.perform(), `the key ${key}`);
  }

  /** Sizes the window so that the page's viewport is `width`×`height`. */
  async resize(width, height) {
    const window = this.driver.manage().window();
    await answered(window.setRect({ width, height }), 'a window size');
    const inner = await answered(this.driver.executeScript('return [innerWidth, innerHeight]'), 'the window size');
    if (inner[0] !== width || inner[1] !== height) {
      await answered(window.setRect({ width: 2 * width - inner[0], height: 2 * height - inner[1] }), 'a window size');
    }
  }

  async screenshot(path) {
    writeFileSync(path, Buffer.from(await answered(this.driver.takeScreenshot(), 'a screenshot'), 'base64'));
  }

  async close() {
    // (A hung browser's window ends with the driver's session, or with its display.)
    await answered(this.driver.quit(), 'closing', 5000).catch(() => {});
  }
}

/** A free TCP port on the loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a display it picks; resolves to `{ display, stop }`. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let said = '';
    let errors = '';
    xvfb.stderr.on('data', (chunk) => (errors += chunk));
    xvfb.stdio[3].on('data', (chunk) => {
      said += chunk;
      if (said.includes('\n')) {
        resolve({ display: `:${said.trim()}`, stop: () => xvfb.kill() });
      }
    });
    xvfb.once('error', (error) => reject(new Error(`Xvfb could not start (install xvfb): ${error.message}`)));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors}`)));
  });
}

/** Waits until a WebDriver server answers its status. */
async function driverReady(url) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${WEBKIT_DRIVER} did not answer at ${url}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Starts `engine`; `session(base, { width, height })` then opens a fresh
 * page whose `open(path)` is relative to `base`, and `stop()` ends it all.
 */
export async function startEngine(engine) {
  if (engine === 'firefox' || engine === 'chromium') {
    const browser = await puppeteer.launch(
      engine === 'firefox'
        ? { browser: 'firefox', executablePath: FIREFOX, headless: true }
        : {
            browser: 'chrome',
            executablePath: CHROMIUM,
            headless: true,
            args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless'),
          },
    );
    return {
      async session(base, { width = 1280, height = 800 } = {}) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport({ width, height });
        return new PuppeteerSession(engine, base, context, page);
      },
      stop: () => browser.close(),
    };
  }
  if (engine === 'webkit') {
    const binary = miniBrowser();
    const xvfb = await startXvfb();
    let server = null;
    // The driver and the display end with this process, however it ends
    // (the browser the driver started ends with its display).
    const stopAll = () => {
      server?.kill();
      xvfb.stop();
    };
    const onSignal = (signal) => {
      stopAll();
      process.kill(process.pid, signal);
    };
    const forget = () => {
      process.off('exit', stopAll);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    process.once('exit', stopAll);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let url;
    try {
      const port = await freePort();
      server = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
        env: { ...process.env, DISPLAY: xvfb.display },
        stdio: 'ignore',
      });
      url = `http://127.0.0.1:${port}`;
      await Promise.race([
        driverReady(url),
        new Promise((_, reject) => server.once('error', (error) => reject(new Error(`${WEBKIT_DRIVER} could not start (install webkit2gtk-driver or set WEBKIT_DRIVER): ${error.message}`)))),
      ]);
    } catch (error) {
      stopAll();
      forget();
      throw error;
    }
    return {
      async session(base, { width = 1280, height = 800 } = {}) {
        const driver = await answered(
          new Builder()
            .usingServer(url)
            .withCapabilities({
              browserName: 'MiniBrowser',
              'webkitgtk:browserOptions': { binary, args: ['--automation'] },
            })
            .build(),
          'a new window',
        );
        await driver.manage().setTimeouts({ script: 30_000 });
        const session = new SeleniumSession(engine, base, driver);
        await session.resize(width, height);
        return session;
      },
      stop: () => {
        stopAll();
        forget();
      },
    };
  }
  throw new Error(`unknown engine ${engine}: firefox, webkit or chromium`);
}
