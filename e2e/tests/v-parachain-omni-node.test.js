// (v) The parachain runtime under the collator every parachain team runs, polkadot-omni-node
// (dev mode: one collator, the relay chain mocked). The same users' flows as on the standalone
// chain: blocks and time advance, properties and metadata, a transfer, KYC, a collateralised pool
// loan, a P2P loan funded by two lenders with its first instalment paid, and every storage item
// decodes.
//
// omni-node takes ~50 min to build on 2 cores, so it is installed once per machine by
// scripts/install-omni-node; without it this file is skipped and says why.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { USDX, XBTC, XDI, assetBalance, devAccounts, findEvent, freeBalance } from '../lib/chain.js';
import * as lib from '../lib/chain.js';
import { printLogsOnFailure, startNode, waitFor } from '../lib/node.js';
import { fixed, txHelpers } from '../lib/tx.js';

const execFileP = promisify(execFile);

const cache = process.env.XINDAI_CACHE || path.join(os.homedir(), '.cache', 'xindai');
const target = process.env.CARGO_TARGET_DIR || path.join(cache, 'target');
const OMNI_NODE = process.env.XINDAI_OMNI_NODE || path.join(cache, 'bin', 'polkadot-omni-node');
const CHAIN_SPEC_BUILDER = process.env.XINDAI_CHAIN_SPEC_BUILDER || path.join(cache, 'bin', 'chain-spec-builder');
const WASM =
  process.env.XINDAI_PARACHAIN_WASM ||
  path.join(target, 'debug', 'wbuild', 'xindai-parachain-runtime', 'xindai_parachain_runtime.wasm');

const missing = [OMNI_NODE, CHAIN_SPEC_BUILDER, WASM].filter((f) => !existsSync(f));
const SKIP = missing.length
  ? `not installed: ${missing.join(', ')} (run scripts/install-omni-node once on this machine)`
  : false;
if (SKIP) console.log(`# parachain e2e SKIPPED: ${SKIP}`);

const DAY_MS = 24 * 3600 * 1000;
const MONTH_S = 30 * 24 * 3600;
const USDX_UNIT = 10n ** 6n;
const XBTC_UNIT = 10n ** 8n;
const DOCS = `0x${'ab'.repeat(32)}`;
const EVIDENCE = `0x${'cd'.repeat(32)}`;

describe('parachain under polkadot-omni-node', { skip: SKIP, timeout: 600_000 }, () => {
  let node;
  let api;
  let accounts;
  let tx;
  let dir;

  const chainNow = () => lib.chainNow(api);

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xindai-parachain-'));
    const spec = path.join(dir, 'spec.json');
    await execFileP(CHAIN_SPEC_BUILDER, [
      '-c', spec, 'create', '--chain-name', 'Xindai Parachain e2e', '--chain-id', 'xindai_parachain_e2e',
      '-t', 'development', '--relay-chain', 'westend-local', '--para-id', '2000',
      '--properties', 'tokenSymbol=XDI,tokenDecimals=12,ss58Format=42',
      '--runtime', WASM, 'named-preset', 'development',
    ]);
    // A block a second (each one stamped 6 s after its parent: one relay slot per block).
    node = await startNode({ name: 'omni', bin: OMNI_NODE, args: ['--chain', spec, '--dev', '--dev-block-time', '1000'] });
    api = node.api;
    accounts = await devAccounts(api.registry.chainSS58);
    tx = txHelpers(api);
  });
  after(async () => {
    await node?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('blocks are produced and their timestamps advance, near now', async () => {
    const first = (await api.rpc.chain.getHeader()).number.toNumber();
    const t0 = await chainNow();
    await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() >= first + 3, { what: 'three more blocks' });
    const t1 = await chainNow();
    assert.ok(t1 > t0, `timestamp advanced (${t0} -> ${t1})`);
    assert.ok(Math.abs(Date.now() - t1) < 6 * 3600 * 1000, 'stamped within hours of now, not near the epoch');
  });

  test('properties, runtime version and metadata are the standalone chain\'s, with Cumulus for GRANDPA', async () => {
    const props = await api.rpc.system.properties();
    assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'XDI');
    assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 12);
    assert.equal(api.registry.chainSS58, 42);
    assert.equal(api.runtimeVersion.specName.toString(), 'xindai-parachain');
    const pallets = new Map(api.runtimeMetadata.asLatest.pallets.map((p) => [p.name.toString(), p.index.toNumber()]));
    for (const [name, index] of [['CreditRecords', 50], ['LiquidityPools', 51], ['P2pLoans', 52], ['SmeFinance', 53], ['Referenda', 32], ['ParachainSystem', 6], ['ParachainInfo', 7]]) {
      assert.equal(pallets.get(name), index, `${name} at index ${index}`);
    }
    assert.ok(!pallets.has('Grandpa'), 'no GRANDPA on a parachain');
    assert.equal((await api.query.parachainInfo.parachainId()).toNumber(), 2000);
    for (const call of ['creditRecordsApi', 'liquidityPoolsApi', 'p2pLoansApi', 'smeFinanceApi']) {
      assert.ok(api.call[call], `${call} is exposed`);
    }
  });

  test('a transfer', async () => {
    const { alice, ferdie } = accounts;
    const before = await freeBalance(api, ferdie.address);
    await tx.ok(api.tx.balances.transferKeepAlive(ferdie.address, 5n * XDI), alice);
    assert.equal((await freeBalance(api, ferdie.address)) - before, 5n * XDI);
  });

  test('KYC: registration with a document hash, and a verifier\'s attestation', async () => {
    const { alice, bob, charlie, dave, ferdie } = accounts;
    await tx.root(api.tx.creditRecords.addVerifier(ferdie.address, 'KycProvider', 'Ferdie KYC'), alice);
    const expires = (await chainNow()) + 3 * 365 * DAY_MS;
    for (const who of [alice, bob, charlie, dave]) {
      await tx.ok(api.tx.creditRecords.register('Individual', DOCS), who);
      await tx.ok(api.tx.creditRecords.attest(who.address, 'KycBasic', EVIDENCE, expires, lib.personOf(who.address)), ferdie);
    }
    await tx.attestIncomes([alice, bob, charlie, dave], alice);
    const summary = (await api.call.creditRecordsApi.profileSummary(bob.address)).unwrap();
    assert.equal(summary.score.toNumber(), 590, 'base 550 + KYC + income attestation, as on the standalone chain');
  });

  test('a pool deposit, a borrow against XBTC collateral and its repayment', async () => {
    const { alice, bob } = accounts;
    await tx.feed([[USDX.id, fixed(1)], [XBTC.id, fixed(600)]], [alice, bob]);
    await tx.ok(api.tx.liquidityPools.deposit(USDX.id, 100_000n * USDX_UNIT), alice);
    await tx.ok(api.tx.liquidityPools.deposit(XBTC.id, XBTC_UNIT), bob);
    await tx.ok(api.tx.liquidityPools.enableCollateral(XBTC.id), bob);
    const before = await assetBalance(api, USDX.id, bob.address);
    const res = await tx.ok(api.tx.liquidityPools.borrow(USDX.id, 100n * USDX_UNIT), bob);
    assert.ok(findEvent(res.events, api.events.liquidityPools.Borrowed), 'Borrowed emitted');
    assert.equal((await assetBalance(api, USDX.id, bob.address)) - before, 100n * USDX_UNIT);
    const repaid = await tx.ok(api.tx.liquidityPools.repayAll(USDX.id), bob);
    assert.ok(findEvent(repaid.events, api.events.liquidityPools.Repaid), 'Repaid emitted');
    const position = await api.call.liquidityPoolsApi.position(bob.address);
    assert.equal(position.debts.length, 0, 'no debt left');
  });

  test('a P2P request funded by two lenders; its first instalment paid', async () => {
    const { alice, bob, charlie } = accounts;
    await tx.feed([[USDX.id, fixed(1)], [XBTC.id, fixed(600)]], [alice, bob]);
    const created = await tx.ok(
      api.tx.p2pLoans.createRequest(
        USDX.id, 1_000n * USDX_UNIT, fixed(12, 100), 4, MONTH_S, 'Amortising',
        [XBTC.id, XBTC_UNIT / 10n], (await chainNow()) + 10 * DAY_MS, 100n * USDX_UNIT, lib.purpose(),
      ),
      bob,
    );
    const id = findEvent(created.events, api.events.p2pLoans.RequestCreated).data.loan.toNumber();
    await tx.ok(api.tx.p2pLoans.fund(id, 600n * USDX_UNIT), alice);
    const started = await tx.ok(api.tx.p2pLoans.fund(id, 400n * USDX_UNIT), charlie);
    assert.ok(findEvent(started.events, api.events.p2pLoans.LoanStarted), 'LoanStarted emitted');
    const view = (await api.call.p2pLoansApi.loan(id)).unwrap();
    const first = view.schedule[0].instalment;
    const res = await tx.ok(api.tx.p2pLoans.repay(id, first.principal.toBigInt() + first.interest.toBigInt()), bob);
    const paid = findEvent(res.events, api.events.p2pLoans.InstalmentPaid);
    assert.ok(paid, 'InstalmentPaid emitted');
    assert.equal(paid.data.index.toNumber(), 0, 'the first instalment');
    assert.equal(paid.data.daysLate.toNumber(), 0, 'on time');
    const after = (await api.call.p2pLoansApi.loan(id)).unwrap();
    assert.equal(after.status.toString(), 'Active', 'still active with three instalments left');
  });

  test('every storage item of every pallet decodes', async () => {
    for (const section of Object.keys(api.query)) {
      for (const [name, item] of Object.entries(api.query[section])) {
        if (typeof item !== 'function' || !item.creator) continue;
        // A value that does not decode makes @polkadot/api throw, failing the test with its name.
        try {
          if (item.creator.meta.type.isPlain) await item();
          else await item.entries();
        } catch (e) {
          assert.fail(`${section}.${name} does not decode: ${e.message}`);
        }
      }
    }
  });
});
