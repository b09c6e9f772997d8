#!/usr/bin/env node
// Copies Microsoft's Web Chat browser bundle out of node_modules into dist/webchat at build
// time, so the service serves it without botframework-webchat (and its ~390 packages) in the
// production dependency tree. Plain JavaScript: it runs before anything is compiled.
//
// The bundle is also stored compressed, brotli at its best (~640 KB, against ~950 KB gzipped:
// a third less for a phone to download) and gzip at level 9, because brotli's best takes
// seconds: too slow for the first request of a running server, fine once per Web Chat version.
// The server sends whichever the browser accepts (src/channels/webchat/static-file.ts).
'use strict';
const { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { brotliCompressSync, constants, gzipSync } = require('node:zlib');

const root = join(__dirname, '..');
const packageDir = dirname(dirname(require.resolve('botframework-webchat', { paths: [root] })));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const target = join(root, 'dist', 'webchat');
const files = ['webchat.js', 'webchat.js.LICENSE.txt'];
const compressed = { 'webchat.js.br': brotli, 'webchat.js.gz': gzip };

const manifestPath = join(target, 'version.json');
const current = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
const size = (path) => (existsSync(path) ? statSync(path).size : -1);
const upToDate =
  current.version === version &&
  files.every((file) => size(join(target, file)) === size(join(packageDir, 'dist', file))) &&
  Object.keys(compressed).every((file) => current.sizes && size(join(target, file)) === current.sizes[file]);
if (!upToDate) {
  mkdirSync(target, { recursive: true });
  for (const file of files)
    atomically(join(target, file), (temporary) => copyFileSync(join(packageDir, 'dist', file), temporary));
  const bundle = readFileSync(join(target, 'webchat.js'));
  const sizes = {};
  for (const [file, compress] of Object.entries(compressed)) {
    const bytes = compress(bundle);
    atomically(join(target, file), (temporary) => writeFileSync(temporary, bytes));
    sizes[file] = bytes.length;
  }
  atomically(manifestPath, (temporary) => writeFileSync(temporary, `${JSON.stringify({ version, sizes }, null, 2)}\n`));
}

function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

function gzip(bytes) {
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
}

// Test runs and builds may vendor at the same time: a server never reads a half-written file.
function atomically(path, write) {
  const temporary = `${path}.${process.pid}.tmp`;
  write(temporary);
  renameSync(temporary, path);
}
