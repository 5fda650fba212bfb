// (o) Fraud monitoring and collections through @polkadot/api on a dev node: a velocity rule
// flags a person (seven pool borrowings in a day), their next borrowing is refused, the risk
// council clears the flag by a motion and the borrowing goes through; a verifier's report
// raises a flag the council confirms, freezing the account; lenders holding a majority of a
// defaulted loan assign a collection agent, who sees the collection grant among the borrower's
// grants, logs its access, and whose recovery reaches the lenders.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';

import { USDX, XBTC, XDI, assetBalance, devAccounts, findEvent } from '../lib/chain.js';
import * as lib from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';
import { fixed, txHelpers } from '../lib/tx.js';

const DAY_MS = 24 * 3600 * 1000;
const MONTH_S = 30 * 24 * 3600;
const USDX_UNIT = 10n ** 6n;
const XBTC_UNIT = 10n ** 8n;
const DOCS = `0x${'ab'.repeat(32)}`;
const EVIDENCE = `0x${'cd'.repeat(32)}`;
const REASON = `0x${'ee'.repeat(32)}`;

describe('monitoring and collections', { timeout: 600_000 }, () => {
  let node;
  let api;
  let accounts;
  let agent;
  let tx;

  const chainNow = () => lib.chainNow(api);

  async function feed() {
    const { alice, bob, charlie } = accounts;
    await tx.feed([[USDX.id, fixed(1)], [XBTC.id, fixed(600)]], [alice, bob, charlie]);
  }

  async function summary(who) {
    return (await api.call.creditRecordsApi.profileSummary(who.address)).unwrap();
  }

  /**
   * The risk council passes `call`: Alice proposes with a threshold of 2, Alice and Bob vote
   * aye, Alice closes. Resolves with the dispatch result of the executed motion.
   */
  async function councilExecutes(call) {
    const { alice, bob } = accounts;
    const proposed = await tx.ok(api.tx.riskCouncil.propose(2, call, call.method.encodedLength), alice);
    const { proposalIndex, proposalHash } = findEvent(proposed.events, api.events.riskCouncil.Proposed).data;
    await tx.ok(api.tx.riskCouncil.vote(proposalHash, proposalIndex, true), alice);
    await tx.ok(api.tx.riskCouncil.vote(proposalHash, proposalIndex, true), bob);
    const closed = await tx.ok(
      api.tx.riskCouncil.close(proposalHash, proposalIndex, { refTime: 10_000_000_000n, proofSize: 100_000n }, call.method.encodedLength),
      alice,
    );
    const executed = findEvent(closed.events, api.events.riskCouncil.Executed);
    assert.ok(executed, 'RiskCouncil.Executed emitted');
    return executed.data.result;
  }

  before(async () => {
    node = await startNode({ name: 'monitoring', args: ['--dev', '--sealing', 'instant'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    agent = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 }).addFromUri('//CollectionAgent');
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

  test('a velocity flag stops new credit until the risk council clears it', async () => {
    const { bob } = accounts;
    const params = (await api.query.creditRecords.monitorParameters()).toJSON();
    assert.equal(params.maxBorrowings, 6, 'six new debts a day by default');
    // Seven borrowings in one day: the seventh goes through and raises the flag.
    const calls = Array.from({ length: 7 }, () => api.tx.liquidityPools.borrow(USDX.id, 10n * USDX_UNIT));
    const res = await tx.ok(api.tx.utility.batchAll(calls), bob);
    const raised = findEvent(res.events, api.events.creditRecords.FlagRaised);
    assert.ok(raised, 'FlagRaised emitted');
    const cause = raised.data.cause.toJSON();
    assert.equal(cause.rule.rule, 'BorrowingCount');
    assert.equal(cause.rule.observed.count, 7);
    const flagId = raised.data.flag.toNumber();
    // The wallet sees it, and so does the council's queue.
    assert.equal((await summary(bob)).openFlags.toNumber(), 1);
    assert.equal((await summary(bob)).eligible.isTrue, false);
    const flags = await api.call.creditRecordsApi.flags(bob.address);
    assert.deepEqual(flags.map(([id]) => id.toNumber()), [flagId]);
    const queue = await api.call.creditRecordsApi.reviewQueue(null, 10);
    assert.ok(queue.some(([id]) => id.toNumber() === flagId), 'in the review queue');
    // The next borrowing is refused; repaying goes on.
    await tx.failsWith(api.tx.liquidityPools.borrow(USDX.id, 10n * USDX_UNIT), bob, 'CreditRecords.UnderReview');
    await tx.ok(api.tx.liquidityPools.repay(USDX.id, 5n * USDX_UNIT), bob);
    // A council member alone cannot clear it; a motion of the council can.
    await tx.failsWith(api.tx.creditRecords.clearFlag(flagId, REASON), bob, 'BadOrigin');
    const result = await councilExecutes(api.tx.creditRecords.clearFlag(flagId, REASON));
    assert.ok(result.isOk, `the motion's clearFlag succeeded: ${result.toString()}`);
    assert.equal((await api.call.creditRecordsApi.flags(bob.address)).length, 0);
    const again = await tx.ok(api.tx.liquidityPools.borrow(USDX.id, 10n * USDX_UNIT), bob);
    assert.equal(findEvent(again.events, api.events.creditRecords.FlagRaised), undefined, 'the window counts afresh');
    await tx.ok(api.tx.liquidityPools.repayAll(USDX.id), bob);
  });

  test('a verifier reports a person and the council confirms it: the account is frozen', async () => {
    const { dave, ferdie } = accounts;
    await tx.failsWith(api.tx.creditRecords.raiseFlag(dave.address, 12, EVIDENCE), dave, 'CreditRecords.NotVerifier');
    const res = await tx.ok(api.tx.creditRecords.raiseFlag(dave.address, 12, EVIDENCE), ferdie);
    const raised = findEvent(res.events, api.events.creditRecords.FlagRaised);
    assert.deepEqual(raised.data.cause.toJSON().report.reasonCode, 12);
    const deadline = (await chainNow()) + DAY_MS;
    const request = () =>
      api.tx.p2pLoans.createRequest(USDX.id, 100n * USDX_UNIT, fixed(12, 100), 1, MONTH_S, 'Bullet', null, deadline, 100n * USDX_UNIT, lib.purpose());
    await tx.failsWith(request(), dave, 'CreditRecords.UnderReview');
    const result = await councilExecutes(api.tx.creditRecords.confirmFlag(raised.data.flag, REASON));
    assert.ok(result.isOk, result.toString());
    assert.equal((await summary(dave)).frozen.unwrap().toString(), 'SuspectedFraud');
    await tx.failsWith(request(), dave, 'CreditRecords.AccountFrozen');
  });

  test('lenders assign a collection agent who sees the grant and whose recovery reaches them', async () => {
    const { alice, bob, charlie } = accounts;
    await feed();
    // Charlie borrows 1,000 USDX without collateral: 600 from Alice, 400 from Bob.
    const principal = 1_000n * USDX_UNIT;
    let res = await tx.ok(
      api.tx.p2pLoans.createRequest(USDX.id, principal, fixed(12, 100), 1, MONTH_S, 'Bullet', null, (await chainNow()) + 10 * DAY_MS, 100n * USDX_UNIT, lib.purpose()),
      charlie,
    );
    const id = findEvent(res.events, api.events.p2pLoans.RequestCreated).data.loan.toNumber();
    await tx.ok(api.tx.p2pLoans.fund(id, 600n * USDX_UNIT), alice);
    await tx.ok(api.tx.p2pLoans.fund(id, 400n * USDX_UNIT), bob);
    // The agent is admitted (the verifier track; sudo on a dev chain) and funded.
    await tx.root(api.tx.creditRecords.addVerifier(agent.address, 'CollectionAgent', 'Collect Co'), alice);
    await tx.ok(api.tx.balances.transferKeepAlive(agent.address, 10n * XDI), alice);
    await tx.ok(api.tx.assets.transfer(USDX.id, agent.address, 1_000n * USDX_UNIT), alice);
    // Not before the default.
    await tx.failsWith(api.tx.p2pLoans.voteCollector(id, agent.address), alice, 'P2pLoans.NotDefaulted');
    const due = (await api.call.p2pLoansApi.loan(id)).unwrap().schedule[0].instalment.dueAt.toNumber();
    await lib.travelTo(node, due + 91 * DAY_MS, accounts.eve);
    await feed();
    await tx.ok(api.tx.p2pLoans.markDefault(id), bob);
    // Bob's 40% is no majority; Alice's 60% with it is.
    res = await tx.ok(api.tx.p2pLoans.voteCollector(id, agent.address), bob);
    assert.equal(findEvent(res.events, api.events.p2pLoans.CollectorAssigned), undefined);
    res = await tx.ok(api.tx.p2pLoans.voteCollector(id, agent.address), alice);
    const assigned = findEvent(res.events, api.events.p2pLoans.CollectorAssigned);
    assert.ok(assigned, 'CollectorAssigned emitted');
    assert.ok(findEvent(res.events, api.events.creditRecords.CollectionAccessGranted));
    // Charlie sees the agent's grant among its grants, for this loan.
    const grants = (await api.call.creditRecordsApi.grants(charlie.address)).toJSON();
    const grant = grants.find((g) => g.institution === agent.address);
    assert.ok(grant, JSON.stringify(grants));
    assert.deepEqual(grant.collection, { product: 'P2pLoans', id });
    assert.equal(grant.active, true);
    res = await tx.ok(api.tx.creditRecords.logAccess(charlie.address), agent);
    assert.ok(findEvent(res.events, api.events.creditRecords.ProfileAccessed));
    // What the agent recovered it pays through repay; the lenders claim it pro rata.
    res = await tx.ok(api.tx.p2pLoans.repay(id, 300n * USDX_UNIT), agent);
    const recovered = findEvent(res.events, api.events.p2pLoans.CollectionRecovered);
    assert.equal(recovered.data.amount.toBigInt(), 300n * USDX_UNIT);
    assert.ok(findEvent(res.events, api.events.creditRecords.Repaid), 'the credit history saw the payment');
    const before = await assetBalance(api, USDX.id, alice.address);
    await tx.ok(api.tx.p2pLoans.claim(id), alice);
    assert.equal((await assetBalance(api, USDX.id, alice.address)) - before, 180n * USDX_UNIT);
    const view = (await api.call.p2pLoansApi.loan(id)).unwrap().toJSON();
    assert.equal(view.collection.agent, agent.address);
    assert.equal(BigInt(view.collection.recovered), 300n * USDX_UNIT);
  });
});
