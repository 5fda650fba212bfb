// (c) A signed Alice -> Bob transfer is included and balances change by exactly amount + fee.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { XDI, devAccounts, findEvent, freeBalance, numberOf, parentOf, submitAndWait } from '../lib/chain.js';
import { printLogsOnFailure, startNode, waitFor } from '../lib/node.js';

describe('balances transfer', { timeout: 300_000 }, () => {
  let node;
  let accounts;
  before(async () => {
    node = await startNode({ name: 'transfer', args: ['--dev', '--sealing', 'instant'] });
    accounts = await devAccounts(node.api.registry.chainSS58);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('dev accounts are endowed with XDI at genesis', async () => {
    const { api } = node;
    const genesis = api.genesisHash.toHex();
    for (const [n, pair] of Object.entries(accounts)) {
      const free = await freeBalance(api, pair.address, genesis);
      assert.ok(free >= 1_000n * XDI, `${n} has only ${free} planck at genesis`);
    }
  });

  test('Alice -> Bob transferKeepAlive: Alice pays amount + fee, Bob gets exactly amount', async () => {
    const { api } = node;
    const { alice, bob } = accounts;
    const amount = 12_345n * XDI + 678n;

    const nonceBefore = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    // The quote is taken in the state the (instantly sealed) block is built on: the fee
    // multiplier follows congestion and moves from block to block.
    // (paymentInfo is what wallets call: TransactionPaymentApi_query_info on a dummy-signed copy.)
    const info = await api.tx.balances.transferKeepAlive(bob.address, amount).paymentInfo(alice);
    const res = await submitAndWait(api, api.tx.balances.transferKeepAlive(bob.address, amount), alice);
    assert.equal(res.error, null, `dispatch error: ${res.error?.text}`);

    const blockHash = res.blockHash;
    const before = await parentOf(api, blockHash);
    assert.equal(await numberOf(api, blockHash), (await numberOf(api, before)) + 1);

    // Events of the extrinsic: success, the transfer, and the fee.
    assert.ok(findEvent(res.events, api.events.system.ExtrinsicSuccess), 'ExtrinsicSuccess emitted');
    const transfer = findEvent(res.events, api.events.balances.Transfer);
    assert.ok(transfer, 'Balances.Transfer emitted');
    assert.equal(transfer.data.from.toString(), alice.address);
    assert.equal(transfer.data.to.toString(), bob.address);
    assert.equal(transfer.data.amount.toBigInt(), amount);
    const feePaid = findEvent(res.events, api.events.transactionPayment.TransactionFeePaid);
    assert.ok(feePaid, 'TransactionPayment.TransactionFeePaid emitted');
    assert.equal(feePaid.data.who.toString(), alice.address);
    assert.equal(feePaid.data.tip.toBigInt(), 0n);
    const fee = feePaid.data.actualFee.toBigInt();
    assert.ok(fee > 0n, 'a non-zero fee was charged');

    const aliceBefore = await freeBalance(api, alice.address, before);
    const aliceAfter = await freeBalance(api, alice.address, blockHash);
    const bobBefore = await freeBalance(api, bob.address, before);
    const bobAfter = await freeBalance(api, bob.address, blockHash);
    assert.equal(aliceBefore - aliceAfter, amount + fee, `Alice: before ${aliceBefore}, after ${aliceAfter}, fee ${fee}`);
    assert.equal(bobAfter - bobBefore, amount, `Bob: before ${bobBefore}, after ${bobAfter}`);

    // The nonce moved on by one.
    const at = await api.at(blockHash);
    assert.equal((await at.query.system.account(alice.address)).nonce.toNumber(), nonceBefore + 1);

    // The fee matches what the runtime quotes for the same call (weight-based fees are
    // refunded down to the actual weight, so the charged fee can only be <= the quote).
    const quoted = info.partialFee.toBigInt();
    assert.ok(quoted > 0n && fee <= quoted, `charged ${fee}, quoted ${quoted}`);
  });

  test('the included block is reported by the node as finalized (instant seal finalizes)', async () => {
    const { api } = node;
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.ok(best >= 1, `best #${best}`);
    await waitFor(
      async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() >= best,
      { timeoutMs: 20_000, what: `block #${best} to be finalized` },
    );
  });
});
