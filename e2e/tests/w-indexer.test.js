// (w) The indexer for real: a dev node (instant sealing, archive state), a fresh PostgreSQL
// cluster (scripts/postgres, a temp dir, a free port), the migrations, the processor and the
// GraphQL server. Bob borrows 1,000 USDX from Alice and Charlie over four months; he pays the
// first instalment on time and the second ten days late, then stops; overdue notices go out and
// the loan defaults. Bob grants Charlie and Dave access to his profile and they log their reads.
// Dave borrows from the USDX pool and repays. The GraphQL answers (the loan's
// payments with days late, Bob's score history, the lenders' returns, the platform statistics)
// must equal what the chain's runtime APIs and events say, read from the chain here. Then the
// processor stops, more happens on chain, and the restarted processor resumes without counting
// anything twice. Skipped only when PostgreSQL can be neither found nor installed.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { USDX, XBTC, devAccounts, findEvent } from '../lib/chain.js';
import * as lib from '../lib/chain.js';
import {
  PostgresUnavailable, applyMigrations, buildIndexer, gql, startGraphql, startPostgres, startProcessor, waitIndexed,
} from '../lib/indexer.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';
import { fixed, txHelpers } from '../lib/tx.js';

const DAY_MS = 24 * 3600 * 1000;
const MONTH_S = 30 * 24 * 3600;
const USDX_UNIT = 10n ** 6n;
const XBTC_UNIT = 10n ** 8n;
const DOCS = `0x${'ab'.repeat(32)}`;
const EVIDENCE = `0x${'cd'.repeat(32)}`;

// The three queries of indexer/README.md, as a dashboard would send them.
const BORROWER_HISTORY = `query Borrower($id: String!) {
  accountById(id: $id) {
    id score tier frozen
    loans(orderBy: createdAt_ASC) {
      id status principal borrowerTier outstandingAtDefault principalRepaid interestPaid penaltyPaid
      instalments(orderBy: index_ASC) { index dueAt principal interest state daysLate paidAt }
      payments(orderBy: id_ASC) { amount penalty interest principal prepaid daysLate instalmentsCompleted block }
      overdueNotices(orderBy: id_ASC) { daysPastDue amountDue block }
    }
    scoreChanges(orderBy: id_ASC) { old new delta reason daysLate block }
  }
}`;
const LENDER_PORTFOLIO = `query Lender($id: String!) {
  lenderStats(where: {lender: {id_eq: $id}}) { asset loans principalLent principalReturned interestEarned received losses }
  loanLenders(where: {lender: {id_eq: $id}}, orderBy: id_ASC) {
    loan { id status } funded refunded shares principalReturned interestEarned claimed collateralClaimed loss
  }
}`;
const PLATFORM_STATS = `query Platform {
  platformStats(orderBy: [period_ASC, asset_ASC]) {
    period asset lent lentP2p lentPools lentSme repaid interestPaid defaulted borrowings repayments
    latePayments defaults overdueNotices overdueAmount p2pLoansStarted p2pLoansClosed
  }
  tierStats(orderBy: id_ASC) { id tier loans lent defaults defaultedAmount defaultRate }
}`;

describe('indexer', { timeout: 900_000 }, () => {
  let node;
  let api;
  let accounts;
  let tx;
  let pg;
  let processor;
  let graphql;
  let skipReason;
  let loanId;

  const chainNow = () => lib.chainNow(api);
  const travelTo = (ms) => lib.travelTo(node, ms, accounts.eve);
  const freshPrices = () => tx.feed([[USDX.id, fixed(1)], [XBTC.id, fixed(600)]], [accounts.alice, accounts.bob]);
  const headHeight = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const synced = async () => waitIndexed(graphql.url, await headHeight(), { processor });

  /** Every event of blocks 1..head, read from the chain, with its block's height, hash and time. */
  async function chainEvents() {
    const head = await headHeight();
    const out = [];
    for (let h = 1; h <= head; h += 1) {
      const hash = await api.rpc.chain.getBlockHash(h);
      const at = await api.at(hash);
      const [records, now] = await Promise.all([at.query.system.events(), at.query.timestamp.now()]);
      for (const { event } of records) {
        out.push({ height: h, hash: hash.toHex(), ts: now.toNumber(), section: event.section, method: event.method, data: event.data });
      }
    }
    return out;
  }

  const big = (v) => BigInt(v);
  const sumBig = (xs) => xs.reduce((a, b) => a + b, 0n);

  /** The platform statistics the chain's events imply, by "<period>:<asset>" (the indexer's rules, documented in its README). */
  function expectedPlatform(events) {
    const rows = new Map();
    const row = (period, asset) => {
      const id = `${period}:${asset}`;
      if (!rows.has(id)) {
        rows.set(id, {
          period, asset, lent: 0n, lentP2p: 0n, lentPools: 0n, lentSme: 0n, repaid: 0n, interestPaid: 0n, defaulted: 0n,
          borrowings: 0, repayments: 0, latePayments: 0, defaults: 0, overdueNotices: 0, overdueAmount: 0n,
          p2pLoansStarted: 0, p2pLoansClosed: 0,
        });
      }
      return rows.get(id);
    };
    const loanAsset = new Map();
    for (const e of events) {
      const month = new Date(e.ts).toISOString().slice(0, 7);
      const add = (asset, f) => { f(row(month, asset)); f(row('all', asset)); };
      const d = e.data;
      if (e.section === 'creditRecords' && ['Borrowed', 'Repaid', 'Defaulted'].includes(e.method)) {
        const asset = d.position.asset.toNumber();
        const amount = d.amount.toBigInt();
        if (e.method === 'Borrowed') {
          const field = { Pools: 'lentPools', P2pLoans: 'lentP2p', SmeFinance: 'lentSme' }[d.position.product.type];
          add(asset, (r) => { r.lent += amount; r[field] += amount; r.borrowings += 1; });
        } else if (e.method === 'Repaid') {
          const late = d.daysLate.toNumber();
          add(asset, (r) => { r.repaid += amount; r.repayments += amount > 0n ? 1 : 0; r.latePayments += late > 0 ? 1 : 0; });
        } else {
          add(asset, (r) => { r.defaulted += amount; r.defaults += 1; });
        }
      } else if (e.section === 'p2pLoans') {
        if (e.method === 'RequestCreated') loanAsset.set(d.loan.toNumber(), d.terms.asset.toNumber());
        const asset = loanAsset.get(d.loan?.toNumber?.());
        if (e.method === 'Repaid') add(asset, (r) => { r.interestPaid += d.interest.toBigInt() + d.penalty.toBigInt(); });
        if (e.method === 'OverdueNotice') add(asset, (r) => { r.overdueNotices += 1; r.overdueAmount += d.amountDue.toBigInt(); });
        if (e.method === 'LoanStarted') add(asset, (r) => { r.p2pLoansStarted += 1; });
        if (e.method === 'LoanClosed') add(asset, (r) => { r.p2pLoansClosed += 1; });
      }
    }
    return rows;
  }

  async function assertPlatformMatchesChain() {
    const expected = expectedPlatform(await chainEvents());
    const { platformStats } = await gql(graphql.url, PLATFORM_STATS);
    const got = new Map(platformStats.map((r) => [`${r.period}:${r.asset}`, r]));
    assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort(), 'one row per month and asset with activity, and all-time rows');
    for (const [id, want] of expected) {
      const have = got.get(id);
      for (const [k, v] of Object.entries(want)) {
        assert.equal(typeof v === 'bigint' ? big(have[k]) : have[k], v, `platformStats ${id}.${k}`);
      }
    }
    return expected;
  }

  before(async () => {
    node = await startNode({ name: 'indexer-node', args: ['--dev', '--sealing', 'instant', '--state-pruning', 'archive'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    tx = txHelpers(api);
    try {
      pg = await startPostgres();
    } catch (e) {
      if (e instanceof PostgresUnavailable) {
        skipReason = `SKIPPED: ${e.message}`;
        process.stderr.write(`indexer e2e ${skipReason}\n`);
        return;
      }
      throw e;
    }
    await buildIndexer();
    await applyMigrations(pg.env);
    processor = startProcessor({ rpcUrl: node.wsUrl, dbEnv: pg.env });
    graphql = await startGraphql({ dbEnv: pg.env });
  });
  after(async () => {
    await processor?.stop();
    await graphql?.stop();
    await pg?.stop();
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node, processor, graphql]);

  test('borrower and lenders get verified; the indexer records profiles, attestations and scores', async (t) => {
    if (skipReason) return t.skip(skipReason);
    const { alice, bob, charlie, dave, ferdie } = accounts;
    await tx.root(api.tx.creditRecords.addVerifier(ferdie.address, 'KycProvider', 'Ferdie KYC'), alice);
    const expires = (await chainNow()) + 3 * 365 * DAY_MS;
    for (const who of [alice, bob, charlie, dave]) {
      await tx.ok(api.tx.creditRecords.register('Individual', DOCS), who);
      await tx.ok(api.tx.creditRecords.attest(who.address, 'KycBasic', EVIDENCE, expires, lib.personOf(who.address)), ferdie);
    }
    await tx.attestIncomes([alice, bob, charlie, dave], alice);
    await synced();
    const res = await gql(graphql.url, `query($id: String!) {
      accountById(id: $id) { score person { id accountCount } profile { kind active documents }
        attestations(orderBy: claim_ASC) { claim verifier { id } incomeBand revokedAt } }
      parameterChanges(where: {name_eq: "VerifierAdded"}) { pallet value call }
    }`, { id: bob.address });
    const summary = (await api.call.creditRecordsApi.profileSummary(bob.address)).unwrap();
    assert.equal(res.accountById.score, summary.score.toNumber(), 'score as the runtime API says');
    assert.deepEqual(res.accountById.profile, { kind: 'Individual', active: true, documents: DOCS });
    assert.equal(res.accountById.person.id, lib.personOf(bob.address));
    assert.deepEqual(res.accountById.attestations.map((a) => [a.claim, a.incomeBand]), [['IncomeVerified', 'Over50k'], ['KycBasic', null]]);
    assert.ok(res.parameterChanges.length >= 2, 'Ferdie and the bureau were admitted by governance');
    assert.ok(res.parameterChanges.every((p) => p.pallet === 'CreditRecords'));
  });

  test('who accessed whose profile: two grants, the grantees logging three reads, a revocation', async (t) => {
    if (skipReason) return t.skip(skipReason);
    const { bob, charlie, dave } = accounts;
    const until = (await chainNow()) + 30 * DAY_MS;
    const envelope = `0x${'11'.repeat(48)}`;
    await tx.ok(api.tx.creditRecords.grantAccess(charlie.address, until, envelope), bob);
    await tx.ok(api.tx.creditRecords.grantAccess(dave.address, until, envelope), bob);
    // The grantee records each read of the profile (CreditRecords.log_access → ProfileAccessed).
    const reads = [];
    for (const who of [charlie, dave, charlie]) {
      const res = await tx.ok(api.tx.creditRecords.logAccess(bob.address), who);
      assert.ok(findEvent(res.events, api.events.creditRecords.ProfileAccessed), 'ProfileAccessed');
      reads.push({ who: who.address, block: (await api.rpc.chain.getHeader(res.blockHash)).number.toNumber(), hash: res.txHash });
    }
    await tx.ok(api.tx.creditRecords.revokeAccess(charlie.address), bob);
    await tx.failsWith(api.tx.creditRecords.logAccess(bob.address), charlie, 'CreditRecords.NoValidGrant');
    await synced();

    const accessed = (await chainEvents()).filter((e) => e.section === 'creditRecords' && e.method === 'ProfileAccessed');
    const { accountById, profileAccesses } = await gql(graphql.url, `query($id: String!) {
      accountById(id: $id) {
        profileAccesses(orderBy: [block_ASC, id_ASC]) { institution { id } basis until at block extrinsicHash grant { id revokedAt } }
        accessGrants(orderBy: id_ASC) { institution { id } until revokedAt }
      }
      profileAccesses(where: {institution: {id_eq: "${charlie.address}"}}) { subject { id } }
    }`, { id: bob.address });
    const rows = accountById.profileAccesses;
    // One row per ProfileAccessed the chain emitted, with its reader, block, time and extrinsic.
    assert.deepEqual(rows.map((r) => [r.institution.id, r.block, Date.parse(r.at)]),
      accessed.map((e) => [e.data.institution.toString(), e.height, e.ts]));
    assert.equal(accessed.every((e) => e.data.subject.toString() === bob.address), true);
    assert.deepEqual(rows.map((r) => [r.institution.id, r.block, r.extrinsicHash]), reads.map((r) => [r.who, r.block, r.hash]));
    // Each read names the consent it used: Bob's grant, running until `until`; Charlie's since revoked.
    for (const r of rows) {
      assert.equal(r.basis, 'Grant');
      assert.equal(Date.parse(r.until), until);
      assert.equal(r.grant.id, `${bob.address}:${r.institution.id}`);
      assert.equal(r.grant.revokedAt !== null, r.institution.id === charlie.address, 'only Charlie\'s grant is revoked');
    }
    assert.deepEqual(accountById.accessGrants.map((g) => [g.institution.id, Date.parse(g.until), g.revokedAt !== null]).sort(),
      [[charlie.address, until, true], [dave.address, until, false]].sort());
    // The chain agrees: only Dave's grant is left.
    assert.deepEqual((await api.call.creditRecordsApi.grants(bob.address)).map((g) => g.institution.toString()), [dave.address]);
    assert.deepEqual(profileAccesses.map((r) => r.subject.id), [bob.address, bob.address], 'by reader too');
  });

  test('a P2P loan: funding, an on-time and a late instalment, overdue notices, a default', async (t) => {
    if (skipReason) return t.skip(skipReason);
    const { alice, bob, charlie, eve } = accounts;
    await freshPrices();
    let res = await tx.ok(api.tx.p2pLoans.createRequest(USDX.id, 1_000n * USDX_UNIT, fixed(12, 100), 4, MONTH_S, 'Amortising',
      [XBTC.id, XBTC_UNIT / 10n], (await chainNow()) + 10 * DAY_MS, 100n * USDX_UNIT, lib.purpose()), bob);
    loanId = findEvent(res.events, api.events.p2pLoans.RequestCreated).data.loan.toNumber();
    await tx.ok(api.tx.p2pLoans.fund(loanId, 600n * USDX_UNIT), alice);
    res = await tx.ok(api.tx.p2pLoans.fund(loanId, 400n * USDX_UNIT), charlie);
    assert.ok(findEvent(res.events, api.events.p2pLoans.LoanStarted), 'LoanStarted');

    let view = (await api.call.p2pLoansApi.loan(loanId)).unwrap();
    const [first, second, third] = view.schedule.map((s) => s.instalment);
    await travelTo(first.dueAt.toNumber() - DAY_MS);
    await tx.ok(api.tx.p2pLoans.repay(loanId, first.principal.toBigInt() + first.interest.toBigInt()), bob);
    await travelTo(second.dueAt.toNumber() + 10 * DAY_MS);
    view = (await api.call.p2pLoansApi.loan(loanId)).unwrap();
    const due2 = second.principal.toBigInt() + second.interest.toBigInt() + view.penaltyOwed.toBigInt() + 1_000n;
    res = await tx.ok(api.tx.p2pLoans.repay(loanId, due2), bob);
    assert.ok(findEvent(res.events, api.events.p2pLoans.InstalmentPaid).data.daysLate.toNumber() >= 10, 'paid late');

    // Bob stops paying: the third instalment goes overdue, notices go out, then the default.
    await travelTo(third.dueAt.toNumber() + 31 * DAY_MS);
    res = await tx.ok(api.tx.p2pLoans.notifyOverdue(loanId), eve);
    assert.ok(findEvent(res.events, api.events.p2pLoans.OverdueNotice), 'OverdueNotice');
    await travelTo(third.dueAt.toNumber() + 91 * DAY_MS);
    await freshPrices();
    res = await tx.ok(api.tx.p2pLoans.markDefault(loanId), charlie);
    assert.ok(findEvent(res.events, api.events.p2pLoans.Defaulted), 'Defaulted');
    await tx.ok(api.tx.p2pLoans.claim(loanId), alice);
    await synced();

    // The borrower's history equals the chain's schedule (runtime API) and events.
    const events = await chainEvents();
    const ofLoan = (method) => events.filter((e) => e.section === 'p2pLoans' && e.method === method && e.data.loan.toNumber() === loanId);
    const { accountById: bobView } = await gql(graphql.url, BORROWER_HISTORY, { id: bob.address });
    const loan = bobView.loans.find((l) => l.id === String(loanId));
    assert.equal(loan.status, 'Defaulted');
    assert.equal(big(loan.outstandingAtDefault), ofLoan('Defaulted')[0].data.outstanding.toBigInt());
    // The schedule as it was when the loan started (a default rewrites the unpaid rest).
    const startHash = ofLoan('LoanStarted')[0].hash;
    view = (await (await api.at(startHash)).call.p2pLoansApi.loan(loanId)).unwrap();
    assert.equal(loan.instalments.length, view.schedule.length);
    const paidEvents = ofLoan('InstalmentPaid');
    for (const [i, item] of view.schedule.entries()) {
      const inst = loan.instalments[i];
      assert.equal(Date.parse(inst.dueAt), item.instalment.dueAt.toNumber(), `instalment ${i} due date`);
      assert.equal(big(inst.principal), item.instalment.principal.toBigInt());
      assert.equal(big(inst.interest), item.instalment.interest.toBigInt());
      const paid = paidEvents.find((e) => e.data.index.toNumber() === i);
      assert.equal(inst.daysLate, paid ? paid.data.daysLate.toNumber() : null, `instalment ${i} days late`);
      assert.equal(inst.state, !paid ? 'Due' : paid.data.daysLate.toNumber() > 0 ? 'PaidLate' : 'Paid');
    }
    const repaid = ofLoan('Repaid');
    assert.equal(loan.payments.length, repaid.length, 'one payment per Repaid');
    for (const [i, e] of repaid.entries()) {
      const p = loan.payments[i];
      for (const k of ['amount', 'penalty', 'interest', 'principal', 'prepaid']) assert.equal(big(p[k]), e.data[k].toBigInt(), `payment ${i} ${k}`);
      const completed = paidEvents.filter((x) => x.height === e.height);
      assert.deepEqual(p.instalmentsCompleted, completed.map((x) => x.data.index.toNumber()));
      assert.equal(p.daysLate, Math.max(0, ...completed.map((x) => x.data.daysLate.toNumber())), `payment ${i} days late`);
    }
    assert.deepEqual(loan.payments.map((p) => p.daysLate > 0), [false, true], 'an on-time and a late payment');
    assert.deepEqual(loan.overdueNotices.map((n) => [n.daysPastDue, big(n.amountDue)]),
      ofLoan('OverdueNotice').map((e) => [e.data.daysPastDue.toNumber(), e.data.amountDue.toBigInt()]));

    // Bob's score history is every ScoreChanged the chain emitted for him, and ends at his score.
    const scoreEvents = events.filter((e) => e.section === 'creditRecords' && e.method === 'ScoreChanged' && e.data.who.toString() === bob.address);
    assert.deepEqual(bobView.scoreChanges.map((s) => [s.block, s.old, s.new, s.reason, s.daysLate]),
      // (`new` is no getter on polkadot.js event data: the fields by position, who/old/new/reason.)
      scoreEvents.map((e) => [e.height, e.data[1].toNumber(), e.data[2].toNumber(), e.data.reason.type,
        e.data.reason.isRepaidLate ? e.data.reason.asRepaidLate.daysLate.toNumber() : null]));
    assert.ok(bobView.scoreChanges.some((s) => s.reason === 'RepaidLate'), 'the late instalment moved the score');
    assert.ok(bobView.scoreChanges.some((s) => s.reason === 'Defaulted'), 'the default moved the score');
    const summary = (await api.call.creditRecordsApi.profileSummary(bob.address)).unwrap();
    assert.equal(bobView.score, summary.score.toNumber());
    assert.equal(bobView.frozen, summary.frozen.unwrap().toString());

    // The lenders' returns: their funding, pro-rata part of each payment, claims and losses.
    const principal = 1_000n * USDX_UNIT;
    const startTier = (await (await api.at(startHash)).call.creditRecordsApi.profileSummary(bob.address)).unwrap().tier;
    assert.equal(loan.borrowerTier, startTier.isSome ? startTier.unwrap().toNumber() : null, 'tier at the start as the chain says');
    for (const [who, funded] of [[alice, 600n * USDX_UNIT], [charlie, 400n * USDX_UNIT]]) {
      const { loanLenders, lenderStats } = await gql(graphql.url, LENDER_PORTFOLIO, { id: who.address });
      const stake = loanLenders.find((l) => l.loan.id === String(loanId));
      // The lender's position as the chain stores it (the runtime API lists only open ones).
      const position = (await api.query.p2pLoans.positions(loanId, who.address)).unwrap();
      assert.equal(big(stake.shares), position.shares.toBigInt(), 'shares as the chain says');
      assert.equal(big(stake.claimed), position.claimed.toBigInt(), 'claimed as the chain says');
      assert.equal(big(stake.collateralClaimed), position.collateralClaimed.toBigInt());
      assert.equal(big(stake.funded), sumBig(ofLoan('Funded').filter((e) => e.data.lender.toString() === who.address).map((e) => e.data.amount.toBigInt())));
      assert.equal(big(stake.funded), funded);
      const pro = (x) => (x * funded) / principal;
      const wantInterest = sumBig(repaid.map((e) => pro(e.data.interest.toBigInt() + e.data.penalty.toBigInt())));
      const repaidPrincipal = sumBig(repaid.map((e) => e.data.principal.toBigInt() + e.data.prepaid.toBigInt()));
      assert.equal(big(stake.interestEarned), wantInterest, 'interest earned');
      assert.equal(big(stake.principalReturned), sumBig(repaid.map((e) => pro(e.data.principal.toBigInt() + e.data.prepaid.toBigInt()))));
      assert.equal(big(stake.loss), pro(principal - repaidPrincipal), 'the unpaid principal written down');
      const claims = ofLoan('Claimed').filter((e) => e.data.lender.toString() === who.address);
      assert.equal(big(stake.claimed), sumBig(claims.map((e) => e.data.amount.toBigInt())));
      assert.equal(big(stake.collateralClaimed), sumBig(claims.map((e) => e.data.collateral.toBigInt())));
      const usdx = lenderStats.find((s) => s.asset === USDX.id);
      assert.equal(big(usdx.interestEarned), big(stake.interestEarned));
      assert.equal(big(usdx.losses), big(stake.loss));
    }
  });

  test('a pool deposit, borrow and repayment', async (t) => {
    if (skipReason) return t.skip(skipReason);
    const { alice, dave } = accounts;
    await freshPrices();
    await tx.ok(api.tx.liquidityPools.deposit(USDX.id, 100_000n * USDX_UNIT), alice);
    await tx.ok(api.tx.liquidityPools.deposit(XBTC.id, XBTC_UNIT), dave);
    await tx.ok(api.tx.liquidityPools.enableCollateral(XBTC.id), dave);
    await tx.ok(api.tx.liquidityPools.borrow(USDX.id, 500n * USDX_UNIT), dave);
    await travelTo((await chainNow()) + 5 * DAY_MS);
    await freshPrices();
    await tx.ok(api.tx.liquidityPools.repayAll(USDX.id), dave);
    await synced();

    const events = (await chainEvents()).filter((e) => e.section === 'liquidityPools');
    const { poolActions, poolById } = await gql(graphql.url, `query($who: String!) {
      poolActions(where: {account: {id_eq: $who}}, orderBy: id_ASC) { kind amount debtAfter pool { id } block }
      poolById(id: "1") { deposited borrowed repaid }
    }`, { who: dave.address });
    const daveEvents = events.filter((e) => ['Deposited', 'Borrowed', 'Repaid', 'Withdrawn'].includes(e.method) && e.data.who.toString() === dave.address);
    const kind = { Deposited: 'Deposit', Borrowed: 'Borrow', Repaid: 'Repayment', Withdrawn: 'Withdrawal' };
    assert.deepEqual(poolActions.map((a) => [a.block, a.kind, big(a.amount), a.pool.id]),
      daveEvents.map((e) => [e.height, kind[e.method], e.data.amount.toBigInt(), String(e.data.asset.toNumber())]));
    const debtAfterRepay = poolActions.find((a) => a.kind === 'Repayment').debtAfter;
    assert.equal(big(debtAfterRepay), 0n, 'repaid in full');
    assert.equal((await api.call.liquidityPoolsApi.position(dave.address)).debts.length, 0, 'the chain agrees');
    const usdx = events.filter((e) => e.data.asset?.toNumber?.() === USDX.id);
    for (const [field, method] of [['deposited', 'Deposited'], ['borrowed', 'Borrowed'], ['repaid', 'Repaid']]) {
      assert.equal(big(poolById[field]), sumBig(usdx.filter((e) => e.method === method).map((e) => e.data.amount.toBigInt())), `pool ${field}`);
    }
  });

  test('platform statistics and default rates by tier equal what the chain says', async (t) => {
    if (skipReason) return t.skip(skipReason);
    const expected = await assertPlatformMatchesChain();
    const all = expected.get(`all:${USDX.id}`);
    assert.ok(all.lentP2p === 1_000n * USDX_UNIT && all.lentPools === 500n * USDX_UNIT, 'both products counted');
    assert.ok(all.defaults === 1 && all.latePayments === 1, JSON.stringify(all, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
    assert.ok([...expected.keys()].filter((k) => !k.startsWith('all')).length >= 3, 'the loan spans several months');
    const { tierStats } = await gql(graphql.url, PLATFORM_STATS);
    const { accountById } = await gql(graphql.url, BORROWER_HISTORY, { id: accounts.bob.address });
    const tier = accountById.loans.find((l) => l.id === String(loanId)).borrowerTier;
    const row = tierStats.find((r) => r.tier === tier);
    assert.deepEqual([row.loans, big(row.lent), row.defaults, row.defaultRate], [1, 1_000n * USDX_UNIT, 1, 1]);
  });

  test('a restarted processor resumes where it stopped, without duplicates', async (t) => {
    if (skipReason) return t.skip(skipReason);
    const { alice, charlie, dave } = accounts;
    const stoppedAt = await synced();
    const exit = await processor.stop();
    assert.ok(exit, 'the processor stopped');
    // While it is down: more pool activity, a new request funded by two lenders, a score change.
    await freshPrices();
    await tx.ok(api.tx.liquidityPools.borrow(USDX.id, 200n * USDX_UNIT), dave);
    await tx.ok(api.tx.liquidityPools.repay(USDX.id, 50n * USDX_UNIT), dave);
    const res = await tx.ok(api.tx.p2pLoans.createRequest(USDX.id, 300n * USDX_UNIT, fixed(10, 100), 2, MONTH_S, 'Amortising',
      null, (await chainNow()) + 10 * DAY_MS, 100n * USDX_UNIT, lib.purpose('Home')), charlie);
    const second = findEvent(res.events, api.events.p2pLoans.RequestCreated).data.loan.toNumber();
    await tx.ok(api.tx.p2pLoans.fund(second, 150n * USDX_UNIT), alice);
    await tx.ok(api.tx.p2pLoans.fund(second, 150n * USDX_UNIT), dave);
    await tx.ok(api.tx.creditRecords.attest(charlie.address, 'KycFull', EVIDENCE, (await chainNow()) + 365 * DAY_MS, lib.personOf(charlie.address)), accounts.ferdie);
    const head = await headHeight();
    assert.ok(head > stoppedAt, 'blocks were made while the processor was down');
    const { squidStatus } = await gql(graphql.url, '{ squidStatus { height } }');
    assert.equal(squidStatus.height, stoppedAt, 'nothing indexed while stopped');

    processor = startProcessor({ rpcUrl: node.wsUrl, dbEnv: pg.env });
    await synced();
    // Blocks are final at once here, so the last block indexed is the last final one.
    assert.match(processor.logs(), new RegExp(`last processed final block was ${stoppedAt}\\b`), 'resumed after the last block');

    // Every chain event is in the database once: counts per entity equal the chain's counts,
    // and the aggregates (sums over all of them) still equal the chain's sums.
    const events = await chainEvents();
    const count = (section, methods) => events.filter((e) => e.section === section && methods.includes(e.method)).length;
    const q = await gql(graphql.url, `{
      poolActionsConnection(orderBy: id_ASC) { totalCount }
      creditEventsConnection(orderBy: id_ASC) { totalCount }
      scoreChangesConnection(orderBy: id_ASC) { totalCount }
      paymentsConnection(orderBy: id_ASC) { totalCount }
      loansConnection(orderBy: id_ASC) { totalCount }
      loanById(id: "${second}") { status funded lenders(orderBy: id_ASC) { funded shares } }
    }`);
    assert.equal(q.poolActionsConnection.totalCount, count('liquidityPools', ['Deposited', 'Withdrawn', 'Borrowed', 'Repaid']));
    assert.equal(q.creditEventsConnection.totalCount, count('creditRecords', ['Borrowed', 'Repaid', 'Defaulted']));
    assert.equal(q.scoreChangesConnection.totalCount, count('creditRecords', ['ScoreChanged']));
    assert.equal(q.paymentsConnection.totalCount, count('p2pLoans', ['Repaid']));
    assert.equal(q.loansConnection.totalCount, count('p2pLoans', ['RequestCreated']));
    assert.equal(q.loanById.status, 'Active');
    assert.deepEqual(q.loanById.lenders.map((l) => [big(l.funded), big(l.shares)]).sort(), [[150n * USDX_UNIT, 150n * USDX_UNIT], [150n * USDX_UNIT, 150n * USDX_UNIT]]);
    await assertPlatformMatchesChain();
    const { lenderStats } = await gql(graphql.url, LENDER_PORTFOLIO, { id: alice.address });
    assert.equal(lenderStats.find((s) => s.asset === USDX.id).loans, 2, 'Alice lent on two loans, each counted once');
  });
});
