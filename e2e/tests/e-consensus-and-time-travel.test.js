// (e) Block production and finality:
//   * plain `--dev`: real Aura (6 s slots) + GRANDPA produce and finalize blocks,
//     and the dev-only dev_timeTravel RPC does not exist;
//   * `--dev --sealing manual`: blocks on demand via engine_createBlock, and
//     dev_timeTravel sets the timestamp of the next block exactly.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { createBlock, numberOf, timestampAt } from '../lib/chain.js';
import { printLogsOnFailure, sleep, startNode, waitFor } from '../lib/node.js';

const SLOT_MS = 6000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Decode the Aura pre-runtime digest (SCALE u64 slot) of a header, or undefined. */
function auraSlot(header) {
  for (const log of header.digest.logs) {
    if (log.isPreRuntime) {
      const [engine, data] = log.asPreRuntime;
      if (engine.isAura || engine.toString() === 'aura') {
        return Buffer.from(data.toU8a(true)).readBigUInt64LE(0);
      }
    }
  }
  return undefined;
}

describe('Aura + GRANDPA (plain --dev)', { timeout: 300_000 }, () => {
  let node;
  before(async () => {
    node = await startNode({ name: 'aura-grandpa', args: ['--dev'] });
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('blocks are authored by Aura and finalized by GRANDPA', async () => {
    const { api } = node;
    const started = Date.now();
    const finalized = await waitFor(
      async () => {
        const h = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
        return h.number.toNumber() >= 2 ? h : null;
      },
      { timeoutMs: 90_000, intervalMs: 1_000, what: 'finalized head >= #2' },
    );
    const best = await api.rpc.chain.getHeader();
    assert.ok(best.number.toNumber() >= finalized.number.toNumber(), `best #${best.number} < finalized #${finalized.number}`);
    process.stderr.write(`finalized #${finalized.number} after ${Date.now() - started} ms (best #${best.number})\n`);

    // Every non-genesis block carries an Aura pre-runtime digest and an Aura seal.
    for (let n = 1; n <= finalized.number.toNumber(); n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const header = await api.rpc.chain.getHeader(hash);
      const slot = auraSlot(header);
      assert.ok(slot !== undefined, `block #${n} has an Aura PreRuntime digest: ${header.digest.toString()}`);
      const seal = header.digest.logs.find((l) => l.isSeal);
      assert.ok(seal, `block #${n} is sealed`);
      assert.equal(seal.asSeal[0].toString(), 'aura', `block #${n} seal engine`);
      // The slot matches the block's timestamp (slot = timestamp / 6000).
      const ts = await timestampAt(api, hash.toHex());
      assert.equal(slot, BigInt(Math.floor(ts / SLOT_MS)), `block #${n}: slot ${slot}, timestamp ${ts}`);
    }

    // The finalized block is an ancestor of (or equal to) the best block.
    const finHash = await api.rpc.chain.getBlockHash(finalized.number.toNumber());
    assert.equal(finHash.toHex(), finalized.hash.toHex(), 'finalized block is on the best chain');
  });

  test('later blocks are in later slots with later timestamps', async () => {
    const { api } = node;
    const h1 = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(1));
    const h2 = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(2));
    const t1 = await timestampAt(api, h1.hash.toHex());
    const t2 = await timestampAt(api, h2.hash.toHex());
    assert.ok(auraSlot(h2) > auraSlot(h1), `slots ${auraSlot(h1)} -> ${auraSlot(h2)}`);
    // Wall-clock timestamps, at least most of a slot apart.
    assert.ok(t2 - t1 >= SLOT_MS / 2, `timestamps ${t1} -> ${t2}`);
    assert.ok(Math.abs(t2 - Date.now()) < 10 * 60 * 1000, `timestamp ${t2} is close to the wall clock`);
  });

  test('dev_timeTravel does not exist without --sealing', async () => {
    const { api } = node;
    const { methods } = await api.rpc.rpc.methods();
    const names = methods.map((m) => m.toString());
    assert.ok(names.includes('system_health'), 'rpc_methods answers');
    assert.ok(!names.includes('dev_timeTravel'), 'dev_timeTravel must not be listed');
    await assert.rejects(node.rpc('dev_timeTravel', [Date.now() + DAY_MS]), (err) => {
      assert.match(String(err.message), /-32601|method not found/i, `error: ${err.message}`);
      return true;
    });
  });
});

describe('manual seal and time travel (--dev --sealing manual)', { timeout: 300_000 }, () => {
  let node;
  before(async () => {
    node = await startNode({ name: 'manual-seal', args: ['--dev', '--sealing', 'manual'] });
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('blocks are only made on request, and are finalized at once', async () => {
    const { api } = node;
    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    await sleep(SLOT_MS + 1_000);
    assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), start, 'no block without engine_createBlock');

    const hash = await createBlock(node);
    assert.equal(await numberOf(api, hash), start + 1);
    await waitFor(async () => (await api.rpc.chain.getFinalizedHead()).toHex() === hash, {
      timeoutMs: 10_000,
      what: 'the sealed block to be finalized',
    });
  });

  test('dev_timeTravel sets the next block timestamp exactly; later blocks add 6000 ms', async () => {
    const { api } = node;
    const { methods } = await api.rpc.rpc.methods();
    assert.ok(methods.map((m) => m.toString()).includes('dev_timeTravel'), 'dev_timeTravel is listed with --sealing');

    const head = await createBlock(node);
    const now = await timestampAt(api, head);
    assert.ok(now > 0, `timestamp.now ${now}`);

    const target = now + 30 * DAY_MS;
    const ret = await node.rpc('dev_timeTravel', [target]);
    assert.equal(typeof ret, 'number', `dev_timeTravel returned ${JSON.stringify(ret)}`);

    const b1 = await createBlock(node);
    assert.equal(await timestampAt(api, b1), target, 'the next block has exactly the requested timestamp');

    const b2 = await createBlock(node);
    assert.equal(await timestampAt(api, b2), target + SLOT_MS, 'the block after adds one slot');

    const b3 = await createBlock(node);
    assert.equal(await timestampAt(api, b3), target + 2 * SLOT_MS);
  });

  test('dev_timeTravel to the past (or to the current time) is rejected and changes nothing', async () => {
    const { api } = node;
    const head = (await api.rpc.chain.getHeader()).hash.toHex();
    const now = await timestampAt(api, head);

    await assert.rejects(node.rpc('dev_timeTravel', [now - DAY_MS]), (err) => {
      process.stderr.write(`dev_timeTravel(past) -> ${err.message}\n`);
      return true;
    });
    await assert.rejects(node.rpc('dev_timeTravel', [now]), (err) => {
      process.stderr.write(`dev_timeTravel(now) -> ${err.message}\n`);
      return true;
    });

    // The chain keeps its own clock: the next block is one slot later.
    const next = await createBlock(node);
    assert.equal(await timestampAt(api, next), now + SLOT_MS);
  });
});
