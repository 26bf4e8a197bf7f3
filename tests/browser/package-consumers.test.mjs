// The packed package where developers use it: `npm pack`, the tarball
// installed into a fresh Vite app (built with `vite build`) and into a plain
// HTML page with no bundler; both served with the CSP a portal sets, and
// driven in Chromium. Offline: the app uses the project's own vite (a
// devDependency) through a symlink, and the tarball is extracted into the
// app's node_modules/yilan, as npm would put it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import sirv from 'sirv';

import { REFERENCE_TEXT, browserTest, packageInNode } from './harness.mjs';
import { root } from '../../scripts/serve.mjs';

/** What a portal's pages send: no inline script or style, wasm allowed. */
const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const yilan = await packageInNode();
const REFERENCE = yilan.parseText(REFERENCE_TEXT);

let work;
let tarball;
const servers = {};

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.error, undefined, `${command} could not start: ${result.error?.message}`);
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** Installs the tarball as `dir/node_modules/yilan`, as npm lays it out. */
function installTarball(dir) {
  const target = join(dir, 'node_modules', 'yilan');
  mkdirSync(target, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], dir);
}

/** A page's body: a <yilan-reader> on a JSON document, and a view mounted through the API. */
const BODY = `<body>
  <main>
    <h1>应用</h1>
    <yilan-reader id="reader" src="doc.json" mode="elderly"></yilan-reader>
    <section id="api" aria-label="API"></section>
  </main>`;

/** The app's script: the API by its package names, then the element. */
function appScript(specifier) {
  return `import init, { mount, parseText, themes } from '${specifier('yilan')}';
import '${specifier('yilan/element')}';

await init();
const doc = parseText('关于开展冬季安全检查的通知\\n各单位：请于12月底前完成检查。');
window.apiViewer = mount(document.querySelector('#api'), doc, { mode: 'elderly', locale: 'zh-CN' });
window.themeCount = themes().length;
`;
}

function writeApp(dir, { scriptSrc, specifier }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <title>yilan app</title>
</head>
${BODY}
  <script type="module" src="${scriptSrc}"></script>
</body>
</html>
`,
  );
  writeFileSync(join(dir, 'app.js'), appScript(specifier));
}

/** Serves `dir` with the portal CSP on every response. */
function serve(dir) {
  const files = sirv(dir, { dev: true, dotfiles: false });
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    files(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'yilan-consumers-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  tarball = join(work, packed[0].filename);
  const docJson = JSON.stringify(REFERENCE);

  // A plain page: ES modules straight from node_modules, no build step.
  const plain = join(work, 'plain');
  writeApp(plain, { scriptSrc: 'app.js', specifier: (name) => `./node_modules/yilan/pkg/${name === 'yilan' ? 'index' : 'element'}.js` });
  writeFileSync(join(plain, 'doc.json'), docJson);
  installTarball(plain);

  // A Vite app: bare specifiers, built for production.
  const app = join(work, 'vite-app');
  writeApp(app, { scriptSrc: '/app.js', specifier: (name) => name });
  mkdirSync(join(app, 'public'));
  writeFileSync(join(app, 'public', 'doc.json'), docJson);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  installTarball(app);
  symlinkSync(join(root, 'node_modules', 'vite'), join(app, 'node_modules', 'vite'), 'dir');
  run(process.execPath, [join(app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], app);

  servers.plain = await serve(plain);
  servers.vite = await serve(join(app, 'dist'));
});

after(async () => {
  await servers.plain?.close();
  await servers.vite?.close();
  if (work) {
    rmSync(work, { recursive: true, force: true });
  }
});

browserTest('the tarball holds the package files and no sources', {}, async () => {
  const listed = run('tar', ['-tzf', tarball], work).trim().split('\n').sort();
  for (const file of ['package/package.json', 'package/pkg/index.js', 'package/js/index.d.ts', 'package/js/model.d.ts', 'package/js/options.d.ts', 'package/pkg/element.js', 'package/pkg/yilan_bg.wasm', 'package/pkg/yilan.css']) {
    assert.ok(listed.includes(file), `${file} is packed`);
  }
  assert.deepEqual(listed.filter((file) => /^package\/(src|tests|scripts|www|target)\//.test(file)), []);
});

browserTest('vite build emits the .wasm as an asset of the app', {}, async () => {
  const assets = readdirSync(join(work, 'vite-app', 'dist', 'assets'));
  assert.ok(assets.some((file) => /^yilan_bg-.*\.wasm$/.test(file)), `assets: ${assets.join(', ')}`);
  assert.ok(!existsSync(join(work, 'vite-app', 'dist', 'node_modules')));
});

for (const kind of ['plain', 'vite']) {
  browserTest(`${kind}: the element and the API render, a toolbar control works, attributes are reflected`, {}, async (page) => {
    await page.goto(`${servers[kind].url}/`);
    await page.waitForFunction(() => document.querySelector('#reader')?.viewer && window.apiViewer);

    const shown = await page.evaluate(() => {
      const view = (host) => host.querySelector('yilan-view').shadowRoot;
      const reader = view(document.querySelector('#reader'));
      const api = view(document.querySelector('#api'));
      return {
        readerTitle: reader.querySelector('h1').textContent.trim(),
        readerMode: reader.querySelector('.yl-view').dataset.mode,
        apiTitle: api.querySelector('h1').textContent.trim(),
        themes: window.themeCount,
      };
    });
    assert.deepEqual(shown, { readerTitle: REFERENCE.title, readerMode: 'elderly', apiTitle: '关于开展冬季安全检查的通知', themes: 5 });

    // A toolbar control: 放大 in the element's view; the attribute follows.
    await page.click('#reader [data-yl-tool="larger"]');
    const afterClick = await page.evaluate(() => {
      const reader = document.querySelector('#reader');
      return [reader.getAttribute('scale'), reader.querySelector('yilan-view').shadowRoot.querySelector('.yl-view').dataset.scale];
    });
    assert.deepEqual(afterClick, ['1.25', '1.25']);

    // An attribute set by the page: the view follows.
    const theme = await page.evaluate(() => {
      const reader = document.querySelector('#reader');
      reader.setAttribute('theme', 'yellow-on-black');
      return [reader.theme, reader.querySelector('yilan-view').shadowRoot.querySelector('.yl-view').dataset.theme];
    });
    assert.deepEqual(theme, ['yellow-on-black', 'yellow-on-black']);
  });
}
