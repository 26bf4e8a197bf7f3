// The Chromium the benchmark, the measuring aids and the real-browser tests
// drive: Debian's (/usr/bin/chromium) unless CHROME_PATH names another,
// started quiet, offline and runnable as root in CI.

import { chromium } from 'playwright-core';

/** Flags that keep Chromium quiet, offline and runnable as root in CI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Chromium with `CHROMIUM_ARGS` and `extra` flags. */
export function launchChromium(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extra],
  });
}

/**
 * A fixture as a page of its own: scripts removed (nothing may load or run
 * but what measures it), wrapped in a document when it is a fragment.
 */
export function asPage(html) {
  const body = html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
  return /<html[\s>]/i.test(body)
    ? body
    : `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>fixture</title></head><body>${body}</body></html>`;
}
