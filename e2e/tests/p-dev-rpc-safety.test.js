// (p) Dev sealing cannot leak into a real network: the sealing RPCs (engine_createBlock,
// engine_finalizeBlock, dev_timeTravel) are unsafe methods, refused under `--rpc-methods safe`;
// dev_timeTravel refuses a target more than ten years ahead; the node refuses `--sealing` with
// a live chain spec or an external RPC listener; and a sealing node connects to no peer.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, afterEach, before, describe, test } from 'node:test';

import { nodeBinary, printLogsOnFailure, runToExit, sleep, startNode } from '../lib/node.js';

const execFileP = promisify(execFile);
const DAY_MS = 24 * 3600 * 1000;
const YEAR_MS = 366 * DAY_MS;

describe('dev RPC safety', { timeout: 300_000 }, () => {
  let safe;
  let sealing;
  let validator;
  let dir;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xindai-dev-rpc-'));
  });
  after(async () => {
    await Promise.all([safe?.stop(), sealing?.stop(), validator?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });
  printLogsOnFailure(afterEach, () => [safe, sealing, validator]);

  test('under --rpc-methods safe the sealing RPCs are refused', async () => {
    safe = await startNode({ name: 'sealing-safe', args: ['--dev', '--sealing', 'manual', '--rpc-methods', 'safe'], connectApi: false });
    const now = Date.now();
    for (const [method, params] of [
      ['engine_createBlock', [true, true, null]],
      ['engine_finalizeBlock', ['0x' + '00'.repeat(32), null]],
      ['dev_timeTravel', [now + DAY_MS]],
    ]) {
      await assert.rejects(safe.http(method, params), /unsafe/i, `${method} is refused`);
    }
    // Safe methods still answer.
    assert.ok(await safe.http('system_health', []));
    await safe.stop();
    safe = undefined;
  });

  test('dev_timeTravel refuses a target more than ten years ahead', async () => {
    sealing = await startNode({ name: 'sealing-far', args: ['--dev', '--sealing', 'instant'] });
    const now = (await sealing.api.query.timestamp.now()).toNumber();
    await assert.rejects(sealing.rpc('dev_timeTravel', [1e18]), /ten years/);
    await assert.rejects(sealing.rpc('dev_timeTravel', [now + 11 * YEAR_MS]), /ten years/);
    assert.equal(await sealing.rpc('dev_timeTravel', [now + 9 * YEAR_MS]), now + 9 * YEAR_MS);
  });

  test('a sealing node connects to no peer, even one named as its boot node', async () => {
    validator = await startNode({ name: 'dev-validator', args: ['--dev'] });
    const bootnode = `/ip4/127.0.0.1/tcp/${validator.p2pPort}/p2p/${validator.peerId()}`;
    await sealing.stop();
    sealing = await startNode({ name: 'sealing-alone', args: ['--dev', '--sealing', 'instant', '--bootnodes', bootnode] });
    await sleep(8_000);
    assert.equal((await sealing.api.rpc.system.health()).peers.toNumber(), 0, 'the sealing node has no peer');
    assert.equal((await validator.api.rpc.system.health()).peers.toNumber(), 0, 'nobody connected to the validator');
    assert.deepEqual((await sealing.rpc('system_localListenAddresses', [])), [], 'it listens nowhere');
  });

  test('the node refuses --sealing with a live chain spec', async () => {
    const { stdout } = await execFileP(nodeBinary(), ['build-spec', '--chain', 'local', '--disable-default-bootnode'], { maxBuffer: 64 * 1024 * 1024 });
    const spec = JSON.parse(stdout);
    spec.chainType = 'Live';
    const file = join(dir, 'live.json');
    writeFileSync(file, JSON.stringify(spec));
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).chainType, 'Live');
    const res = await runToExit(['--chain', file, '--sealing', 'instant']);
    assert.notEqual(res.code, 0, 'it exits with an error');
    assert.match(res.output, /--sealing is for development only/);
  });

  test('the node refuses --sealing with an RPC listener on a non-loopback address', async () => {
    const res = await runToExit(['--dev', '--sealing', 'instant', '--rpc-external']);
    assert.notEqual(res.code, 0, 'it exits with an error');
    assert.match(res.output, /non-loopback address/);
  });
});
