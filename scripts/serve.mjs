// A small static server for the demo and the browser tests, on 127.0.0.1
// only. The package is served at /yilan/ with exactly the files that
// package.json publishes, so pages use it as an installed package would.
//
//   node scripts/serve.mjs [--port 8080]     serves www/ at / and the package at /yilan/
//
// Other scripts import `startServer` and add their own mounts.

import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, normalize, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sirv from 'sirv';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The files package.json publishes (its `files` list), relative to the root. */
export function publishedFiles() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return manifest.files.map((file) => normalize(file).replace(/\\/g, '/').replace(/\/$/, ''));
}

/** Serves one directory without caching, so a rebuild shows at once. */
function directory(dir) {
  return sirv(dir, { dev: true, etag: true, dotfiles: false, extensions: ['html'] });
}

/**
 * A handler that serves the published package files under `prefix` and
 * nothing else of the repository.
 */
function packageHandler(prefix) {
  const published = publishedFiles();
  const serveRoot = directory(root);
  return (req, res, next) => {
    let path;
    try {
      path = posix.normalize(decodeURIComponent(req.url.split('?')[0]).slice(prefix.length));
    } catch {
      return next();
    }
    const allowed = published.some((file) => path === file || path.startsWith(`${file}/`));
    if (!allowed) {
      return next();
    }
    req.url = `/${path}`;
    return serveRoot(req, res, next);
  };
}

/**
 * A handler that serves a mount's HTML pages (`.html`, or a folder's
 * `index.html`) opened as documents with `head` inserted at the start of
 * their `<head>`, and passes everything else on to `next`.
 */
function withHead(dir, head, next) {
  return (req, res, notFound) => {
    let path;
    try {
      path = posix.normalize(decodeURIComponent(req.url.split('?')[0]));
    } catch {
      return next(req, res, notFound);
    }
    if (path.endsWith('/')) {
      path += 'index.html';
    }
    const file = join(dir, path);
    // (Pages opened, not files fetched: a fetch says its destination is
    // not a document.)
    const fetched = req.headers['sec-fetch-dest'] && req.headers['sec-fetch-dest'] !== 'document';
    if (fetched || !path.endsWith('.html') || !file.startsWith(dir) || !isFile(file)) {
      return next(req, res, notFound);
    }
    const html = readFileSync(file, 'utf8').replace(/<head(\s[^>]*)?>/i, (tag) => tag + head);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };
}

/**
 * Starts the server. `mounts` maps URL prefixes (ending in `/`) to
 * directories; `/yilan/` always serves the package. Port 0 picks a free port.
 * For tests: `head`, markup put at the start of the `<head>` of every HTML
 * page of the mounts; `onResponse(url, status)`, told of every response.
 *
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startServer({ port = 8080, host = '127.0.0.1', mounts = {}, head, onResponse } = {}) {
  const handlers = [['/yilan/', packageHandler('/yilan/')]];
  // Longest prefix first, so /tests/browser/ wins over /.
  for (const prefix of Object.keys(mounts).sort((a, b) => b.length - a.length)) {
    const served = directory(mounts[prefix]);
    handlers.push([prefix, head ? withHead(mounts[prefix], head, served) : served]);
  }
  const server = createServer((req, res) => {
    if (onResponse) {
      const url = req.url;
      res.on('finish', () => onResponse(url, res.statusCode));
    }
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    };
    const path = req.url.split('?')[0];
    const match = handlers.find(([prefix]) => path.startsWith(prefix));
    if (!match) {
      return notFound();
    }
    const [prefix, handler] = match;
    const original = req.url;
    if (prefix !== '/yilan/') {
      req.url = `/${original.slice(prefix.length)}`;
    }
    handler(req, res, notFound);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://${host}:${actual}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 8080;
  const www = join(root, 'www');
  const mounts = isDirectory(www) ? { '/': www } : {};
  const { url } = await startServer({ port, mounts });
  console.log(`serving ${isDirectory(www) ? 'www/ at ' + url + '/ and ' : ''}the package at ${url}/yilan/`);
  if (!isDirectory(www)) {
    console.log('(www/ does not exist yet: only the package is served)');
  }
  console.log('press Ctrl+C to stop');
}
