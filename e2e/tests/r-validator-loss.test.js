// (r) Losing a validator: the four-validator `local4` network (Alice, Bob, Charlie and Dave, four
// processes on 127.0.0.1; GRANDPA needs more than two thirds of the votes, so four is the smallest
// set that survives one fault). Dave is killed with SIGKILL: the other three keep authoring and
// finalizing. Dave restarts on the same base path and catches up to the same finalized chain.
// The time to resume finality and to catch up is printed.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';

import { peerIdOfNodeKey, printLogsOnFailure, startNode, supportsFlag, waitFor } from '../lib/node.js';

const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];
// Well-known test node keys (…01 to …04): a validator's base path needs a network key, and
// Dave must come back with the same peer id.
const NODE_KEYS = Object.fromEntries(VALIDATORS.map((who, i) => [who, String(i + 1).padStart(64, '0')]));
const ALICE_NODE_KEY = NODE_KEYS.alice;

describe('four validators, one lost', { timeout: 600_000 }, () => {
  const nodes = {};
  const basePaths = {};
  let bootnode;
  let extra;

  async function startValidator(who) {
    const args = ['--chain', 'local4', '--validator', `--${who}`, '--node-key', NODE_KEYS[who], ...extra];
    if (who !== 'alice') args.push('--bootnodes', bootnode);
    nodes[who] = await startNode({ name: `local4-${who}`, args, basePath: basePaths[who] });
    return nodes[who];
  }

  before(async () => {
    extra = (await supportsFlag('--allow-private-ip')) ? ['--allow-private-ip'] : [];
    for (const who of VALIDATORS) basePaths[who] = mkdtempSync(path.join(os.tmpdir(), `xindai-e2e-local4-${who}-`));
    const alice = await startValidator('alice');
    bootnode = `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${await peerIdOfNodeKey(ALICE_NODE_KEY)}`;
    for (const who of VALIDATORS.slice(1)) await startValidator(who);
  });
  after(async () => {
    await Promise.all(Object.values(nodes).map((n) => n?.stop()));
    for (const dir of Object.values(basePaths)) rmSync(dir, { recursive: true, force: true });
  });
  printLogsOnFailure(afterEach, () => Object.values(nodes));

  const finalizedNumber = async (n) => (await n.api.rpc.chain.getHeader(await n.api.rpc.chain.getFinalizedHead())).number.toNumber();
  const hashAt = async (n, h) => (await n.api.rpc.chain.getBlockHash(h)).toHex();

  test('all four are authorities and finalize together', async () => {
    const auths = await nodes.alice.api.call.auraApi.authorities();
    assert.equal(auths.length, 4, 'four Aura authorities');
    assert.equal((await nodes.alice.api.call.grandpaApi.grandpaAuthorities()).length, 4, 'four GRANDPA voters');
    for (const who of VALIDATORS) {
      await waitFor(async () => (await finalizedNumber(nodes[who])) >= 3, { timeoutMs: 240_000, intervalMs: 1_000, what: `${who} to finalize #3` });
    }
  });

  test('with Dave killed the other three keep finalizing; restarted, he catches up', async () => {
    const { alice, bob, charlie } = nodes;
    const killedAt = Date.now();
    const exit = await nodes.dave.kill('SIGKILL');
    assert.equal(exit.signal, 'SIGKILL');
    const atKill = await finalizedNumber(alice);

    // Three of four votes are more than two thirds: finality goes on.
    for (const n of [alice, bob, charlie]) {
      await waitFor(async () => (await finalizedNumber(n)) >= atKill + 3, { timeoutMs: 180_000, intervalMs: 1_000, what: `${n.name} to finalize 3 blocks without Dave` });
    }
    const withoutDaveMs = Date.now() - killedAt;
    const reached = Math.min(...(await Promise.all([alice, bob, charlie].map(finalizedNumber))));
    for (let h = atKill; h <= reached; h += 1) {
      const expected = await hashAt(alice, h);
      assert.equal(await hashAt(bob, h), expected, `#${h} on Bob`);
      assert.equal(await hashAt(charlie, h), expected, `#${h} on Charlie`);
    }

    const restartedAt = Date.now();
    const dave = await startValidator('dave');
    const target = await finalizedNumber(alice);
    await waitFor(async () => (await finalizedNumber(dave)) >= target, { timeoutMs: 180_000, intervalMs: 1_000, what: `Dave to catch up to #${target}` });
    const caughtUpMs = Date.now() - restartedAt;
    for (let h = 1; h <= target; h += 1) {
      assert.equal(await hashAt(dave, h), await hashAt(alice, h), `#${h} on Dave after the restart`);
    }
    // All four go on together.
    const now = await finalizedNumber(alice);
    for (const n of [alice, bob, charlie, dave]) {
      await waitFor(async () => (await finalizedNumber(n)) >= now + 2, { timeoutMs: 120_000, intervalMs: 1_000, what: `${n.name} to finalize 2 more` });
    }
    console.log(`validator loss: 3 more blocks finalized without Dave within ${withoutDaveMs} ms of the kill; Dave caught up to #${target} ${caughtUpMs} ms after his restart`);
  });
});
