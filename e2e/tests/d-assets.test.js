// (d) Genesis assets USDX and XBTC: metadata, dev balances, and a USDX transfer
// (fees are paid in XDI); asset ids from 1,000,000 up are reserved for LP tokens.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import {
  DEV_NAMES, USDX, XBTC, assetBalance, devAccounts, findEvent, freeBalance, parentOf, submitAndWait,
} from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';

describe('assets', { timeout: 300_000 }, () => {
  let node;
  let accounts;
  before(async () => {
    node = await startNode({ name: 'assets', args: ['--dev', '--sealing', 'instant'] });
    accounts = await devAccounts(node.api.registry.chainSS58);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  for (const asset of [USDX, XBTC]) {
    test(`asset ${asset.id} is ${asset.symbol} with its metadata`, async () => {
      const { api } = node;
      const details = await api.query.assets.asset(asset.id);
      assert.ok(details.isSome, `asset ${asset.id} exists`);
      const d = details.unwrap();
      assert.ok(d.status.isLive, `asset ${asset.id} status ${d.status.toString()}`);
      assert.ok(
        d.supply.toBigInt() >= BigInt(DEV_NAMES.length) * asset.genesisPerAccount,
        `supply ${d.supply} covers the dev balances`,
      );

      const meta = await api.query.assets.metadata(asset.id);
      assert.equal(meta.symbol.toUtf8(), asset.symbol);
      assert.equal(meta.name.toUtf8(), asset.name);
      assert.equal(meta.decimals.toNumber(), asset.decimals);
      assert.equal(meta.isFrozen.isTrue, false);
    });

    test(`every dev account holds its genesis ${asset.symbol}`, async () => {
      const { api } = node;
      const genesis = api.genesisHash.toHex();
      for (const n of DEV_NAMES) {
        const bal = await assetBalance(api, asset.id, accounts[n.toLowerCase()].address, genesis);
        assert.equal(bal, asset.genesisPerAccount, `${n}'s ${asset.symbol} at genesis`);
      }
    });
  }

  test('Alice -> Charlie USDX transfer: exact asset balance change, fee paid in XDI', async () => {
    const { api } = node;
    const { alice, charlie } = accounts;
    const amount = 250n * 10n ** 6n + 1n; // 250.000001 USDX

    const res = await submitAndWait(api, api.tx.assets.transfer(USDX.id, charlie.address, amount), alice);
    assert.equal(res.error, null, `dispatch error: ${res.error?.text}`);
    const blockHash = res.blockHash;
    const before = await parentOf(api, blockHash);

    const ev = findEvent(res.events, api.events.assets.Transferred);
    assert.ok(ev, 'Assets.Transferred emitted');
    assert.equal(ev.data.assetId.toString(), String(USDX.id));
    assert.equal(ev.data.from.toString(), alice.address);
    assert.equal(ev.data.to.toString(), charlie.address);
    assert.equal(ev.data.amount.toBigInt(), amount);

    const feePaid = findEvent(res.events, api.events.transactionPayment.TransactionFeePaid);
    assert.ok(feePaid, 'TransactionFeePaid emitted');
    assert.equal(feePaid.data.who.toString(), alice.address);
    assert.equal(feePaid.data.tip.toBigInt(), 0n);
    const fee = feePaid.data.actualFee.toBigInt();
    assert.ok(fee > 0n);

    // USDX moves exactly.
    const aUsdBefore = await assetBalance(api, USDX.id, alice.address, before);
    const aUsdAfter = await assetBalance(api, USDX.id, alice.address, blockHash);
    const cUsdBefore = await assetBalance(api, USDX.id, charlie.address, before);
    const cUsdAfter = await assetBalance(api, USDX.id, charlie.address, blockHash);
    assert.equal(aUsdBefore - aUsdAfter, amount);
    assert.equal(cUsdAfter - cUsdBefore, amount);

    // The fee is paid in XDI: Alice's XDI drops by exactly the fee, Charlie's XDI is untouched.
    const aXdiBefore = await freeBalance(api, alice.address, before);
    const aXdiAfter = await freeBalance(api, alice.address, blockHash);
    assert.equal(aXdiBefore - aXdiAfter, fee, `Alice XDI before ${aXdiBefore} after ${aXdiAfter} fee ${fee}`);
    assert.equal(await freeBalance(api, charlie.address, blockHash), await freeBalance(api, charlie.address, before));

    // Other asset and total supply untouched.
    assert.equal(
      await assetBalance(api, XBTC.id, alice.address, blockHash),
      await assetBalance(api, XBTC.id, alice.address, before),
    );
    const supplyBefore = (await (await api.at(before)).query.assets.asset(USDX.id)).unwrap().supply.toBigInt();
    const supplyAfter = (await (await api.at(blockHash)).query.assets.asset(USDX.id)).unwrap().supply.toBigInt();
    assert.equal(supplyAfter, supplyBefore);
  });

  test('an asset transfer above the holder\'s balance fails and moves nothing', async () => {
    const { api } = node;
    const { dave, eve } = accounts;
    const held = await assetBalance(api, XBTC.id, dave.address);
    const res = await submitAndWait(api, api.tx.assets.transfer(XBTC.id, eve.address, held + 1n), dave);
    assert.ok(res.error, 'the transfer failed');
    // pallet-assets reports Assets.BalanceLow (or a Token error in newer versions).
    assert.ok(
      ['Assets.BalanceLow', 'Token.FundsUnavailable', 'Token.BelowMinimum'].includes(res.error.text),
      `unexpected dispatch error ${res.error.text}`,
    );
    const before = await parentOf(api, res.blockHash);
    assert.equal(await assetBalance(api, XBTC.id, dave.address, res.blockHash), await assetBalance(api, XBTC.id, dave.address, before));
    assert.equal(await assetBalance(api, XBTC.id, eve.address, res.blockHash), await assetBalance(api, XBTC.id, eve.address, before));
  });

  test('nobody can create an asset in the LP-token range (1,000,000 and up); ids below are open', async () => {
    const { api } = node;
    const { dave } = accounts;
    // 1,000,003 is the LP token a pool of asset 3 would need.
    for (const id of [1_000_000, 1_000_003]) {
      const res = await submitAndWait(api, api.tx.assets.create(id, dave.address, 1), dave);
      assert.ok(res.dispatchError?.isBadOrigin, `creating ${id}: expected BadOrigin, got ${res.error?.text ?? 'success'}`);
      assert.equal((await api.query.assets.asset(id)).isNone, true, `asset ${id} was not created`);
    }
    const res = await submitAndWait(api, api.tx.assets.create(42, dave.address, 1), dave);
    assert.equal(res.error, null, `creating 42: ${res.error?.text}`);
    assert.ok(findEvent(res.events, api.events.assets.Created), 'Assets.Created emitted');
    assert.equal((await api.query.assets.asset(42)).unwrap().owner.toString(), dave.address);
  });
});
