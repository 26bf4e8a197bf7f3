// The portal's glue for yilan's reading view: what a portal page adds so
// that its own 进入老年模式 / 退出老年模式 links show the view. It uses the
// package exactly as any page would. (The embed script will do this in one
// line.)
import init, { mount, parseText, preferences } from '/yilan/js/index.js';

const ready = init();
const host = document.createElement('main');
host.id = 'yilan-reader';
let viewer = null;
let covered = [];
let scrolled = 0;

async function enter() {
  await ready;
  if (viewer) return;
  // Parse the page as it is, then show the view in its place: the page's
  // own elements are hidden and made inert, never changed.
  const doc = parseText(document.querySelector('main').innerText);
  viewer = mount(host, doc, { mode: 'elderly', announce: true });
  viewer.addEventListener('modechange', (event) => {
    if (event.detail === 'standard') exit();
  });
  scrolled = window.scrollY;
  covered = [...document.body.children].filter((element) => !element.hidden);
  for (const element of covered) {
    element.hidden = true;
    element.inert = true;
  }
  document.body.append(host);
  window.scrollTo(0, 0);
  viewer.focus();
}

function exit() {
  if (!viewer) return;
  viewer.destroy();
  viewer = null;
  host.remove();
  for (const element of covered) {
    element.hidden = false;
    element.inert = false;
  }
  covered = [];
  window.scrollTo(0, scrolled);
  document.getElementById('enter-elderly').focus({ preventScroll: true });
}

document.getElementById('enter-elderly').addEventListener('click', (event) => {
  event.preventDefault();
  enter();
});
document.getElementById('exit-elderly').addEventListener('click', (event) => {
  event.preventDefault();
  exit();
});

// A reader who left the page in the elderly mode finds it so again.
ready.then(() => {
  if (preferences().mode === 'elderly') enter();
});
