// (q) Crash recovery: a dev validator (Aura + GRANDPA, Alice alone, real 6 s slots) that has
// produced and finalized blocks is killed with SIGKILL while it builds a block, three times at
// random moments, and restarted on the same base path each time. After every restart it starts,
// its finalized head is at least what it was (same hash at that height), the state of the last
// finalized block before the kill reads the same (balances, a pool, a profile), and it goes on
// producing and finalizing. The time from restart to the next finalized block is printed.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';

import { USDX, XDI, devAccounts } from '../lib/chain.js';
import { printLogsOnFailure, sleep, startNode, waitFor } from '../lib/node.js';
import { txHelpers } from '../lib/tx.js';

const ROUNDS = 3;

describe('crash recovery', { timeout: 480_000 }, () => {
  const basePath = mkdtempSync(path.join(os.tmpdir(), 'xindai-e2e-crash-'));
  let node;
  let accounts;

  const start = (round) => startNode({ name: `crash-${round}`, args: ['--dev'], basePath });

  before(async () => {
    node = await start(0);
    accounts = await devAccounts(node.api.registry.chainSS58);
  });
  after(async () => {
    await node?.stop();
    rmSync(basePath, { recursive: true, force: true });
  });
  printLogsOnFailure(afterEach, () => [node]);

  const finalizedNumber = async (api) => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();

  /** What must survive a crash, read at `hash`. */
  async function stateAt(api, hash) {
    const at = await api.at(hash);
    const { alice, bob, ferdie } = accounts;
    const balances = await Promise.all([alice, bob, ferdie].map(async (a) => (await at.query.system.account(a.address)).data.free.toString()));
    return {
      balances,
      pool: (await at.query.liquidityPools.pools(USDX.id)).toJSON(),
      profile: (await at.query.creditRecords.profiles(bob.address)).toJSON(),
      issuance: (await at.query.balances.totalIssuance()).toString(),
    };
  }

  test('killed with SIGKILL while building a block, it restarts on its base path and goes on', async () => {
    const { alice, bob, ferdie } = accounts;
    const { ok } = txHelpers(node.api);
    // State worth keeping: a transfer, a pool deposit, a registered profile.
    await ok(node.api.tx.balances.transferKeepAlive(ferdie.address, 123n * XDI), alice);
    await ok(node.api.tx.liquidityPools.deposit(USDX.id, 5_000n * 10n ** 6n), alice);
    await ok(node.api.tx.creditRecords.register('Individual', `0x${'ab'.repeat(32)}`), bob);
    const registeredAt = (await node.api.rpc.chain.getHeader()).number.toNumber();
    await waitFor(async () => (await finalizedNumber(node.api)) >= registeredAt, { timeoutMs: 60_000, what: 'the setup to be finalized' });

    for (let round = 1; round <= ROUNDS; round += 1) {
      const before = await finalizedNumber(node.api);
      const beforeHash = (await node.api.rpc.chain.getBlockHash(before)).toHex();
      const snapshot = await stateAt(node.api, beforeHash);
      assert.equal(snapshot.profile === null, false, 'the profile exists before the crash');

      // Kill while a block is being built: after its proposal is prepared, before or while it is
      // imported and written, at a random moment of that window.
      await node.nextLog(/Prepared block for proposing/, 30_000);
      const delayMs = Math.floor(Math.random() * 200);
      await sleep(delayMs);
      const exit = await node.kill('SIGKILL');
      assert.equal(exit.signal, 'SIGKILL');

      const restartedAt = Date.now();
      node = await start(round);
      const { api } = node;
      const after = await finalizedNumber(api);
      assert.ok(after >= before, `round ${round}: finalized #${after} after the crash, #${before} before`);
      assert.equal((await api.rpc.chain.getBlockHash(before)).toHex(), beforeHash, 'the same finalized block');
      assert.deepEqual(await stateAt(api, beforeHash), snapshot, 'its state reads the same');

      // It goes on: two more blocks finalized.
      await waitFor(async () => (await finalizedNumber(api)) >= after + 2, { timeoutMs: 90_000, what: 'finality to resume' });
      const resumedMs = Date.now() - restartedAt;
      console.log(`crash ${round}: killed ${delayMs} ms after a proposal at finalized #${before}; restarted at #${after}; two more finalized ${resumedMs} ms after the restart`);
      // And takes transactions.
      await txHelpers(api).ok(api.tx.balances.transferKeepAlive(ferdie.address, BigInt(round) * XDI), alice);
    }
  });
});
