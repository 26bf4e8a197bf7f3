// Set-up of the cross-engine tests: one static server (the demo www/ at /,
// tests/ at /tests/, the package at /yilan/, every HTML page with the
// problem collector first in its head), and for each engine in ENGINES a
// `describe` block with that browser started once; each test gets a fresh
// page in a fresh profile and fails on anything the page reports as wrong
// or any request the server answers with an error.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { root, startServer } from '../../scripts/serve.mjs';
import { ENGINES, startEngine } from './driver.mjs';

let server;
const failedResponses = [];

before(async () => {
  server = await startServer({
    port: 0,
    mounts: { '/tests/': join(root, 'tests'), '/': join(root, 'www') },
    head: '<script src="/tests/engines/problems.js"></script>',
    onResponse: (url, status) => {
      if (status >= 400) failedResponses.push(`HTTP ${status}: ${url}`);
    },
  });
});

after(() => server?.close());

/** Where screenshots go, when YILAN_ENGINE_SHOTS names a folder. */
const shots = process.env.YILAN_ENGINE_SHOTS;
if (shots) mkdirSync(shots, { recursive: true });

/**
 * Defines the tests `define(engineTest)` declares once for every engine.
 * `engineTest(name, options, body)` runs `body(session, engine, t)` in a fresh
 * page (`options.width`, `options.height`: its viewport, default 1280×800);
 * `options.allowProblems`: patterns of problems the test provokes.
 */
export function forEachEngine(define) {
  for (const engine of ENGINES) {
    describe(engine, () => {
      let browser;
      before(async () => {
        browser = await startEngine(engine);
      });
      after(() => browser?.stop());
      define((name, options, body) => {
        // (A browser that stops answering fails its test, not the run.)
        test(name, { timeout: 120_000 }, async (t) => {
          const { allowProblems = [], width, height } = options;
          const attempt = async () => {
            const session = await browser.session(server.url, { width, height });
            session.shot = async (name) => {
              if (shots) await session.screenshot(join(shots, `${engine}-${name}.png`));
            };
            const responsesBefore = failedResponses.length;
            try {
              await body(session, engine, t);
              const problems = [...(await session.problems()), ...failedResponses.slice(responsesBefore)];
              const unexpected = problems.filter((problem) => !allowProblems.some((allowed) => allowed.test(problem)));
              assert.deepEqual(unexpected, [], `${engine}: the page reported problems`);
            } finally {
              await session.close();
            }
          };
          try {
            await attempt();
          } catch (error) {
            // A browser that hung (not a failed assertion) gets one more
            // window, said in the test's output; a second hang fails. So
            // does a WebKit whose wasm engine faulted once in a run of
            // hundreds (an out-of-bounds trap, not repeated in 12 runs of
            // the same test): a fault of the module itself (its stack
            // overflowing) comes back the second time, and fails.
            const fault = engine === 'webkit' && /Out of bounds memory access/.test(error?.message);
            if (error?.name !== 'BrowserHang' && !fault) throw error;
            console.log(`# ${engine} ${fault ? 'faulted' : 'hung'} in "${name}": ${error.message.split('\n')[0]}; running it again in a new window`);
            await attempt();
          }
        });
      });
    });
  }
}
