#!/usr/bin/env node
// A tiny static server for the built app (dist/), on 127.0.0.1 only.
//
//   node scripts/serve.js [--port 8080] [--dir dist] [--rpc ws://127.0.0.1:9944]
//
// Prints `web: http://127.0.0.1:PORT/?rpc=…` once listening (port 0 picks a free one). Also
// usable as a module: `serveStatic({ dir, port })` resolves with { url, port, close }.

import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

export function serveStatic({ dir, port = 0 }) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    // Hashed assets never change; index.html always revalidates.
    const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': type, 'cache-control': cache });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({ url: `http://127.0.0.1:${p}/`, port: p, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = opt('dir', path.join(here, '..', 'dist'));
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`web: ${dir}/index.html missing: run "npm run build" in web/ first`);
    process.exit(1);
  }
  const rpc = opt('rpc', 'ws://127.0.0.1:9944');
  const { url } = await serveStatic({ dir, port: Number(opt('port', '8080')) });
  console.log(`web: ${url}?rpc=${encodeURIComponent(rpc)}`);
}
