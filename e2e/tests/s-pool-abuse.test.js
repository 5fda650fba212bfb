// (s) Transaction-pool abuse on a dev validator (real Aura slots, a small pool: --pool-limit 64):
// a flood of invalid transactions (bad signatures, stale nonces, fees nobody can pay, calls too
// big for a block) is refused one by one with its reason, and one account's valid transactions
// beyond the pool's limit are refused with a pool error; blocks keep coming all along, and honest
// transactions submitted during the floods are included.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';

import { XDI, devAccounts, findEvent, submitAndWait } from '../lib/chain.js';
import { printLogsOnFailure, startNode, waitFor } from '../lib/node.js';

const POOL_LIMIT = 64;

describe('transaction-pool abuse', { timeout: 480_000 }, () => {
  let node;
  let api;
  let accounts;

  before(async () => {
    node = await startNode({ name: 'pool-abuse', args: ['--dev', '--pool-limit', String(POOL_LIMIT)] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();

  /** Submits a signed extrinsic's hex; resolves with null when accepted, else the RPC error. */
  async function submitRaw(hex) {
    try {
      await node.http('author_submitExtrinsic', [hex]);
      return null;
    } catch (err) {
      return err;
    }
  }

  /** `tx` signed by `signer` with `nonce`, as hex. */
  async function signed(tx, signer, nonce, tip = 0n) {
    const s = await tx.signAsync(signer, { nonce, tip, era: 0 });
    return s.toHex();
  }

  /** The same extrinsic with one byte of its signature flipped. */
  function badSignature(hex, tx) {
    const bytes = Buffer.from(hex.slice(2), 'hex');
    const sig = Buffer.from(tx.signature.toU8a(true));
    const at = bytes.indexOf(sig);
    assert.ok(at > 0, 'the signature is found in the encoding');
    bytes[at] ^= 0xff;
    return `0x${bytes.toString('hex')}`;
  }

  test('invalid floods are refused with their reason; blocks go on and an honest transfer lands', async () => {
    const { alice, bob, ferdie } = accounts;
    // Alice has used nonce 0, so transactions signed with it are stale.
    const first = await submitAndWait(api, api.tx.balances.transferKeepAlive(ferdie.address, XDI), alice);
    assert.equal(first.error, null);
    const startBlock = await best();
    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    assert.ok(nonce > 0);
    const nobody = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 }).addFromUri('//Xindai//nobody');

    const floods = { badSignature: [], staleNonce: [], cannotPay: [], oversized: [] };
    for (let i = 0; i < 100; i += 1) {
      const tx = api.tx.balances.transferKeepAlive(ferdie.address, BigInt(i + 1));
      const hex = await signed(tx, alice, nonce + i);
      floods.badSignature.push(badSignature(hex, tx));
      floods.staleNonce.push(await signed(api.tx.balances.transferKeepAlive(ferdie.address, BigInt(i + 1)), alice, 0));
      floods.cannotPay.push(await signed(api.tx.system.remark(`0x${i.toString(16).padStart(2, '0')}`), nobody, i));
    }
    // A remark larger than a block's normal length (3.75 MiB of 5 MiB).
    const big = `0x${'00'.repeat(4 * 1024 * 1024)}`;
    floods.oversized.push(await signed(api.tx.system.remark(big), alice, nonce));

    // An honest transfer from Bob in the middle of it all.
    const honest = submitAndWait(api, api.tx.balances.transferKeepAlive(ferdie.address, 7n * XDI), bob);
    const refusals = {};
    for (const [kind, list] of Object.entries(floods)) {
      // One at a time: a burst of concurrent submissions is cut by the pool's limit on pending
      // validations (1016) before each gets its own verdict.
      const results = [];
      for (const hex of list) results.push(await submitRaw(hex));
      const accepted = results.filter((r) => r === null).length;
      assert.equal(accepted, 0, `${kind}: every one refused`);
      refusals[kind] = [...new Set(results.map((r) => `${r.code}: ${r.message}${r.data ? ` (${r.data})` : ''}`))];
    }
    console.log(`pool abuse: refusals ${JSON.stringify(refusals)}`);
    assert.ok(refusals.badSignature.every((m) => /bad signature/i.test(m)), refusals.badSignature.join('; '));
    assert.ok(refusals.staleNonce.every((m) => /outdated/i.test(m)), refusals.staleNonce.join('; '));
    assert.ok(refusals.cannotPay.every((m) => /pay/i.test(m)), refusals.cannotPay.join('; '));
    assert.ok(refusals.oversized.every((m) => /exhaust|too large|size/i.test(m)), refusals.oversized.join('; '));

    const poolNonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const chainNonce = (await api.query.system.account(alice.address)).nonce.toNumber();
    console.log(`pool abuse: after the floods Alice's next index ${poolNonce}, on chain ${chainNonce}`);
    const landed = await honest;
    assert.equal(landed.error, null);
    assert.ok(findEvent(landed.events, api.events.balances.Transfer), 'the honest transfer is in a block');
    await waitFor(async () => (await best()) >= startBlock + 2, { timeoutMs: 60_000, what: 'blocks to go on' });
  });

  test("one account's valid transactions beyond the pool limit are refused; blocks go on and a tipped honest one lands", async () => {
    const { dave: alice, charlie, ferdie } = accounts;
    const startBlock = await best();
    const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const flood = [];
    for (let i = 0; i < 3 * POOL_LIMIT; i += 1) {
      flood.push(await signed(api.tx.system.remarkWithEvent(`0x${i.toString(16).padStart(4, '0')}`), alice, nonce + i));
    }
    const results = [];
    for (const hex of flood) results.push(await submitRaw(hex));
    const accepted = results.filter((r) => r === null).length;
    const refused = results.filter((r) => r !== null);
    const refusedAt = results.flatMap((r, i) => (r === null ? [] : [i]));
    console.log(`pool abuse: ${accepted} of ${flood.length} accepted; refused at ${JSON.stringify(refusedAt)}: ${JSON.stringify([...new Set(refused.map((r) => `${r.code}: ${r.message}`))])}`);
    assert.ok(refused.length > 0, 'some are refused: the pool is full');
    assert.ok(refused.every((r) => [1012, 1014, 1016].includes(r.code)), 'refused as pool limits, not as invalid');

    // Charlie tips to outbid the flood, and is included.
    const honest = await submitAndWait(api, api.tx.balances.transferKeepAlive(ferdie.address, 9n * XDI), charlie, { options: { tip: 1n * XDI } });
    assert.equal(honest.error, null);
    assert.ok(findEvent(honest.events, api.events.balances.Transfer));

    // Blocks go on. The flood itself is the pool's business: under its limit the pool may evict
    // some of the flooder's own transactions, leaving a nonce gap that holds the rest back (seen
    // here when the pool had been busy before). Report how much of it got in, without requiring it.
    await waitFor(async () => (await best()) >= startBlock + 3, { timeoutMs: 60_000, what: 'blocks to go on after the flood' });
    const onChainNonce = async () => (await api.query.system.account(alice.address)).nonce.toNumber();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await onChainNonce()) === nonce) await new Promise((r) => setTimeout(r, 1_000));
    const included = (await onChainNonce()) - nonce;
    assert.ok(included <= accepted);
    console.log(`pool abuse: ${included} of the ${accepted} accepted flood transactions included by #${await best()} (from #${startBlock})`);
  });
});
