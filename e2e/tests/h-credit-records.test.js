// (h) Credit records, as users meet them: root admits a KYC verifier, Bob registers with only a
// document hash, gets KYC attested, sees his tier and cap through the runtime API, grants Charlie
// access to his off-chain profile, Charlie logs an access, Bob revokes it; freezing Bob makes him
// ineligible; an unverified account is ineligible and a non-verifier cannot attest.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { devAccounts, findEvent, submitAndWait } from '../lib/chain.js';
import * as lib from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';
import { txHelpers } from '../lib/tx.js';

/** One USDX in credit units. */
const USDX_UNIT = 1_000_000n;
const DAY_MS = 24 * 3600 * 1000;
const DOCS = `0x${'ab'.repeat(32)}`;
const EVIDENCE = `0x${'cd'.repeat(32)}`;

describe('credit records', { timeout: 300_000 }, () => {
  let node;
  let api;
  let accounts;

  let ok;
  let root;
  /** Submits `tx` and asserts it failed with `CreditRecords.<name>`. */
  let failsWith;

  async function summary(who) {
    const s = await api.call.creditRecordsApi.profileSummary(who.address);
    return s.isSome ? s.unwrap() : null;
  }

  async function now() {
    return (await api.query.timestamp.now()).toNumber();
  }

  before(async () => {
    node = await startNode({ name: 'credit', args: ['--dev', '--sealing', 'instant'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    const tx = txHelpers(api);
    ok = tx.ok;
    root = (call) => tx.root(call, accounts.alice);
    failsWith = (t, signer, name) => tx.failsWith(t, signer, `CreditRecords.${name}`);
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('the pallet and its runtime API are in the metadata', async () => {
    assert.ok(api.tx.creditRecords, 'CreditRecords calls');
    assert.ok(api.call.creditRecordsApi?.profileSummary, 'CreditRecordsApi.profile_summary');
    assert.ok(api.call.creditRecordsApi?.scoreBreakdown, 'CreditRecordsApi.score_breakdown');
    assert.ok(api.call.creditRecordsApi?.grants, 'CreditRecordsApi.grants');
    const tiers = await api.query.creditRecords.tierTable();
    assert.equal(tiers.length, 5, 'the default tier table is set at genesis');
  });

  test('root admits Dave as a KYC provider', async () => {
    const { dave } = accounts;
    const res = await root(api.tx.creditRecords.addVerifier(dave.address, 'KycProvider', 'Dave KYC Ltd'));
    const added = findEvent(res.events, api.events.creditRecords.VerifierAdded);
    assert.ok(added, 'VerifierAdded emitted');
    assert.equal(added.data.verifier.toString(), dave.address);
    const info = await api.query.creditRecords.verifiers(dave.address);
    assert.equal(info.unwrap().kind.toString(), 'KycProvider');
  });

  test('Bob registers with only a document hash; the deposit is held', async () => {
    const { bob } = accounts;
    const res = await ok(api.tx.creditRecords.register('Individual', DOCS), bob);
    const registered = findEvent(res.events, api.events.creditRecords.Registered);
    assert.ok(registered, 'Registered emitted');
    const deposit = registered.data.deposit.toBigInt();
    assert.ok(deposit > 0n, 'a deposit is held');
    const profile = (await api.query.creditRecords.profiles(bob.address)).unwrap();
    assert.equal(profile.documents.toHex(), DOCS);
    const held = (await api.query.system.account(bob.address)).data.reserved.toBigInt();
    assert.ok(held >= deposit, `held ${held} covers the deposit ${deposit}`);

    const s = await summary(bob);
    assert.equal(s.verified.isTrue, false, 'not verified before KYC');
    assert.equal(s.eligible.isTrue, false, 'not eligible before KYC');
    assert.equal(s.score.toNumber(), 550);
  });

  test('a non-verifier cannot attest, and no one can attest an account without a profile', async () => {
    const { eve, dave, bob, ferdie } = accounts;
    const expires = (await now()) + 365 * DAY_MS;
    await failsWith(api.tx.creditRecords.attest(bob.address, 'KycBasic', EVIDENCE, expires, lib.personOf(bob.address)), eve, 'NotVerifier');
    await failsWith(api.tx.creditRecords.attest(ferdie.address, 'KycBasic', EVIDENCE, expires, lib.personOf(ferdie.address)), dave, 'NoProfile');
    await failsWith(
      api.tx.creditRecords.attest(bob.address, 'AuditedFinancials', EVIDENCE, expires, null),
      dave,
      'ClaimNotAllowed',
    );
  });

  test('Dave attests KYC for Bob: the runtime API shows his tier, cap and eligibility', async () => {
    const { bob, dave } = accounts;
    const expires = (await now()) + 365 * DAY_MS;
    const res = await ok(api.tx.creditRecords.attest(bob.address, 'KycBasic', EVIDENCE, expires, lib.personOf(bob.address)), dave);
    assert.ok(findEvent(res.events, api.events.creditRecords.Attested), 'Attested emitted');
    const changed = findEvent(res.events, api.events.creditRecords.ScoreChanged);
    assert.ok(changed, 'ScoreChanged emitted');
    // (Positional: `new` is not exposed as a named getter on event data.)
    const [who, oldScore, newScore, reason] = changed.data;
    assert.equal(who.toString(), bob.address);
    assert.equal(oldScore.toNumber(), 550);
    assert.equal(newScore.toNumber(), 570);
    assert.equal(reason.toString(), 'AttestationsChanged');

    const s = await summary(bob);
    assert.equal(s.verified.isTrue, true);
    assert.equal(s.eligible.isTrue, true);
    assert.equal(s.score.toNumber(), 570);
    assert.equal(s.tier.unwrap().toNumber(), 2);
    assert.equal(s.exposureCap.toBigInt(), 10_000n * USDX_UNIT);
    assert.equal(s.ratePremiumBps.toNumber(), 400);
    assert.equal(s.outstanding.toBigInt(), 0n);
    assert.deepEqual(s.validClaims.map((c) => c.toString()), ['KycBasic']);

    const breakdown = await api.call.creditRecordsApi.scoreBreakdown(bob.address);
    assert.equal(breakdown.base.toNumber(), 550);
    assert.equal(breakdown.attestationBonus.toNumber(), 20);
    assert.equal(breakdown.score.toNumber(), 570);
  });

  test('Bob grants Charlie access, Charlie logs an access, Bob revokes it', async () => {
    const { bob, charlie } = accounts;
    const until = (await now()) + 30 * DAY_MS;
    const envelope = `0x${'11'.repeat(48)}`;
    const granted = await ok(api.tx.creditRecords.grantAccess(charlie.address, until, envelope), bob);
    assert.ok(findEvent(granted.events, api.events.creditRecords.AccessGranted), 'AccessGranted emitted');

    const grants = await api.call.creditRecordsApi.grants(bob.address);
    assert.equal(grants.length, 1);
    assert.equal(grants[0].institution.toString(), charlie.address);
    assert.equal(grants[0].active.isTrue, true);
    assert.equal(grants[0].until.toNumber(), until);

    const logged = await ok(api.tx.creditRecords.logAccess(bob.address), charlie);
    const accessed = findEvent(logged.events, api.events.creditRecords.ProfileAccessed);
    assert.ok(accessed, 'ProfileAccessed emitted');
    assert.equal(accessed.data.subject.toString(), bob.address);
    assert.equal(accessed.data.institution.toString(), charlie.address);

    const revoked = await ok(api.tx.creditRecords.revokeAccess(charlie.address), bob);
    assert.ok(findEvent(revoked.events, api.events.creditRecords.AccessRevoked), 'AccessRevoked emitted');
    assert.equal((await api.call.creditRecordsApi.grants(bob.address)).length, 0);
    await failsWith(api.tx.creditRecords.logAccess(bob.address), charlie, 'NoValidGrant');
  });

  test('freezing Bob makes the runtime API report him ineligible; unfreezing restores it', async () => {
    const { bob } = accounts;
    const frozen = await root(api.tx.creditRecords.freeze(bob.address, 'RiskReview'));
    assert.ok(findEvent(frozen.events, api.events.creditRecords.Frozen), 'Frozen emitted');
    let s = await summary(bob);
    assert.equal(s.frozen.unwrap().toString(), 'RiskReview');
    assert.equal(s.eligible.isTrue, false);

    await root(api.tx.creditRecords.unfreeze(bob.address));
    s = await summary(bob);
    assert.equal(s.frozen.isNone, true);
    assert.equal(s.eligible.isTrue, true);
  });

  test('an unverified account is ineligible; only root may admit verifiers or freeze', async () => {
    const { ferdie, eve, bob } = accounts;
    await ok(api.tx.creditRecords.register('Enterprise', DOCS), ferdie);
    const s = await summary(ferdie);
    assert.equal(s.verified.isTrue, false);
    assert.equal(s.eligible.isTrue, false);
    assert.equal(await summary(eve), null, 'no profile, no summary');

    const res = await submitAndWait(api, api.tx.creditRecords.freeze(bob.address, 'RiskReview'), eve);
    assert.equal(res.error?.text, 'BadOrigin');
  });
});
