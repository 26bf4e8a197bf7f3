// The npm package as published: manifest, files, and types that match the
// exports. Runs in Node (no browser), after the build.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { root } from '../../scripts/serve.mjs';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('the package version is the crate version', () => {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const version = cargo.match(/^version = "([^"]+)"/m)?.[1];
  assert.equal(manifest.version, version);
});

test('the package is ESM with types first in every export', () => {
  assert.equal(manifest.type, 'module');
  for (const [entry, target] of Object.entries(manifest.exports)) {
    if (typeof target === 'object') {
      assert.equal(Object.keys(target)[0], 'types', `exports["${entry}"] lists types first`);
    }
  }
});

test('every published file and export target exists after the build', () => {
  for (const file of manifest.files) {
    assert.ok(existsSync(join(root, file)), `files: ${file}`);
  }
  const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of targets) {
    assert.ok(existsSync(join(root, target)), `exports: ${target}`);
    const published = manifest.files.some((file) => target.replace(/^\.\//, '').startsWith(file)) || target === './package.json';
    assert.ok(published, `${target} is in files`);
  }
});

test('the types declare exactly what the entry exports', async () => {
  const entry = await import('../../js/index.js');
  const types = readFileSync(join(root, 'js', 'index.d.ts'), 'utf8');
  const declared = [...types.matchAll(/^export (?:default )?(?:function|class) (\w+)/gm)].map((m) => m[1]);
  const exported = Object.keys(entry).map((name) => (name === 'default' ? entry.default.name : name));
  assert.deepEqual([...declared].sort(), [...exported].sort());
});
