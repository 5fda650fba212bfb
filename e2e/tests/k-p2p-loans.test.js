// (k) P2P loans as users meet them, on a dev node with instant sealing and time travel for the
// months: Bob requests 1,000 USDX over 4 monthly instalments against XBTC; Alice and Charlie fund
// and Bob receives the USDX; Bob pays one instalment on time and one late (penalty charged, days
// late recorded); Alice sells half her share to Dave; Bob pays off early, his collateral returns
// and his history shows the on-time service and the one late due date. A second loan defaults:
// the collateral its debt needs reaches the lender, the rest returns to Bob, his score falls and
// he is frozen. An unfunded request refunds its lender after the deadline.

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

describe('P2P loans', { timeout: 400_000 }, () => {
  let node;
  let api;
  let accounts;
  let tx;
  let firstLoan;
  let scoreBefore;

  const chainNow = () => lib.chainNow(api);
  /** Moves the chain's clock to `ms` and seals a block there. */
  const travelTo = (ms) => lib.travelTo(node, ms, accounts.eve);

  /** Alice and Bob, two feeders (the oracle's quorum), post the reference prices. */
  async function freshPrices() {
    await tx.feed([[USDX.id, fixed(1)], [XBTC.id, fixed(600)]], [accounts.alice, accounts.bob]);
  }

  async function loan(id) {
    const view = await api.call.p2pLoansApi.loan(id);
    assert.ok(view.isSome, `loan ${id} exists`);
    return view.unwrap();
  }

  async function score(who) {
    return (await api.call.creditRecordsApi.profileSummary(who.address)).unwrap().score.toNumber();
  }

  /** Bob asks for `principal` USDX at 12% over `instalments` months against `collateral` XBTC. */
  async function request(borrower, principal, instalments, collateral, deadlineDays = 10) {
    const res = await tx.ok(
      api.tx.p2pLoans.createRequest(
        USDX.id,
        principal,
        fixed(12, 100),
        instalments,
        MONTH_S,
        'Amortising',
        collateral ? [XBTC.id, collateral] : null,
        (await chainNow()) + deadlineDays * DAY_MS,
        100n * USDX_UNIT,
        lib.purpose(),
      ),
      borrower,
    );
    const ev = findEvent(res.events, api.events.p2pLoans.RequestCreated);
    assert.ok(ev, 'RequestCreated emitted');
    return ev.data.loan.toNumber();
  }

  before(async () => {
    node = await startNode({ name: 'p2p', args: ['--dev', '--sealing', 'instant'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    tx = txHelpers(api);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('borrower and lenders get KYC-verified', async () => {
    const { alice, bob, charlie, dave, ferdie } = accounts;
    await tx.root(api.tx.creditRecords.addVerifier(ferdie.address, 'KycProvider', 'Ferdie KYC'), alice);
    const expires = (await chainNow()) + 3 * 365 * DAY_MS;
    for (const who of [alice, bob, charlie, dave]) {
      await tx.ok(api.tx.creditRecords.register('Individual', DOCS), who);
      await tx.ok(api.tx.creditRecords.attest(who.address, 'KycBasic', EVIDENCE, expires, lib.personOf(who.address)), ferdie);
    }
    // A credit bureau attests their incomes: room for these loans' monthly repayments.
    await tx.attestIncomes([alice, bob, charlie, dave], alice);
    scoreBefore = await score(bob);
    assert.equal(scoreBefore, 590, 'base 550 + 20 for KYC + 20 for the income attestation');
  });

  test('Bob requests 1,000 USDX over 4 months with XBTC collateral; Alice and Charlie fund it', async () => {
    const { alice, bob, charlie } = accounts;
    await freshPrices();
    const xbtcBefore = await assetBalance(api, XBTC.id, bob.address);
    firstLoan = await request(bob, 1_000n * USDX_UNIT, 4, XBTC_UNIT / 10n);
    assert.equal(xbtcBefore - (await assetBalance(api, XBTC.id, bob.address)), XBTC_UNIT / 10n, 'collateral locked');
    const open = await api.call.p2pLoansApi.openRequests();
    assert.ok(open.some(([id]) => id.toNumber() === firstLoan), 'listed as open');

    const usdxBefore = await assetBalance(api, USDX.id, bob.address);
    await tx.ok(api.tx.p2pLoans.fund(firstLoan, 600n * USDX_UNIT), alice);
    const res = await tx.ok(api.tx.p2pLoans.fund(firstLoan, 400n * USDX_UNIT), charlie);
    assert.ok(findEvent(res.events, api.events.p2pLoans.LoanStarted), 'LoanStarted emitted');
    assert.equal((await assetBalance(api, USDX.id, bob.address)) - usdxBefore, 1_000n * USDX_UNIT, 'Bob received the USDX');
    const view = await loan(firstLoan);
    assert.equal(view.status.toString(), 'Active');
    assert.equal(view.schedule.length, 4);
  });

  test('Bob pays the first instalment on time and the second ten days late, with penalty', async () => {
    const { bob } = accounts;
    let view = await loan(firstLoan);
    const first = view.schedule[0].instalment;
    await travelTo(first.dueAt.toNumber() - DAY_MS);
    const due1 = first.principal.toBigInt() + first.interest.toBigInt();
    let res = await tx.ok(api.tx.p2pLoans.repay(firstLoan, due1), bob);
    let paid = findEvent(res.events, api.events.p2pLoans.InstalmentPaid);
    assert.equal(paid.data.daysLate.toNumber(), 0, 'on time');

    view = await loan(firstLoan);
    const second = view.schedule[1].instalment;
    await travelTo(second.dueAt.toNumber() + 10 * DAY_MS);
    view = await loan(firstLoan);
    assert.equal(view.schedule[1].state.toString(), 'Overdue');
    const penalty = view.penaltyOwed.toBigInt();
    assert.ok(penalty > 0n, 'penalty accrues after the grace period');
    const due2 = second.principal.toBigInt() + second.interest.toBigInt();
    res = await tx.ok(api.tx.p2pLoans.repay(firstLoan, due2 + penalty + 1000n), bob);
    const repaid = findEvent(res.events, api.events.p2pLoans.Repaid);
    assert.ok(repaid.data.penalty.toBigInt() >= penalty, 'penalty charged');
    paid = findEvent(res.events, api.events.p2pLoans.InstalmentPaid);
    assert.ok(paid.data.daysLate.toNumber() >= 10, `days late ${paid.data.daysLate}`);
    const history = (await api.call.creditRecordsApi.profileSummary(bob.address)).unwrap().history;
    const late = Object.values(history.late.toJSON()).reduce((a, b) => a + Number(b), 0);
    assert.equal(late, 1, 'one late instalment recorded');
  });

  test('Alice sells half her share to Dave', async () => {
    const { alice, dave } = accounts;
    let res = await tx.ok(api.tx.p2pLoans.listShares(firstLoan, 300n * USDX_UNIT, 290n * USDX_UNIT), alice);
    const listing = findEvent(res.events, api.events.p2pLoans.SharesListed).data.listing.toNumber();
    const aliceBefore = await assetBalance(api, USDX.id, alice.address);
    res = await tx.ok(api.tx.p2pLoans.buyShares(listing, 300n * USDX_UNIT), dave);
    assert.ok(findEvent(res.events, api.events.p2pLoans.SharesSold), 'SharesSold emitted');
    // Alice got the price and her share of the two instalments paid so far.
    assert.ok((await assetBalance(api, USDX.id, alice.address)) - aliceBefore > 290n * USDX_UNIT);
    const positions = await api.call.p2pLoansApi.positions(dave.address);
    assert.equal(positions[0].shares.toBigInt(), 300n * USDX_UNIT);
    assert.equal(positions[0].claimable.toBigInt(), 0n, 'past repayments stayed with Alice');
  });

  test('Bob pays off early: the loan closes, his collateral returns, his history shows the service', async () => {
    const { bob, dave } = accounts;
    await travelTo((await chainNow()) + 5 * DAY_MS);
    const payoff = (await loan(firstLoan)).payoffToday.toBigInt();
    const xbtcBefore = await assetBalance(api, XBTC.id, bob.address);
    const res = await tx.ok(api.tx.p2pLoans.repay(firstLoan, payoff), bob);
    assert.ok(findEvent(res.events, api.events.p2pLoans.LoanClosed), 'LoanClosed emitted');
    assert.equal((await assetBalance(api, XBTC.id, bob.address)) - xbtcBefore, XBTC_UNIT / 10n, 'collateral returned');
    assert.equal((await loan(firstLoan)).status.toString(), 'Closed');
    // Scored by time served, not by calls: a month of on-time service (+4), the volume (1,000
    // USDX for a month, +5), and one due date paid late (−15).
    const breakdown = await api.call.creditRecordsApi.scoreBreakdown(bob.address);
    assert.equal(breakdown.onTimeBonus.toNumber(), 4, JSON.stringify(breakdown.toJSON()));
    assert.equal(breakdown.latePenalty.toNumber(), 15);
    assert.equal((await score(bob)), breakdown.score.toNumber());
    // Dave's half of Alice's share earns from the payoff.
    const before = await assetBalance(api, USDX.id, dave.address);
    await tx.ok(api.tx.p2pLoans.claim(firstLoan), dave);
    assert.ok((await assetBalance(api, USDX.id, dave.address)) - before > 0n);
  });

  test('a second loan defaults: the lender gets what the debt needs, Bob the rest; he is scored down and frozen', async () => {
    const { alice, bob, charlie } = accounts;
    await freshPrices();
    const scoreNow = await score(bob);
    const second = await request(bob, 500n * USDX_UNIT, 1, XBTC_UNIT / 20n);
    await tx.ok(api.tx.p2pLoans.fund(second, 500n * USDX_UNIT), alice);
    const due = (await loan(second)).schedule[0].instalment.dueAt.toNumber();
    await travelTo(due + 91 * DAY_MS);
    // The collateral is valued at fresh prices only.
    await tx.failsWith(api.tx.p2pLoans.markDefault(second), charlie, 'P2pLoans.PriceStale');
    await freshPrices();
    const bobXbtc = await assetBalance(api, XBTC.id, bob.address);
    const res = await tx.ok(api.tx.p2pLoans.markDefault(second), charlie);
    const defaulted = findEvent(res.events, api.events.p2pLoans.Defaulted);
    assert.ok(defaulted, 'Defaulted emitted');
    const toLender = defaulted.data.collateralToLenders.toBigInt();
    const returned = defaulted.data.collateralReturned.toBigInt();
    assert.equal(toLender + returned, XBTC_UNIT / 20n);
    assert.ok(returned > toLender, `most of 0.05 XBTC (3,000 USDX) goes back: ${returned}`);
    assert.equal((await assetBalance(api, XBTC.id, bob.address)) - bobXbtc, returned, 'the surplus returned to Bob');
    const xbtcBefore = await assetBalance(api, XBTC.id, alice.address);
    await tx.ok(api.tx.p2pLoans.claim(second), alice);
    assert.equal((await assetBalance(api, XBTC.id, alice.address)) - xbtcBefore, toLender, 'what the debt needed to the lender');
    const summary = (await api.call.creditRecordsApi.profileSummary(bob.address)).unwrap();
    assert.ok(summary.score.toNumber() < scoreNow, `score fell from ${scoreNow} to ${summary.score}`);
    assert.equal(summary.frozen.unwrap().toString(), 'Default');
  });

  test('an unfunded request refunds its lender after the deadline', async () => {
    const { charlie, dave } = accounts;
    await freshPrices();
    const id = await request(charlie, 300n * USDX_UNIT, 2, null, 5);
    await tx.ok(api.tx.p2pLoans.fund(id, 100n * USDX_UNIT), dave);
    await tx.failsWith(api.tx.p2pLoans.claimRefund(id), dave, 'P2pLoans.NothingToRefund');
    await travelTo((await chainNow()) + 6 * DAY_MS);
    // The block at the new time found the request past its deadline (the on_idle sweep).
    assert.equal((await loan(id)).status.toString(), 'Expired');
    const positions = await api.call.p2pLoansApi.positions(dave.address);
    assert.equal(positions.find((p) => p.loan.toNumber() === id).refundable.toBigInt(), 100n * USDX_UNIT);
    const before = await assetBalance(api, USDX.id, dave.address);
    const res = await tx.ok(api.tx.p2pLoans.claimRefund(id), dave);
    assert.ok(findEvent(res.events, api.events.p2pLoans.Refunded), 'Refunded emitted');
    assert.equal((await assetBalance(api, USDX.id, dave.address)) - before, 100n * USDX_UNIT);
  });
});
