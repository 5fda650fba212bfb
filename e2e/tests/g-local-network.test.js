// (g) A two-validator `local` network: Alice and Bob, each a separate process,
// connect over 127.0.0.1, author with Aura, finalize with GRANDPA (2 of 2),
// and agree on the finalized chain.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { peerIdOfNodeKey, printLogsOnFailure, startNode, stripAnsi, supportsFlag, waitFor } from '../lib/node.js';

const ALICE_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000001';
const BOB_NODE_KEY = '0000000000000000000000000000000000000000000000000000000000000002';
// libp2p peer id of the ed25519 node key 0x00..01 (well known from the substrate docs).
const ALICE_PEER_ID_KNOWN = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';

describe('two-validator local network', { timeout: 420_000 }, () => {
  let alice;
  let bob;
  let alicePeerId;
  before(async () => {
    const extra = [];
    if (await supportsFlag('--allow-private-ip')) extra.push('--allow-private-ip');

    alicePeerId = await peerIdOfNodeKey(ALICE_NODE_KEY);
    alice = await startNode({
      name: 'local-alice',
      args: ['--chain', 'local', '--validator', '--alice', '--node-key', ALICE_NODE_KEY, ...extra],
    });
    const bootnode = `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${alicePeerId}`;
    bob = await startNode({
      name: 'local-bob',
      args: ['--chain', 'local', '--validator', '--bob', '--node-key', BOB_NODE_KEY, '--bootnodes', bootnode, ...extra],
    });
  });
  after(async () => {
    await Promise.all([bob?.stop(), alice?.stop()]);
  });
  printLogsOnFailure(afterEach, () => [alice, bob]);

  test('the node key gives the expected peer id', () => {
    assert.equal(alicePeerId, ALICE_PEER_ID_KNOWN);
    // The running node reports the same identity in its log.
    assert.equal(alice.peerId(), alicePeerId, 'peer id logged as "Local node identity is: ..."');
    assert.match(stripAnsi(alice.logs()), new RegExp(`Local node identity is: ${alicePeerId}`));
  });

  test('both nodes run the "Local Testnet" chain from the same genesis', async () => {
    assert.equal((await alice.api.rpc.system.chain()).toString(), 'Local Testnet');
    assert.equal((await bob.api.rpc.system.chain()).toString(), 'Local Testnet');
    assert.equal(alice.api.genesisHash.toHex(), bob.api.genesisHash.toHex());
    assert.equal(alice.api.runtimeVersion.specName.toString(), 'xindai');
    const auths = await alice.api.call.auraApi.authorities();
    assert.equal(auths.length, 2, 'Alice and Bob are the Aura authorities');
    const grandpa = await alice.api.call.grandpaApi.grandpaAuthorities();
    assert.equal(grandpa.length, 2, 'Alice and Bob are the GRANDPA authorities');
  });

  test('the nodes peer with each other', async () => {
    for (const n of [alice, bob]) {
      await waitFor(async () => (await n.api.rpc.system.health()).peers.toNumber() >= 1, {
        timeoutMs: 60_000,
        what: `${n.name} to have a peer`,
      });
    }
    const peers = await bob.api.rpc.system.peers();
    assert.ok(peers.some((p) => p.peerId.toString() === alicePeerId), `Bob's peers: ${peers.toString()}`);
  });

  test('both finalize blocks and agree on the finalized chain', async () => {
    const finalizedNumber = async (n) =>
      (await n.api.rpc.chain.getHeader(await n.api.rpc.chain.getFinalizedHead())).number.toNumber();
    for (const n of [alice, bob]) {
      await waitFor(async () => (await finalizedNumber(n)) >= 2, {
        timeoutMs: 180_000,
        intervalMs: 1_000,
        what: `${n.name} to finalize block #2`,
      });
    }
    const upTo = Math.min(await finalizedNumber(alice), await finalizedNumber(bob));
    assert.ok(upTo >= 2);
    for (let h = 1; h <= upTo; h++) {
      const a = (await alice.api.rpc.chain.getBlockHash(h)).toHex();
      const b = (await bob.api.rpc.chain.getBlockHash(h)).toHex();
      assert.equal(a, b, `block #${h} differs: alice ${a}, bob ${b}`);
    }
  });

  test('both validators author blocks (Aura round robin), and finality keeps going', async () => {
    const finalizedNumber = async (n) =>
      (await n.api.rpc.chain.getHeader(await n.api.rpc.chain.getFinalizedHead())).number.toNumber();
    for (const n of [alice, bob]) {
      await waitFor(async () => (await finalizedNumber(n)) >= 4, {
        timeoutMs: 120_000,
        intervalMs: 1_000,
        what: `${n.name} to finalize block #4`,
      });
    }
    const upTo = Math.min(await finalizedNumber(alice), await finalizedNumber(bob));
    const auths = (await alice.api.call.auraApi.authorities()).map((a) => a.toHex());
    const authors = new Set();
    for (let h = 1; h <= upTo; h++) {
      const hash = await alice.api.rpc.chain.getBlockHash(h);
      assert.equal(hash.toHex(), (await bob.api.rpc.chain.getBlockHash(h)).toHex(), `block #${h} is the same on both`);
      const header = await alice.api.rpc.chain.getHeader(hash);
      const pre = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
      assert.ok(pre, `block #${h} has an Aura digest`);
      const slot = Buffer.from(pre.asPreRuntime[1].toU8a(true)).readBigUInt64LE(0);
      // Aura's author of a slot: authorities[slot % len].
      authors.add(auths[Number(slot % BigInt(auths.length))]);
    }
    process.stderr.write(`local network: finalized #${upTo} on both, distinct authors ${authors.size}\n`);
    assert.equal(authors.size, 2, 'both Alice and Bob authored finalized blocks');
  });
});
