// The web app in a real browser (Debian's chromium driven by playwright-core) against a real dev
// node with instant sealing: every flow is clicked through the UI; a second client (the e2e
// suite's @polkadot/api) checks what reached the chain, and sets up preconditions faster than the
// UI would (sudo, a filing, an application, an attestation the page offers in another flow). The
// last flows run the indexer (PostgreSQL, processor, GraphQL) for the score history, who read a
// profile, a lender's returns and the borrower's loans found through it.
//
//   npm run build && npm run test:browser     (XINDAI_NODE or CARGO_TARGET_DIR find the node)
//
// Screenshots of the main views go to web/screenshots/ (committed; SCREENSHOTS=0 skips them).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';

import { blake2b256 } from '@polkadot-labs/hdkd-helpers';

import { devAccounts, findEvent, personOf, purpose } from '../../../e2e/lib/chain.js';
import { printLogsOnFailure, startNode } from '../../../e2e/lib/node.js';
import { txHelpers } from '../../../e2e/lib/tx.js';
import {
  PostgresUnavailable, applyMigrations, buildIndexer, gql, startGraphql, startPostgres, startProcessor, waitIndexed,
} from '../../../e2e/lib/indexer.js';
import { serveStatic } from '../../scripts/serve.js';
import { DAY_MS, DIST, SHOTS, USDX, hex, launchBrowser } from './browser-harness.js';

describe('web app in a real browser', { timeout: 900_000 }, () => {
  let node;
  let api;
  let web;
  let context;
  let page;
  let profileDir;
  let acc;
  /** @polkadot/api transactions for preconditions the UI does not offer (sudo, an auditor's attestation). */
  let chainTx;
  let firstLoadMs;
  /** The indexer's processes, when the last test started them. */
  const indexer = [];
  /** The indexer's GraphQL URL once the score-history test started it. */
  let gqlUrl;
  const t0 = Date.now();

  before(async () => {
    assert.ok(existsSync(path.join(DIST, 'index.html')), 'web/dist missing: run "npm run build" first');
    // Archive state: the last test runs the indexer, which reads the state of past blocks.
    node = await startNode({ name: 'web', args: ['--dev', '--sealing', 'instant', '--state-pruning', 'archive'] });
    api = node.api;
    acc = await devAccounts(api.registry.chainSS58);
    chainTx = txHelpers(api);
    web = await serveStatic({ dir: DIST, port: 0 });
    ({ context, profileDir } = await launchBrowser());
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    const started = Date.now();
    await page.goto(`${web.url}?rpc=${encodeURIComponent(node.wsUrl)}&lang=en#credit`);
    await page.getByTestId('chain-status').waitFor({ timeout: 60_000 });
    await page.getByTestId('credit-status').waitFor({ timeout: 60_000 });
    firstLoadMs = Date.now() - started;
  });

  after(async () => {
    if (firstLoadMs !== undefined) console.log(`web: first load against the local node ${firstLoadMs} ms; browser flows ${Date.now() - t0} ms`);
    await context?.close().catch(() => {});
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await web?.close();
    for (const p of indexer.reverse()) await p.stop().catch((e) => console.error(`stopping ${p.name ?? 'postgres'}: ${e.message}`));
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  const byId = (id) => page.getByTestId(id);
  const usdxOf = async (who) => (await api.query.assets.account(1, acc[who].address)).unwrap().balance.toBigInt();
  /** Waits until the element's text matches `re`. */
  const textMatches = (id, re) =>
    page.waitForFunction(([tid, src]) => new RegExp(src).test(document.querySelector(`[data-testid="${tid}"]`)?.textContent ?? ''), [id, re.source], { timeout: 30_000 });

  async function as(name, tab) {
    await byId('account-select').selectOption(acc[name.toLowerCase()].address);
    await byId(`tab-${tab}`).click();
    await byId(`view-${tab}`).waitFor();
    await page.waitForFunction((a) => document.querySelector('[data-testid=account-address]')?.textContent === a, acc[name.toLowerCase()].address);
  }

  /** Clicks a transaction's button, checks the fee estimate, signs; resolves with the final state. */
  async function tx(id, { expect = 'finalized', until } = {}) {
    await byId(`${id}-btn`).click();
    await byId(`${id}-sign`).waitFor({ timeout: 30_000 });
    assert.match(await byId(`${id}-fee`).innerText(), /Fee about [\d.,]+ XDI|手续费约 [\d.,]+ XDI/);
    const started = Date.now();
    await byId(`${id}-sign`).click();
    // The page's transaction log keeps each transaction's latest state, even once its button is
    // gone with what it removed (a fully funded request's row, a revoked grant).
    let final;
    try {
      const handle = await page.waitForFunction(
        ({ tid, since }) => {
          const el = document.querySelector(`[data-testid="txlog-${tid}"]`);
          if (!el || Number(el.dataset.at) < since || !['finalized', 'failed'].includes(el.dataset.state ?? '')) return null;
          return { state: el.dataset.state, text: el.textContent, error: el.dataset.error ?? null };
        },
        { tid: id, since: started },
        { timeout: 120_000 },
      );
      final = await handle.jsonValue();
    } catch (e) {
      const last = await byId(`txlog-${id}`).innerText({ timeout: 1_000 }).catch(() => '(not in the log)');
      throw new Error(`${id}: no final state within 120 s; last: ${last}`, { cause: e });
    }
    assert.equal(final.state, expect, `${id}: ${final.text}`);
    if (until) await until.waitFor({ timeout: 30_000 });
    return final;
  }

  async function fill(id, value) {
    await byId(id).fill(value);
  }

  /** A screenshot of the page's top, or of the part around `focus` (a locator). */
  async function shot(name, focus) {
    if (process.env.SCREENSHOTS === '0') return;
    mkdirSync(SHOTS, { recursive: true });
    const file = path.join(SHOTS, `${name}.png`);
    if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: file, fullPage: false });
    assert.ok(statSync(file).size > 10_000, `${file} is a real picture`);
  }

  /** Registers `name` with a picked file; returns the hash the page showed. */
  async function register(name) {
    await as(name, 'credit');
    const content = Buffer.from(`${name}'s encrypted document bundle ${Date.now()}`);
    await byId('credit-file').setInputFiles({ name: `${name}-documents.bin`, mimeType: 'application/octet-stream', buffer: content });
    const expected = hex(blake2b256(content));
    await page.waitForFunction((h) => document.querySelector('[data-testid=credit-file-hash]')?.textContent === h, expected);
    await tx('credit-docs');
    await page.waitForFunction(() => /Registered, not verified yet/.test(document.querySelector('[data-testid=credit-status]')?.textContent ?? ''));
    const profile = (await api.query.creditRecords.profiles(acc[name.toLowerCase()].address)).unwrap();
    assert.equal(profile.documents.toHex(), expected, 'only the hash computed in the browser is on chain');
    return expected;
  }

  test('the language switch translates the page', async () => {
    assert.equal(await byId('tab-credit').innerText(), 'My credit');
    await byId('lang-switch').click();
    assert.equal(await byId('tab-credit').innerText(), '我的信用');
    assert.equal(await byId('tab-pools').innerText(), '资金池');
    assert.match(await byId('credit-status').innerText(), /尚无档案/);
    await byId('lang-switch').click();
    assert.equal(await byId('tab-credit').innerText(), 'My credit');
  });

  test('dev tools: Alice (sudo) admits Dave as a KYC provider; Alice and Bob post prices', async () => {
    await as('Alice', 'dev');
    await byId('dev-verifier-account').selectOption(acc.dave.address);
    await byId('dev-verifier-kind').selectOption('KycProvider');
    await fill('dev-verifier-name', 'Dave KYC Ltd');
    await tx('dev-add-verifier');
    assert.ok((await api.query.creditRecords.verifiers(acc.dave.address)).isSome, 'Dave is a verifier');
    await tx('dev-prices-alice');
    await tx('dev-prices-bob');
    const xbtc = (await api.query.oracle.values(2)).unwrap();
    assert.equal(xbtc.value.toBigInt(), 600n * 10n ** 18n, 'XBTC at 60,000 USDX');
  });

  test('Bob registers by hashing a picked file; Dave attests him, Alice and Charlie', async () => {
    for (const who of ['Bob', 'Alice', 'Charlie']) await register(who);
    await as('Dave', 'verifier');
    for (const who of ['bob', 'alice', 'charlie']) {
      await fill('verifier-subject', acc[who].address);
      await byId('verifier-claim').selectOption('KycBasic');
      await fill('verifier-months', '12');
      await fill('verifier-evidence', `passport check of ${who}`);
      await tx('verifier-attest');
    }
    await fill('verifier-subject', acc.bob.address);
    await byId('verifier-attestations').waitFor();
    await shot('verifier');

    await as('Bob', 'credit');
    await page.waitForFunction(() => /^Verified/.test(document.querySelector('[data-testid=credit-status]')?.textContent ?? ''));
    assert.equal(await byId('credit-score').innerText(), '570', 'base 550 + 20 for KYC');
    const rows = await byId('credit-attestations').locator('tbody tr').allInnerTexts();
    assert.equal(rows.length, 1);
    assert.match(rows[0], /KYC \(basic\)/);
    assert.match(rows[0], /valid/);
    assert.match(await byId('credit-cap').innerText(), /0 USDX used of 10,000 USDX/);
    // Opened without ?graphql=: the score history says the indexer is not connected.
    assert.match(await byId('history-not-connected').innerText(), /The indexer is not connected/);

    // Bob lets Charlie's institution read his off-chain profile for 30 days, then revokes it.
    await fill('grant-institution', acc.charlie.address);
    await fill('grant-days', '30');
    await fill('grant-envelope', 'sealed-key-for-charlie');
    await tx('grant-access');
    await byId(`grant-${acc.charlie.address}`).waitFor();
    assert.match(await byId(`grant-${acc.charlie.address}`).innerText(), /valid/);
    const grants = await api.call.creditRecordsApi.grants(acc.bob.address);
    assert.equal(grants.length, 1);
    assert.equal(grants[0].institution.toString(), acc.charlie.address);
    // Charlie's institution reads the profile and logs it on chain (as its own system would);
    // without the indexer the page cannot list it.
    await chainTx.ok(api.tx.creditRecords.logAccess(acc.bob.address), acc.charlie);
    assert.match(await byId('accesses-not-connected').innerText(), /The indexer is not connected/);
    await shot('credit');
    await tx('grant-revoke', { until: byId('grants-empty') });
    assert.equal((await api.call.creditRecordsApi.grants(acc.bob.address)).length, 0);
  });

  test('Alice deposits 100,000 USDX into the USDX pool', async () => {
    await as('Alice', 'pools');
    await fill('pool-USDX-deposit-amount', '100,000');
    await tx('pool-USDX-deposit');
    await page.waitForFunction(() => document.querySelector('[data-testid=pool-USDX-size]')?.textContent === '100,000 USDX');
    const pool = (await api.call.liquidityPoolsApi.pool(1)).unwrap();
    assert.equal(pool.cash.toBigInt(), 100_000n * USDX);
  });

  test('Bob posts 1 XBTC as collateral, is warned, is refused above his cap, borrows, watches his health factor and repays', async () => {
    await as('Bob', 'pools');
    await fill('pool-XBTC-deposit-amount', '1');
    await tx('pool-XBTC-deposit');
    await tx('pool-XBTC-enable-collateral');
    // The pool's first deposit locks 10,000 satoshi of LP forever: Bob's collateral is 0.9999 XBTC.
    const coll = (await api.call.liquidityPoolsApi.position(acc.bob.address)).collateral[0];
    assert.equal(coll.underlying.toBigInt(), 10n ** 8n - 10_000n);
    await page.waitForFunction(() => /^0\.9999 XBTC \(59,994 USDX\)$/.test(document.querySelector('[data-testid=collateral-list]')?.textContent ?? ''));
    assert.equal(await byId('health-factor').innerText(), 'no debt');

    // 40,000 USDX against 59,994 USDX of XBTC at a 75% liquidation threshold: health 1.12.
    await fill('pool-USDX-borrow-amount', '40,000');
    await byId('pool-USDX-borrow-warning').waitFor();
    assert.match(await byId('pool-USDX-borrow-warning').innerText(), /health factor would fall to 1\.12, below the safe level of 1\.20/);
    // 50,000: below 1, the liquidation warning.
    await fill('pool-USDX-borrow-amount', '50,000');
    await page.waitForFunction(() => /below 1:/.test(document.querySelector('[data-testid=pool-USDX-borrow-warning]')?.textContent ?? ''));

    // Above the exposure cap of his tier (10,000 USDX): the chain refuses, nothing changes.
    const usdxBefore = (await api.query.assets.account(1, acc.bob.address)).unwrap().balance.toBigInt();
    await fill('pool-USDX-borrow-amount', '20,000');
    const refused = await tx('pool-USDX-borrow', { expect: 'failed' });
    assert.equal(refused.error, 'CreditRecords.ExposureCapExceeded');
    assert.match(refused.text, /exposure cap/);
    assert.equal((await api.call.liquidityPoolsApi.position(acc.bob.address)).debts.length, 0, 'no debt');
    assert.equal((await api.query.assets.account(1, acc.bob.address)).unwrap().balance.toBigInt(), usdxBefore, 'no USDX moved');
    assert.equal(await byId('pool-USDX-debt').innerText(), '0 USDX');

    await fill('pool-USDX-borrow-amount', '2,000');
    await tx('pool-USDX-borrow');
    await page.waitForFunction(() => /^2,000(\.\d+)? USDX$/.test(document.querySelector('[data-testid=pool-USDX-debt]')?.textContent ?? ''));
    // 59,994 × 0.75 / 2,000 = 22.49
    const hf = Number(await byId('health-factor').innerText());
    assert.ok(hf > 22 && hf < 22.5, `health factor ${hf}`);
    assert.ok(!(await byId('pool-USDX-borrow-warning').isVisible().catch(() => false)), 'no warning left for a safe amount');
    // The rate curve marks the pool's point: 2,000 of 100,000 lent, 2.2 % (2 % base + 10 % × 0.02).
    assert.equal(await byId('pool-USDX-curve').getAttribute('aria-label'), 'Borrow rate curve: now 2.2 % at 2 % utilisation');
    await shot('pools');

    await tx('pool-USDX-repay-all');
    await page.waitForFunction(() => document.querySelector('[data-testid=health-factor]')?.textContent === 'no debt');
    assert.equal((await api.call.liquidityPoolsApi.position(acc.bob.address)).debts.length, 0);
  });

  test('Bob asks for 1,000 USDX over 4 months; Alice and Charlie fund it; Bob pays an instalment', async () => {
    await as('Bob', 'p2p');
    await fill('p2p-new-amount', '1,000');
    await fill('p2p-new-rate', '12');
    await fill('p2p-new-instalments', '4');
    await fill('p2p-new-period', '1');
    await fill('p2p-new-min-ticket', '100');
    await byId('p2p-new-purpose').selectOption('Education');
    await fill('p2p-new-description', 'evening classes');
    await tx('p2p-create');
    const open = await api.call.p2pLoansApi.openRequests();
    assert.equal(open.length, 1);
    const id = open[0][0].toNumber();
    const terms = open[0][1].terms;
    assert.equal(terms.principal.toBigInt(), 1_000n * USDX);
    assert.equal(terms.annualRate.toBigInt(), 12n * 10n ** 16n, '12 % typed, FixedU128 on chain');
    assert.equal(terms.period.toNumber(), 30 * 24 * 3600, 'one month typed, seconds on chain');

    await as('Alice', 'p2p');
    await fill(`p2p-fund-${id}-amount`, '600');
    await tx(`p2p-fund-${id}`);
    await page.waitForFunction((i) => /^60 %/.test(document.querySelector(`[data-testid=p2p-open-${i}-funded]`)?.textContent ?? ''), id);
    await shot('p2p-market');

    await as('Charlie', 'p2p');
    await fill(`p2p-fund-${id}-amount`, '400');
    await tx(`p2p-fund-${id}`);
    assert.equal((await api.call.p2pLoansApi.loan(id)).unwrap().status.toString(), 'Active');

    await as('Bob', 'p2p');
    const schedule = byId(`p2p-schedule-${id}`);
    await schedule.waitFor();
    assert.equal(await schedule.locator('tbody tr').count(), 4);
    assert.notEqual(await byId(`p2p-schedule-${id}-row-0`).getAttribute('data-state'), 'Paid');
    await tx(`p2p-pay-next-${id}`);
    await page.waitForFunction((i) => document.querySelector(`[data-testid=p2p-schedule-${i}-row-0]`)?.dataset.state === 'Paid', id);
    assert.equal(await byId(`p2p-schedule-${id}-row-1`).getAttribute('data-state'), 'Upcoming');
    const view = (await api.call.p2pLoansApi.loan(id)).unwrap();
    assert.ok(view.schedule[0].instalment.principalPaid.toBigInt() > 0n, 'the chain has the instalment paid');
    await shot('p2p-loan');

    // Alice, a lender, sees her share of it and claims it.
    await as('Alice', 'p2p');
    await byId(`p2p-claim-${id}-btn`).waitFor();
    await tx(`p2p-claim-${id}`);
  });

  test('the share market: Charlie lists 200 shares of his loan stake, Alice buys them; Alice lists and cancels', async () => {
    const [charliePos] = await api.call.p2pLoansApi.positions(acc.charlie.address);
    const loan = charliePos.loan.toNumber();
    assert.equal(charliePos.shares.toBigInt(), 400n * USDX, 'Charlie funded 400 USDX of loan #' + loan);

    await as('Charlie', 'p2p');
    await fill(`p2p-sell-${loan}-shares`, '200');
    await fill(`p2p-sell-${loan}-price`, '190');
    await tx(`p2p-list-${loan}`);
    await textMatches(`p2p-position-${loan}-shares`, /listed 200 USDX/);
    const listings = await api.query.p2pLoans.listings.entries();
    assert.equal(listings.length, 1);
    const listingId = listings[0][0].args[0].toNumber();
    const listing = listings[0][1].unwrap();
    assert.equal(listing.seller.toString(), acc.charlie.address);
    assert.equal(listing.shares.toBigInt(), 200n * USDX, '200 typed, 200,000,000 shares on chain');
    assert.equal(listing.price.toBigInt(), 190n * USDX);
    assert.equal(await byId('p2p-listings-empty').innerText(), 'No shares are for sale.', 'the seller is not offered its own listing');
    await byId(`p2p-my-listing-${listingId}`).waitFor();

    await as('Alice', 'p2p');
    await byId(`p2p-listing-${listingId}`).waitFor();
    assert.match(await byId(`p2p-listing-${listingId}`).innerText(), /190 USDX for all \(95 % of face value\)/);
    await fill(`p2p-buy-${listingId}-shares`, '200');
    assert.equal(await byId(`p2p-buy-${listingId}-cost`).innerText(), 'costs 190 USDX');
    await shot('p2p-shares', byId(`p2p-listing-${listingId}`));
    const aliceBefore = await usdxOf('alice');
    const charlieBefore = await usdxOf('charlie');
    await tx(`p2p-buy-${listingId}`, { until: byId('p2p-listings-empty') });
    assert.equal(aliceBefore - (await usdxOf('alice')), 190n * USDX, 'Alice paid the price');
    assert.ok((await usdxOf('charlie')) - charlieBefore >= 190n * USDX, 'Charlie got the price (and what his shares had earned)');
    const alicePos = (await api.call.p2pLoansApi.positions(acc.alice.address)).find((p) => p.loan.toNumber() === loan);
    assert.equal(alicePos.shares.toBigInt(), 800n * USDX, '600 funded + 200 bought');
    const charlieAfter = (await api.call.p2pLoansApi.positions(acc.charlie.address)).find((p) => p.loan.toNumber() === loan);
    assert.equal(charlieAfter.shares.toBigInt(), 200n * USDX);
    assert.equal((await api.query.p2pLoans.listings.entries()).length, 0, 'the listing sold out');
    await textMatches(`p2p-position-${loan}-shares`, /^800 USDX$/);

    // Alice lists 100 of hers, then thinks better of it.
    await fill(`p2p-sell-${loan}-shares`, '100');
    await fill(`p2p-sell-${loan}-price`, '101');
    await tx(`p2p-list-${loan}`);
    const [[key]] = await api.query.p2pLoans.listings.entries();
    const mine = key.args[0].toNumber();
    await tx(`p2p-cancel-listing-${mine}`, { until: byId(`p2p-sell-${loan}-shares`) });
    assert.equal((await api.query.p2pLoans.listings.entries()).length, 0, 'cancelled');
  });

  test('SME: Eve (KYB) files a report, applies for a line and repays it, invoices Ferdie, who confirms; Alice finances it; Ferdie pays', async () => {
    const { alice, charlie, dave, eve, ferdie } = acc;
    const root = (call) => chainTx.root(call, alice);
    // Preconditions through @polkadot/api: Eve an enterprise with KYB, Ferdie a person with KYC
    // (Dave, the KYC provider admitted above, attests both), Charlie an auditor.
    const expires = Date.now() + 365 * DAY_MS;
    const evidence = hex(blake2b256(Buffer.from('registry extract')));
    await chainTx.ok(api.tx.creditRecords.register('Enterprise', hex(blake2b256(Buffer.from('eve docs')))), eve);
    await chainTx.ok(api.tx.creditRecords.attest(eve.address, 'Kyb', evidence, expires, personOf(eve.address)), dave);
    await chainTx.ok(api.tx.creditRecords.register('Individual', hex(blake2b256(Buffer.from('ferdie docs')))), ferdie);
    await chainTx.ok(api.tx.creditRecords.attest(ferdie.address, 'KycBasic', evidence, expires, personOf(ferdie.address)), dave);
    await root(api.tx.creditRecords.addVerifier(charlie.address, 'Auditor', 'Charlie Audit LLP'));

    // 1. Eve files last year's Q4 report in the page.
    await as('Eve', 'sme');
    await textMatches('sme-status', /KYB-verified/);
    const statements = Buffer.from(`Eve's statements ${Date.now()}`);
    await byId('sme-report-file').setInputFiles({ name: 'statements.pdf', mimeType: 'application/pdf', buffer: statements });
    const commitment = hex(blake2b256(statements));
    await page.waitForFunction((h) => document.querySelector('[data-testid=sme-report-file-hash]')?.textContent === h, commitment);
    const year = new Date().getUTCFullYear() - 1;
    await fill('sme-report-year', String(year));
    await byId('sme-report-quarter').selectOption('4');
    await fill('sme-report-revenue', '500,000');
    await fill('sme-report-profit', '60,000');
    await fill('sme-report-receivables', '120,000');
    await fill('sme-report-payables', '80,000');
    await fill('sme-report-employees', '25');
    await tx('sme-file-report', { until: byId(`sme-filing-${year}-4`) });
    assert.equal(await byId(`sme-filing-${year}-4-audit`).innerText(), 'awaiting audit');
    const [filing] = await api.call.smeFinanceApi.filings(eve.address);
    assert.equal(filing.filing.commitment.toHex(), commitment, 'the hash computed in the page');
    const metrics = { revenue: 500_000n * USDX, netProfit: 60_000n * USDX, receivables: 120_000n * USDX, payables: 80_000n * USDX, employees: 25 };
    assert.equal(filing.filing.metrics.revenue.toBigInt(), metrics.revenue);
    assert.equal(filing.filing.metrics.netProfit.toBigInt(), metrics.netProfit);
    assert.equal(filing.filing.metrics.employees.toNumber(), 25);
    // Charlie audits exactly those figures; the page shows the audit and the ratios.
    await chainTx.ok(api.tx.smeFinance.attestReport(eve.address, { year, quarter: 4 }, commitment, metrics), charlie);
    await textMatches(`sme-filing-${year}-4-audit`, /^audited by /);
    assert.match(await byId(`sme-filing-${year}-4`).innerText(), /net margin 12 % · receivables \/ payables 1\.50/);

    // 2. A 5,000 USDX line in two milestones; the underwriter (root here) approves it from the
    // pool, Dave attests the first milestone; Eve pays 100 USDX on it in the page.
    await fill('sme-line-rate', '12');
    await fill('sme-line-months', '12');
    await fill('sme-line-ms-0-amount', '3,000');
    await fill('sme-line-ms-0-text', 'first shop open');
    await byId('sme-line-add-ms').click();
    await fill('sme-line-ms-1-amount', '2,000');
    await byId('sme-line-ms-1-kind').selectOption('Auditor');
    assert.equal(await byId('sme-line-limit').innerText(), 'Limit: 5,000 USDX');
    await tx('sme-apply');
    const [applied] = await api.call.smeFinanceApi.lines(eve.address);
    const line = applied.id.toNumber();
    assert.equal(applied.terms.limit.toBigInt(), 5_000n * USDX);
    assert.equal(applied.terms.annualRate.toBigInt(), 12n * 10n ** 16n);
    assert.deepEqual(applied.milestones.map((m) => [m.spec.amount.toBigInt(), m.spec.verifier.toString()]), [[3_000n * USDX, 'KycProvider'], [2_000n * USDX, 'Auditor']]);
    await byId(`sme-line-${line}`).waitFor();
    await root(api.tx.liquidityPools.setFacilityCap(1, 20_000n * USDX));
    await root(api.tx.smeFinance.approveCreditLine(line, 'Pool'));
    await chainTx.ok(api.tx.smeFinance.attestMilestone(line, 0), dave);
    await page.waitForFunction((l) => document.querySelector(`[data-testid=sme-line-${l}-ms-0]`)?.dataset.state === 'released', line);
    assert.equal(await byId(`sme-line-${line}-ms-1`).getAttribute('data-state'), 'pending');
    assert.match(await byId(`sme-line-${line}-drawn`).innerText(), /^3,000 USDX · Undrawn 2,000 USDX$/);
    await fill(`sme-repay-${line}-amount`, '100');
    await tx(`sme-repay-${line}`);
    const repaid = (await api.call.smeFinanceApi.line(line)).unwrap();
    assert.equal(repaid.interestPaid.toBigInt() + repaid.principalRepaid.toBigInt(), 100n * USDX, '100 USDX paid: interest first, then principal');
    assert.ok(repaid.principalRepaid.toBigInt() > 90n * USDX);

    // 3. Eve invoices Ferdie 1,000 USDX due in 60 days.
    const doc = Buffer.from(`invoice 2026-0042 ${Date.now()}`);
    await byId('sme-invoice-file').setInputFiles({ name: 'invoice-0042.pdf', mimeType: 'application/pdf', buffer: doc });
    const invoiceHash = hex(blake2b256(doc));
    await page.waitForFunction((h) => document.querySelector('[data-testid=sme-invoice-file-hash]')?.textContent === h, invoiceHash);
    await fill('sme-invoice-buyer', ferdie.address);
    await fill('sme-invoice-amount', '1,000');
    await fill('sme-invoice-days', '60');
    await tx('sme-submit-invoice');
    let [inv] = await api.call.smeFinanceApi.invoices(eve.address);
    const id = inv.id.toNumber();
    assert.equal(inv.invoice.buyer.toString(), ferdie.address);
    assert.equal(inv.invoice.amount.toBigInt(), 1_000n * USDX);
    assert.equal(inv.invoice.invoiceHash.toHex(), invoiceHash);
    assert.equal(inv.invoice.status.toString(), 'Submitted');
    const dueIn = inv.invoice.dueAt.toNumber() - Date.now();
    assert.ok(dueIn > 59 * DAY_MS && dueIn < 61 * DAY_MS, '60 days typed, milliseconds on chain');
    await page.waitForFunction((i) => document.querySelector(`[data-testid=sme-invoice-${i}]`)?.dataset.status === 'Submitted', id);

    // 4. Ferdie, the buyer, confirms he owes it.
    await as('Ferdie', 'sme');
    await byId(`sme-buyer-invoice-${id}`).waitFor();
    await tx(`sme-confirm-${id}`);
    [inv] = await api.call.smeFinanceApi.invoices(eve.address);
    assert.equal(inv.invoice.status.toString(), 'Confirmed');

    // 5. Eve offers it: at least 80 % advance, at most 2 % fee, to anyone.
    await as('Eve', 'sme');
    await page.waitForFunction((i) => document.querySelector(`[data-testid=sme-invoice-${i}]`)?.dataset.status === 'Confirmed', id);
    await fill(`sme-offer-${id}-min-advance`, '80');
    await fill(`sme-offer-${id}-max-fee`, '2');
    await tx(`sme-offer-${id}`);
    [inv] = await api.call.smeFinanceApi.invoices(eve.address);
    const offer = inv.invoice.offer.unwrap();
    assert.equal(offer.minAdvanceRate.toNumber(), 800_000, '80 % typed, Permill on chain');
    assert.equal(offer.maxFeeRate.toNumber(), 20_000);

    // 6. Alice finances it on those terms: 800 USDX now, 820 USDX back from Ferdie's payment.
    await as('Alice', 'sme');
    await byId(`sme-offer-row-${id}`).waitFor();
    assert.match(await byId(`sme-finance-${id}-preview`).innerText(), /you advance 800 USDX now and receive 820 USDX/);
    const aliceBefore = await usdxOf('alice');
    const eveBefore = await usdxOf('eve');
    await tx(`sme-finance-${id}`, { until: byId(`sme-financed-${id}`) });
    [inv] = await api.call.smeFinanceApi.invoices(eve.address);
    assert.equal(inv.invoice.status.toString(), 'Financed');
    assert.equal(inv.invoice.financing.unwrap().financier.toString(), alice.address);
    assert.equal(aliceBefore - (await usdxOf('alice')), 800n * USDX);
    assert.equal((await usdxOf('eve')) - eveBefore, 800n * USDX, 'Eve received the advance');
    await as('Eve', 'sme');
    await page.waitForFunction((i) => document.querySelector(`[data-testid=sme-invoice-${i}]`)?.dataset.status === 'Financed', id);
    await shot('sme');

    // 7. Ferdie pays: Alice gets advance + fee, Eve the rest, the invoice closes.
    await as('Ferdie', 'sme');
    const ferdieBefore = await usdxOf('ferdie');
    await tx(`sme-pay-${id}`, { until: byId('sme-buyer-empty') });
    assert.equal(ferdieBefore - (await usdxOf('ferdie')), 1_000n * USDX);
    assert.equal((await usdxOf('alice')) - aliceBefore, 20n * USDX, 'Alice: 800 advanced, 820 back');
    assert.equal((await usdxOf('eve')) - eveBefore, 980n * USDX, 'Eve: 800 advance + 180 rest');
    assert.equal((await api.call.smeFinanceApi.invoices(eve.address)).length, 0, 'a paid invoice is closed');
  });

  test('underwriter, financier and verifier: a line approved (dev tools) and funded by Alice; Charlie audits a filing and releases a milestone', async () => {
    const { alice, charlie, eve } = acc;
    const year = new Date().getUTCFullYear() - 1;
    // The pool line of the SME test: its first milestone released, the second (an auditor's) pending.
    const line = (await api.call.smeFinanceApi.lines(eve.address))[0].id.toNumber();
    // Preconditions through @polkadot/api: Eve files last year's Q3 report and applies for a
    // second line, 1,000 USDX at 10 % for 12 months in one milestone an auditor attests.
    const statements = Buffer.from(`Eve's Q3 statements ${Date.now()}`);
    const commitment = hex(blake2b256(statements));
    const metrics = { revenue: 400_000n * USDX, netProfit: 40_000n * USDX, receivables: 90_000n * USDX, payables: 60_000n * USDX, employees: 24 };
    await chainTx.ok(api.tx.smeFinance.fileReport({ year, quarter: 3 }, commitment, metrics), eve);
    const applied = await chainTx.ok(
      api.tx.smeFinance.applyCreditLine(1, 1_000n * USDX, 10n * 10n ** 16n, 360 * 24 * 3600, [{ description: hex(blake2b256(Buffer.from('new till'))), amount: 1_000n * USDX, verifier: 'Auditor' }], purpose('BusinessWorkingCapital')),
      eve,
    );
    const line2 = findEvent(applied.events, api.events.smeFinance.LineApplied).data.line.toNumber();

    // The underwriter is governance: the Governance view lists the line read-only ...
    await as('Alice', 'governance');
    await byId(`gov-line-${line2}`).waitFor();
    assert.match(await byId(`gov-line-${line2}`).innerText(), /1,000 USDX at 10 % a year for 12 month\(s\), Business working capital/);
    // ... and on the dev chain Alice (sudo) approves it in Dev tools, with Alice as its financier.
    await as('Alice', 'dev');
    await byId('dev-approve-line').selectOption(String(line2));
    await byId('dev-approve-source').selectOption('Financier');
    await byId('dev-approve-financier').selectOption(alice.address);
    await tx('dev-approve', { until: byId('dev-approve-none') });
    let view2 = (await api.call.smeFinanceApi.line(line2)).unwrap();
    assert.equal(view2.status.toString(), 'AwaitingFunds');
    assert.equal(view2.source.unwrap().asFinancier.toString(), alice.address);

    // Alice, the financier, sees what funding it means and deposits the limit.
    await as('Alice', 'sme');
    await byId(`sme-to-fund-${line2}`).waitFor();
    assert.match(await byId(`sme-fund-${line2}-preview`).innerText(), /^You deposit 1,000 USDX into the chain's custody now .* pays you 10 % a year on what it draws .* within 12 month\(s\)/);
    const aliceBefore = await usdxOf('alice');
    await tx(`sme-fund-${line2}`, { until: byId('sme-to-fund-empty') });
    assert.equal(aliceBefore - (await usdxOf('alice')), 1_000n * USDX, 'Alice deposited the limit');
    view2 = (await api.call.smeFinanceApi.line(line2)).unwrap();
    assert.equal(view2.status.toString(), 'Active');
    assert.equal(view2.undrawn.toBigInt(), 1_000n * USDX);

    // Charlie, the auditor, sees the filing awaiting audit with its figures and hash, and attests it.
    await as('Charlie', 'verifier');
    const row = `verifier-filing-${eve.address}-${year}-3`;
    await byId(row).waitFor();
    assert.match(await byId(row).innerText(), /400,000 USDX\s+40,000 USDX\s+90,000 USDX\s+60,000 USDX\s+24\s+net margin 10 % · receivables \/ payables 1\.50/);
    assert.equal(await byId(`${row}-hash`).innerText(), commitment);
    // The milestones an auditor attests: the pool line's second one and the new line's only one.
    assert.match(await byId(`verifier-ms-${line}-1-releases`).innerText(), new RegExp(`^Releases 2,000 USDX to ${eve.address.slice(0, 4)}…${eve.address.slice(-4)} from the USDX liquidity pool, as debt at 12 % a year`));
    assert.match(await byId(`verifier-ms-${line2}-0-releases`).innerText(), new RegExp(`from the deposit of financier ${alice.address.slice(0, 4)}…${alice.address.slice(-4)}, as debt at 10 % a year`));
    assert.equal(await byId(`verifier-ms-${line}-1`).getAttribute('data-ready'), 'yes');
    await shot('verifier-sme', byId('verifier-filings'));
    await tx(`verifier-attest-filing-${eve.address}-${year}-3`, { until: byId('verifier-filings-empty') });
    const q3 = (await api.call.smeFinanceApi.filings(eve.address)).find((f) => f.period.quarter.toNumber() === 3);
    assert.equal(q3.filing.audit.unwrap().auditor.toString(), charlie.address, 'audited by Charlie');

    // Charlie attests the pool line's second milestone: 2,000 USDX to Eve, the line fully drawn.
    const eveBefore = await usdxOf('eve');
    await tx(`verifier-attest-ms-${line}-1`);
    const view = (await api.call.smeFinanceApi.line(line)).unwrap();
    assert.equal(view.milestones[1].attested.unwrap().auditor.toString(), charlie.address);
    assert.equal(view.released.toBigInt(), 5_000n * USDX);
    assert.equal(view.undrawn.toBigInt(), 0n);
    assert.equal((await usdxOf('eve')) - eveBefore, 2_000n * USDX, 'Eve received the tranche');
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="verifier-ms-${id}-1"]`), line);
  });

  test('the score history from the indexer: Eve\'s chart and the reasons of her changes', async (t) => {
    let pg;
    try {
      pg = await startPostgres();
    } catch (e) {
      if (e instanceof PostgresUnavailable) return t.skip(e.message);
      throw e;
    }
    indexer.push(pg);
    await buildIndexer();
    await applyMigrations(pg.env);
    const processor = startProcessor({ rpcUrl: node.wsUrl, dbEnv: pg.env });
    indexer.push(processor);
    const graphql = await startGraphql({ dbEnv: pg.env });
    indexer.push(graphql);
    gqlUrl = graphql.url;
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitIndexed(graphql.url, head, { processor });

    await page.goto(`${web.url}?rpc=${encodeURIComponent(node.wsUrl)}&graphql=${encodeURIComponent(graphql.url)}&lang=en#credit`);
    await byId('chain-status').waitFor({ timeout: 60_000 });
    await as('Eve', 'credit');
    await byId('history-chart').waitFor({ timeout: 30_000 });
    const score = (await api.call.creditRecordsApi.profileSummary(acc.eve.address)).unwrap().score.toNumber();
    // The chart ends at the chain's score; its first changes are the KYB (+20 on 550) and the
    // audited filing (+12), listed newest first.
    const reasons = await page.locator('[data-testid=history-row]').evaluateAll((rows) => rows.map((r) => r.dataset.reason));
    assert.equal(await byId('history-chart').getAttribute('aria-label'), `Score over time: ${reasons.length} changes, now ${score}`);
    assert.deepEqual(reasons.slice(-2), ['FilingAttested', 'AttestationsChanged']);
    assert.match(await byId('history-list').innerText(), /550 → 570 \(\+20\)\s+attestations changed/);
    assert.match(await byId('history-list').innerText(), /570 → 582 \(\+12\)\s+audited filing/);
    await shot('credit-history', byId('history'));
  });

  test('from the indexer: who read Bob\'s profile, Alice\'s returns as lender, Bob\'s loans, Ferdie\'s invoices and Charlie\'s audit queue found through it', async (t) => {
    if (!gqlUrl) return t.skip('the indexer did not run');
    // Bob sees Charlie's read of his profile, under the grant he gave (revoked since).
    await as('Bob', 'credit');
    const row = page.locator('[data-testid=access-row]');
    await row.first().waitFor({ timeout: 30_000 });
    assert.equal(await row.count(), 1);
    assert.equal(await row.first().getAttribute('data-institution'), acc.charlie.address);
    assert.equal(await row.first().getAttribute('data-basis'), 'Grant');
    assert.match(await row.first().innerText(), /your access grant \(until \d{4}-\d\d-\d\d\)/);
    await shot('credit-accesses', byId('profile-accesses'));

    // Bob's loans: found through the indexer, the same loan the chain has.
    await as('Bob', 'p2p');
    await page.waitForFunction(() => document.querySelector('[data-testid=p2p-my-loans]')?.dataset.source === 'indexer');
    const [loan] = (await api.query.p2pLoans.loans.entries()).filter(([, v]) => (v.unwrap ? v.unwrap() : v).borrower.toString() === acc.bob.address);
    await byId(`p2p-loan-${loan[0].args[0].toNumber()}`).waitFor();

    // SME finance and the Verifier through the indexer: Eve files last year's Q2 report and
    // invoices Ferdie (through @polkadot/api); Ferdie's buyer list and Charlie's audit queue find
    // them (as the indexer's, or as created since its block) and read them from the chain.
    const { eve, ferdie } = acc;
    const year = new Date().getUTCFullYear() - 1;
    const q2 = hex(blake2b256(Buffer.from(`Eve's Q2 statements ${Date.now()}`)));
    const metrics = { revenue: 300_000n * USDX, netProfit: 30_000n * USDX, receivables: 70_000n * USDX, payables: 50_000n * USDX, employees: 22 };
    await chainTx.ok(api.tx.smeFinance.fileReport({ year, quarter: 2 }, q2, metrics), eve);
    const now = (await api.query.timestamp.now()).toNumber();
    const submitted = await chainTx.ok(api.tx.smeFinance.submitInvoice(ferdie.address, 500n * USDX, 1, now + 30 * DAY_MS, hex(blake2b256(Buffer.from(`invoice ${Date.now()}`)))), eve);
    const inv = findEvent(submitted.events, api.events.smeFinance.InvoiceSubmitted).data.invoice.toNumber();
    await as('Ferdie', 'sme');
    await page.waitForFunction(() => document.querySelector('[data-testid=sme-buyer]')?.dataset.source === 'indexer');
    await byId(`sme-buyer-invoice-${inv}`).waitFor();
    assert.equal(await byId('sme-to-fund').getAttribute('data-source'), 'indexer');
    await as('Charlie', 'verifier');
    await page.waitForFunction(() => document.querySelector('[data-testid=verifier-sme-filings]')?.dataset.source === 'indexer');
    assert.equal(await byId('verifier-sme-milestones').getAttribute('data-source'), 'indexer');
    assert.equal(await byId(`verifier-filing-${eve.address}-${year}-2-hash`).innerText(), q2);
    assert.equal(await page.locator('[data-testid^="verifier-filing-"][data-testid$="-hash"]').count(), 1, 'the one filing awaiting audit');

    // Alice's returns: what the indexer has (itself checked against the chain by e2e/w-indexer),
    // with the net return and its share of what she lent.
    await as('Alice', 'p2p');
    await byId('returns-USDX').waitFor({ timeout: 30_000 });
    const { lenderStats } = await gql(gqlUrl, `query($id: String!) { lenderStats(where: {lender: {id_eq: $id}}) { asset principalLent interestEarned losses } }`, { id: acc.alice.address });
    const usdx = lenderStats.find((r) => r.asset === 1);
    const net = BigInt(usdx.interestEarned) - BigInt(usdx.losses);
    assert.ok(net > 0n, 'Alice earned interest on the instalment Bob paid');
    assert.equal(await byId('returns-USDX').getAttribute('data-net'), String(net));
    const bps = (net * 10_000n) / BigInt(usdx.principalLent);
    assert.equal(await byId('returns-USDX-yield').innerText(), `${bps / 100n}.${String(bps % 100n).padStart(2, '0')} %`);
    await shot('p2p-returns', byId('lender-returns'));
  });

  test('the Chinese pools view', async () => {
    await as('Bob', 'pools');
    await byId('lang-switch').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=tab-pools]')?.textContent === '资金池');
    assert.match(await byId('health-factor').innerText(), /无债务/);
    // A refusal reads as a Chinese sentence too, and changes nothing.
    await fill('pool-USDX-borrow-amount', '20,000');
    const refused = await tx('pool-USDX-borrow', { expect: 'failed' });
    assert.equal(refused.error, 'CreditRecords.ExposureCapExceeded');
    assert.match(refused.text, /超过您所在等级的敞口上限/);
    assert.equal((await api.call.liquidityPoolsApi.position(acc.bob.address)).debts.length, 0);
    await shot('pools-zh');
    await byId('lang-switch').click();
  });
});
