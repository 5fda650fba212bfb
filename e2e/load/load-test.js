// The Xindai load test (run it with scripts/load-test, which builds the chain spec and starts the
// node; this file only talks to a running node).
//
// For each kind of extrinsic, as its own phase on one chain: set up what it needs (untimed),
// pre-sign every extrinsic (one nonce sequence per sender, immortal, no tip), submit them all
// with raw `author_submitExtrinsic` over websockets, many in flight, then read the blocks back and
// count what the chain included, per block, and what failed. Steady-state blocks are the blocks
// strictly between the first and the last block that include the phase's kind: the first one is
// filled by whatever arrived before it was authored, the last one by what was left.
//
//   node load/load-test.js --ws ws://127.0.0.1:9944 [--smoke] [--kinds a,b] [--blocks 5]
//        [--count N | --count kind=N,...] [--senders N] [--window N] [--connections N]
//        [--out DIR] [--node-pid PID] [--node-kind release|debug|custom] [--node-bin PATH]
//        [--wasm PATH] [--node-log PATH] [--commit TEXT]

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { XBTC, USDX, XDI, devAccounts, personOf, purpose } from '../lib/chain.js';
import { sleep } from '../lib/node.js';
import { fixed } from '../lib/tx.js';

import { best, loadKeyring, nonces, queryInfo, readBlocks, signHex, waitForNonces } from './chain-io.js';
import { RpcClient, submitAll } from './rpc.js';

const USDX_UNIT = 10n ** BigInt(USDX.decimals);
const XBTC_UNIT = 10n ** BigInt(XBTC.decimals);
const DAY_MS = 24 * 3600 * 1000;
const MONTH_S = 30 * 24 * 3600;
const DOCS = `0x${'ab'.repeat(32)}`;
const EVIDENCE = `0x${'cd'.repeat(32)}`;

/** The kinds, in the order their phases run. */
const KINDS = {
  transfer: { call: 'balances.transferKeepAlive', what: 'XDI transfer to another funded account' },
  'pool-deposit': { call: 'liquidityPools.deposit', what: '10 USDX into the USDX pool' },
  'pool-repay': { call: 'liquidityPools.repay', what: '1 USDX of the sender\'s own pool debt' },
  'p2p-fund': { call: 'p2pLoans.fund', what: '1 USDX slice of an 8,000 USDX request (never completing it)' },
  'p2p-repay': { call: 'p2pLoans.repay', what: 'one instalment\'s amount of the sender\'s active loan' },
  attest: { call: 'creditRecords.attest', what: 'KYC (KycBasic, with identity) of a distinct registered subject' },
};
const KIND_NAMES = Object.keys(KINDS);

// Sizes of the setup. See `limits()` for why they are what they are.
const POOL_BORROW = 5_000n * USDX_UNIT; // each pool-repay borrower's debt
const POOL_COLLATERAL = XBTC_UNIT / 5n; // 0.2 XBTC = 12,000 USDX at 60,000
const POOL_REPAY = 1n * USDX_UNIT;
const DEPOSIT = 10n * USDX_UNIT;
const FUND_PRINCIPAL = 8_000n * USDX_UNIT;
const FUND_SLICE = 1n * USDX_UNIT;
const FUNDS_PER_REQUEST = 4_000; // at most, well below principal / slice
const REPAY_PRINCIPAL = 1_000n * USDX_UNIT;
const INSTALMENTS = 48;
const LOANS_PER_BORROWER = 5; // MaxOpenRequests; BorrowingCount flags above 6 a day
const LOANS_PER_LENDER = 60; // MaxLoansPerLender is 64
const ACCOUNT_XDI = 1_000n * XDI;

// ---------------------------------------------------------------------------
// Options

function usage(msg) {
  if (msg) process.stderr.write(`error: ${msg}\n`);
  process.stderr.write(
    'usage: load-test.js --ws URL [--smoke] [--kinds k1,k2] [--blocks N] [--count N|kind=N,...]\n' +
      '       [--senders N] [--verifiers N] [--lenders N] [--repays-per-borrower N] [--repays-per-loan N]\n' +
      '       [--window N] [--connections N] [--out DIR] [--node-pid PID] [--node-kind K] [--node-bin P]\n' +
      `       [--wasm P] [--node-log P] [--commit C] [--warning TEXT]\nkinds: ${KIND_NAMES.join(', ')}\n`,
  );
  process.exit(2);
}

function parseArgs(argv) {
  const o = {
    ws: null,
    smoke: false,
    kinds: KIND_NAMES,
    blocks: 5,
    count: {},
    countAll: null,
    senders: null,
    verifiers: null,
    lenders: null,
    repaysPerBorrower: 100,
    repaysPerLoan: 1,
    window: 4096,
    connections: 4,
    out: path.join(os.homedir(), '.cache', 'xindai', 'load-test'),
    nodePid: null,
    nodeKind: 'custom',
    nodeBin: '',
    wasm: '',
    nodeLog: '',
    commit: '',
    warnings: [],
  };
  const int = (v, name) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) usage(`${name} needs a positive integer, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') && a.startsWith('--') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    switch (flag) {
      case '--ws': o.ws = val(); break;
      case '--smoke': o.smoke = true; break;
      case '--kinds': {
        o.kinds = val().split(',').map((s) => s.trim()).filter(Boolean);
        for (const k of o.kinds) if (!KINDS[k]) usage(`unknown kind ${k}`);
        o.kinds = KIND_NAMES.filter((k) => o.kinds.includes(k));
        break;
      }
      case '--blocks': o.blocks = int(val(), flag); break;
      case '--count': {
        const v = val();
        if (/^\d+$/.test(v)) o.countAll = int(v, flag);
        else {
          for (const part of v.split(',')) {
            const [k, n] = part.split('=');
            if (!KINDS[k]) usage(`unknown kind ${k} in --count`);
            o.count[k] = int(n, flag);
          }
        }
        break;
      }
      case '--senders': o.senders = int(val(), flag); break;
      case '--verifiers': o.verifiers = int(val(), flag); break;
      case '--lenders': o.lenders = int(val(), flag); break;
      case '--repays-per-borrower': o.repaysPerBorrower = int(val(), flag); break;
      case '--repays-per-loan': o.repaysPerLoan = Math.min(int(val(), flag), 30); break;
      case '--window': o.window = int(val(), flag); break;
      case '--connections': o.connections = int(val(), flag); break;
      case '--out': o.out = val(); break;
      case '--node-pid': o.nodePid = int(val(), flag); break;
      case '--node-kind': o.nodeKind = val(); break;
      case '--node-bin': o.nodeBin = val(); break;
      case '--wasm': o.wasm = val(); break;
      case '--node-log': o.nodeLog = val(); break;
      case '--commit': o.commit = val(); break;
      case '--warning': o.warnings.push(val()); break;
      case '-h':
      case '--help': usage();
      // falls through (usage exits)
      default: usage(`unknown option ${a}`);
    }
  }
  if (!o.ws) usage('--ws is required');
  o.senders ??= o.smoke ? 5 : 500;
  o.verifiers = Math.min(o.verifiers ?? (o.smoke ? 4 : 50), 90);
  return o;
}

// ---------------------------------------------------------------------------
// Small helpers

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const mean = (xs) => (xs.length ? sum(xs) / xs.length : NaN);
const range = (n) => Array.from({ length: n }, (_, i) => i);
const ceilDiv = (a, b) => Math.ceil(a / b);
/** `total` split into `parts` near-equal whole parts. */
const split = (total, parts) => range(parts).map((i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
const log = (s = '') => process.stdout.write(`${s}\n`);
const pct = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : 'n/a');
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/**
 * The node's own account of each block it authored, from its log: how long proposing took and why
 * it stopped (sc-basic-authorship's `EndProposingReason`: `NoMoreTransactions` — the pool had no
 * more ready ones; `HitDeadline` — the proposal's time, 2/3 of the slot, ran out;
 * `HitBlockWeightLimit` / `HitBlockSizeLimit` — the runtime refused more). Map number → {ms, end}.
 */
function proposals(nodeLog) {
  const out = new Map();
  if (!nodeLog || !existsSync(nodeLog)) return out;
  const re = /Prepared block for proposing at (\d+) \((\d+) ms\).*end: (\w+); extrinsics_count: (\d+)/;
  for (const line of readFileSync(nodeLog, 'utf8').split('\n')) {
    const m = re.exec(line);
    if (m) out.set(Number(m[1]), { ms: Number(m[2]), end: m[3], extrinsics: Number(m[4]) });
  }
  return out;
}

// ---------------------------------------------------------------------------
// The run

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const alive = () => {
    if (!o.nodePid) return true;
    try {
      process.kill(o.nodePid, 0);
      return true;
    } catch {
      return false;
    }
  };

  await cryptoWaitReady();
  const provider = new WsProvider(o.ws, 1_000, {}, 600_000);
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  const q = await new RpcClient(o.ws).connect(); // queries
  const submitters = await Promise.all(range(o.connections).map(() => new RpcClient(o.ws).connect()));
  const dev = await devAccounts(api.registry.chainSS58);
  const acct = loadKeyring(api.registry.chainSS58);

  // Wait for Aura to author a first block.
  for (let i = 0; (await best(q)).number < 1; i++) {
    if (!alive()) throw new Error('the node exited');
    if (i > 240) throw new Error('no block authored within 2 minutes');
    await sleep(500);
  }

  const weights = api.consts.system.blockWeights;
  const normalMax = weights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
  const base = weights.perClass.normal.baseExtrinsic.refTime.toBigInt();
  const maxLen = api.consts.system.blockLength.max.normal.toNumber();
  const blockMs = (await api.call.auraApi.slotDuration()).toNumber();
  const version = api.runtimeVersion;

  const header = [
    `Xindai load test — ${new Date(t0).toISOString()}${o.smoke ? ' — SMOKE' : ''}`,
    `node: ${o.nodeBin || '(given)'} (${o.nodeKind})${o.commit ? `, commit ${o.commit}` : ''}`,
    `runtime: ${version.specName} v${version.specVersion} from ${o.wasm || 'the chain spec'}`,
    `limits: normal ref time ${normalMax} ps per block, base extrinsic ${base} ps, normal length ${maxLen} bytes, block time ${blockMs} ms`,
  ];
  const warnings = o.warnings.map((w) => `WARNING: ${w}`);
  if (o.nodeKind === 'debug') {
    warnings.push(
      'WARNING: this ran against the DEBUG node (unoptimised client: transaction pool, RPC, block import are',
      'about 10x slower than release). Its throughput figures are NOT meaningful; only inclusion and failures are.',
    );
  }
  if (o.smoke) warnings.push('Smoke mode: a few extrinsics per kind; checks inclusion and failures only, not saturation.');
  for (const l of [...header, ...warnings]) log(l);

  // ---- Sizing: each kind's weight and length from a sample, its ceiling, its count.
  const ceilings = {};
  const samples = {
    transfer: () => api.tx.balances.transferKeepAlive(dev.bob.address, 1_000_000_000n),
    'pool-deposit': () => api.tx.liquidityPools.deposit(USDX.id, DEPOSIT),
    'pool-repay': () => api.tx.liquidityPools.repay(USDX.id, POOL_REPAY),
    'p2p-fund': () => api.tx.p2pLoans.fund(0, FUND_SLICE),
    'p2p-repay': () => api.tx.p2pLoans.repay(0, 26n * USDX_UNIT),
    attest: () => api.tx.creditRecords.attest(dev.bob.address, 'KycBasic', EVIDENCE, Date.now() + 365 * DAY_MS, personOf(dev.bob.address)),
  };
  for (const k of o.kinds) {
    const info = await queryInfo(api, signHex(api, samples[k](), dev.charlie, 0));
    const perTx = info.refTime + base;
    ceilings[k] = { ...info, perTx, byWeight: Number(normalMax / perTx), byLength: Math.floor(maxLen / info.length) };
  }
  // An empty remark weighs almost only the transaction extensions (nonce, era, genesis, fee
  // payment, weight checks and reclaim): a floor under every signed extrinsic.
  const remark = await queryInfo(api, signHex(api, api.tx.system.remark('0x'), dev.charlie, 0));
  const floorLine =
    `floor: a signed empty system.remark weighs ${remark.refTime} ps (the transaction extensions' weight, nearly all of it) + base ${base} ps: ` +
    `at most ${Number(normalMax / (remark.refTime + base))} signed extrinsics per block whatever the call`;
  header.push(floorLine);
  const counts = {};
  for (const k of o.kinds) {
    const c = ceilings[k];
    counts[k] = o.count[k] ?? o.countAll ?? (o.smoke ? 20 : Math.min(c.byWeight, c.byLength) * (o.blocks + 2));
  }
  log(floorLine);
  log('\nsizing (ceiling per block = normal max ref time / (queryInfo weight + base extrinsic)):');
  for (const k of o.kinds) {
    const c = ceilings[k];
    log(`  ${k.padEnd(12)} weight ${c.refTime} ps + base ${base} -> ${c.byWeight}/block by weight, ${c.byLength}/block by length (${c.length} B); count ${counts[k]}`);
  }

  // ---- Plans: who sends what in each phase, and what it needs set up.
  const plans = makePlans(o, counts, acct);

  // ---- Setup (untimed), in stages shared by the kinds.
  const tSetup = Date.now();
  const ctx = { api, q, submitters, o, alive, dev };
  await setup(ctx, plans);
  log(`setup done in ${((Date.now() - tSetup) / 1000).toFixed(0)} s`);

  // ---- Phases.
  const results = {};
  for (const k of o.kinds) {
    results[k] = await runPhase(ctx, k, plans[k], { ceilings, normalMax, base, maxLen, blockMs });
  }

  // ---- Report.
  const report = renderReport({ o, header, warnings, results, ceilings, plans, base, normalMax, maxLen, blockMs });
  log(`\n${report}`);
  mkdirSync(o.out, { recursive: true });
  const stamp = new Date(t0).toISOString().replace(/[:.]/g, '-');
  const basePath = path.join(o.out, `${stamp}-${o.smoke ? 'smoke' : 'load'}-${o.nodeKind}`);
  writeFileSync(`${basePath}.md`, `${report}\n`);
  writeFileSync(
    `${basePath}.json`,
    JSON.stringify(
      { startedAt: new Date(t0).toISOString(), options: o, header, warnings, limits: { normalMax, base, maxLen, blockMs }, ceilings, counts, results },
      (_, v) => (typeof v === 'bigint' ? v.toString() : v),
      2,
    ),
  );
  log(`results: ${basePath}.md and .json${o.nodeLog ? `; node log: ${o.nodeLog}` : ''}`);
  log(`total time ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  let ok = true;
  if (o.smoke) {
    for (const k of o.kinds) {
      const r = results[k];
      const pass = r.included === r.count && r.failed === 0 && r.rejected === 0;
      if (!pass) ok = false;
      log(`smoke ${k}: ${pass ? 'PASS' : 'FAIL'} (${r.included}/${r.count} included, ${r.failed} failed, ${r.rejected} refused)`);
    }
    log(ok ? 'SMOKE PASSED' : 'SMOKE FAILED');
  }
  for (const c of [q, ...submitters]) c.close();
  await api.disconnect().catch(() => {});
  return ok ? 0 : 1;
}

// ---------------------------------------------------------------------------
// Plans

/** Who sends what in each phase, and the setup it needs. */
function makePlans(o, counts, acct) {
  const plans = {};
  const verifiers = range(o.verifiers).map((i) => acct('verifier', i));
  plans.verifiers = verifiers;
  for (const k of o.kinds) {
    const count = counts[k];
    if (k === 'transfer' || k === 'pool-deposit') {
      const n = Math.min(o.senders, count);
      const senders = range(n).map((i) => acct(`${k}/sender`, i));
      plans[k] = { count, senders, perSender: split(count, n) };
    } else if (k === 'pool-repay') {
      const n = ceilDiv(count, o.repaysPerBorrower);
      plans[k] = { count, borrowers: range(n).map((i) => acct(`${k}/borrower`, i)), perSender: split(count, n) };
    } else if (k === 'p2p-fund') {
      // Several large requests, each funded by many lenders; by default every lender funds once.
      const requests = Math.max(2, ceilDiv(count, FUNDS_PER_REQUEST));
      const lenders = Math.max(1, Math.min(o.lenders ?? count, count));
      plans[k] = {
        count,
        borrowers: range(requests).map((i) => acct(`${k}/borrower`, i)),
        lenders: range(lenders).map((i) => acct(`${k}/lender`, i)),
        perSender: split(count, lenders),
        loans: [],
      };
    } else if (k === 'p2p-repay') {
      // By default one repay per loan: it pays the loan's first instalment (its period has
      // started, so it may be paid early) and completes it. More per loan prepay principal.
      const loans = ceilDiv(count, o.repaysPerLoan);
      const borrowers = ceilDiv(loans, LOANS_PER_BORROWER);
      plans[k] = {
        count,
        borrowers: range(borrowers).map((i) => acct(`${k}/borrower`, i)),
        lenders: range(ceilDiv(loans, LOANS_PER_LENDER)).map((i) => acct(`${k}/lender`, i)),
        loanCount: loans,
        perLoan: split(count, loans),
        loans: [], // [{id, borrower}], LOANS_PER_BORROWER per borrower in order (fewer for the last)
        instalment: 0n,
      };
    } else if (k === 'attest') {
      plans[k] = { count, subjects: range(count).map((i) => acct(`${k}/subject`, i)), verifiers };
    }
  }
  return plans;
}

// ---------------------------------------------------------------------------
// Setup

/**
 * Signs `items` ({pair, tx, tag}) in order (consecutive nonces per signer from the chain's),
 * submits them, waits until all are in blocks, reads those blocks and throws on any failure.
 * Returns the events of these extrinsics ([{tag, event}]).
 */
async function stage(ctx, label, items) {
  const { api, q, submitters, o, alive } = ctx;
  if (items.length === 0) return [];
  const t = Date.now();
  const signers = [...new Set(items.map((it) => it.pair.address))];
  const n0 = await nonces(api, q, signers);
  const next = new Map(n0);
  const own = new Map();
  const hexes = items.map((it) => {
    const nonce = next.get(it.pair.address);
    next.set(it.pair.address, nonce + 1);
    const hex = signHex(api, it.tx, it.pair, nonce);
    own.set(hex.toLowerCase(), { kind: 'setup', ...it.tag });
    return hex;
  });
  const start = await best(q);
  const submitted = submitAll(submitters, hexes, { window: o.window });
  const done = await waitForNonces(api, q, next, { label: `setup ${label}`, from: n0, submitted, alive });
  const sub = await submitted;
  if (sub.rejected) throw new Error(`setup ${label}: ${sub.rejected} refused by the node: ${JSON.stringify(sub.errors)}`);
  if (!done.complete) throw new Error(`setup ${label}: only ${done.progress}/${done.want} included`);
  const blocks = await readBlocks(api, q, start.number + 1, done.number, own, { keepEvents: true });
  const failed = sum(blocks.map((b) => b.failed.setup ?? 0));
  if (failed) {
    const errs = blocks.flatMap((b) => b.errors.map((e) => `#${b.number} ${e.tag.what ?? ''}: ${e.error}`));
    throw new Error(`setup ${label}: ${failed} failed:\n  ${errs.slice(0, 20).join('\n  ')}`);
  }
  log(`  setup ${label}: ${items.length} extrinsics in blocks #${start.number + 1}..#${done.number} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  return blocks.flatMap((b) => b.events);
}

/** `calls` as batches (`utility.batchAll`, through sudo when `sudo`) of at most a third of a block each. */
async function batches(ctx, calls, { sudo }) {
  const { api, dev } = ctx;
  if (calls.length === 0) return [];
  const wrap = (cs) => (sudo ? api.tx.sudo.sudo(api.tx.utility.batchAll(cs)) : api.tx.utility.batchAll(cs));
  const probe = calls.slice(0, Math.min(10, calls.length));
  const info = await queryInfo(api, signHex(api, wrap(probe), dev.alice, 0));
  const weights = api.consts.system.blockWeights;
  const normalMax = weights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
  const maxLen = api.consts.system.blockLength.max.normal.toNumber();
  const perCallWeight = info.refTime / BigInt(probe.length) + 1n;
  const perCallLen = Math.ceil(info.length / probe.length);
  const chunk = Math.max(1, Math.min(2_000, Number(normalMax / 3n / perCallWeight), Math.floor(maxLen / 3 / perCallLen)));
  const out = [];
  for (let i = 0; i < calls.length; i += chunk) out.push(wrap(calls.slice(i, i + chunk)));
  return out;
}

async function setup(ctx, plans) {
  const { api, o, dev } = ctx;
  const { alice, bob } = dev;
  const kinds = o.kinds;
  const has = (k) => kinds.includes(k);
  const verifiers = plans.verifiers;
  const needVerifiers = kinds.some((k) => k !== 'transfer' && k !== 'pool-deposit');
  log('\nsetup:');

  // Accounts to fund with XDI, and their assets.
  const funded = [];
  const mints = []; // [asset, who, amount]
  if (needVerifiers) funded.push(...verifiers);
  if (has('transfer')) funded.push(...plans.transfer.senders);
  if (has('pool-deposit')) {
    const p = plans['pool-deposit'];
    funded.push(...p.senders);
    p.senders.forEach((s, i) => mints.push([USDX.id, s, BigInt(p.perSender[i]) * DEPOSIT + 100n * USDX_UNIT]));
  }
  if (has('pool-repay')) {
    const p = plans['pool-repay'];
    funded.push(...p.borrowers);
    for (const b of p.borrowers) {
      mints.push([USDX.id, b, 1_000n * USDX_UNIT]);
      mints.push([XBTC.id, b, XBTC_UNIT]);
    }
  }
  if (has('p2p-fund')) {
    const p = plans['p2p-fund'];
    funded.push(...p.borrowers, ...p.lenders);
    p.lenders.forEach((l, i) => mints.push([USDX.id, l, BigInt(p.perSender[i]) * FUND_SLICE + 100n * USDX_UNIT]));
  }
  if (has('p2p-repay')) {
    const p = plans['p2p-repay'];
    funded.push(...p.borrowers, ...p.lenders);
    for (const b of p.borrowers) mints.push([USDX.id, b, 1_000n * USDX_UNIT]);
    for (const l of p.lenders) mints.push([USDX.id, l, BigInt(LOANS_PER_LENDER) * REPAY_PRINCIPAL + 100n * USDX_UNIT]);
  }
  if (has('attest')) funded.push(...plans.attest.subjects);

  const prices = [[USDX.id, fixed(1)], [XBTC.id, fixed(600)]];
  const feed = () => [
    { pair: alice, tx: api.tx.oracle.feedValues(prices), tag: { what: 'oracle.feedValues (Alice)' } },
    { pair: bob, tx: api.tx.oracle.feedValues(prices), tag: { what: 'oracle.feedValues (Bob)' } },
  ];

  // Stage 1: Alice funds everyone (sudo forceSetBalance), mints their USDX/XBTC (she is the
  // assets' issuer), admits the KYC verifiers, deposits the pool's cash; Alice and Bob, two of the
  // oracle's feeders (its quorum), post fresh prices.
  const s1 = [];
  for (const tx of await batches(ctx, funded.map((p) => api.tx.balances.forceSetBalance(p.address, ACCOUNT_XDI)), { sudo: true })) {
    s1.push({ pair: alice, tx, tag: { what: 'sudo(batchAll(balances.forceSetBalance))' } });
  }
  const mintCalls = [api.tx.assets.mint(USDX.id, alice.address, 10_000_000n * USDX_UNIT), ...mints.map(([a, who, amt]) => api.tx.assets.mint(a, who.address, amt))];
  for (const tx of await batches(ctx, mintCalls, { sudo: false })) s1.push({ pair: alice, tx, tag: { what: 'batchAll(assets.mint)' } });
  if (needVerifiers) {
    const adds = verifiers.map((v, i) => api.tx.creditRecords.addVerifier(v.address, 'KycProvider', `Load test KYC ${i}`));
    for (const tx of await batches(ctx, adds, { sudo: true })) s1.push({ pair: alice, tx, tag: { what: 'sudo(batchAll(creditRecords.addVerifier))' } });
  }
  // The pool's first deposit locks the minimum liquidity: Alice makes it, so the measured deposits
  // are ordinary ones; it is also the cash the pool-repay borrowers borrow.
  s1.push({ pair: alice, tx: api.tx.liquidityPools.deposit(USDX.id, 5_000_000n * USDX_UNIT), tag: { what: 'liquidityPools.deposit (Alice)' } });
  s1.push(...feed());
  await stage(ctx, 'funding, verifiers, pool cash, prices', s1);

  // Stage 2: profiles (a hash of off-chain documents, deposit held); pool-repay borrowers post
  // XBTC as collateral.
  const profiled = [];
  if (has('pool-repay')) profiled.push(...plans['pool-repay'].borrowers);
  if (has('p2p-fund')) profiled.push(...plans['p2p-fund'].borrowers, ...plans['p2p-fund'].lenders);
  if (has('p2p-repay')) profiled.push(...plans['p2p-repay'].borrowers, ...plans['p2p-repay'].lenders);
  const kycd = [...profiled]; // attested in setup; the attest phase's subjects are only registered
  if (has('attest')) profiled.push(...plans.attest.subjects);
  const s2 = profiled.map((p) => ({ pair: p, tx: api.tx.creditRecords.register('Individual', DOCS), tag: { what: `register ${p.meta.name}` } }));
  if (has('pool-repay')) {
    for (const b of plans['pool-repay'].borrowers) {
      s2.push({ pair: b, tx: api.tx.liquidityPools.deposit(XBTC.id, POOL_COLLATERAL), tag: { what: `XBTC deposit ${b.meta.name}` } });
      s2.push({ pair: b, tx: api.tx.liquidityPools.enableCollateral(XBTC.id), tag: { what: `enableCollateral ${b.meta.name}` } });
    }
  }
  await stage(ctx, 'profiles, collateral', s2);

  // Stage 3: the verifiers attest the KYC of every borrower and lender (not the attest phase's
  // subjects: those are the measurement); fresh prices again for the borrowing below.
  const expires = (await api.query.timestamp.now()).toNumber() + 365 * DAY_MS;
  const s3 = kycd.map((p, i) => ({
    pair: verifiers[i % verifiers.length],
    tx: api.tx.creditRecords.attest(p.address, 'KycBasic', EVIDENCE, expires, personOf(p.address)),
    tag: { what: `attest ${p.meta.name}` },
  }));
  if (kycd.length) s3.push(...feed());
  await stage(ctx, 'KYC of borrowers and lenders', s3);

  // Stage 4: pool-repay borrowers borrow; P2P borrowers ask for loans.
  const now = (await api.query.timestamp.now()).toNumber();
  const s4 = [];
  if (has('pool-repay')) {
    for (const b of plans['pool-repay'].borrowers) s4.push({ pair: b, tx: api.tx.liquidityPools.borrow(USDX.id, POOL_BORROW), tag: { what: `borrow ${b.meta.name}` } });
  }
  const request = (principal, minTicket) =>
    api.tx.p2pLoans.createRequest(USDX.id, principal, fixed(12, 100), INSTALMENTS, MONTH_S, 'Amortising', null, now + 60 * DAY_MS, minTicket, purpose('Education', 'load test'));
  if (has('p2p-fund')) {
    for (const b of plans['p2p-fund'].borrowers) s4.push({ pair: b, tx: request(FUND_PRINCIPAL, FUND_SLICE), tag: { what: `request ${b.meta.name}`, plan: 'p2p-fund', who: b.address } });
  }
  if (has('p2p-repay')) {
    const p = plans['p2p-repay'];
    for (const [bi, b] of p.borrowers.entries()) {
      for (let j = 0; j < LOANS_PER_BORROWER && bi * LOANS_PER_BORROWER + j < p.loanCount; j++) {
        s4.push({ pair: b, tx: request(REPAY_PRINCIPAL, REPAY_PRINCIPAL), tag: { what: `request ${b.meta.name}`, plan: 'p2p-repay', who: b.address } });
      }
    }
  }
  const created = (await stage(ctx, 'pool borrowing, P2P requests', s4)).filter(({ event }) => api.events.p2pLoans.RequestCreated.is(event));
  for (const { tag, event } of created) {
    plans[tag.plan].loans.push({ id: event.data.loan.toNumber(), borrower: event.data.borrower.toString() });
  }
  for (const k of ['p2p-fund', 'p2p-repay']) {
    if (!has(k)) continue;
    const want = k === 'p2p-fund' ? plans[k].borrowers.length : plans[k].loanCount;
    if (plans[k].loans.length !== want) throw new Error(`setup: ${plans[k].loans.length} of ${want} ${k} requests created`);
  }

  // Stage 5: the p2p-repay loans are funded in full (one slice each), so they start.
  if (has('p2p-repay')) {
    const p = plans['p2p-repay'];
    const s5 = p.loans.map((l, i) => ({
      pair: p.lenders[Math.floor(i / LOANS_PER_LENDER)],
      tx: api.tx.p2pLoans.fund(l.id, REPAY_PRINCIPAL),
      tag: { what: `fund loan ${l.id}` },
    }));
    const events = await stage(ctx, 'P2P loans funded and started', s5);
    const started = events.filter(({ event }) => api.events.p2pLoans.LoanStarted.is(event)).length;
    if (started !== p.loans.length) throw new Error(`setup: ${started} of ${p.loans.length} P2P loans started`);
    // Every loan has the same terms, hence the same first instalment.
    const view = await api.call.p2pLoansApi.loan(p.loans[0].id);
    const first = view.unwrap().schedule[0].instalment;
    p.instalment = first.principal.toBigInt() + first.interest.toBigInt();
    log(`  P2P loans: ${p.loans.length} active, instalment ${Number(p.instalment) / 1e6} USDX`);
  }
}

// ---------------------------------------------------------------------------
// Phases

/**
 * Per sender, the extrinsics of a phase in nonce order: [{pair, txs: [() => tx]}]. A sender
 * repeating one call gets the same extrinsic object each time: signing it again at the next
 * nonce replaces its signature, and building the call is most of the cost of pre-signing.
 */
function phaseTxs(ctx, k, plan, expires) {
  const { api } = ctx;
  const repeat = (n, make) => {
    let tx;
    return range(n).map(() => () => (tx ??= make()));
  };
  switch (k) {
    case 'transfer': {
      const n = plan.senders.length;
      return plan.senders.map((pair, i) => ({
        pair,
        txs: repeat(plan.perSender[i], () => api.tx.balances.transferKeepAlive(plan.senders[(i + 1) % n].address, 1_000_000_000n)),
      }));
    }
    case 'pool-deposit':
      return plan.senders.map((pair, i) => ({ pair, txs: repeat(plan.perSender[i], () => api.tx.liquidityPools.deposit(USDX.id, DEPOSIT)) }));
    case 'pool-repay':
      return plan.borrowers.map((pair, i) => ({ pair, txs: repeat(plan.perSender[i], () => api.tx.liquidityPools.repay(USDX.id, POOL_REPAY)) }));
    case 'p2p-fund':
      // Lender i funds request i mod R, one 1 USDX slice at a time.
      return plan.lenders.map((pair, i) => {
        const loan = plan.loans[i % plan.loans.length].id;
        return { pair, txs: repeat(plan.perSender[i], () => api.tx.p2pLoans.fund(loan, FUND_SLICE)) };
      });
    case 'p2p-repay':
      // Each borrower pays its loans in turn, one instalment's amount at a time.
      return plan.borrowers.map((pair, b) => {
        const mine = range(LOANS_PER_BORROWER).map((j) => b * LOANS_PER_BORROWER + j).filter((li) => li < plan.loans.length);
        const left = mine.map((li) => plan.perLoan[li]);
        const txs = [];
        const byLoan = new Map();
        for (let more = true; more; ) {
          more = false;
          mine.forEach((li, j) => {
            if (left[j] > 0) {
              left[j] -= 1;
              more = true;
              const id = plan.loans[li].id;
              txs.push(() => {
                if (!byLoan.has(id)) byLoan.set(id, api.tx.p2pLoans.repay(id, plan.instalment));
                return byLoan.get(id);
              });
            }
          });
        }
        return { pair, txs };
      });
    case 'attest': {
      const v = plan.verifiers.length;
      const byVerifier = plan.verifiers.map((pair) => ({ pair, txs: [] }));
      plan.subjects.forEach((s, i) => {
        byVerifier[i % v].txs.push(() => api.tx.creditRecords.attest(s.address, 'KycBasic', EVIDENCE, expires, personOf(s.address)));
      });
      return byVerifier.filter((x) => x.txs.length);
    }
    default:
      throw new Error(`no phase ${k}`);
  }
}

async function runPhase(ctx, k, plan, lim) {
  const { api, q, submitters, o, alive } = ctx;
  log(`\nphase ${k} (${KINDS[k].call}: ${KINDS[k].what}), ${plan.count} extrinsics`);
  const expires = (await api.query.timestamp.now()).toNumber() + 365 * DAY_MS;
  const seqs = phaseTxs(ctx, k, plan, expires);
  const n0 = await nonces(api, q, seqs.map((s) => s.pair.address));

  // Pre-sign, then order the submission round robin over the senders (every sender's first
  // extrinsic, then every sender's second, ...), so ready transactions pile up evenly.
  const tSign = Date.now();
  const signed = seqs.map(({ pair, txs }) => txs.map((make, j) => signHex(api, make(), pair, n0.get(pair.address) + j)));
  const hexes = [];
  for (let j = 0, more = true; more; j++) {
    more = false;
    for (const s of signed) {
      if (j < s.length) {
        hexes.push(s[j]);
        more = true;
      }
    }
  }
  const own = new Map(hexes.map((h) => [h.toLowerCase(), { kind: k }]));
  const targets = new Map(seqs.map(({ pair, txs }) => [pair.address, n0.get(pair.address) + txs.length]));
  const signMs = Date.now() - tSign;
  const info = await queryInfo(api, hexes[0]);
  const lengths = hexes.map((h) => (h.length - 2) / 2);
  log(`  pre-signed ${hexes.length} from ${seqs.length} senders in ${(signMs / 1000).toFixed(1)} s; weight ${info.refTime} ps, ${info.length} bytes`);

  // The clock starts: submit everything, wait until every sender's nonce is where it should be
  // (or nothing moves any more), then read the blocks back.
  const start = await best(q);
  const submitted = submitAll(submitters, hexes, { window: o.window });
  const done = await waitForNonces(api, q, targets, { label: k, from: n0, submitted, alive });
  const sub = await submitted;
  const submitS = (sub.endedAt - sub.startedAt) / 1000;
  log(`  submitted in ${submitS.toFixed(1)} s (${(hexes.length / Math.max(submitS, 0.001)).toFixed(0)}/s), ${sub.rejected} refused${sub.rejected ? `: ${JSON.stringify(sub.errors)}` : ''}`);
  const blocks = await readBlocks(api, q, start.number + 1, done.number, own);

  // Per-block figures, and the steady state.
  const ours = (b) => b.ours[k] ?? 0;
  const withOurs = blocks.filter((b) => ours(b) > 0);
  const first = withOurs[0]?.number;
  const last = withOurs.at(-1)?.number;
  let steady = blocks.filter((b) => b.number > first && b.number < last);
  const saturated = steady.length > 0;
  if (!saturated) steady = withOurs; // too few blocks for a steady state: figures of all (marked)
  const included = sum(blocks.map(ours));
  const failed = sum(blocks.map((b) => b.failed[k] ?? 0));
  const errors = blocks.flatMap((b) => b.errors.map((e) => `#${b.number}: ${e.error}`));
  const eventCounts = {};
  for (const b of blocks) for (const [e, n] of Object.entries(b.eventCounts)) eventCounts[e] = (eventCounts[e] ?? 0) + n;
  const perBlock = mean(steady.map(ours));
  const fullness = mean(steady.map((b) => Number(b.normalRefTime) / Number(lim.normalMax)));
  const lengthFrac = mean(steady.map((b) => b.bytes / lim.maxLen));
  const blockBytes = mean(steady.map((b) => b.bytes));
  // Only our extrinsics are in the normal class of these blocks (the timestamp inherent is
  // mandatory): their normal ref time over their count is what each cost the block.
  const measuredPerTx = mean(steady.filter((b) => ours(b) > 0).map((b) => Number(b.normalRefTime) / ours(b)));
  const c = lim.ceilings[k];
  const perTx = info.refTime + lim.base;
  const byWeight = Number(lim.normalMax / perTx);
  const byLength = Math.floor(lim.maxLen / mean(lengths));
  const tps = perBlock / (lim.blockMs / 1000);
  // TPS by the blocks' timestamps (missed slots show here, not in the nominal figure).
  const byTs = (() => {
    const idx = new Map(blocks.map((b, i) => [b.number, i]));
    let n = 0;
    let ms = 0;
    for (const b of steady) {
      const prev = blocks[idx.get(b.number) - 1];
      if (!prev) continue;
      n += ours(b);
      ms += b.timestamp - prev.timestamp;
    }
    return ms > 0 ? n / (ms / 1000) : NaN;
  })();
  const props = proposals(o.nodeLog);
  const ends = {};
  for (const b of steady) {
    const e = props.get(b.number)?.end ?? 'unknown';
    ends[e] = (ends[e] ?? 0) + 1;
  }
  const mostly = (e) => (ends[e] ?? 0) * 2 > steady.length;
  let bound;
  if (!saturated) bound = 'n/a (not enough blocks for a steady state)';
  else if (fullness >= 0.9) bound = 'weight';
  else if (lengthFrac >= 0.9) bound = 'length';
  else if (mostly('HitDeadline')) bound = 'authoring time (proposer deadline hit before the weight limit)';
  else if (mostly('NoMoreTransactions')) bound = 'supply (the pool had no more ready extrinsics: submission or validation rate)';
  else bound = 'neither weight nor length';
  const endsText = Object.entries(ends).map(([e, n]) => `${e} ${n}`).join(', ') || 'n/a';
  const r = {
    kind: k,
    call: KINDS[k].call,
    count: plan.count,
    senders: seqs.length,
    submitted: hexes.length,
    rejected: sub.rejected,
    rejectedErrors: sub.errors,
    submitSeconds: submitS,
    signSeconds: signMs / 1000,
    included,
    failed,
    errors: errors.slice(0, 20),
    eventCounts,
    complete: done.complete,
    firstBlock: first,
    lastBlock: last,
    steadyBlocks: saturated ? steady.map((b) => b.number) : [],
    saturated,
    perBlock,
    tps,
    tpsByTimestamps: byTs,
    weight: info.refTime,
    weightPerTx: perTx,
    measuredPerTx,
    ceilingByWeight: byWeight,
    ceilingByLength: byLength,
    ofCeiling: perBlock / byWeight,
    fullness,
    lengthFrac,
    blockBytes,
    bound,
    proposerEnds: ends,
    proposerEndsText: endsText,
    sampleWeight: c.refTime,
    blocks: blocks.map((b) => ({
      number: b.number,
      timestamp: b.timestamp,
      extrinsics: b.extrinsics,
      ours: ours(b),
      failed: b.failed[k] ?? 0,
      others: b.others,
      normalRefTime: b.normalRefTime,
      mandatoryRefTime: b.mandatoryRefTime,
      fullness: Number(b.normalRefTime) / Number(lim.normalMax),
      bytes: b.bytes,
      lengthFrac: b.bytes / lim.maxLen,
      proposeMs: props.get(b.number)?.ms,
      proposerEnd: props.get(b.number)?.end,
    })),
  };
  for (const b of r.blocks) {
    log(`    #${b.number}: ${String(b.ours).padStart(6)} ${k}${b.failed ? ` (${b.failed} failed)` : ''}, ref time ${pct(b.fullness)}, length ${pct(b.lengthFrac)} (${b.bytes} B)${b.proposerEnd ? `, proposed in ${b.proposeMs} ms, ${b.proposerEnd}` : ''}${b.others > 1 ? `, ${b.others} other extrinsics` : ''}`);
  }
  log(`  ${k}: ${included}/${plan.count} included, ${failed} failed; steady blocks ${saturated ? `#${steady[0].number}..#${steady.at(-1).number} (${steady.length})` : 'none'}; ` +
      `${fmt(perBlock)}/block = ${fmt(tps)} TPS (${pct(r.ofCeiling)} of the weight ceiling ${byWeight}), bound: ${bound}`);
  if (Number.isFinite(measuredPerTx)) {
    log(`  block weight per included extrinsic ${measuredPerTx.toFixed(0)} ps; queryInfo ${info.refTime} ps + base ${lim.base} ps = ${perTx} ps`);
  }
  log(`  events of these extrinsics: ${Object.entries(eventCounts).map(([e, n]) => `${e} ${n}`).join(', ')}`);
  if (errors.length) log(`  errors: ${errors.slice(0, 5).join('; ')}`);
  if (!done.complete) log(`  WARNING: only ${done.progress}/${done.want} extrinsics were included before the chain stopped taking them`);
  return r;
}

// ---------------------------------------------------------------------------
// Report

/** What bounds how many extrinsics of each kind can exist, and how this run was sized. */
function limits(k, plan, o) {
  switch (k) {
    case 'transfer':
      return `${plan.senders.length} senders, each sending to the next; nothing bounds it but balances.`;
    case 'pool-deposit':
      return `${plan.senders.length} senders; bounded only by the pool's supply cap (100M USDX: 10M deposits of 10 USDX).`;
    case 'pool-repay':
      return `${plan.borrowers.length} borrowers (KYC, 0.2 XBTC collateral, 5,000 USDX borrowed each) × up to ${o.repaysPerBorrower} repays of 1 USDX. A repay needs the sender's own debt, and a person's debt is capped by its tier's exposure cap (10,000 USDX at the score of a new KYC'd account, 570) and its collateral; more repays need more borrowers. Repays within an hour of the borrowing are "quick": the 4th raises a QuickRepayments flag (the repays still go through).`;
    case 'p2p-fund':
      return `${plan.lenders.length} KYC'd lenders funding 1 USDX slices (${plan.count === plan.lenders.length ? 'one each: a new position and a new entry in the lender\'s loans' : 'several each: after the first, the lender\'s position grows'}) of ${plan.borrowers.length} requests of 8,000 USDX (one per borrower), never completing them. A request takes at most principal / min ticket slices and its principal is bounded by the borrower's exposure cap (10,000 USDX) and repayment capacity (300 USDX a month unattested: 8,000 over 48 months books about 211); a borrower has at most 5 open requests; a lender holds shares of at most 64 loans.`;
    case 'p2p-repay':
      return `${plan.loans.length} active loans of 1,000 USDX (48 monthly instalments, 12 %) of ${plan.borrowers.length} borrowers (at most ${LOANS_PER_BORROWER} each), ${plan.count} repays of one instalment's amount (${Number(plan.instalment) / 1e6} USDX), up to ${o.repaysPerLoan} per loan${o.repaysPerLoan === 1 ? ': each pays and completes its loan\'s first instalment (its period has started; without moving the clock no later one is due)' : ': the first completes the first instalment, the later ones prepay principal from the last instalments (same declared weight, a lighter path)'}. ` +
        'No clock travel on a real chain, so only the current instalment can be paid: a loan gives one true instalment payment per period. ' +
        'A borrower has at most 5 open requests, flags BorrowingCount above 6 new debts a day, and its loans must fit its exposure cap (10,000 USDX) and repayment capacity (300 USDX a month unattested); ' +
        'so each repay needs its own loan (a request and a completing fund in setup) and every 5 loans another KYC\'d borrower.';
    case 'attest':
      return `${plan.verifiers.length} KYC verifiers attesting ${plan.subjects.length} distinct subjects registered in setup (one attestation per subject: a second by the same verifier replaces the first; each subject holds a profile deposit); at most 100 verifiers (MaxVerifiers).`;
    default:
      return '';
  }
}

function renderReport({ o, header, warnings, results, plans }) {
  const kinds = o.kinds;
  const tr = results.transfer;
  const lines = [];
  lines.push(`# ${header[0]}`, '', ...header.slice(1).map((h) => `- ${h}`), '');
  if (warnings.length) lines.push(...warnings.map((w) => `> **${w}**`), '');
  lines.push(
    'Steady state: the blocks strictly between the first and the last block that include the kind. ' +
      'TPS = included per steady block / block time. Weight ceiling = normal-class max ref time / (queryInfo weight + base extrinsic weight). ' +
      'Fullness = `System.BlockWeight` normal ref time / normal max. Block length = encoded header + extrinsics / normal max length. ' +
      'Proposer stopped: why the node stopped adding extrinsics to each steady block, from its log (`NoMoreTransactions`: the pool had no ready one left; ' +
      '`HitDeadline`: the 2/3-slot proposal time ran out; `HitBlockWeightLimit`/`HitBlockSizeLimit`: the runtime refused more). ' +
      'A figure marked * comes from a phase too short for a steady state (all its blocks).',
    '',
    '| kind | included/block | TPS | % of weight ceiling | fullness (ref time) | block length | failed | TPS ratio to transfers |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const k of kinds) {
    const r = results[k];
    const star = r.saturated ? '' : '*';
    const ratio = tr && tr.saturated && r.saturated ? fmt(r.tps / tr.tps, 2) : 'n/a';
    const failed = `${r.failed}${r.rejected ? ` (+${r.rejected} refused)` : ''}`;
    lines.push(`| ${r.call} | ${fmt(r.perBlock)}${star} | ${fmt(r.tps)}${star} | ${pct(r.ofCeiling)}${star} | ${pct(r.fullness)}${star} | ${pct(r.lengthFrac)} (${fmt(r.blockBytes / 1024, 0)} KiB)${star} | ${failed} | ${ratio} |`);
  }
  lines.push(
    '',
    '| kind | included / sent | steady blocks | weight (queryInfo) | + base | ceiling by weight | ceiling by length | weight per tx in blocks | TPS by timestamps | proposer stopped (steady blocks) | bound |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  );
  for (const k of kinds) {
    const r = results[k];
    const steady = r.steadyBlocks.length ? `#${r.steadyBlocks[0]}..#${r.steadyBlocks.at(-1)} (${r.steadyBlocks.length})` : 'none';
    lines.push(
      `| ${r.call} | ${r.included} / ${r.submitted} | ${steady} | ${r.weight} | ${r.weightPerTx} | ${r.ceilingByWeight}/block = ${fmt(r.ceilingByWeight / 6)} TPS | ${r.ceilingByLength}/block | ${fmt(r.measuredPerTx, 0)} | ${fmt(r.tpsByTimestamps)} | ${r.proposerEndsText} | ${r.bound} |`,
    );
  }
  lines.push('', 'What each kind did, and what bounds how many of it can exist:', '');
  for (const k of kinds) lines.push(`- **${results[k].call}** (${KINDS[k].what}): ${limits(k, plans[k], o)}`);
  const errs = kinds.flatMap((k) => results[k].errors.map((e) => `${k} ${e}`));
  const refused = kinds.filter((k) => results[k].rejected).map((k) => `${k}: ${JSON.stringify(results[k].rejectedErrors)}`);
  if (errs.length) lines.push('', 'Failures (first ones):', '', ...errs.slice(0, 20).map((e) => `- ${e}`));
  if (refused.length) lines.push('', 'Refused at submission:', '', ...refused.map((e) => `- ${e}`));
  return lines.join('\n');
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`load test failed: ${err.stack || err}\n`);
    process.exit(1);
  },
);
