// Screenshots of the demo in each state, for looking at and for the README:
//
//   node tests/browser/screenshots.mjs [out-dir]     (default docs/screenshots)
//
// The portal page; the elderly view in several themes; scale 3 at 320 px;
// the 配色 and 目录 panels open; the reading guide; the large cursor (headless
// screenshots show no pointer, so the cursor's own image is drawn where the
// pointer is); the developer page. Run after `npm run build`.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { launchChromium } from '../../scripts/chromium.mjs';
import { root, startServer } from '../../scripts/serve.mjs';

const out = process.argv[2] ?? join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const server = await startServer({ port: 0, mounts: { '/': join(root, 'www') } });
const browser = await launchChromium(['--hide-scrollbars']);

/** A fresh page at `width`×`height`, reduced motion (no half-done transitions). */
async function fresh(width = 1280, height = 800) {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
  return context.newPage();
}

async function enter(page) {
  await page.goto(`${server.url}/`);
  await page.click('#enter-elderly');
  await page.waitForSelector('yilan-embed-view:not([inert]) yilan-view');
  await page.mouse.move(0, 799);
}

async function shot(page, name) {
  const path = join(out, `${name}.png`);
  await page.screenshot({ path });
  console.log(path);
}

async function choose(page, theme) {
  await page.click('[data-yl-tool="theme"]');
  await page.click(`[data-yl-theme="${theme}"]`);
  await page.click('[data-yl-tool="theme"]');
}

let page = await fresh();
await page.goto(`${server.url}/`);
await shot(page, 'portal');

await enter(page);
await shot(page, 'elderly-standard');
await page.click('[data-yl-tool="theme"]');
await shot(page, 'theme-panel');
await page.click('[data-yl-theme="yellow-on-black"]');
await page.click('[data-yl-tool="theme"]');
await page.mouse.move(0, 799);
await page.evaluate(() => document.querySelector('yilan-embed-view:not([inert])').scrollTo(0, 900));
await shot(page, 'elderly-yellow-on-black');
await choose(page, 'cream');
await page.click('[data-yl-tool="larger"]');
await page.click('[data-yl-tool="outline"]');
await page.mouse.move(0, 799);
await shot(page, 'outline-panel');
await page.keyboard.press('Escape');
await page.click('[data-yl-tool="rate"]');
await page.mouse.move(0, 799);
await shot(page, 'rate-panel');
await page.keyboard.press('Escape');
await page.click('[data-yl-tool="outline"]');
await page.click('[data-yl-target="yl-s2-2-h"]');
await page.click('[data-yl-tool="guide"]');
await page.mouse.move(640, 560);
await shot(page, 'reading-guide');
await page.click('[data-yl-tool="guide"]');
await choose(page, 'white-on-black');
await page.click('[data-yl-tool="cursor"]');
await page.mouse.move(700, 420);
// Draw the cursor's own image where the pointer is (outside the view).
await page.evaluate(() => {
  const root = document.querySelector('yilan-embed-view:not([inert]) yilan-view').shadowRoot.querySelector('.yl-body p');
  const url = getComputedStyle(root).cursor.match(/url\("(.*)"\)/)[1];
  const image = document.createElement('img');
  image.src = url;
  image.alt = '';
  image.style.cssText = 'position:fixed;left:694px;top:417px;width:48px;height:48px;z-index:10;pointer-events:none';
  document.body.append(image);
  return new Promise((resolve) => (image.complete ? resolve() : (image.onload = resolve)));
});
await shot(page, 'large-cursor');
await page.context().close();

page = await fresh(320, 640);
await enter(page);
await shot(page, 'narrow-folded');
await page.click('[data-yl-tool="more"]');
await shot(page, 'narrow-more-tools');
await choose(page, 'black-on-white');
for (let i = 0; i < 6; i += 1) await page.click('[data-yl-tool="larger"]');
await page.evaluate(() => document.querySelector('yilan-embed-view:not([inert])').scrollTo(0, 0));
await page.mouse.move(0, 639);
await shot(page, 'scale-3-320px');
await page.click('[data-yl-tool="more"]');
await page.evaluate(() => document.querySelector('yilan-embed-view:not([inert])').scrollTo(0, 1400));
await shot(page, 'scale-3-320px-text');
await page.context().close();

// Reading aloud, with a stand-in voice that holds each sentence, so the
// highlight stays on the second one.
page = await fresh();
await page.addInitScript(() => {
  const synth = new EventTarget();
  const voice = { name: '中文', lang: 'zh-CN', localService: true, default: true, voiceURI: 'zh' };
  let current = null;
  synth.paused = false;
  synth.getVoices = () => [voice];
  synth.speak = (utterance) => {
    current = utterance;
  };
  synth.cancel = () => {
    current = null;
  };
  synth.pause = () => {};
  synth.resume = () => {};
  window.endSentence = () => current?.dispatchEvent(new Event('end'));
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class extends EventTarget {
    constructor(text) {
      super();
      this.text = text;
    }
  };
});
await enter(page);
await choose(page, 'yellow-on-black');
await page.click('[data-yl-tool="read"]');
for (let i = 0; i < 12; i += 1) await page.evaluate(() => window.endSentence());
await page.mouse.move(0, 799);
await shot(page, 'reading-aloud');
await page.context().close();

page = await fresh();
await page.goto(`${server.url}/developer.html`);
await page.waitForSelector('#viewer yilan-view');
await page.selectOption('#mode', 'elderly');
await page.mouse.move(0, 799);
await shot(page, 'developer');
await page.context().close();

await browser.close();
await server.close();
