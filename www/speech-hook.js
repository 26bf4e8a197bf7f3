// A host's own voice for the reading view: `mount(element, doc, { speech })`
// with `speech = captionVoice(box)`. Each chunk is shown as a caption and,
// when the browser has a Chinese voice, spoken with it; without one, the
// caption stays up for about as long as the sentence would take to say, so
// reading still moves through the document. A server voice would fetch
// audio for `chunk.text` in speak() and resolve when it has played.
//
// The caption is a live region only while no voice speaks: then a screen
// reader says it, in the reader's own voice; a sentence the browser's voice
// says is not said a second time by the screen reader over it.
//
// Contract: speak(chunk) returns a promise that resolves when the chunk has
// been said (or rejects if it cannot be); cancel() stops at once. The view
// speaks one chunk at a time, highlights it, and calls cancel() on pause,
// stop, leaving the elderly mode, page hide and destroy().

/** Milliseconds a caption stays without a voice: ~4 characters a second. */
const captionTime = (chunk) => 600 + (chunk.text.length * 250) / (chunk.rate || 1);

export function captionVoice(box) {
  let timer = 0;
  let settle = null;
  const synth = window.speechSynthesis;
  const zhVoice = () => synth?.getVoices().find((voice) => /^(zh|cmn)/i.test(voice.lang)) ?? null;

  const finish = (ok) => {
    clearTimeout(timer);
    const done = settle;
    settle = null;
    if (done) done(ok);
  };

  return {
    speak(chunk) {
      const voice = zhVoice();
      box.setAttribute('aria-live', voice ? 'off' : 'polite');
      box.textContent = chunk.text;
      box.hidden = false;
      return new Promise((resolve, reject) => {
        settle = (ok) => (ok ? resolve() : reject(new Error('cancelled')));
        if (voice) {
          const utterance = new SpeechSynthesisUtterance(chunk.text);
          utterance.voice = voice;
          utterance.lang = voice.lang;
          utterance.rate = chunk.rate;
          utterance.onend = () => finish(true);
          utterance.onerror = () => finish(false);
          synth.speak(utterance);
        } else {
          timer = setTimeout(() => finish(true), captionTime(chunk));
        }
      });
    },
    cancel() {
      synth?.cancel();
      box.hidden = true;
      finish(false);
    },
  };
}
