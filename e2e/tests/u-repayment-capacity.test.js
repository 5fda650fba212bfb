// (u) Credit applications as lenders read them (issue 20), on a dev node with instant sealing:
// a credit bureau attests Bob's monthly income band (3,000–6,000 USDX: a limit of 40 % of
// 3,000 = 1,200 USDX a month of debt service). Bob's request for 2,000 USDX over four months
// (about 520 a month) is accepted and its purpose is readable from the loan's view; one for 3,000
// more (about 780 a month) is refused with the income limit's error; Dave, without an income
// attestation, meets the unattested limit (300 a month); a purpose governance closed is refused;
// Charlie funds Bob's loan and it starts.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { USDX, XBTC, assetBalance, devAccounts, findEvent } from '../lib/chain.js';
import * as lib from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';
import { fixed, txHelpers } from '../lib/tx.js';

const DAY_MS = 24 * 3600 * 1000;
const MONTH_S = 30 * 24 * 3600;
const USDX_UNIT = 10n ** 6n;
const DOCS = `0x${'ab'.repeat(32)}`;
const EVIDENCE = `0x${'cd'.repeat(32)}`;

describe('repayment capacity and loan purpose', { timeout: 300_000 }, () => {
  let node;
  let api;
  let accounts;
  let tx;
  let bobsLoan;
  const HOME = lib.purpose('Home', 'a new roof');

  const chainNow = () => lib.chainNow(api);

  async function capacity(who) {
    const view = await api.call.creditRecordsApi.repaymentCapacity(who.address);
    assert.ok(view.isSome, 'a profile has a capacity');
    return view.unwrap();
  }

  /** `who` asks for `principal` USDX over four monthly instalments at 12 %, for `purpose`. */
  async function request(who, principal, purpose = HOME) {
    return api.tx.p2pLoans.createRequest(
      USDX.id,
      principal,
      fixed(12, 100),
      4,
      MONTH_S,
      'Amortising',
      null,
      (await chainNow()) + 10 * DAY_MS,
      100n * USDX_UNIT,
      purpose,
    );
  }

  before(async () => {
    node = await startNode({ name: 'capacity', args: ['--dev', '--sealing', 'instant'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    tx = txHelpers(api);
    const { alice, bob, charlie, dave, ferdie } = accounts;
    await tx.root(api.tx.creditRecords.addVerifier(ferdie.address, 'KycProvider', 'Ferdie KYC'), alice);
    const expires = (await chainNow()) + 365 * DAY_MS;
    for (const who of [bob, charlie, dave]) {
      await tx.ok(api.tx.creditRecords.register('Individual', DOCS), who);
      await tx.ok(api.tx.creditRecords.attest(who.address, 'KycBasic', EVIDENCE, expires, lib.personOf(who.address)), ferdie);
    }
    await tx.feed([[USDX.id, fixed(1)], [XBTC.id, fixed(600)]], [alice, bob]);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('a credit bureau attests a band, and the wallet sees the limit and the room', async () => {
    const { alice, bob } = accounts;
    let view = await capacity(bob);
    assert.ok(view.basis.isUnattested, 'no income attested yet');
    assert.equal(view.limit.toBigInt(), 300n * USDX_UNIT, 'the unattested limit');
    const bureau = await tx.attestIncomes([bob], alice, 'From3kTo6k');
    view = await capacity(bob);
    assert.ok(view.basis.isIncome, 'measured against the attested income');
    assert.equal(view.basis.asIncome.band.toString(), 'From3kTo6k');
    assert.equal(view.limit.toBigInt(), 1_200n * USDX_UNIT, '40 % of 3,000 a month');
    assert.equal(view.room.toBigInt(), 1_200n * USDX_UNIT);
    assert.equal(view.monthlyService.toBigInt(), 0n);
    const attestations = (await api.query.creditRecords.attestations(bob.address)).toArray();
    const income = attestations.find((a) => a.claim.toString() === 'IncomeVerified');
    assert.equal(income.verifier.toString(), bureau.address);
    assert.equal(income.incomeBand.unwrap().toString(), 'From3kTo6k', 'the band, never the income');
  });

  test('a request within capacity is accepted, with its purpose in the loan view', async () => {
    const { bob } = accounts;
    const res = await tx.ok(await request(bob, 2_000n * USDX_UNIT), bob);
    const created = findEvent(res.events, api.events.p2pLoans.RequestCreated);
    assert.equal(created.data.terms.purpose.category.toString(), 'Home');
    bobsLoan = created.data.loan.toNumber();
    const loan = (await api.call.p2pLoansApi.loan(bobsLoan)).unwrap();
    assert.equal(loan.terms.purpose.category.toString(), 'Home');
    assert.equal(loan.terms.purpose.descriptionHash.toHex(), HOME.descriptionHash);
    const monthly = loan.monthlyService.toBigInt();
    // An annuity of 2,000 at 12 % over four 30-day periods: about 511 every 30 days, 518 a month.
    assert.ok(monthly > 510n * USDX_UNIT && monthly < 525n * USDX_UNIT, `monthly service ${monthly}`);
    const view = await capacity(bob);
    assert.equal(view.monthlyService.toBigInt(), monthly, 'the open request counts at once');
    assert.equal(view.room.toBigInt(), 1_200n * USDX_UNIT - monthly);
  });

  test('one beyond it is refused with the limit it hit, and changes nothing', async () => {
    const { bob, dave } = accounts;
    const before = await capacity(bob);
    await tx.failsWith(await request(bob, 3_000n * USDX_UNIT), bob, 'CreditRecords.DebtServiceAboveIncomeLimit');
    assert.equal((await capacity(bob)).monthlyService.toBigInt(), before.monthlyService.toBigInt());
    // Dave has no income attestation: 2,000 over four months is beyond 300 a month, 1,000 is not.
    await tx.failsWith(await request(dave, 2_000n * USDX_UNIT), dave, 'CreditRecords.DebtServiceAboveUnattestedLimit');
    await tx.ok(await request(dave, 1_000n * USDX_UNIT), dave);
  });

  test('a purpose governance closed for P2P loans is refused', async () => {
    const { alice, bob } = accounts;
    const consumption = lib.purpose('PersonalConsumption', 'a holiday');
    // Bit 0: personal consumption (PurposeSet is a bitmask of categories).
    await tx.root(api.tx.creditRecords.setClosedPurposes('P2pLoans', 1), alice);
    await tx.failsWith(await request(bob, 200n * USDX_UNIT, consumption), bob, 'CreditRecords.PurposeClosed');
    await tx.root(api.tx.creditRecords.setClosedPurposes('P2pLoans', 0), alice);
  });

  test('Charlie funds Bob’s loan and it starts; the service stays booked', async () => {
    const { bob, charlie } = accounts;
    const before = await assetBalance(api, USDX.id, bob.address);
    await tx.ok(api.tx.p2pLoans.fund(bobsLoan, 2_000n * USDX_UNIT), charlie);
    const loan = (await api.call.p2pLoansApi.loan(bobsLoan)).unwrap();
    assert.equal(loan.status.toString(), 'Active');
    assert.equal((await assetBalance(api, USDX.id, bob.address)) - before, 2_000n * USDX_UNIT, 'disbursed');
    assert.equal((await capacity(bob)).monthlyService.toBigInt(), loan.monthlyService.toBigInt());
  });
});
