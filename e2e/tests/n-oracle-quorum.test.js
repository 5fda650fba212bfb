// (n) The oracle's quorum and circuit breaker as the pools see them, on a dev node with instant
// sealing and time travel: Dave's XBTC collateral is valued at the oracle's XBTC price. One
// feeder alone moves nothing (below the quorum of two; later, an outlier against two others);
// two feeders move the price and make it fresh; a jump of more than 50% by two feeders shows at
// once but is stale for lending (no borrowing, no liquidation) until the third feeder confirms it
// or the 15-minute cooling-off ends.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { ORACLE, XBTC, devAccounts } from '../lib/chain.js';
import * as lib from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';
import { fixed, txHelpers } from '../lib/tx.js';

const USDX_UNIT = 10n ** 6n;
const XBTC_UNIT = 10n ** 8n;

/** XBTC's price (credit units per satoshi, a FixedU128) at `usd` dollars per XBTC. */
const xbtcAt = (usd) => fixed(BigInt(usd) * USDX_UNIT, XBTC_UNIT);

describe('oracle quorum and circuit breaker', { timeout: 300_000 }, () => {
  let node;
  let api;
  let accounts;
  let tx;

  /** `feeders` post XBTC at `usd` dollars, one after the other. */
  const feedXbtc = (usd, feeders) => tx.feed([[XBTC.id, xbtcAt(usd)]], feeders);

  /** The oracle's combined XBTC price. */
  async function combined() {
    return (await api.query.oracle.values(XBTC.id)).unwrap().value.toBigInt();
  }

  /** Asserts the pools value Dave's XBTC collateral at `usd` dollars, with a fresh price or not. */
  async function assertPoolsSee(usd, fresh, what) {
    const pos = await api.call.liquidityPoolsApi.position(accounts.dave.address);
    assert.equal(pos.collateral.length, 1, 'Dave has XBTC collateral');
    const [collateral] = pos.collateral;
    // Whole-dollar prices divisible by 100 are whole credit units per satoshi: exact values.
    const expected = (collateral.underlying.toBigInt() * BigInt(usd)) / 100n;
    assert.equal(collateral.value.unwrap().toBigInt(), expected, `${what}: valued at ${usd} USD`);
    assert.equal(pos.pricesFresh.isTrue, fresh, `${what}: the price is ${fresh ? '' : 'not '}fresh`);
  }

  before(async () => {
    node = await startNode({ name: 'oracle', args: ['--dev', '--sealing', 'instant'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    tx = txHelpers(api);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('Alice, Bob and Charlie feed prices; Dave\'s XBTC collateral is valued at the stale genesis price', async () => {
    const { alice, bob, charlie, dave } = accounts;
    const feeders = (await api.query.oracleMembership.members()).map(String).sort();
    assert.deepEqual(feeders, [alice, bob, charlie].map((a) => a.address).sort());
    await tx.ok(api.tx.liquidityPools.deposit(XBTC.id, XBTC_UNIT), dave);
    await tx.ok(api.tx.liquidityPools.enableCollateral(XBTC.id), dave);
    assert.equal(await combined(), xbtcAt(60_000));
    await assertPoolsSee(60_000, false, 'genesis price');
  });

  test('one feeder alone does not move the price the pools see', async () => {
    await feedXbtc(61_000, [accounts.alice]);
    assert.equal(await combined(), xbtcAt(60_000), 'below the quorum the price stays');
    await assertPoolsSee(60_000, false, 'after Alice alone');
  });

  test('a second feeder makes the quorum: the price moves and is fresh', async () => {
    await feedXbtc(61_000, [accounts.bob]);
    assert.equal(await combined(), xbtcAt(61_000));
    await assertPoolsSee(61_000, true, 'after Alice and Bob');
  });

  test('with all three feeders fresh, one feeder\'s outlier moves nothing', async () => {
    const { alice, charlie } = accounts;
    await feedXbtc(61_000, [charlie]);
    await feedXbtc(6_100, [alice]);
    assert.equal(await combined(), xbtcAt(61_000), 'the median ignores the outlier');
    await assertPoolsSee(61_000, true, 'after Alice\'s outlier');
  });

  test('two feeders report a 60% fall: the pools see it at once, stale until the third confirms', async () => {
    const { alice, bob, charlie } = accounts;
    await feedXbtc(24_000, [alice, bob]);
    assert.equal(await combined(), xbtcAt(24_000), 'the fall is reflected');
    await assertPoolsSee(24_000, false, 'cooling off after the jump');
    await feedXbtc(24_000, [charlie]);
    await assertPoolsSee(24_000, true, 'confirmed by every feeder');
  });

  test('without a confirmation, the cooling-off ends by itself and the new price is fresh', async () => {
    const { alice, bob } = accounts;
    // +150%, Charlie silent.
    await feedXbtc(60_000, [alice, bob]);
    const jumpedAt = await lib.chainNow(api);
    assert.equal(await combined(), xbtcAt(60_000));
    await assertPoolsSee(60_000, false, 'cooling off after the jump');
    await lib.travelTo(node, jumpedAt + ORACLE.coolingOffMs - 60_000, accounts.eve);
    await assertPoolsSee(60_000, false, 'a minute before the cooling-off ends');
    await lib.travelTo(node, jumpedAt + ORACLE.coolingOffMs + 60_000, accounts.eve);
    await assertPoolsSee(60_000, true, 'a minute after the cooling-off ended');
  });
});
