#!/usr/bin/env node
// Prints the built app's size: each file in dist/ raw and gzip-compressed, and the totals.
//   npm run build && node scripts/bundle-size.js

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const files = [];
(function walk(dir) {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
})(dist);
let raw = 0;
let gz = 0;
for (const f of files.sort()) {
  const b = readFileSync(f);
  const z = gzipSync(b, { level: 9 }).length;
  raw += b.length;
  gz += z;
  console.log(`${(b.length / 1024).toFixed(1).padStart(8)} KiB  ${(z / 1024).toFixed(1).padStart(7)} KiB gzip  ${path.relative(dist, f)}`);
}
console.log(`${(raw / 1024).toFixed(1).padStart(8)} KiB  ${(gz / 1024).toFixed(1).padStart(7)} KiB gzip  total (${files.length} files)`);
