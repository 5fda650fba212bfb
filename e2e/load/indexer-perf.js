// Indexer performance on this machine: how fast the processor indexes a chain with at least
// 10,000 domain events, and how long the three documented GraphQL queries take.
//
//   cd e2e && XINDAI_NODE=... node load/indexer-perf.js [--senders 20] [--batches 10] [--per-batch 50]
//
// 1. A dev node (instant sealing, archive state) and `senders` fresh accounts funded by Alice.
// 2. The chain gets its events: a KYC provider attests every sender (Attested, IdentityLinked,
//    ScoreChanged), every sender registers, and each sender submits `batches` utility.batch
//    extrinsics of `per-batch` 10-USDX pool deposits (one LiquidityPools.Deposited each), the
//    senders in parallel; a P2P loan and a pool borrowing add the other kinds of rows.
// 3. A fresh PostgreSQL, the migrations, the GraphQL server, then the processor from genesis:
//    timed until it reports the chain's head. Blocks/s and events/s are over that time
//    (domain events = events of the four Xindai pallets, counted on chain).
// 4. Each documented query 50 times after 5 warm-ups: mean, p50, p95.
// Prints a JSON report (and writes it to ~/.cache/xindai/indexer-perf/<time>.json).

import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { USDX, XBTC, XDI, devAccounts, findEvent, personOf, purpose, submitAndWait } from '../lib/chain.js';
import { applyMigrations, buildIndexer, gql, startGraphql, startPostgres, startProcessor, waitIndexed } from '../lib/indexer.js';
import { startNode } from '../lib/node.js';
import { fixed, txHelpers } from '../lib/tx.js';

const USDX_UNIT = 10n ** 6n;
const DAY_MS = 24 * 3600 * 1000;
const DOCS = `0x${'ab'.repeat(32)}`;
const EVIDENCE = `0x${'cd'.repeat(32)}`;
const DOMAIN = new Set(['creditRecords', 'liquidityPools', 'p2pLoans', 'smeFinance']);

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const SENDERS = arg('senders', 20);
const BATCHES = arg('batches', 10);
const PER_BATCH = arg('per-batch', 50);

const QUERIES = {
  borrowerHistory: `query Borrower($id: String!) {
    accountById(id: $id) { id score tier frozen
      loans(orderBy: createdAt_ASC) { id status principal
        payments(orderBy: id_ASC) { amount interest principal daysLate at }
        instalments(orderBy: index_ASC) { index dueAt state daysLate } }
      scoreChanges(orderBy: id_ASC) { old new reason daysLate at } } }`,
  lenderPortfolio: `query Lender($id: String!) {
    lenderStats(where: {lender: {id_eq: $id}}) { asset loans principalLent principalReturned interestEarned received losses }
    loanLenders(where: {lender: {id_eq: $id}}, orderBy: id_ASC) { loan { id status } funded shares interestEarned claimed loss } }`,
  platformStats: `query Platform {
    platformStats(where: {period_eq: "all"}) { asset lent repaid defaulted interestPaid borrowings repayments latePayments defaults }
    months: platformStats(where: {period_not_eq: "all"}, orderBy: period_DESC, limit: 12) { period asset lent repaid defaulted }
    tierStats(orderBy: id_ASC) { id loans defaults defaultRate } }`,
};

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function main() {
  const t0 = Date.now();
  const node = await startNode({ name: 'perf', args: ['--dev', '--sealing', 'instant', '--state-pruning', 'archive'] });
  const { api } = node;
  let pg;
  let processor;
  let graphql;
  try {
    await cryptoWaitReady();
    const accounts = await devAccounts(api.registry.chainSS58);
    const tx = txHelpers(api);
    const { alice, bob, charlie, dave, ferdie } = accounts;
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    const senders = Array.from({ length: SENDERS }, (_, i) => keyring.addFromUri(`//XindaiPerf/${i}`));

    // --- 1. accounts
    const fundCalls = senders.flatMap((s) => [
      api.tx.balances.transferKeepAlive(s.address, 100n * XDI),
      api.tx.assets.transfer(USDX.id, s.address, BigInt(BATCHES * PER_BATCH) * 10n * USDX_UNIT + 1_000n * USDX_UNIT),
    ]);
    for (let i = 0; i < fundCalls.length; i += 40) await tx.ok(api.tx.utility.batchAll(fundCalls.slice(i, i + 40)), alice);
    await tx.root(api.tx.creditRecords.addVerifier(ferdie.address, 'KycProvider', 'Ferdie KYC'), alice);
    const expires = (await api.query.timestamp.now()).toNumber() + 365 * DAY_MS;

    // --- 2. events
    const genStart = Date.now();
    await Promise.all(senders.map((s) => tx.ok(api.tx.creditRecords.register('Individual', DOCS), s)));
    const attest = senders.map((s) => api.tx.creditRecords.attest(s.address, 'KycBasic', EVIDENCE, expires, personOf(s.address)));
    for (let i = 0; i < attest.length; i += 25) await tx.ok(api.tx.utility.batchAll(attest.slice(i, i + 25)), ferdie);
    await Promise.all(senders.map(async (s) => {
      for (let b = 0; b < BATCHES; b += 1) {
        const calls = Array.from({ length: PER_BATCH }, () => api.tx.liquidityPools.deposit(USDX.id, 10n * USDX_UNIT));
        const res = await submitAndWait(api, api.tx.utility.batch(calls), s);
        if (res.error || findEvent(res.events, api.events.utility.BatchInterrupted)) {
          throw new Error(`deposit batch of ${s.address} failed: ${res.error?.text ?? 'BatchInterrupted'}`);
        }
      }
    }));
    // The other kinds of rows: a P2P loan with a payment, a pool borrowing.
    for (const who of [bob, charlie, dave]) {
      await tx.ok(api.tx.creditRecords.register('Individual', DOCS), who);
      await tx.ok(api.tx.creditRecords.attest(who.address, 'KycBasic', EVIDENCE, expires, personOf(who.address)), ferdie);
    }
    await tx.attestIncomes([bob, charlie, dave], alice);
    await tx.feed([[USDX.id, fixed(1)], [XBTC.id, fixed(600)]], [alice, bob]);
    let res = await tx.ok(api.tx.p2pLoans.createRequest(USDX.id, 1_000n * USDX_UNIT, fixed(12, 100), 4, 30 * 24 * 3600, 'Amortising',
      null, (await api.query.timestamp.now()).toNumber() + 10 * DAY_MS, 100n * USDX_UNIT, purpose()), bob);
    const loan = findEvent(res.events, api.events.p2pLoans.RequestCreated).data.loan.toNumber();
    await tx.ok(api.tx.p2pLoans.fund(loan, 500n * USDX_UNIT), charlie);
    await tx.ok(api.tx.p2pLoans.fund(loan, 500n * USDX_UNIT), dave);
    const first = (await api.call.p2pLoansApi.loan(loan)).unwrap().schedule[0].instalment;
    await tx.ok(api.tx.p2pLoans.repay(loan, first.principal.toBigInt() + first.interest.toBigInt()), bob);
    await tx.ok(api.tx.liquidityPools.deposit(XBTC.id, 10n ** 8n), dave);
    await tx.ok(api.tx.liquidityPools.enableCollateral(XBTC.id), dave);
    await tx.ok(api.tx.liquidityPools.borrow(USDX.id, 100n * USDX_UNIT), dave);
    const genSeconds = (Date.now() - genStart) / 1000;

    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    let domainEvents = 0;
    let allEvents = 0;
    for (let h = 1; h <= head; h += 1) {
      const at = await api.at(await api.rpc.chain.getBlockHash(h));
      for (const { event } of await at.query.system.events()) {
        allEvents += 1;
        if (DOMAIN.has(event.section)) domainEvents += 1;
      }
    }
    process.stderr.write(`chain: ${head} blocks, ${domainEvents} domain events (${allEvents} in all), made in ${round(genSeconds)} s\n`);

    // --- 3. indexing from genesis
    pg = await startPostgres();
    await buildIndexer();
    await applyMigrations(pg.env);
    graphql = await startGraphql({ dbEnv: pg.env });
    const idxStart = Date.now();
    processor = startProcessor({ rpcUrl: node.wsUrl, dbEnv: pg.env });
    await waitIndexed(graphql.url, head, { timeoutMs: 900_000, processor });
    const idxSeconds = (Date.now() - idxStart) / 1000;
    const counts = await gql(graphql.url, `{ poolActionsConnection(orderBy: id_ASC) { totalCount }
      creditEventsConnection(orderBy: id_ASC) { totalCount } scoreChangesConnection(orderBy: id_ASC) { totalCount } }`);

    // --- 4. query latency
    const vars = { borrowerHistory: { id: bob.address }, lenderPortfolio: { id: dave.address }, platformStats: {} };
    const latency = {};
    for (const [name, q] of Object.entries(QUERIES)) {
      for (let i = 0; i < 5; i += 1) await gql(graphql.url, q, vars[name]);
      const ms = [];
      for (let i = 0; i < 50; i += 1) {
        const s = process.hrtime.bigint();
        await gql(graphql.url, q, vars[name]);
        ms.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      ms.sort((a, b) => a - b);
      latency[name] = { meanMs: round(ms.reduce((a, b) => a + b, 0) / ms.length, 2), p50Ms: round(pct(ms, 50), 2), p95Ms: round(pct(ms, 95), 2) };
    }

    const report = {
      when: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      node: 'debug build, --dev --sealing instant --state-pruning archive',
      chain: { blocks: head, domainEvents, allEvents, generationSeconds: round(genSeconds) },
      indexing: {
        seconds: round(idxSeconds, 2),
        blocksPerSecond: round(head / idxSeconds),
        domainEventsPerSecond: round(domainEvents / idxSeconds),
        rows: {
          poolActions: counts.poolActionsConnection.totalCount,
          creditEvents: counts.creditEventsConnection.totalCount,
          scoreChanges: counts.scoreChangesConnection.totalCount,
        },
      },
      graphqlLatency: latency,
      totalSeconds: round((Date.now() - t0) / 1000),
    };
    const json = JSON.stringify(report, null, 2);
    console.log(json);
    const dir = path.join(os.homedir(), '.cache', 'xindai', 'indexer-perf');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${report.when.replace(/[:.]/g, '-')}.json`), `${json}\n`);
  } finally {
    await processor?.stop();
    await graphql?.stop();
    await pg?.stop();
    await node.stop();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
