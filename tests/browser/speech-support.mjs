// The fake speech engine and the helpers the reading-aloud tests share
// (tests/browser/speech.test.mjs, speech-view.test.mjs): a fake
// `speechSynthesis` installed before the page loads, which records every
// utterance and ends each one a moment later, or never, or with an error,
// as configured; the reference mounted for reading; what was said, read
// and painted.

import { REFERENCE_TEXT } from './harness.mjs';
import { inView, mountReference } from './viewer-helpers.mjs';

/** A Chinese voice on the device, as `getVoices()` gives it. */
export const ZH_VOICE = { name: 'Fake 中文', lang: 'zh-CN', localService: true, default: false, voiceURI: 'fake-zh' };
export const EN_VOICE = { name: 'Fake English', lang: 'en-US', localService: true, default: true, voiceURI: 'fake-en' };

/**
 * Init script: a fake Web Speech API in `window.speechSynthesis`.
 * `mode`: 'ends' (each utterance ends after `delay` ms), 'hold' (ends only
 * when the test calls `window.fakeSpeech.end()`), 'never', 'error' (each
 * utterance fails with the error code `error`).
 */
function installFakeSpeech({ mode, voices, delay, error }) {
  const state = { spoken: [], cancels: 0, current: null };
  window.fakeSpeech = state;
  class FakeUtterance extends EventTarget {
    constructor(text) {
      super();
      this.text = text;
      this.lang = '';
      this.rate = 1;
      this.voice = null;
    }
  }
  const fire = (utterance, type, error) => {
    const event = new Event(type);
    if (error) event.error = error;
    utterance.dispatchEvent(event);
  };
  const synth = new EventTarget();
  synth.paused = false;
  synth.getVoices = () => voices;
  // As a browser does: utterances wait in a queue, said one at a time.
  const queue = [];
  const begin = () => {
    const utterance = queue[0];
    state.current = utterance ?? null;
    if (!utterance) return;
    setTimeout(() => {
      if (state.current !== utterance) return;
      fire(utterance, 'start');
      if (mode === 'error') {
        queue.length = 0;
        state.current = null;
        fire(utterance, 'error', error);
      }
      if (mode === 'ends') setTimeout(() => state.current === utterance && state.end(), delay);
    }, 0);
  };
  synth.speak = (utterance) => {
    state.spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate, voice: utterance.voice?.name ?? null });
    queue.push(utterance);
    if (queue.length === 1) begin();
  };
  synth.cancel = () => {
    state.cancels += 1;
    const utterance = state.current;
    queue.length = 0;
    state.current = null;
    // As Chromium does: the cancelled utterance reports an error later.
    if (utterance) setTimeout(() => fire(utterance, 'error', 'interrupted'), 0);
  };
  synth.pause = () => {};
  synth.resume = () => {};
  state.end = () => {
    const utterance = state.current;
    if (!utterance) return;
    queue.shift();
    state.current = null;
    fire(utterance, 'end');
    // (Unless a listener of the end spoke, and that began the next.)
    if (!state.current) begin();
  };
  state.queued = () => queue.length;
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = FakeUtterance;
}

/** Init script: a browser with no speech synthesis at all. */
export function removeSpeech() {
  delete Window.prototype.speechSynthesis;
  delete window.speechSynthesis;
}

export async function withFake(page, { mode = 'ends', voices = [EN_VOICE, ZH_VOICE], delay = 5, error = 'synthesis-failed' } = {}) {
  await page.addInitScript(installFakeSpeech, { mode, voices, delay, error });
}

/** Mounts the reference (or page `text`) in elderly mode and records the speech events too. */
export async function mountReading(page, options = {}, text = undefined) {
  await mountReference(page, { mode: 'elderly', ...options }, text);
  await page.evaluate(() => {
    for (const type of ['chunkstart', 'chunkend', 'speechend', 'speecherror']) {
      window.viewer.addEventListener(type, (event) => window.events.push([type, event.detail]));
    }
  });
}

/** The reference document's whole plan, from the package. */
export function plan(page) {
  return page.evaluate((text) => window.yilan.speechPlan(window.yilan.parseText(text)), REFERENCE_TEXT);
}

export const spoken = (page) => page.evaluate(() => window.fakeSpeech.spoken.map((u) => u.text));
export const state = (page) => page.evaluate(() => window.viewer.speechState);
export const events = (page, type) => page.evaluate((t) => window.events.filter(([k]) => k === t).map(([, d]) => d), type);
export const highlighted = (page) => inView(page, (shadow) => [...shadow.querySelectorAll('.yl-speaking')].map((e) => e.id));

/** Waits until `fn()` returns something truthy. */
export async function until(page, fn, arg, timeout = 15000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 20 });
}

/** The sentence painted as read: the texts of the `yl-speech` highlight's ranges. */
export const painted = (page) => page.evaluate(() => [...(CSS.highlights.get('yl-speech') ?? [])].map((range) => range.toString()));
