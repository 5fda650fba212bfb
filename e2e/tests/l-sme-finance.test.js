// (l) SME finance as an enterprise, its auditor, its buyer and its financiers meet it, on a dev
// node with instant sealing and time travel: root admits Bob as a KYC provider and Charlie as an
// auditor; Eve registers as an enterprise and gets KYB, Dave and Ferdie get KYC. Eve files a
// profitable quarterly report, Charlie audits it and her score rises by 12; the runtime API shows
// the audit and the ratios. Alice deposits USDX into the pool and root gives the pool a facility
// cap; Eve applies for a 10,000 USDX line in two milestones (one for a KYC provider, one for an
// auditor) and root approves it from the pool. Milestones release their tranches in order, only
// when a verifier of their kind attests them, and never while the line is overdue: 34 days on,
// Eve pays the interest due 4 days late, the pool's lenders earn it, and the second tranche
// follows. Eve invoices Ferdie; Ferdie confirms; Eve offers it to Dave on her terms and Dave
// advances 80% for a 2% fee (an invoice is financed once, and a document hash is used once); at
// the due date Ferdie pays and the payment is split between Dave and Eve. Eve then leaves the interest due at day 60 unpaid: 90 days
// later anyone marks her line defaulted, the pool writes the principal off (reserves first) and
// the credit registry freezes Eve.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { USDX, XBTC, assetBalance, devAccounts, findEvent, timestampAt } from '../lib/chain.js';
import * as lib from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';
import { fixed, txHelpers } from '../lib/tx.js';

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;
const DAY_S = 24 * 3600;
const YEAR_S = 365n * 24n * 3600n;
const USDX_UNIT = 10n ** 6n;
const DOCS = `0x${'ab'.repeat(32)}`;
const EVIDENCE = `0x${'cd'.repeat(32)}`;
/**
 * The last quarter of last year (its revenue counts for the repayment capacity until 15 months
 * after it ended, so the test does not age) and the commitment to its full (off-chain) statements.
 */
const PERIOD = { year: new Date().getUTCFullYear() - 1, quarter: 4 };
const STATEMENTS = `0x${'5e'.repeat(32)}`;
/** Revenue 500,000, net profit 60,000, receivables 120,000, payables 80,000 USDX; 25 employees. */
const METRICS = {
  revenue: 500_000n * USDX_UNIT,
  netProfit: 60_000n * USDX_UNIT,
  receivables: 120_000n * USDX_UNIT,
  payables: 80_000n * USDX_UNIT,
  employees: 25,
};
/** The line: 10,000 USDX at 12% a year for 360 days, interest due every 30 days. */
const LIMIT = 10_000n * USDX_UNIT;
const RATE = fixed(12, 100);
const TERM_S = 360 * DAY_S;
const INTEREST_PERIOD_MS = 30 * DAY_MS;
const TRANCHE_1 = 6_000n * USDX_UNIT;
const TRANCHE_2 = 4_000n * USDX_UNIT;
const MILESTONES = [
  { description: `0x${'01'.repeat(32)}`, amount: TRANCHE_1, verifier: 'KycProvider' },
  { description: `0x${'02'.repeat(32)}`, amount: TRANCHE_2, verifier: 'Auditor' },
];
const INVOICE_DOC = `0x${'1f'.repeat(32)}`;
const INVOICE_AMOUNT = 1_000n * USDX_UNIT;
/** Permill: 80% advance, 2% fee. */
const ADVANCE_RATE = 800_000;
const FEE_RATE = 20_000;

const ceilDiv = (a, b) => (a + b - 1n) / b;

/** The pallet's simple interest: the factor rate × secs / year rounded up, then the amount up. */
function simpleInterest(principal, rate, secs) {
  const factor = ceilDiv(rate * BigInt(secs), YEAR_S);
  return ceilDiv(principal * factor, 10n ** 18n);
}

describe('SME finance', { timeout: 400_000 }, () => {
  let node;
  let api;
  let accounts;
  let tx;
  let root;
  /** Submits `tx` and asserts it failed with `SmeFinance.<name>`. */
  let failsWith;

  let line;
  let lineStart;
  let firstDueAt;
  let trancheAt;
  let invoice;
  let invoiceDueAt;

  const chainNow = () => lib.chainNow(api);
  /** Moves the chain's clock to `ms` and seals a block there. */
  const travelTo = (ms) => lib.travelTo(node, ms, accounts.alice);

  /** Alice and Bob, two feeders (the oracle's quorum), post the reference prices. */
  async function freshPrices() {
    await tx.feed([[USDX.id, fixed(1)], [XBTC.id, fixed(600)]], [accounts.alice, accounts.bob]);
  }

  async function usdx(who) {
    return assetBalance(api, USDX.id, who.address);
  }

  async function summary(who) {
    const s = await api.call.creditRecordsApi.profileSummary(who.address);
    assert.ok(s.isSome, `${who.meta.name} has a profile`);
    return s.unwrap();
  }

  async function usdxPool() {
    const p = await api.call.liquidityPoolsApi.pool(USDX.id);
    assert.ok(p.isSome, 'the USDX pool exists');
    return p.unwrap();
  }

  async function lineView(id) {
    const v = await api.call.smeFinanceApi.line(id);
    assert.ok(v.isSome, `line ${id} exists`);
    return v.unwrap();
  }

  async function openInvoices(who) {
    return api.call.smeFinanceApi.invoices(who.address);
  }

  before(async () => {
    node = await startNode({ name: 'sme', args: ['--dev', '--sealing', 'instant'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    tx = txHelpers(api);
    root = (call) => tx.root(call, accounts.alice);
    failsWith = (t, signer, name) => tx.failsWith(t, signer, `SmeFinance.${name}`);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('the pallet, its runtime API and the pool facility call are in the metadata', async () => {
    assert.ok(api.tx.smeFinance, 'SmeFinance calls');
    for (const method of ['filings', 'line', 'lines', 'invoices']) {
      assert.ok(api.call.smeFinanceApi?.[method], `SmeFinanceApi.${method}`);
    }
    assert.ok(api.tx.liquidityPools.setFacilityCap, 'LiquidityPools.set_facility_cap');
    const p = await usdxPool();
    assert.equal(p.facilityCap.toBigInt(), 0n, 'no facility cap at genesis');
  });

  test('Bob (KYC provider) and Charlie (auditor) are admitted; Eve gets KYB, Dave and Ferdie KYC', async () => {
    const { bob, charlie, dave, eve, ferdie } = accounts;
    await root(api.tx.creditRecords.addVerifier(bob.address, 'KycProvider', 'Bob KYC Ltd'));
    await root(api.tx.creditRecords.addVerifier(charlie.address, 'Auditor', 'Charlie Audit LLP'));
    assert.equal((await api.query.creditRecords.verifiers(charlie.address)).unwrap().kind.toString(), 'Auditor');

    const expires = (await chainNow()) + 3 * 365 * DAY_MS;
    await tx.ok(api.tx.creditRecords.register('Enterprise', DOCS), eve);
    // An enterprise profile without KYB cannot file.
    await failsWith(api.tx.smeFinance.fileReport(PERIOD, STATEMENTS, METRICS), eve, 'NotVerifiedEnterprise');
    await tx.ok(api.tx.creditRecords.attest(eve.address, 'Kyb', EVIDENCE, expires, lib.personOf(eve.address)), bob);
    for (const who of [dave, ferdie]) {
      await tx.ok(api.tx.creditRecords.register('Individual', DOCS), who);
      await tx.ok(api.tx.creditRecords.attest(who.address, 'KycBasic', EVIDENCE, expires, lib.personOf(who.address)), bob);
    }

    const s = await summary(eve);
    assert.equal(s.kind.toString(), 'Enterprise');
    assert.equal(s.verified.isTrue, true, 'KYB verifies an enterprise');
    assert.equal(s.score.toNumber(), 570, 'base 550 + 20 for the KYB attestation');
    for (const who of [dave, ferdie]) assert.equal((await summary(who)).verified.isTrue, true);
  });

  test('Eve files a profitable Q1 report; Charlie audits it and her score rises by 12', async () => {
    const { bob, charlie, eve } = accounts;
    let res = await tx.ok(api.tx.smeFinance.fileReport(PERIOD, STATEMENTS, METRICS), eve);
    const filed = findEvent(res.events, api.events.smeFinance.ReportFiled);
    assert.ok(filed, 'ReportFiled emitted');
    assert.equal(filed.data.commitment.toHex(), STATEMENTS);
    let filings = await api.call.smeFinanceApi.filings(eve.address);
    assert.equal(filings.length, 1);
    assert.equal(filings[0].filing.audit.isNone, true, 'not audited yet');

    // Only an auditor audits: a KYC provider cannot.
    await failsWith(api.tx.smeFinance.attestReport(eve.address, PERIOD, STATEMENTS, METRICS), bob, 'NotVerifier');
    // The auditor names the figures it reviewed: other figures are not attested.
    await failsWith(
      api.tx.smeFinance.attestReport(eve.address, PERIOD, STATEMENTS, { ...METRICS, netProfit: METRICS.netProfit + 1n }),
      charlie,
      'FilingMismatch',
    );

    const scoreBefore = (await summary(eve)).score.toNumber();
    res = await tx.ok(api.tx.smeFinance.attestReport(eve.address, PERIOD, STATEMENTS, METRICS), charlie);
    const attested = findEvent(res.events, api.events.smeFinance.ReportAttested);
    assert.ok(attested, 'ReportAttested emitted');
    assert.equal(attested.data.auditor.toString(), charlie.address);
    const changed = findEvent(res.events, api.events.creditRecords.ScoreChanged);
    assert.ok(changed, 'ScoreChanged emitted');
    const [who, oldScore, newScore, reason] = changed.data;
    assert.equal(who.toString(), eve.address);
    assert.equal(oldScore.toNumber(), scoreBefore);
    assert.equal(newScore.toNumber(), scoreBefore + 12);
    assert.equal(reason.toString(), 'FilingAttested');

    const s = await summary(eve);
    assert.equal(s.score.toNumber(), scoreBefore + 12, '8 per audited filing + 4 for a profit');
    assert.equal(s.history.attestedFilings.toNumber(), 1);
    assert.equal(s.history.profitableFilings.toNumber(), 1);
    const breakdown = await api.call.creditRecordsApi.scoreBreakdown(eve.address);
    assert.equal(breakdown.filingBonus.toNumber(), 12);

    filings = await api.call.smeFinanceApi.filings(eve.address);
    assert.equal(filings.length, 1);
    const f = filings[0];
    assert.equal(f.period.year.toNumber(), PERIOD.year);
    assert.equal(f.period.quarter.toNumber(), PERIOD.quarter);
    assert.equal(f.filing.commitment.toHex(), STATEMENTS);
    assert.equal(f.filing.metrics.netProfit.toBigInt(), METRICS.netProfit);
    assert.equal(f.filing.audit.unwrap().auditor.toString(), charlie.address);
    // Net margin 60,000 / 500,000 = 0.12 (FixedI64, 9 decimals); receivables / payables 1.5
    // (FixedU128, 18 decimals); revenue per employee 20,000 USDX.
    assert.equal(f.netMargin.unwrap().toBigInt(), 120_000_000n);
    assert.equal(f.receivablesToPayables.unwrap().toBigInt(), fixed(3, 2));
    assert.equal(f.revenuePerEmployee.unwrap().toBigInt(), 20_000n * USDX_UNIT);

    // An audited filing cannot change.
    await failsWith(api.tx.smeFinance.fileReport(PERIOD, EVIDENCE, METRICS), eve, 'FilingLocked');
  });

  test('Alice deposits 50,000 USDX into the pool; root lets it commit 20,000 USDX to facilities', async () => {
    const { alice } = accounts;
    await freshPrices();
    await tx.ok(api.tx.liquidityPools.deposit(USDX.id, 50_000n * USDX_UNIT), alice);
    const res = await root(api.tx.liquidityPools.setFacilityCap(USDX.id, 20_000n * USDX_UNIT));
    assert.ok(findEvent(res.events, api.events.liquidityPools.FacilityCapSet), 'FacilityCapSet emitted');
    const p = await usdxPool();
    assert.equal(p.cash.toBigInt(), 50_000n * USDX_UNIT);
    assert.equal(p.facilityCap.toBigInt(), 20_000n * USDX_UNIT);
    assert.equal(p.facilityUndrawn.toBigInt(), 0n);
    assert.equal(p.facilityDrawn.toBigInt(), 0n);
  });

  test('Eve applies for 10,000 USDX at 12% over 360 days in two milestones; root approves it from the pool', async () => {
    const { eve } = accounts;
    const eveBefore = await usdx(eve);
    let res = await tx.ok(api.tx.smeFinance.applyCreditLine(USDX.id, LIMIT, RATE, TERM_S, MILESTONES, lib.purpose('BusinessWorkingCapital')), eve);
    const applied = findEvent(res.events, api.events.smeFinance.LineApplied);
    assert.ok(applied, 'LineApplied emitted');
    line = applied.data.line.toNumber();
    assert.equal(applied.data.terms.limit.toBigInt(), LIMIT);
    let view = await lineView(line);
    assert.equal(view.status.toString(), 'Applied');
    assert.equal(view.source.isNone, true);
    assert.equal(view.milestones.length, 2);

    res = await root(api.tx.smeFinance.approveCreditLine(line, 'Pool'));
    const approved = findEvent(res.events, api.events.smeFinance.LineApproved);
    assert.ok(approved, 'LineApproved emitted');
    assert.equal(approved.data.source.isPool, true);
    const activated = findEvent(res.events, api.events.smeFinance.LineActivated);
    assert.ok(activated, 'LineActivated emitted');
    const approvedAt = await timestampAt(api, res.blockHash);
    assert.equal(activated.data.maturity.toNumber(), approvedAt + TERM_S * 1000, 'the term starts at approval');
    lineStart = approvedAt;

    view = await lineView(line);
    assert.equal(view.status.toString(), 'Active');
    assert.equal(view.source.unwrap().isPool, true);
    assert.equal(view.undrawn.toBigInt(), LIMIT);
    assert.equal(view.released.toBigInt(), 0n);
    assert.equal(view.principal.toBigInt(), 0n);
    assert.equal(view.overdue.isTrue, false);
    firstDueAt = view.nextDueAt.toNumber();
    assert.equal(firstDueAt, lineStart + INTEREST_PERIOD_MS, 'interest falls due 30 days after the start');
    const listed = await api.call.smeFinanceApi.lines(eve.address);
    assert.deepEqual(listed.map((l) => l.id.toNumber()), [line]);

    const p = await usdxPool();
    assert.equal(p.facilityUndrawn.toBigInt(), LIMIT, 'the pool committed the limit');
    assert.equal(p.facilityDrawn.toBigInt(), 0n);
    assert.equal(p.cash.toBigInt(), 50_000n * USDX_UNIT, 'nothing left the pool yet');
    assert.equal(await usdx(eve), eveBefore, 'Eve receives nothing before a milestone is attested');
  });

  test('milestones go in order, to a verifier of their kind: Bob releases the first 6,000 USDX', async () => {
    const { bob, charlie, eve } = accounts;
    const eveBefore = await usdx(eve);
    await failsWith(api.tx.smeFinance.attestMilestone(line, 1), charlie, 'MilestoneOutOfOrder');
    // Milestone 0 is for a KYC provider, not an auditor.
    await failsWith(api.tx.smeFinance.attestMilestone(line, 0), charlie, 'NotVerifier');
    assert.equal(await usdx(eve), eveBefore, 'failed attestations release nothing');

    const res = await tx.ok(api.tx.smeFinance.attestMilestone(line, 0), bob);
    const released = findEvent(res.events, api.events.smeFinance.TrancheReleased);
    assert.ok(released, 'TrancheReleased emitted');
    assert.equal(released.data.milestone.toNumber(), 0);
    assert.equal(released.data.amount.toBigInt(), TRANCHE_1);
    assert.equal(released.data.verifier.toString(), bob.address);
    trancheAt = await timestampAt(api, res.blockHash);
    assert.equal((await usdx(eve)) - eveBefore, TRANCHE_1, 'Eve received the first tranche');

    const view = await lineView(line);
    assert.equal(view.released.toBigInt(), TRANCHE_1);
    assert.equal(view.undrawn.toBigInt(), TRANCHE_2);
    assert.equal(view.principal.toBigInt(), TRANCHE_1);
    assert.equal(view.milestones[0].released.isTrue, true);
    assert.equal(view.milestones[0].attested.unwrap().auditor.toString(), bob.address);
    assert.equal(view.milestones[1].released.isTrue, false);

    const p = await usdxPool();
    assert.equal(p.facilityDrawn.toBigInt(), TRANCHE_1);
    assert.equal(p.facilityUndrawn.toBigInt(), TRANCHE_2);
    assert.equal(p.cash.toBigInt(), 50_000n * USDX_UNIT - TRANCHE_1, 'the tranche came from the pool');
    assert.equal((await summary(eve)).outstanding.toBigInt(), TRANCHE_1, 'the credit registry counts the debt');
  });

  test('34 days on the line is overdue and blocks the next tranche; Eve pays 4 days late; the pool earns', async () => {
    const { charlie, eve } = accounts;
    // 34 days after the start, less an hour: the payment a few blocks later is 4 days (rounded
    // up) past the first due date, beyond the 3-day grace.
    await travelTo(firstDueAt + 4 * DAY_MS - HOUR_MS);
    let view = await lineView(line);
    assert.equal(view.overdue.isTrue, true, 'overdue beyond the grace period');
    assert.equal(view.overdueSince.unwrap().toNumber(), firstDueAt);
    // Due: the interest on 6,000 USDX from the draw (whole seconds after the start) to the due
    // date; what accrued since is owed but not due yet.
    const drawnSecs = 30 * DAY_S - Math.floor((trancheAt - lineStart) / 1000);
    const expectedDue = simpleInterest(TRANCHE_1, RATE, drawnSecs);
    const due = view.due.toBigInt();
    assert.ok(due > 0n);
    assert.equal(due, expectedDue, `due ${due}, expected ${expectedDue} (about 59.18 USDX)`);
    assert.ok(view.accruedInterest.toBigInt() > due, 'interest since the due date accrues, not due yet');

    await failsWith(api.tx.smeFinance.attestMilestone(line, 1), charlie, 'LineOverdue');

    const poolBefore = await usdxPool();
    const res = await tx.ok(api.tx.smeFinance.repayLine(line, due), eve);
    const repaid = findEvent(res.events, api.events.smeFinance.LineRepaid);
    assert.ok(repaid, 'LineRepaid emitted');
    assert.equal(repaid.data.payer.toString(), eve.address);
    assert.equal(repaid.data.interest.toBigInt(), due);
    assert.equal(repaid.data.principal.toBigInt(), 0n);
    const paidAt = await timestampAt(api, res.blockHash);
    assert.equal(repaid.data.daysLate.toNumber(), 4, `paid ${(paidAt - firstDueAt) / DAY_MS} days after the due date`);
    const facility = findEvent(res.events, api.events.liquidityPools.FacilityRepaid);
    assert.ok(facility, 'the payment reached the pool');
    assert.equal(facility.data.interest.toBigInt(), due);

    view = await lineView(line);
    assert.equal(view.overdue.isTrue, false);
    assert.equal(view.overdueSince.isNone, true);
    assert.equal(view.due.toBigInt(), 0n);
    assert.equal(view.interestPaid.toBigInt(), due);
    assert.equal(view.principal.toBigInt(), TRANCHE_1);

    // The lenders earn the interest, less the 10% reserve factor (which goes to reserves).
    const poolAfter = await usdxPool();
    assert.equal(poolAfter.cash.toBigInt() - poolBefore.cash.toBigInt(), due);
    const toReserves = poolAfter.totalReserves.toBigInt() - poolBefore.totalReserves.toBigInt();
    assert.equal(toReserves, due / 10n);
    assert.equal(poolAfter.totalBorrows.toBigInt(), 0n, 'nobody borrows from the pool in this file');
    // The lenders' share unlocks over 30 days, not at once: a deposit just before this payment
    // and a withdrawal just after would capture nothing.
    const before = poolBefore.exchangeRate.toBigInt();
    const afterRate = poolAfter.exchangeRate.toBigInt();
    assert.equal(afterRate, before, 'lpUSDX is not worth more the moment the lump arrives');
    const stored = (await api.query.liquidityPools.pools(USDX.id)).unwrap();
    assert.equal(stored.incomeLocked.toBigInt(), due - toReserves, 'the lenders\' share is locked, unlocking');

    // The credit registry recorded one payment 1-30 days late.
    const history = (await summary(eve)).history;
    assert.equal(history.late.days130.toNumber(), 1, JSON.stringify(history.late.toJSON()));
  });

  test('with nothing overdue, Charlie attests the second milestone and the last 4,000 USDX arrive', async () => {
    const { charlie, eve } = accounts;
    const eveBefore = await usdx(eve);
    const res = await tx.ok(api.tx.smeFinance.attestMilestone(line, 1), charlie);
    const released = findEvent(res.events, api.events.smeFinance.TrancheReleased);
    assert.ok(released, 'TrancheReleased emitted');
    assert.equal(released.data.milestone.toNumber(), 1);
    assert.equal(released.data.amount.toBigInt(), TRANCHE_2);
    assert.equal(released.data.verifier.toString(), charlie.address);
    assert.equal((await usdx(eve)) - eveBefore, TRANCHE_2);

    const view = await lineView(line);
    assert.equal(view.released.toBigInt(), LIMIT);
    assert.equal(view.undrawn.toBigInt(), 0n);
    assert.equal(view.principal.toBigInt(), LIMIT);
    assert.ok(view.milestones.every((m) => m.released.isTrue), 'every milestone released');
    const p = await usdxPool();
    assert.equal(p.facilityDrawn.toBigInt(), LIMIT);
    assert.equal(p.facilityUndrawn.toBigInt(), 0n);
    await failsWith(api.tx.smeFinance.attestMilestone(line, 1), charlie, 'MilestoneNotPending');
  });

  test('Eve invoices Ferdie 1,000 USDX; Ferdie confirms; Dave advances 80% for a 2% fee, once', async () => {
    const { dave, eve, ferdie } = accounts;
    invoiceDueAt = (await chainNow()) + 60 * DAY_MS;
    let res = await tx.ok(
      api.tx.smeFinance.submitInvoice(ferdie.address, INVOICE_AMOUNT, USDX.id, invoiceDueAt, INVOICE_DOC),
      eve,
    );
    const submitted = findEvent(res.events, api.events.smeFinance.InvoiceSubmitted);
    assert.ok(submitted, 'InvoiceSubmitted emitted');
    invoice = submitted.data.invoice.toNumber();
    let open = await openInvoices(eve);
    assert.equal(open.length, 1);
    assert.equal(open[0].id.toNumber(), invoice);
    assert.equal(open[0].invoice.status.toString(), 'Submitted');
    assert.equal(open[0].invoice.invoiceHash.toHex(), INVOICE_DOC);
    assert.equal(open[0].invoice.dueAt.toNumber(), invoiceDueAt);

    res = await tx.ok(api.tx.smeFinance.confirmInvoice(invoice), ferdie);
    assert.ok(findEvent(res.events, api.events.smeFinance.InvoiceConfirmed), 'InvoiceConfirmed emitted');
    assert.equal((await openInvoices(eve))[0].invoice.status.toString(), 'Confirmed');
    assert.equal((await summary(ferdie)).outstanding.toBigInt(), INVOICE_AMOUNT, "the payable counts in Ferdie's exposure");

    // Nobody finances before Eve offers the invoice; then only on her terms (at least 80%, at
    // most 2%, by Dave, with whom she negotiated).
    await failsWith(api.tx.smeFinance.financeInvoice(invoice, ADVANCE_RATE, FEE_RATE), dave, 'NotOffered');
    res = await tx.ok(api.tx.smeFinance.offerInvoice(invoice, ADVANCE_RATE, FEE_RATE, dave.address), eve);
    assert.ok(findEvent(res.events, api.events.smeFinance.InvoiceOffered), 'InvoiceOffered emitted');
    await failsWith(api.tx.smeFinance.financeInvoice(invoice, ADVANCE_RATE - 10_000, FEE_RATE), dave, 'TermsNotMet');

    const eveBefore = await usdx(eve);
    const daveBefore = await usdx(dave);
    res = await tx.ok(api.tx.smeFinance.financeInvoice(invoice, ADVANCE_RATE, FEE_RATE), dave);
    const financed = findEvent(res.events, api.events.smeFinance.InvoiceFinanced);
    assert.ok(financed, 'InvoiceFinanced emitted');
    assert.equal(financed.data.financier.toString(), dave.address);
    assert.equal(financed.data.advance.toBigInt(), 800n * USDX_UNIT);
    assert.equal(financed.data.fee.toBigInt(), 20n * USDX_UNIT);
    assert.equal((await usdx(eve)) - eveBefore, 800n * USDX_UNIT, 'Eve received the advance');
    assert.equal(daveBefore - (await usdx(dave)), 800n * USDX_UNIT, 'Dave paid the advance');
    open = await openInvoices(eve);
    assert.equal(open[0].invoice.status.toString(), 'Financed');
    const financing = open[0].invoice.financing.unwrap();
    assert.equal(financing.financier.toString(), dave.address);
    assert.equal(financing.advance.toBigInt(), 800n * USDX_UNIT);
    assert.equal(financing.fee.toBigInt(), 20n * USDX_UNIT);

    // Financed once; and one invoice per document, ever.
    await failsWith(api.tx.smeFinance.financeInvoice(invoice, ADVANCE_RATE, FEE_RATE), dave, 'WrongInvoiceStatus');
    const otherDue = (await chainNow()) + 30 * DAY_MS;
    await failsWith(
      api.tx.smeFinance.submitInvoice(ferdie.address, 500n * USDX_UNIT, USDX.id, otherDue, INVOICE_DOC),
      eve,
      'DuplicateInvoice',
    );
    assert.equal(await usdx(eve), eveBefore + 800n * USDX_UNIT, 'the refused calls moved nothing');
    assert.equal((await openInvoices(eve)).length, 1);
  });

  test('at the due date Ferdie pays: Dave gets advance + fee (820 USDX), Eve the other 180', async () => {
    const { dave, eve, ferdie } = accounts;
    // A block at the due date; Ferdie's payment lands seconds later, within the grace period.
    await travelTo(invoiceDueAt);
    const eveBefore = await usdx(eve);
    const daveBefore = await usdx(dave);
    const ferdieBefore = await usdx(ferdie);
    const res = await tx.ok(api.tx.smeFinance.payInvoice(invoice), ferdie);
    const paid = findEvent(res.events, api.events.smeFinance.InvoicePaid);
    assert.ok(paid, 'InvoicePaid emitted');
    assert.equal(paid.data.toFinancier.toBigInt(), 820n * USDX_UNIT);
    assert.equal(paid.data.toEnterprise.toBigInt(), 180n * USDX_UNIT);
    assert.ok((await timestampAt(api, res.blockHash)) > invoiceDueAt, 'paid after the due date');
    assert.equal(paid.data.daysLate.toNumber(), 0, 'within the grace period');

    assert.equal((await usdx(dave)) - daveBefore, 820n * USDX_UNIT);
    assert.equal((await usdx(eve)) - eveBefore, 180n * USDX_UNIT);
    assert.equal(ferdieBefore - (await usdx(ferdie)), INVOICE_AMOUNT);
    assert.equal((await openInvoices(eve)).length, 0, 'a paid invoice is closed');

    const s = await summary(ferdie);
    assert.equal(s.outstanding.toBigInt(), 0n, "Ferdie's payable is settled");
    // A financed invoice paid on time: the time from financing to payment is on-time service.
    assert.ok(s.history.onTimeMs.toNumber() > 0, 'on-time service in his history');
    // The document hash stays used after the invoice is closed.
    await failsWith(
      api.tx.smeFinance.submitInvoice(ferdie.address, INVOICE_AMOUNT, USDX.id, (await chainNow()) + 30 * DAY_MS, INVOICE_DOC),
      eve,
      'DuplicateInvoice',
    );
  });

  test('90 days after an unpaid due date the line defaults: the pool writes it off, Eve is frozen', async () => {
    const { ferdie, eve } = accounts;
    // Interest fell due again at day 60 and Eve has not paid it.
    const secondDueAt = firstDueAt + INTEREST_PERIOD_MS;
    let view = await lineView(line);
    assert.equal(view.overdueSince.unwrap().toNumber(), secondDueAt);
    await failsWith(api.tx.smeFinance.markLineDefault(line), ferdie, 'NotOverdueEnough');

    await travelTo(secondDueAt + 90 * DAY_MS);
    const poolBefore = await usdxPool();
    const res = await tx.ok(api.tx.smeFinance.markLineDefault(line), ferdie);
    const defaulted = findEvent(res.events, api.events.smeFinance.LineDefaulted);
    assert.ok(defaulted, 'LineDefaulted emitted');
    assert.ok(defaulted.data.outstanding.toBigInt() > LIMIT, 'principal and unpaid interest are owed');
    const writeOff = findEvent(res.events, api.events.liquidityPools.FacilityWrittenOff);
    assert.ok(writeOff, 'the pool wrote the facility off');
    assert.equal(writeOff.data.amount.toBigInt(), LIMIT);
    assert.equal(writeOff.data.coveredByReserves.toBigInt(), poolBefore.totalReserves.toBigInt(), 'reserves first');

    const poolAfter = await usdxPool();
    assert.equal(poolAfter.facilityDrawn.toBigInt(), 0n);
    assert.equal(poolAfter.totalReserves.toBigInt(), 0n);
    assert.ok(poolAfter.exchangeRate.toBigInt() < poolBefore.exchangeRate.toBigInt(), "the lenders bear the rest of the loss");

    view = await lineView(line);
    assert.equal(view.status.toString(), 'Defaulted');
    const s = await summary(eve);
    assert.equal(s.frozen.unwrap().toString(), 'Default', 'a default freezes the enterprise');
    assert.equal(s.history.defaults.toNumber(), 1);
  });
});
