// (f) Bad input is rejected and nothing changes:
//   1. a transfer above the sender's balance is included but fails
//      (DispatchError::Token(FundsUnavailable)); the sender only pays the fee;
//   2. a badly signed extrinsic is refused by the pool (1010 BadProof); nothing
//      is included and no balance or nonce changes.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { u8aToHex } from '@polkadot/util';

import { XDI, devAccounts, findEvent, freeBalance, parentOf, submitAndWait } from '../lib/chain.js';
import { printLogsOnFailure, sleep, startNode } from '../lib/node.js';

/** Index of `needle` inside `haystack` (Uint8Arrays), or -1. */
function indexOfBytes(haystack, needle) {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('bad input is rejected', { timeout: 300_000 }, () => {
  let node;
  let accounts;
  before(async () => {
    node = await startNode({ name: 'bad-input', args: ['--dev', '--sealing', 'instant'] });
    accounts = await devAccounts(node.api.registry.chainSS58);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('a transfer above the balance fails with Token.FundsUnavailable; only the fee is paid', async () => {
    const { api } = node;
    const { bob, charlie } = accounts;
    const free = await freeBalance(api, bob.address);
    const amount = free + 1_000n * XDI;

    const res = await submitAndWait(api, api.tx.balances.transferKeepAlive(charlie.address, amount), bob);
    assert.ok(res.error, 'the transfer must fail');
    assert.equal(
      res.error.text,
      'Token.FundsUnavailable',
      `expected DispatchError::Token(FundsUnavailable), got ${res.error.text} (${res.dispatchError?.toString()})`,
    );
    assert.ok(findEvent(res.events, api.events.system.ExtrinsicFailed), 'ExtrinsicFailed emitted');
    assert.equal(findEvent(res.events, api.events.balances.Transfer), undefined, 'no Transfer event');

    const feePaid = findEvent(res.events, api.events.transactionPayment.TransactionFeePaid);
    assert.ok(feePaid, 'the failed extrinsic still pays its fee');
    assert.equal(feePaid.data.who.toString(), bob.address);
    const fee = feePaid.data.actualFee.toBigInt();
    assert.ok(fee > 0n);

    const before = await parentOf(api, res.blockHash);
    const bobBefore = await freeBalance(api, bob.address, before);
    const bobAfter = await freeBalance(api, bob.address, res.blockHash);
    assert.equal(bobBefore - bobAfter, fee, `Bob paid only the fee (before ${bobBefore}, after ${bobAfter}, fee ${fee})`);
    assert.equal(
      await freeBalance(api, charlie.address, res.blockHash),
      await freeBalance(api, charlie.address, before),
      'Charlie received nothing',
    );
  });

  async function snapshot(api, who) {
    const head = await api.rpc.chain.getHeader();
    const out = { number: head.number.toNumber(), hash: head.hash.toHex(), balances: {}, nonces: {} };
    for (const [n, pair] of Object.entries(who)) {
      const info = await api.query.system.account(pair.address);
      out.balances[n] = info.data.free.toBigInt();
      out.nonces[n] = info.nonce.toNumber();
    }
    return out;
  }

  async function expectBadProof(api, tx) {
    await assert.rejects(api.rpc.author.submitExtrinsic(tx.toHex()), (err) => {
      process.stderr.write(`author_submitExtrinsic -> ${err.message}\n`);
      assert.match(err.message, /1010/, `expected code 1010, got: ${err.message}`);
      assert.match(err.message, /invalid transaction/i);
      assert.match(err.message, /bad signature|badproof/i);
      return true;
    });
  }

  test('an extrinsic signed by another key than the claimed signer is rejected (1010 BadProof)', async () => {
    const { api } = node;
    const { alice, charlie, eve } = accounts;
    const before = await snapshot(api, { alice, charlie });

    // Claim to be Alice, but let Eve's key produce the signature.
    const tx = api.tx.balances.transferKeepAlive(charlie.address, 7n * XDI);
    await tx.signAsync(alice.address, {
      signer: {
        signRaw: async ({ data }) => ({ id: 1, signature: u8aToHex(eve.sign(data, { withType: true })) }),
      },
    });
    assert.equal(tx.signer.toString(), alice.address);
    await expectBadProof(api, tx);

    await sleep(2_000);
    assert.deepEqual(await snapshot(api, { alice, charlie }), before, 'no block, no balance or nonce change');
    const pending = await api.rpc.author.pendingExtrinsics();
    assert.equal(pending.length, 0, 'nothing left in the pool');
  });

  test('an extrinsic with corrupted signature bytes is rejected (1010 BadProof)', async () => {
    const { api } = node;
    const { alice, charlie } = accounts;
    const before = await snapshot(api, { alice, charlie });

    const tx = api.tx.balances.transferKeepAlive(charlie.address, 7n * XDI);
    await tx.signAsync(alice);
    const bytes = tx.toU8a();
    const sig = tx.signature.toU8a();
    assert.equal(sig.length, 64, 'sr25519 signature');
    const at = indexOfBytes(bytes, sig);
    assert.ok(at > 0, 'signature found in the encoded extrinsic');
    const corrupted = bytes.slice();
    corrupted[at + 10] ^= 0xff;
    const bad = api.createType('Extrinsic', corrupted);
    assert.equal(bad.signer.toString(), alice.address);
    assert.notEqual(bad.signature.toHex(), tx.signature.toHex());
    await expectBadProof(api, bad);

    // The untouched original is valid (so the rejection was about the signature only) —
    // but do not submit it: nothing must change.
    const validity = await api.call.taggedTransactionQueue.validateTransaction('External', tx.toU8a(), before.hash);
    assert.ok(validity.isOk, `original extrinsic is valid: ${validity.toString()}`);
    const badValidity = await api.call.taggedTransactionQueue.validateTransaction('External', bad.toU8a(), before.hash);
    assert.ok(badValidity.isErr && badValidity.asErr.isInvalid && badValidity.asErr.asInvalid.isBadProof,
      `corrupted extrinsic: ${badValidity.toString()}`);

    await sleep(2_000);
    assert.deepEqual(await snapshot(api, { alice, charlie }), before, 'no block, no balance or nonce change');
  });
});
