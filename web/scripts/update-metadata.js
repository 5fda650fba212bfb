#!/usr/bin/env node
// Regenerates the committed metadata (.papi/metadata/xindai.scale) and the descriptors from the
// runtime's wasm, after a runtime change:
//
//   npm run papi:update                      # the debug build's wasm (scripts/test builds it)
//   XINDAI_WASM=path/to/xindai_runtime.wasm npm run papi:update
//   XINDAI_WS=ws://127.0.0.1:9944 npm run papi:update   # or from a running node
//
// No node is needed for `npm ci && npm run build`: the metadata file is committed and
// `papi generate` (npm's postinstall) builds the descriptors from it.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const target = process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache', 'xindai', 'target');
const wasm = process.env.XINDAI_WASM || path.join(target, 'debug', 'wbuild', 'xindai-runtime', 'xindai_runtime.wasm');
const ws = process.env.XINDAI_WS;
const args = ws ? ['add', 'xindai', '--wsUrl', ws] : ['add', 'xindai', '--wasm', wasm];
if (!ws && !existsSync(wasm)) {
  console.error(`papi:update: ${wasm} missing (build the runtime, or set XINDAI_WASM or XINDAI_WS)`);
  process.exit(1);
}
execFileSync('npx', ['papi', ...args], { stdio: 'inherit' });
console.log("papi:update: metadata and descriptors regenerated; commit .papi/ (papi's own .gitignore keeps only the descriptors' package.json)");
