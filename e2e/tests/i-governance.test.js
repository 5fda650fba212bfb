// (i) On-chain governance without sudo, on a node built with the `fast-runtime` feature
// (referendum periods of a few blocks): a VerifierAdmin referendum admits a verifier who can then
// attest; RiskAdmin referenda with an out-of-bounds tier table or pool parameter are enacted but
// fail with the bound error and change nothing; the risk council pauses a pool by a 2/3 vote
// (deposits refused, repayments still accepted) and freezes an account, and can do nothing else;
// a treasury spend passes on the Treasurer track and is paid out; a RiskAdmin referendum cannot
// pick the oracle's feeders (root's alone); a ReferendumCanceller referendum cancels an ongoing
// root referendum;
// a validator rotates its session keys and the chain's authorities follow two sessions later;
// a root referendum adds a validator, who authors once it has registered keys.
//
// The binary comes from $XINDAI_NODE_FAST_RUNTIME (scripts/test builds it); the file is skipped
// with a notice when it is not set.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, afterEach, before, describe, test } from 'node:test';

import { compactAddLength, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';

import { XDI, devAccounts, findEvent, freeBalance, parentOf, submitAndWait } from '../lib/chain.js';
import * as lib from '../lib/chain.js';
import { printLogsOnFailure, startNode, waitFor } from '../lib/node.js';
import { txHelpers } from '../lib/tx.js';

const FAST_NODE = process.env.XINDAI_NODE_FAST_RUNTIME;
const DAY_MS = 24 * 3600 * 1000;
const USDX_UNIT = 1_000_000n;
const USDX_ID = 1;
const XBTC_ID = 2;

describe('governance', { timeout: 600_000, skip: !FAST_NODE || !existsSync(FAST_NODE) ? 'XINDAI_NODE_FAST_RUNTIME not built' : false }, () => {
  let node;
  let api;
  let accounts;

  let ok;

  /**
   * Runs a referendum on the track of `origin` for `call` through every step a user takes:
   * submit (inline proposal), place the decision deposit, vote aye with conviction from four
   * accounts. Resolves with the referendum index once it is approved.
   */
  async function passReferendum(origin, call) {
    const { alice, bob, charlie, dave, eve } = accounts;
    const submitted = await ok(
      api.tx.referenda.submit(origin, { Inline: call.method.toHex() }, { After: 1 }),
      alice,
    );
    const ev = findEvent(submitted.events, api.events.referenda.Submitted);
    assert.ok(ev, 'Referenda.Submitted emitted');
    const index = ev.data.index.toNumber();

    await ok(api.tx.referenda.placeDecisionDeposit(index), bob);
    for (const voter of [alice, bob, charlie, eve]) {
      await ok(
        api.tx.convictionVoting.vote(index, {
          Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: 400_000n * XDI },
        }),
        voter,
      );
    }
    // Dave votes nay with a small balance: the tally counts both sides.
    await ok(
      api.tx.convictionVoting.vote(index, {
        Standard: { vote: { aye: false, conviction: 'None' }, balance: 1_000n * XDI },
      }),
      dave,
    );
    await waitFor(
      async () => {
        const info = await api.query.referenda.referendumInfoFor(index);
        return info.isSome && info.unwrap().isApproved;
      },
      { timeoutMs: 120_000, what: `referendum ${index} approved` },
    );
    return index;
  }

  /** The scheduler task name of referendum `index`'s enactment: blake2_256(("assembly", "enactment", index)). */
  function enactmentId(index) {
    const idx = new Uint8Array(4);
    new DataView(idx.buffer).setUint32(0, index, true);
    return u8aToHex(blake2AsU8a(u8aConcat(stringToU8a('assembly'), compactAddLength(stringToU8a('enactment')), idx), 256));
  }

  /** Waits for the scheduler to dispatch referendum `index`'s call; returns its dispatch result. */
  async function enactment(index, sinceBlock) {
    const id = enactmentId(index);
    return waitFor(
      async () => {
        const best = (await api.rpc.chain.getHeader()).number.toNumber();
        for (let n = sinceBlock; n <= best; n += 1) {
          const hash = await api.rpc.chain.getBlockHash(n);
          const events = await (await api.at(hash)).query.system.events();
          // Referenda alarms are unnamed scheduler tasks; the enactment is the named one.
          const dispatched = events.find(
            ({ event }) =>
              api.events.scheduler.Dispatched.is(event) && event.data.id.isSome && event.data.id.unwrap().toHex() === id,
          );
          if (dispatched) return dispatched.event.data.result;
        }
        return null;
      },
      { timeoutMs: 120_000, what: 'the scheduler to dispatch the enacted call' },
    );
  }

  async function bestNumber() {
    return (await api.rpc.chain.getHeader()).number.toNumber();
  }

  /**
   * The risk council passes `call`: Alice proposes with a threshold of 2, Alice and Bob vote
   * aye, Alice closes. Resolves with the dispatch result of the executed motion.
   */
  async function councilExecutes(call) {
    const { alice, bob } = accounts;
    const proposed = await ok(api.tx.riskCouncil.propose(2, call, call.method.encodedLength), alice);
    const p = findEvent(proposed.events, api.events.riskCouncil.Proposed);
    assert.ok(p, 'RiskCouncil.Proposed emitted');
    const { proposalIndex, proposalHash } = p.data;
    // Proposing is not voting: two of the three members vote aye.
    await ok(api.tx.riskCouncil.vote(proposalHash, proposalIndex, true), alice);
    const voted = await ok(api.tx.riskCouncil.vote(proposalHash, proposalIndex, true), bob);
    assert.ok(findEvent(voted.events, api.events.riskCouncil.Voted));
    const closed = await ok(
      api.tx.riskCouncil.close(proposalHash, proposalIndex, { refTime: 10_000_000_000n, proofSize: 100_000n }, call.method.encodedLength),
      alice,
    );
    const executed = findEvent(closed.events, api.events.riskCouncil.Executed);
    assert.ok(executed, 'RiskCouncil.Executed emitted');
    return executed.data.result;
  }

  before(async () => {
    process.env.XINDAI_NODE_SAVED = process.env.XINDAI_NODE ?? '';
    process.env.XINDAI_NODE = FAST_NODE;
    try {
      // `local` has no sudo key; blocks every 300 ms so the short periods pass quickly.
      node = await startNode({ name: 'governance', args: ['--chain', 'local', '--sealing', '300'] });
    } finally {
      process.env.XINDAI_NODE = process.env.XINDAI_NODE_SAVED;
    }
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    ({ ok } = txHelpers(api));
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('the chain has no sudo key and six referendum tracks', async () => {
    assert.equal((await api.query.sudo.key()).isNone, true, 'no sudo key on the local chain');
    const name = (raw) => Buffer.from(raw.toU8a(true)).toString('utf8').replace(/\0+$/, '');
    const tracks = api.consts.referenda.tracks.map(([id, info]) => [id.toNumber(), name(info.name)]);
    assert.deepEqual(tracks, [
      [0, 'root'],
      [1, 'risk_admin'],
      [2, 'verifier_admin'],
      [3, 'underwriter'],
      [4, 'treasurer'],
      [5, 'referendum_canceller'],
    ]);
    const council = await api.query.riskCouncil.members();
    assert.equal(council.length, 3);
  });

  test('a VerifierAdmin referendum admits Dave, who can then attest', async () => {
    const { dave, ferdie } = accounts;
    const call = api.tx.creditRecords.addVerifier(dave.address, 'KycProvider', 'Dave KYC Ltd');
    const from = await bestNumber();
    const index = await passReferendum({ Origins: 'VerifierAdmin' }, call);
    const result = await enactment(index, from);
    assert.equal(result.isOk, true, `enacted call failed: ${result.toString()}`);
    assert.equal((await api.query.creditRecords.verifiers(dave.address)).isSome, true);

    await ok(api.tx.creditRecords.register('Individual', `0x${'ab'.repeat(32)}`), ferdie);
    const now = (await api.query.timestamp.now()).toNumber();
    const attested = await ok(
      api.tx.creditRecords.attest(ferdie.address, 'KycBasic', `0x${'cd'.repeat(32)}`, now + 365 * DAY_MS, lib.personOf(ferdie.address)),
      dave,
    );
    assert.ok(findEvent(attested.events, api.events.creditRecords.Attested), 'Attested emitted');
  });

  test('an out-of-bounds tier table is enacted but fails with the bound error; nothing changes', async () => {
    const before = (await api.query.creditRecords.tierTable()).toJSON();
    const absurd = [
      { minScore: 300, exposureCap: 0, ratePremiumBps: 0 },
      // Far above MaxExposureCap (10 million USDX).
      { minScore: 500, exposureCap: 1_000_000_000_000n * USDX_UNIT, ratePremiumBps: 0 },
    ];
    const from = await bestNumber();
    const index = await passReferendum({ Origins: 'RiskAdmin' }, api.tx.creditRecords.setTierTable(absurd));
    const result = await enactment(index, from);
    assert.equal(result.isErr, true, 'the enacted call must fail');
    const meta = api.registry.findMetaError(result.asErr.asModule);
    assert.equal(`${meta.section}.${meta.name}`, 'creditRecords.ExposureCapTooHigh');
    assert.deepEqual((await api.query.creditRecords.tierTable()).toJSON(), before);
  });

  test('a pool parameter out of bounds is enacted but fails with the bound error; nothing changes', async () => {
    const before = (await api.query.liquidityPools.pools(USDX_ID)).unwrap().params.toJSON();
    // A 95% collateral factor is above the 90% bound.
    const absurd = { ...before, collateralFactor: 950_000, liquidationThreshold: 950_000 };
    const from = await bestNumber();
    const index = await passReferendum({ Origins: 'RiskAdmin' }, api.tx.liquidityPools.setPoolParams(USDX_ID, absurd));
    const result = await enactment(index, from);
    assert.equal(result.isErr, true, 'the enacted call must fail');
    const meta = api.registry.findMetaError(result.asErr.asModule);
    assert.equal(`${meta.section}.${meta.name}`, 'liquidityPools.CollateralFactorTooHigh');
    assert.deepEqual((await api.query.liquidityPools.pools(USDX_ID)).unwrap().params.toJSON(), before);
  });

  test('the risk council pauses a pool by a 2/3 vote: deposits are refused, repayments go through', async () => {
    const { alice, bob, ferdie } = accounts;
    // Ferdie (KYC-attested above) borrows 100 USDX against XBTC at fresh prices, posted by two
    // feeders (the oracle's quorum).
    const prices = [[USDX_ID, 10n ** 18n], [XBTC_ID, 600n * 10n ** 18n]];
    for (const feeder of [alice, bob]) await ok(api.tx.oracle.feedValues(prices), feeder);
    await ok(api.tx.liquidityPools.deposit(USDX_ID, 10_000n * USDX_UNIT), alice);
    await ok(api.tx.liquidityPools.deposit(XBTC_ID, 10n ** 8n), ferdie);
    await ok(api.tx.liquidityPools.enableCollateral(XBTC_ID), ferdie);
    await ok(api.tx.liquidityPools.borrow(USDX_ID, 100n * USDX_UNIT), ferdie);

    const result = await councilExecutes(api.tx.liquidityPools.pausePool(USDX_ID));
    assert.equal(result.isOk, true, `council pause failed: ${result.toString()}`);
    assert.equal((await api.query.liquidityPools.pools(USDX_ID)).unwrap().paused.isTrue, true);

    const refused = await submitAndWait(api, api.tx.liquidityPools.deposit(USDX_ID, USDX_UNIT), alice);
    assert.equal(refused.error?.text, 'LiquidityPools.PoolPaused');
    const repaid = await ok(api.tx.liquidityPools.repay(USDX_ID, 50n * USDX_UNIT), ferdie);
    assert.ok(findEvent(repaid.events, api.events.liquidityPools.Repaid), 'Repaid emitted');
  });

  test('the risk council freezes an account by a 2/3 vote, and can do nothing else', async () => {
    const { ferdie } = accounts;
    const result = await councilExecutes(api.tx.creditRecords.freeze(ferdie.address, 'RiskReview'));
    assert.equal(result.isOk, true, `council freeze failed: ${result.toString()}`);
    const profile = (await api.query.creditRecords.profiles(ferdie.address)).unwrap();
    assert.equal(profile.frozen.unwrap().toString(), 'RiskReview');

    // The council's origin is not accepted for anything else: the tier table, pool parameters,
    // unpausing a pool.
    const usdxParams = (await api.query.liquidityPools.pools(USDX_ID)).unwrap().params;
    for (const call of [
      api.tx.creditRecords.setTierTable([{ minScore: 300, exposureCap: 0, ratePremiumBps: 0 }]),
      api.tx.liquidityPools.setPoolParams(USDX_ID, usdxParams),
      api.tx.liquidityPools.unpausePool(USDX_ID),
    ]) {
      const denied = await councilExecutes(call);
      assert.equal(denied.isErr, true, `${call.method.section}.${call.method.method} must fail`);
      assert.equal(denied.asErr.isBadOrigin, true, 'BadOrigin');
    }
    assert.equal((await api.query.creditRecords.tierTable()).length, 5);
    assert.equal((await api.query.liquidityPools.pools(USDX_ID)).unwrap().paused.isTrue, true);
  });

  test('a RiskAdmin referendum on the oracle feeders is enacted but refused: they are root\'s', async () => {
    const { eve } = accounts;
    const feeders = (await api.query.oracleMembership.members()).map(String);
    const from = await bestNumber();
    const index = await passReferendum({ Origins: 'RiskAdmin' }, api.tx.oracleMembership.resetMembers([eve.address]));
    const result = await enactment(index, from);
    assert.equal(result.isErr, true, 'the enacted call must fail');
    assert.equal(result.asErr.isBadOrigin, true, `BadOrigin, got ${result.toString()}`);
    assert.deepEqual((await api.query.oracleMembership.members()).map(String), feeders);
  });

  test('a ReferendumCanceller referendum cancels an ongoing root referendum', async () => {
    const { dave } = accounts;
    // Dave submits a root referendum and leaves it preparing (no decision deposit): it stays
    // ongoing for the undeciding timeout, longer than the cancellation takes.
    const submitted = await ok(
      api.tx.referenda.submit({ system: 'Root' }, { Inline: api.tx.system.remark('0x01').method.toHex() }, { After: 1 }),
      dave,
    );
    const target = findEvent(submitted.events, api.events.referenda.Submitted).data.index.toNumber();
    assert.equal((await api.query.referenda.referendumInfoFor(target)).unwrap().isOngoing, true);

    const from = await bestNumber();
    const index = await passReferendum({ Origins: 'ReferendumCanceller' }, api.tx.referenda.cancel(target));
    const result = await enactment(index, from);
    assert.equal(result.isOk, true, `enacted cancel failed: ${result.toString()}`);
    assert.equal((await api.query.referenda.referendumInfoFor(target)).unwrap().isCancelled, true);
  });

  /** New session keys in this node's keystore, with their proof of possession for `account`. */
  async function rotateKeysFor(account) {
    const generated = await node.rpc('author_rotateKeysWithOwner', [u8aToHex(account.publicKey)]);
    assert.match(generated.keys, /^0x[0-9a-f]{128}$/, 'an sr25519 Aura key and an ed25519 GRANDPA key');
    assert.ok(generated.proof, 'the runtime gives a proof');
    return generated;
  }

  /** Resolves once `n` more sessions have started. */
  async function sessionsPass(n) {
    const start = (await api.query.session.currentIndex()).toNumber();
    await waitFor(async () => (await api.query.session.currentIndex()).toNumber() >= start + n, {
      timeoutMs: 60_000,
      what: `${n} sessions to pass`,
    });
  }

  const auraKeys = async () => (await api.call.auraApi.authorities()).map((k) => k.toHex());
  const grandpaKeys = async () => (await api.call.grandpaApi.grandpaAuthorities()).map(([k]) => k.toHex());

  test('a validator rotates its session keys; two sessions later the chain uses them', async () => {
    const { alice } = accounts;
    const oldKeys = (await api.query.session.nextKeys(alice.address)).unwrap();
    const { keys, proof } = await rotateKeysFor(alice);
    const [aura, grandpa] = [`0x${keys.slice(2, 66)}`, `0x${keys.slice(66)}`];
    assert.equal((await api.rpc.author.hasSessionKeys(keys)).isTrue, true, 'the node holds the new private keys');

    // Someone else cannot register Alice's new keys with her proof.
    const stolen = await submitAndWait(api, api.tx.session.setKeys(keys, proof), accounts.eve);
    assert.equal(stolen.error?.text, 'Session.InvalidProof');

    await ok(api.tx.session.setKeys(keys, proof), alice);
    assert.ok((await auraKeys()).includes(oldKeys.aura.toHex()), 'the old key signs until the change is active');
    await sessionsPass(2);
    assert.ok((await auraKeys()).includes(aura), 'Aura authorities hold the new key');
    assert.ok(!(await auraKeys()).includes(oldKeys.aura.toHex()), 'and no longer the old one');
    assert.ok((await grandpaKeys()).includes(grandpa), 'GRANDPA authorities hold the new key');
    // The chain goes on.
    const before = await bestNumber();
    await waitFor(async () => (await bestNumber()) > before + 2, { timeoutMs: 30_000, what: 'more blocks' });
  });

  test('a root referendum adds Charlie to the validator set; he authors once his keys are set', async () => {
    const { charlie } = accounts;
    const from = await bestNumber();
    const index = await passReferendum({ system: 'Root' }, api.tx.validatorSet.addMember(charlie.address));
    const result = await enactment(index, from);
    assert.equal(result.isOk, true, `enacted addMember failed: ${result.toString()}`);
    assert.ok((await api.query.validatorSet.members()).map(String).includes(charlie.address));

    // A member without keys does not author.
    await sessionsPass(2);
    assert.equal((await auraKeys()).length, 2);
    const { keys, proof } = await rotateKeysFor(charlie);
    await ok(api.tx.session.setKeys(keys, proof), charlie);
    await sessionsPass(2);
    assert.ok((await api.query.session.validators()).map(String).includes(charlie.address));
    assert.equal((await auraKeys()).length, 3);
    assert.ok((await auraKeys()).includes(`0x${keys.slice(2, 66)}`));
  });

  test('a treasury spend passes on the Treasurer track and is paid out', async () => {
    const { ferdie } = accounts;
    const amount = 12_345n * XDI;
    const spend = api.tx.treasury.spend(null, amount, ferdie.address, null);
    const countBefore = (await api.query.treasury.spendCount()).toNumber();
    const from = await bestNumber();
    const index = await passReferendum({ Origins: 'Treasurer' }, spend);
    const result = await enactment(index, from);
    assert.equal(result.isOk, true, `enacted spend failed: ${result.toString()}`);
    assert.equal((await api.query.treasury.spendCount()).toNumber(), countBefore + 1);

    const paid = await ok(api.tx.treasury.payout(countBefore), ferdie);
    const balanceBefore = await freeBalance(api, ferdie.address, await parentOf(api, paid.blockHash));
    assert.ok(findEvent(paid.events, api.events.treasury.Paid), 'Treasury.Paid emitted');
    const fee = findEvent(paid.events, api.events.transactionPayment.TransactionFeePaid).data.actualFee.toBigInt();
    const balanceAfter = await freeBalance(api, ferdie.address, paid.blockHash);
    assert.equal(balanceAfter - balanceBefore, amount - fee);
  });
});
