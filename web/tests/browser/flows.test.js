// The web app in a real browser (Debian's chromium driven by playwright-core) against a real dev
// node with instant sealing: every flow is clicked through the UI; a second client (the e2e
// suite's @polkadot/api) checks what reached the chain.
//
//   npm run build && npm run test:browser     (XINDAI_NODE or CARGO_TARGET_DIR find the node)
//
// Screenshots of the main views go to web/screenshots/ (committed; SCREENSHOTS=0 skips them).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { blake2b256 } from '@polkadot-labs/hdkd-helpers';
import { chromium } from 'playwright-core';

import { devAccounts } from '../../../e2e/lib/chain.js';
import { printLogsOnFailure, startNode } from '../../../e2e/lib/node.js';
import { serveStatic } from '../../scripts/serve.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEB = path.resolve(here, '..', '..');
const DIST = path.join(WEB, 'dist');
const SHOTS = path.join(WEB, 'screenshots');
const USDX = 10n ** 6n;

/** The browser: $CHROMIUM, else `chromium` on PATH (Debian's package). */
function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium not found: install Debian\'s chromium (scripts/setup does)');
  }
}

const hex = (bytes) => `0x${Buffer.from(bytes).toString('hex')}`;

describe('web app in a real browser', { timeout: 900_000 }, () => {
  let node;
  let api;
  let web;
  let context;
  let page;
  let profileDir;
  let acc;
  let firstLoadMs;
  const t0 = Date.now();

  before(async () => {
    assert.ok(existsSync(path.join(DIST, 'index.html')), 'web/dist missing: run "npm run build" first');
    node = await startNode({ name: 'web', args: ['--dev', '--sealing', 'instant'] });
    api = node.api;
    acc = await devAccounts(api.registry.chainSS58);
    web = await serveStatic({ dir: DIST, port: 0 });
    profileDir = mkdtempSync(path.join(os.tmpdir(), 'xindai-web-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 1200, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
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
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  const byId = (id) => page.getByTestId(id);

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

  async function shot(name) {
    if (process.env.SCREENSHOTS === '0') return;
    mkdirSync(SHOTS, { recursive: true });
    const file = path.join(SHOTS, `${name}.png`);
    await page.evaluate(() => window.scrollTo(0, 0));
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
