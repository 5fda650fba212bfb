// (j) Pooled lending as users meet it, on a dev node with instant sealing and time travel:
// Alice and Bob (two price feeders, the oracle's quorum) post fresh prices and Alice deposits
// USDX; Bob gets KYC-verified, deposits XBTC as collateral and borrows USDX; a month passes and
// the runtime API shows accrued interest and the pool's APYs; the month-old prices are stale,
// which blocks a new borrow but not a repay; the feeders drop XBTC's price by 90% and, once the
// oracle's cooling-off after such a jump is over, Charlie liquidates Bob; after Bob repays, Alice
// withdraws more USDX than she deposited; an account without KYC cannot borrow.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { ORACLE, USDX, XBTC, assetBalance, devAccounts, findEvent } from '../lib/chain.js';
import * as lib from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';
import { fixed, txHelpers } from '../lib/tx.js';

const DAY_MS = 24 * 3600 * 1000;
const USDX_UNIT = 10n ** 6n;
const XBTC_UNIT = 10n ** 8n;
/** LP token ids: asset + 1_000_000. */
const LP_USDX = 1_000_000 + USDX.id;
const LP_XBTC = 1_000_000 + XBTC.id;
const DOCS = `0x${'ab'.repeat(32)}`;
const EVIDENCE = `0x${'cd'.repeat(32)}`;

describe('liquidity pools', { timeout: 400_000 }, () => {
  let node;
  let api;
  let accounts;
  let tx;

  /** Posts prices (USDX per whole token) as Alice and Bob, two genesis feeders (a quorum). */
  async function feedPrices({ usdx = 1, xbtcUsd }) {
    // Price = credit units per smallest unit: USDX 1; XBTC dollars × 10^6 / 10^8.
    const values = [
      [USDX.id, fixed(usdx)],
      [XBTC.id, fixed(BigInt(xbtcUsd) * USDX_UNIT, XBTC_UNIT)],
    ];
    await tx.feed(values, [accounts.alice, accounts.bob]);
  }

  async function position(who) {
    return api.call.liquidityPoolsApi.position(who.address);
  }

  async function pool(id) {
    const p = await api.call.liquidityPoolsApi.pool(id);
    assert.ok(p.isSome, `pool ${id} exists`);
    return p.unwrap();
  }

  const chainNow = () => lib.chainNow(api);

  before(async () => {
    node = await startNode({ name: 'pools', args: ['--dev', '--sealing', 'instant'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    tx = txHelpers(api);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('genesis has USDX and XBTC pools with LP tokens wallets can show, feeders and prices', async () => {
    assert.ok(api.tx.liquidityPools, 'LiquidityPools calls');
    assert.ok(api.call.liquidityPoolsApi?.position, 'LiquidityPoolsApi');
    const pools = await api.call.liquidityPoolsApi.pools();
    assert.deepEqual(pools.map((p) => p.asset.toNumber()).sort(), [USDX.id, XBTC.id]);
    const meta = await api.query.assets.metadata(LP_USDX);
    assert.equal(meta.symbol.toUtf8(), 'lpUSDX');
    assert.equal(meta.decimals.toNumber(), USDX.decimals);
    const feeders = await api.query.oracleMembership.members();
    assert.ok(feeders.map(String).includes(accounts.alice.address), 'Alice feeds prices');
    const xbtc = await api.query.oracle.values(XBTC.id);
    assert.equal(xbtc.unwrap().value.toBigInt(), fixed(600), 'XBTC seeded at 60,000 USDX');
  });

  test('a non-feeder cannot post prices', async () => {
    await tx.failsWith(api.tx.oracle.feedValues([[XBTC.id, fixed(1)]]), accounts.ferdie, 'Oracle.NoPermission');
  });

  test('Alice deposits 100,000 USDX and receives lpUSDX', async () => {
    await feedPrices({ xbtcUsd: 60_000 });
    const { alice } = accounts;
    const res = await tx.ok(api.tx.liquidityPools.deposit(USDX.id, 100_000n * USDX_UNIT), alice);
    const ev = findEvent(res.events, api.events.liquidityPools.Deposited);
    assert.ok(ev, 'Deposited emitted');
    // The first deposit locks 10,000 units of LP forever.
    assert.equal(await assetBalance(api, LP_USDX, alice.address), 100_000n * USDX_UNIT - 10_000n);
    const p = await pool(USDX.id);
    assert.equal(p.cash.toBigInt(), 100_000n * USDX_UNIT);
  });

  test('Bob gets KYC-verified, posts 1 XBTC as collateral and borrows 5,000 USDX', async () => {
    const { alice, bob, dave } = accounts;
    await tx.root(api.tx.creditRecords.addVerifier(dave.address, 'KycProvider', 'Dave KYC Ltd'), alice);
    await tx.ok(api.tx.creditRecords.register('Individual', DOCS), bob);
    await tx.ok(api.tx.creditRecords.attest(bob.address, 'KycBasic', EVIDENCE, (await chainNow()) + 365 * DAY_MS, lib.personOf(bob.address)), dave);

    await tx.ok(api.tx.liquidityPools.deposit(XBTC.id, XBTC_UNIT), bob);
    await tx.ok(api.tx.liquidityPools.enableCollateral(XBTC.id), bob);
    const before = await assetBalance(api, USDX.id, bob.address);
    const res = await tx.ok(api.tx.liquidityPools.borrow(USDX.id, 5_000n * USDX_UNIT), bob);
    const ev = findEvent(res.events, api.events.liquidityPools.Borrowed);
    assert.ok(ev, 'Borrowed emitted');
    assert.ok(ev.data.premium.toBigInt() > 0n, 'Bob pays his tier premium');
    assert.equal((await assetBalance(api, USDX.id, bob.address)) - before, 5_000n * USDX_UNIT);

    const pos = await position(bob);
    assert.equal(pos.debts.length, 1);
    assert.equal(pos.collateral[0].asset.toNumber(), XBTC.id);
    assert.ok(pos.healthFactor.isSome && pos.healthFactor.unwrap().toBigInt() > fixed(1));
    // The borrow was reported to credit records.
    const summary = (await api.call.creditRecordsApi.profileSummary(bob.address)).unwrap();
    assert.equal(summary.outstanding.toBigInt(), 5_000n * USDX_UNIT);
  });

  test('an account without KYC cannot borrow, even with collateral', async () => {
    const { ferdie } = accounts;
    await tx.ok(api.tx.liquidityPools.deposit(XBTC.id, XBTC_UNIT), ferdie);
    await tx.ok(api.tx.liquidityPools.enableCollateral(XBTC.id), ferdie);
    await tx.failsWith(api.tx.liquidityPools.borrow(USDX.id, USDX_UNIT), ferdie, 'CreditRecords.NoProfile');
    await tx.ok(api.tx.creditRecords.register('Individual', DOCS), ferdie);
    await tx.failsWith(api.tx.liquidityPools.borrow(USDX.id, USDX_UNIT), ferdie, 'CreditRecords.NotVerified');
  });

  test('a month later the runtime API shows accrued interest and the APYs', async () => {
    const { bob } = accounts;
    const before = (await position(bob)).debts[0].amount.toBigInt();
    await lib.travelTo(node, (await chainNow()) + 30 * DAY_MS, accounts.eve);
    const after = (await position(bob)).debts[0].amount.toBigInt();
    assert.ok(after > before, `debt grew from ${before} to ${after}`);
    // Pool rate ≈ 2.5% + Bob's 4% premium for 30 days on 5,000: about 26 USDX.
    assert.ok(after - before > 20n * USDX_UNIT && after - before < 35n * USDX_UNIT, `interest ${after - before}`);
    const p = await pool(USDX.id);
    assert.ok(p.borrowApy.toBigInt() > p.borrowApr.toBigInt(), 'APY compounds the APR');
    assert.ok(p.supplyApy.toBigInt() > 0n, 'lenders earn');
    assert.ok(p.totalBorrows.toBigInt() > 5_000n * USDX_UNIT);
    assert.ok(p.exchangeRate.toBigInt() > fixed(1), 'lpUSDX is worth more than 1 USDX');
  });

  test('month-old prices are stale: a new borrow is refused, a repayment is not', async () => {
    const { bob } = accounts;
    await tx.failsWith(api.tx.liquidityPools.borrow(USDX.id, USDX_UNIT), bob, 'LiquidityPools.PriceStale');
    assert.equal((await position(bob)).pricesFresh.isTrue, false);
    const res = await tx.ok(api.tx.liquidityPools.repay(USDX.id, 100n * USDX_UNIT), bob);
    assert.ok(findEvent(res.events, api.events.liquidityPools.Repaid), 'Repaid emitted');
  });

  test('XBTC falls to 6,000 USDX and Charlie liquidates Bob', async () => {
    const { bob, charlie } = accounts;
    await feedPrices({ xbtcUsd: 6_000 });
    // A 90% fall that Charlie (the third feeder) has not confirmed: it is stale for lending until
    // the oracle's cooling-off ends (the prices themselves stay fresh for an hour).
    await lib.travelTo(node, (await chainNow()) + ORACLE.coolingOffMs + 60_000, accounts.eve);
    const pos = await position(bob);
    assert.ok(pos.healthFactor.unwrap().toBigInt() < fixed(1), 'Bob is under water');
    const debtBefore = pos.debts[0].amount.toBigInt();
    const res = await tx.ok(
      api.tx.liquidityPools.liquidate(bob.address, USDX.id, XBTC.id, 100_000n * USDX_UNIT),
      charlie,
    );
    const ev = findEvent(res.events, api.events.liquidityPools.Liquidated);
    assert.ok(ev, 'Liquidated emitted');
    const repaid = ev.data.repaid.toBigInt();
    // At most the close factor (50%) of the debt (which accrued a few seconds more by then).
    assert.ok(repaid > 0n && repaid <= debtBefore / 2n + debtBefore / 100_000n, `repaid ${repaid} of ${debtBefore}`);
    const seized = await assetBalance(api, LP_XBTC, charlie.address);
    assert.equal(seized, ev.data.lpSeized.toBigInt());
    // Seized XBTC is worth the repaid USDX plus the 10% incentive: repaid × 1.1 / 60 per satoshi.
    const expected = (repaid * 11n) / 10n / 60n;
    assert.ok(seized >= expected - 2n && seized <= expected + 2n, `seized ${seized}, expected ${expected}`);
    // A liquidation counts as a late payment in Bob's history.
    const summary = (await api.call.creditRecordsApi.profileSummary(bob.address)).unwrap();
    const late = Object.values(summary.history.late.toJSON()).reduce((a, b) => a + Number(b), 0);
    assert.equal(late, 1, `one late payment recorded: ${JSON.stringify(summary.history.late.toJSON())}`);
  });

  test('after Bob repays, Alice withdraws more USDX than she deposited', async () => {
    const { alice, bob } = accounts;
    await tx.ok(api.tx.liquidityPools.repayAll(USDX.id), bob);
    assert.equal((await position(bob)).debts.length, 0);
    const lp = await assetBalance(api, LP_USDX, alice.address);
    const before = await assetBalance(api, USDX.id, alice.address);
    await tx.ok(api.tx.liquidityPools.withdraw(USDX.id, lp), alice);
    const got = (await assetBalance(api, USDX.id, alice.address)) - before;
    assert.ok(got > 100_000n * USDX_UNIT, `Alice got back ${got}, more than the 100,000 USDX she deposited`);
    assert.equal(await assetBalance(api, LP_USDX, alice.address), 0n);
  });
});
