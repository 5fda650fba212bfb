// (t) A runtime built with `fast-runtime` (minutes-long governance periods, for tests) cannot
// replace the production runtime by accident: its spec_name is `xindai-fast-runtime`, and
// `system.setCode` refuses a code whose spec_name differs from the running one
// (System.InvalidSpecName) — even from root. The fast runtime's code is read from the fast node's
// raw dev chain spec; the default `--dev` node (real Aura slots) runs the production runtime.

import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { after, afterEach, before, describe, test } from 'node:test';

import { devAccounts, findEvent, submitAndWait } from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';

const FAST_NODE = process.env.XINDAI_NODE_FAST_RUNTIME;
const CODE_KEY = '0x3a636f6465'; // ":code"
// sp-maybe-compressed-blob's prefix of zstd-compressed code.
const ZSTD_PREFIX = Buffer.from([0x52, 0xbc, 0x53, 0x76, 0x46, 0xdb, 0x8e, 0x05]);

/** `code` (hex) as the runtime accepts it compressed: a debug build's wasm (4.5 MB) is larger than
 * the block builder's 4 MiB block size limit. */
function compressed(code) {
  const raw = Buffer.from(code.slice(2), 'hex');
  if (raw.subarray(0, 8).equals(ZSTD_PREFIX)) return code;
  const zstd = execFileSync('zstd', ['-q', '-9', '-c'], { input: raw, maxBuffer: 64 * 1024 * 1024 });
  return `0x${Buffer.concat([ZSTD_PREFIX, zstd]).toString('hex')}`;
}

describe('fast-runtime code is refused by setCode', { timeout: 300_000, skip: !FAST_NODE || !existsSync(FAST_NODE) ? 'XINDAI_NODE_FAST_RUNTIME not built' : false }, () => {
  let node;
  let api;
  let accounts;

  before(async () => {
    node = await startNode({ name: 'upgrade-guard', args: ['--dev'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('sudo(system.setCode(fast runtime)) fails with System.InvalidSpecName; the runtime stays', async () => {
    const { stdout } = await promisify(execFile)(FAST_NODE, ['build-spec', '--chain', 'dev', '--raw'], { maxBuffer: 256 * 1024 * 1024 });
    const fastCode = compressed(JSON.parse(stdout).genesis.raw.top[CODE_KEY]);
    assert.ok(fastCode?.length > 1000, 'the fast runtime has code');
    const before = await api.rpc.state.getRuntimeVersion();
    assert.equal(before.specName.toString(), 'xindai');
    const ownCode = (await api.rpc.state.getStorage(CODE_KEY)).toHex();
    assert.notEqual(fastCode, compressed(ownCode), 'the two runtimes differ');

    const res = await submitAndWait(api, api.tx.sudo.sudoUncheckedWeight(api.tx.system.setCode(fastCode), { refTime: 0, proofSize: 0 }), accounts.alice);
    assert.equal(res.error, null, 'sudo itself succeeds');
    const sudid = findEvent(res.events, api.events.sudo.Sudid);
    assert.ok(sudid, 'Sudo.Sudid emitted');
    const result = sudid.data.sudoResult;
    assert.ok(result.isErr, 'setCode failed');
    const err = result.asErr;
    assert.ok(err.isModule);
    const meta = api.registry.findMetaError(err.asModule);
    assert.equal(`${meta.section}.${meta.name}`, 'system.InvalidSpecName');

    const afterVersion = await api.rpc.state.getRuntimeVersion();
    assert.equal(afterVersion.specName.toString(), 'xindai');
    assert.equal(afterVersion.specVersion.toNumber(), before.specVersion.toNumber());
    assert.equal((await api.rpc.state.getStorage(CODE_KEY)).toHex(), ownCode, 'the code is unchanged');
  });
});
