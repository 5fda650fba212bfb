// (m) Credit integrity, tried as an attacker would through @polkadot/api on a dev node: the
// one-block farming batch (45 × borrow 10 USDX + repayAll) moves nothing and is stopped by the
// borrow-repay cycling rule; a request
// is refused when funded once the borrower is frozen, and open requests count against the cap;
// a NonTransfer proxy cannot fund a loan with its principal's money; a default returns the
// surplus collateral to the borrower; a liquidated loan that stops paying can still default.
// The registry books debt per product position in the lent asset; an ended P2P loan is pruned
// (its lenders paid, the borrower's deposit returned) once nobody can clear a stale listing.
// Two accounts a KYC provider attests with one identity commitment share one history and cap.
// An overdue loan's notices go out at each threshold (1, 7, 30 days past due), each once.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { USDX, XBTC, assetBalance, devAccounts, findEvent } from '../lib/chain.js';
import * as lib from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';
import { fixed, txHelpers } from '../lib/tx.js';

const DAY_MS = 24 * 3600 * 1000;
const MONTH_S = 30 * 24 * 3600;
const USDX_UNIT = 10n ** 6n;
const XBTC_UNIT = 10n ** 8n;
const DOCS = `0x${'ab'.repeat(32)}`;
const EVIDENCE = `0x${'cd'.repeat(32)}`;

describe('credit integrity', { timeout: 600_000 }, () => {
  let node;
  let api;
  let accounts;
  let tx;

  const chainNow = () => lib.chainNow(api);
  const travelTo = (ms) => lib.travelTo(node, ms, accounts.eve);

  /**
   * All three feeders post XBTC at `xbtc` credit units per satoshi (600: 60,000 USDX) and USDX at
   * 1: a quorum of fresh values, and agreement that ends the cooling-off after a jump at once.
   */
  async function feed(xbtc = 600) {
    const { alice, bob, charlie } = accounts;
    await tx.feed([[USDX.id, fixed(1)], [XBTC.id, fixed(xbtc)]], [alice, bob, charlie]);
  }

  async function summary(who) {
    return (await api.call.creditRecordsApi.profileSummary(who.address)).unwrap();
  }

  async function loan(id) {
    return (await api.call.p2pLoansApi.loan(id)).unwrap();
  }

  /** `borrower` asks for `principal` USDX over one month against `collateral` XBTC. */
  async function request(borrower, principal, collateral) {
    const res = await tx.ok(
      api.tx.p2pLoans.createRequest(
        USDX.id,
        principal,
        fixed(12, 100),
        1,
        MONTH_S,
        'Bullet',
        [XBTC.id, collateral],
        (await chainNow()) + 10 * DAY_MS,
        principal,
        lib.purpose(),
      ),
      borrower,
    );
    return findEvent(res.events, api.events.p2pLoans.RequestCreated).data.loan.toNumber();
  }

  before(async () => {
    node = await startNode({ name: 'integrity', args: ['--dev', '--sealing', 'instant'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    tx = txHelpers(api);
    const { alice, bob, charlie, dave, ferdie } = accounts;
    await tx.root(api.tx.creditRecords.addVerifier(ferdie.address, 'KycProvider', 'Ferdie KYC'), alice);
    const expires = (await chainNow()) + 3 * 365 * DAY_MS;
    for (const who of [alice, bob, charlie, dave]) {
      await tx.ok(api.tx.creditRecords.register('Individual', DOCS), who);
      await tx.ok(api.tx.creditRecords.attest(who.address, 'KycBasic', EVIDENCE, expires, lib.personOf(who.address)), ferdie);
    }
    // A credit bureau attests their incomes: room for these loans' monthly repayments.
    await tx.attestIncomes([alice, bob, charlie, dave], alice);
    await feed();
    await tx.ok(api.tx.liquidityPools.deposit(USDX.id, 100_000n * USDX_UNIT), alice);
    await tx.ok(api.tx.liquidityPools.deposit(XBTC.id, XBTC_UNIT / 10n), bob);
    await tx.ok(api.tx.liquidityPools.enableCollateral(XBTC.id), bob);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('45 borrow-and-repay pairs in one batch are stopped by monitoring and move nothing', async () => {
    const { bob } = accounts;
    const before = await summary(bob);
    assert.equal(before.score.toNumber(), 590);
    const calls = [];
    for (let i = 0; i < 45; i += 1) {
      calls.push(api.tx.liquidityPools.borrow(USDX.id, 10n * USDX_UNIT));
      calls.push(api.tx.liquidityPools.repayAll(USDX.id));
    }
    // The fourth repayment within the hour of a borrowing flags borrow-repay cycling; the next
    // borrowing is refused and the atomic batch with it: nothing of it remains.
    await tx.failsWith(api.tx.utility.batchAll(calls), bob, 'CreditRecords.UnderReview');
    const after = await summary(bob);
    assert.equal(after.score.toNumber(), 590, 'no on-time service in one block');
    assert.equal(after.history.onTimeMs.toNumber(), 0);
    assert.equal(after.openFlags.toNumber(), 0, 'the refused batch left no flag either');
    assert.equal(after.tier.unwrap().toNumber(), before.tier.unwrap().toNumber(), 'same tier, same cap');
    // A non-atomic batch keeps what went through: the cycling flag, and the refusal after it.
    const res = await tx.ok(api.tx.utility.batch(calls.slice(0, 10)), bob);
    const interrupted = findEvent(res.events, api.events.utility.BatchInterrupted);
    assert.equal(interrupted.data.index.toNumber(), 8, 'the fifth borrowing is refused');
    const raised = findEvent(res.events, api.events.creditRecords.FlagRaised);
    assert.equal(raised.data.cause.toJSON().rule.rule, 'QuickRepayments');
    // The risk council reviews it (sudo stands in for its motion here; see test o).
    await tx.root(api.tx.creditRecords.clearFlag(raised.data.flag, EVIDENCE), accounts.alice);
    assert.equal((await summary(bob)).openFlags.toNumber(), 0);
  });

  test('the registry books pool debt as a position in the lent asset, emptied by repaying', async () => {
    const { bob } = accounts;
    await feed();
    await tx.ok(api.tx.liquidityPools.borrow(USDX.id, 100n * USDX_UNIT), bob);
    let positions = (await summary(bob)).positions.toJSON();
    assert.equal(positions.length, 1, JSON.stringify(positions));
    const [[key, booked]] = positions;
    assert.deepEqual(key, { product: 'Pools', asset: USDX.id });
    assert.equal(BigInt(booked.owed), 100n * USDX_UNIT, 'principal only, in USDX units');
    assert.equal(BigInt(booked.committed), 0n);
    assert.equal((await summary(bob)).outstanding.toBigInt(), 100n * USDX_UNIT);
    await tx.ok(api.tx.liquidityPools.repayAll(USDX.id), bob);
    positions = (await summary(bob)).positions.toJSON();
    assert.deepEqual(positions, [], 'repaid in full, nothing is left booked');
    assert.equal((await summary(bob)).history.openPositions.toNumber(), 0);
  });

  test('two accounts of one attested person share one history and one cap', async () => {
    const { alice, dave, eve, ferdie } = accounts;
    await feed();
    // Ferdie's KYC finds that Eve's account belongs to the person behind Dave's.
    await tx.ok(api.tx.creditRecords.register('Individual', DOCS), eve);
    const expires = (await chainNow()) + 365 * DAY_MS;
    let res = await tx.ok(
      api.tx.creditRecords.attest(eve.address, 'KycBasic', EVIDENCE, expires, lib.personOf(dave.address)),
      ferdie,
    );
    assert.ok(findEvent(res.events, api.events.creditRecords.IdentityLinkPending), 'the link waits for consent');
    // Until both sides agree, the attestation verifies nothing: Eve cannot borrow.
    await tx.failsWith(
      api.tx.p2pLoans.createRequest(USDX.id, 100n * USDX_UNIT, fixed(12, 100), 1, MONTH_S, 'Bullet',
        [XBTC.id, XBTC_UNIT / 100n], (await chainNow()) + 10 * DAY_MS, 100n * USDX_UNIT,
        lib.purpose()),
      eve,
      'CreditRecords.NotVerified',
    );
    await tx.ok(api.tx.creditRecords.acceptPerson(), eve);
    res = await tx.ok(api.tx.creditRecords.approveAccount(eve.address), dave);
    const linked = findEvent(res.events, api.events.creditRecords.IdentityLinked);
    assert.equal(linked.data.accounts.toNumber(), 2);
    const eveSummary = await summary(eve);
    assert.deepEqual(eveSummary.personAccounts.map((a) => a.toString()).sort(), [dave.address, eve.address].sort());
    assert.equal(eveSummary.score.toNumber(), (await summary(dave)).score.toNumber(), 'one history');
    // Dave's open 6,000 request takes 6,000 of the person's 10,000 cap: Eve cannot ask for 6,000.
    const id = await request(dave, 6_000n * USDX_UNIT, XBTC_UNIT / 5n);
    await tx.failsWith(
      api.tx.p2pLoans.createRequest(USDX.id, 6_000n * USDX_UNIT, fixed(12, 100), 1, MONTH_S, 'Bullet',
        [XBTC.id, XBTC_UNIT / 5n], (await chainNow()) + 10 * DAY_MS, 6_000n * USDX_UNIT,
        lib.purpose()),
      eve,
      'CreditRecords.ExposureCapExceeded',
    );
    // Nor may one person lend to itself from its other account.
    await tx.failsWith(api.tx.p2pLoans.fund(id, 6_000n * USDX_UNIT), eve, 'P2pLoans.OwnLoan');
    await tx.ok(api.tx.p2pLoans.cancelRequest(id), dave);
    assert.ok(alice, 'alice stays a lender');
  });

  test('open requests count against the cap, and a frozen borrower is not paid out', async () => {
    const { alice, charlie } = accounts;
    await feed();
    // Tier 2's cap is 10,000 USDX: a second 6,000 request does not fit beside an open one.
    const id = await request(charlie, 6_000n * USDX_UNIT, XBTC_UNIT / 5n);
    assert.equal((await summary(charlie)).committed.toBigInt(), 6_000n * USDX_UNIT);
    await tx.failsWith(
      api.tx.p2pLoans.createRequest(USDX.id, 6_000n * USDX_UNIT, fixed(12, 100), 1, MONTH_S, 'Bullet',
        [XBTC.id, XBTC_UNIT / 5n], (await chainNow()) + 10 * DAY_MS, 6_000n * USDX_UNIT,
        lib.purpose()),
      charlie,
      'CreditRecords.ExposureCapExceeded',
    );
    // Frozen after asking: the funding that would disburse the loan pays out nothing; the
    // request is cancelled and its lender refunded.
    await tx.root(api.tx.creditRecords.freeze(charlie.address, 'RiskReview'), alice);
    const before = await assetBalance(api, USDX.id, charlie.address);
    const aliceBefore = await assetBalance(api, USDX.id, alice.address);
    const res = await tx.ok(api.tx.p2pLoans.fund(id, 6_000n * USDX_UNIT), alice);
    const refused = findEvent(res.events, api.events.p2pLoans.DisbursementRefused);
    assert.ok(refused, 'DisbursementRefused emitted');
    const err = api.registry.findMetaError(refused.data.error.asModule);
    assert.equal(`${err.section}.${err.name}`, 'creditRecords.AccountFrozen');
    assert.equal(await assetBalance(api, USDX.id, charlie.address), before, 'nothing paid out');
    assert.equal((await loan(id)).status.toString(), 'Cancelled');
    assert.equal((await summary(charlie)).committed.toBigInt(), 0n, 'the commitment ended');
    // The on_idle sweep refunds the lenders of a cancelled request (in this block or the next);
    // a lender may also claim it first.
    if ((await assetBalance(api, USDX.id, alice.address)) !== aliceBefore) {
      await tx.ok(api.tx.p2pLoans.claimRefund(id), alice);
    }
    assert.equal(await assetBalance(api, USDX.id, alice.address), aliceBefore, 'Alice refunded');
    await tx.root(api.tx.creditRecords.unfreeze(charlie.address), alice);
  });

  test('a NonTransfer proxy cannot fund a loan with its principal\'s money', async () => {
    const { alice, bob, dave } = accounts;
    await feed();
    const id = await request(bob, 500n * USDX_UNIT, XBTC_UNIT / 50n);
    await tx.ok(api.tx.proxy.addProxy(dave.address, 'NonTransfer', 0), alice);
    const before = await assetBalance(api, USDX.id, alice.address);
    const res = await tx.ok(api.tx.proxy.proxy(alice.address, null, api.tx.p2pLoans.fund(id, 500n * USDX_UNIT)), dave);
    const executed = findEvent(res.events, api.events.proxy.ProxyExecuted);
    assert.ok(executed.data.result.isErr, 'the proxied call was refused');
    const err = api.registry.findMetaError(executed.data.result.asErr.asModule);
    assert.equal(`${err.section}.${err.name}`, 'system.CallFiltered');
    assert.equal(await assetBalance(api, USDX.id, alice.address), before, 'Alice lost nothing');
    await tx.ok(api.tx.p2pLoans.cancelRequest(id), bob);
  });

  test('a default returns the surplus collateral to the borrower', async () => {
    const { alice, bob, charlie } = accounts;
    await feed();
    // 500 USDX against 0.05 XBTC (3,000 USDX).
    const id = await request(bob, 500n * USDX_UNIT, XBTC_UNIT / 20n);
    await tx.ok(api.tx.p2pLoans.fund(id, 500n * USDX_UNIT), alice);
    const due = (await loan(id)).schedule[0].instalment.dueAt.toNumber();
    await travelTo(due + 91 * DAY_MS);
    await feed();
    const xbtcBefore = await assetBalance(api, XBTC.id, bob.address);
    const res = await tx.ok(api.tx.p2pLoans.markDefault(id), charlie);
    const ev = findEvent(res.events, api.events.p2pLoans.Defaulted);
    const returned = ev.data.collateralReturned.toBigInt();
    const toLenders = ev.data.collateralToLenders.toBigInt();
    assert.equal(returned + toLenders, XBTC_UNIT / 20n, 'all the collateral is accounted for');
    // The debt (500 USDX + a month's interest + penalty) is about 0.0085 XBTC at 60,000.
    assert.ok(toLenders > XBTC_UNIT / 150n && toLenders < XBTC_UNIT / 100n, `to lenders ${toLenders}`);
    assert.equal((await assetBalance(api, XBTC.id, bob.address)) - xbtcBefore, returned, 'the surplus went back to Bob');
    assert.equal(ev.data.outstanding.toBigInt(), 0n, 'the collateral settled the whole debt');
    const xbtcLender = await assetBalance(api, XBTC.id, alice.address);
    await tx.ok(api.tx.p2pLoans.claim(id), alice);
    assert.equal((await assetBalance(api, XBTC.id, alice.address)) - xbtcLender, toLenders);
  });

  test('an overdue loan emits its notices at each threshold, each once', async () => {
    const { alice, charlie, eve } = accounts;
    await feed();
    const id = await request(charlie, 200n * USDX_UNIT, XBTC_UNIT / 100n);
    await tx.ok(api.tx.p2pLoans.fund(id, 200n * USDX_UNIT), alice);
    const due = (await loan(id)).schedule[0].instalment.dueAt.toNumber();
    await tx.failsWith(api.tx.p2pLoans.notifyOverdue(id), eve, 'P2pLoans.NothingOverdue');
    await travelTo(due + 8 * DAY_MS);
    const noticesIn = (res) => res.events
      .filter(({ event }) => api.events.p2pLoans.OverdueNotice.is(event))
      .map(({ event }) => event.data.daysPastDue.toNumber());
    let res = await tx.ok(api.tx.p2pLoans.notifyOverdue(id), eve);
    assert.deepEqual(noticesIn(res), [1, 7], 'the 1- and 7-day notices');
    const notice = findEvent(res.events, api.events.p2pLoans.OverdueNotice);
    assert.equal(notice.data.borrower.toString(), charlie.address);
    assert.ok(notice.data.amountDue.toBigInt() > 200n * USDX_UNIT, 'principal, interest and penalty are due');
    await tx.failsWith(api.tx.p2pLoans.notifyOverdue(id), eve, 'P2pLoans.NoNoticeDue');
    await travelTo(due + 31 * DAY_MS);
    res = await tx.ok(api.tx.p2pLoans.notifyOverdue(id), eve);
    assert.deepEqual(noticesIn(res), [30], 'the 30-day notice, once');
    await feed();
    await tx.ok(api.tx.p2pLoans.repay(id, 1_000n * USDX_UNIT), charlie);
  });

  test('a liquidated loan that stops paying can still default', async () => {
    const { alice, charlie, dave } = accounts;
    await feed();
    // Dave borrows 500 USDX against 0.02 XBTC (1,200 USDX).
    const id = await request(dave, 500n * USDX_UNIT, XBTC_UNIT / 50n);
    await tx.ok(api.tx.p2pLoans.fund(id, 500n * USDX_UNIT), alice);
    await travelTo((await chainNow()) + 10 * DAY_MS);
    // XBTC falls to 24,000 USDX: 0.02 XBTC is worth 480, below the debt.
    await feed(240);
    const lateBefore = Object.values((await summary(dave)).history.late.toJSON()).reduce((a, b) => a + Number(b), 0);
    let res = await tx.ok(api.tx.p2pLoans.liquidate(id), charlie);
    const liquidated = findEvent(res.events, api.events.p2pLoans.Liquidated);
    assert.ok(liquidated.data.outstanding.toBigInt() > 0n, 'the collateral did not cover the debt');
    const lateAfter = Object.values((await summary(dave)).history.late.toJSON()).reduce((a, b) => a + Number(b), 0);
    assert.equal(lateAfter, lateBefore + 1, 'a liquidation is a delinquency, not an on-time payment');
    assert.equal((await loan(id)).status.toString(), 'Liquidated');
    const due = (await loan(id)).schedule[0].instalment.dueAt.toNumber();
    await travelTo(due + 91 * DAY_MS);
    res = await tx.ok(api.tx.p2pLoans.markDefault(id), charlie);
    assert.ok(findEvent(res.events, api.events.p2pLoans.Defaulted), 'Defaulted emitted');
    assert.equal((await loan(id)).status.toString(), 'Defaulted');
    assert.equal((await summary(dave)).frozen.unwrap().toString(), 'Default');
  });

  test('an ended loan is pruned: a stale listing is cleared by anyone, lenders are paid, the deposit returns', async () => {
    const { alice, charlie, dave, eve } = accounts;
    await feed();
    const reserved = async (who) => (await api.query.system.account(who.address)).data.reserved.toBigInt();
    const id = await request(charlie, 300n * USDX_UNIT, XBTC_UNIT / 50n);
    const charlieHeld = await reserved(charlie);
    await tx.ok(api.tx.p2pLoans.fund(id, 300n * USDX_UNIT), alice);
    const aliceHeld = await reserved(alice);
    let res = await tx.ok(api.tx.p2pLoans.listShares(id, 100n * USDX_UNIT, 101n * USDX_UNIT), alice);
    const listing = findEvent(res.events, api.events.p2pLoans.SharesListed).data.listing.toNumber();
    assert.ok((await reserved(alice)) > aliceHeld, 'the listing holds a deposit');
    await tx.failsWith(api.tx.p2pLoans.cancelListing(listing), dave, 'P2pLoans.NotSeller');
    await tx.ok(api.tx.p2pLoans.repay(id, 1_000n * USDX_UNIT), charlie);
    assert.equal((await loan(id)).status.toString(), 'Closed');
    assert.equal(await reserved(charlie), charlieHeld, 'the request deposit stays until pruning');
    await tx.failsWith(api.tx.p2pLoans.pruneLoan(id), eve, 'P2pLoans.ListingsOpen');
    // The loan ended: anyone may clear its listing, whose deposit goes back to Alice.
    await tx.ok(api.tx.p2pLoans.cancelListing(listing), dave);
    assert.equal(await reserved(alice), aliceHeld);
    const aliceUsdx = await assetBalance(api, USDX.id, alice.address);
    res = await tx.ok(api.tx.p2pLoans.pruneLoan(id), eve);
    const pruned = findEvent(res.events, api.events.p2pLoans.LoanPruned);
    assert.equal(pruned.data.complete.isTrue, true);
    assert.ok((await assetBalance(api, USDX.id, alice.address)) > aliceUsdx + 300n * USDX_UNIT, 'Alice was paid what she had not claimed');
    assert.ok((await api.call.p2pLoansApi.loan(id)).isNone, 'the record is gone');
    assert.ok((await reserved(charlie)) < charlieHeld, "Charlie's request deposit returned");
  });
});
