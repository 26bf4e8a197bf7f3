// The developer page: model JSON in, viewer out, every control driven by the
// package's API, errors shown with their code and path.
import init, { mount, parseJson, themes } from '/yilan/pkg/index.js';
import { captionVoice } from './speech-hook.js';

await init();

const $ = (id) => document.getElementById(id);
const SCALES = [1, 1.25, 1.5, 1.75, 2, 2.5, 3];
let viewer = null;

$('theme').append(new Option('auto 跟随系统', 'auto'));
for (const theme of themes()) $('theme').append(new Option(`${theme.id} ${theme.label}`, theme.id));
for (const scale of SCALES) $('scale').append(new Option(`${scale * 100}%`, String(scale)));

function showError(error) {
  const box = $('error');
  box.hidden = !error;
  box.textContent = error
    ? `${error.name}: code = ${error.code}${error.path !== undefined ? `, path = ${error.path || '(根)'}` : ''}\n${error.message}`
    : '';
}

function logEvent(event) {
  const item = document.createElement('li');
  item.textContent = `${event.type}: ${JSON.stringify(event.detail)}`;
  $('events').prepend(item);
}

function syncControls() {
  // Without a view there is nothing for the controls to change.
  for (const id of ['mode', 'theme', 'scale', 'destroy']) {
    $(id).disabled = !viewer;
  }
  $('mode').value = viewer?.mode ?? 'standard';
  $('theme').value = viewer?.theme ?? 'auto';
  $('scale').value = String(viewer?.scale ?? 1);
}

function show() {
  let doc;
  try {
    doc = parseJson($('model').value);
  } catch (error) {
    showError(error);
    return;
  }
  showError(null);
  viewer?.destroy();
  $('caption').hidden = true;
  viewer = mount($('viewer'), doc, $('hook').checked ? { speech: captionVoice($('caption')) } : {});
  for (const type of ['modechange', 'themechange', 'scalechange', 'action', 'chunkstart', 'speechend', 'speecherror']) {
    viewer.addEventListener(type, (event) => {
      logEvent(event);
      syncControls();
    });
  }
  syncControls();
}

function call(method, value) {
  try {
    viewer?.[method](value);
    showError(null);
  } catch (error) {
    showError(error);
  }
}

$('show').addEventListener('click', show);
$('hook').addEventListener('change', show);
$('mode').addEventListener('change', (e) => call('setMode', e.target.value));
$('theme').addEventListener('change', (e) => call('setTheme', e.target.value));
$('scale').addEventListener('change', (e) => call('setScale', Number(e.target.value)));
$('destroy').addEventListener('click', () => {
  viewer?.destroy();
  viewer = null;
  syncControls();
});
show();
