// Referenda and invoice recourse in a real browser (Debian's chromium driven by playwright-core)
// against its own dev node with instant sealing (this file moves the chain's clock, so it does
// not share flows.test.js's node): a RiskAdmin referendum submitted through @polkadot/api is
// listed with its decoded proposal, its decision deposit placed and voted on (aye with 2x
// conviction, nay with none) and a vote removed in the page, the tally checked against the
// chain's; a financed invoice left unpaid past its due date and the default threshold
// (`dev_timeTravel`) has its recourse claimed by the financier and repaid by the enterprise,
// first in part (a dust rest refused before signing), then all of it.
//
//   npm run build && npm run test:browser     (XINDAI_NODE or CARGO_TARGET_DIR find the node)

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';

import { blake2b256 } from '@polkadot-labs/hdkd-helpers';

import { XDI, chainNow, devAccounts, findEvent, personOf, travelTo } from '../../../e2e/lib/chain.js';
import { printLogsOnFailure, startNode } from '../../../e2e/lib/node.js';
import { txHelpers } from '../../../e2e/lib/tx.js';
import { serveStatic } from '../../scripts/serve.js';
import { DAY_MS, DIST, SHOTS, USDX, hex, launchBrowser } from './browser-harness.js';

describe('referenda and recourse in a real browser', { timeout: 600_000 }, () => {
  let node;
  let api;
  let web;
  let context;
  let page;
  let profileDir;
  let acc;
  let chainTx;
  const t0 = Date.now();

  before(async () => {
    assert.ok(existsSync(path.join(DIST, 'index.html')), 'web/dist missing: run "npm run build" first');
    node = await startNode({ name: 'web-gov', args: ['--dev', '--sealing', 'instant'] });
    api = node.api;
    acc = await devAccounts(api.registry.chainSS58);
    chainTx = txHelpers(api);
    web = await serveStatic({ dir: DIST, port: 0 });
    ({ context, profileDir } = await launchBrowser());
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.goto(`${web.url}?rpc=${encodeURIComponent(node.wsUrl)}&lang=en#governance`);
    await page.getByTestId('chain-status').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    console.log(`web: referenda and recourse flows ${Date.now() - t0} ms`);
    await context?.close().catch(() => {});
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await web?.close();
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  const byId = (id) => page.getByTestId(id);
  const usdxOf = async (who) => (await api.query.assets.account(1, acc[who].address)).unwrap().balance.toBigInt();
  const textMatches = (id, re) =>
    page.waitForFunction(([tid, src]) => new RegExp(src).test(document.querySelector(`[data-testid="${tid}"]`)?.textContent ?? ''), [id, re.source], { timeout: 30_000 });

  async function as(name, tab) {
    await byId('account-select').selectOption(acc[name.toLowerCase()].address);
    await byId(`tab-${tab}`).click();
    await byId(`view-${tab}`).waitFor();
    await page.waitForFunction((a) => document.querySelector('[data-testid=account-address]')?.textContent === a, acc[name.toLowerCase()].address);
  }

  /** Clicks a transaction's button, checks the fee estimate, signs; resolves with the final state. */
  async function tx(id, { expect = 'finalized' } = {}) {
    await byId(`${id}-btn`).click();
    await byId(`${id}-sign`).waitFor({ timeout: 30_000 });
    assert.match(await byId(`${id}-fee`).innerText(), /Fee about [\d.,]+ XDI/);
    const started = Date.now();
    await byId(`${id}-sign`).click();
    const handle = await page.waitForFunction(
      ({ tid, since }) => {
        const el = document.querySelector(`[data-testid="txlog-${tid}"]`);
        if (!el || Number(el.dataset.at) < since || !['finalized', 'failed'].includes(el.dataset.state ?? '')) return null;
        return { state: el.dataset.state, text: el.textContent, error: el.dataset.error ?? null };
      },
      { tid: id, since: started },
      { timeout: 120_000 },
    );
    const final = await handle.jsonValue();
    assert.equal(final.state, expect, `${id}: ${final.text}`);
    return final;
  }

  async function shot(name, focus) {
    if (process.env.SCREENSHOTS === '0') return;
    mkdirSync(SHOTS, { recursive: true });
    const file = path.join(SHOTS, `${name}.png`);
    await focus.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: file, fullPage: false });
    assert.ok(statSync(file).size > 10_000, `${file} is a real picture`);
  }

  const tallyOf = async (index) => (await api.query.referenda.referendumInfoFor(index)).unwrap().asOngoing.tally;

  test('a RiskAdmin referendum: Bob places the decision deposit and votes aye with 2x conviction, Charlie nay; Bob removes his vote', async () => {
    const { alice, bob } = acc;
    // Submitted through @polkadot/api: raise the USDX pool's facility cap to 50,000 USDX.
    const call = api.tx.liquidityPools.setFacilityCap(1, 50_000n * USDX);
    const submitted = await chainTx.ok(api.tx.referenda.submit({ Origins: 'RiskAdmin' }, { Inline: call.method.toHex() }, { After: 10 }), alice);
    const index = findEvent(submitted.events, api.events.referenda.Submitted).data.index.toNumber();

    await as('Bob', 'governance');
    const ref = `gov-ref-${index}`;
    await byId(ref).waitFor();
    assert.equal(await byId(ref).getAttribute('data-phase'), 'preparing');
    assert.match(await byId(ref).locator('h4').innerText(), new RegExp(`^Referendum #${index} · track: risk admin · preparing$`));
    await textMatches(`${ref}-proposal`, /^LiquidityPools\.set_facility_cap \{"asset":1,"cap":"50000000000"\}\s*dispatched as RiskAdmin$/);
    assert.match(await byId(`${ref}-deposits`).innerText(), /^submission 10 XDI by .* · decision deposit of 2,000 XDI not placed yet$/);
    assert.match(await byId(`${ref}-when`).innerText(), /deciding starts once the decision deposit is placed/);
    assert.match(await byId(`${ref}-needs`).innerText(), /^Needs when deciding starts: approval 100 %, support 30 %/);

    // Bob places the decision deposit.
    const bobBefore = (await api.query.system.account(bob.address)).data.reserved.toBigInt();
    await tx(`gov-deposit-${index}`);
    await textMatches(`${ref}-deposits`, /decision 2,000 XDI by /);
    const info = (await api.query.referenda.referendumInfoFor(index)).unwrap().asOngoing;
    assert.equal(info.decisionDeposit.unwrap().who.toString(), bob.address);
    assert.equal((await api.query.system.account(bob.address)).data.reserved.toBigInt() - bobBefore, 2_000n * XDI, '2,000 XDI held');
    assert.ok(!(await byId(`gov-deposit-${index}-btn`).isVisible().catch(() => false)), 'no second deposit offered');

    // Bob votes aye with 100,000 XDI at 2x conviction: locked two VoteLockingPeriods if it passes
    // (7 days each; 10 blocks of 6 s on a fast-runtime build).
    const period = api.consts.convictionVoting.voteLockingPeriod.toNumber();
    const lock = { 100_800: '14 day(s)', 10: '2 minute(s)' }[period];
    assert.ok(lock, `VoteLockingPeriod ${period}`);
    await byId(`gov-vote-${index}-side`).selectOption('aye');
    await byId(`gov-vote-${index}-conviction`).selectOption('2');
    assert.equal(await byId(`gov-vote-${index}-conviction`).locator('option:checked').innerText(), `2×, locked ${lock}`);
    await byId(`gov-vote-${index}-amount`).fill('100,000');
    await textMatches(`gov-vote-${index}-preview`, /^Counts as 200,000 votes; the tally would then show approval 100 %/);
    await tx(`gov-vote-${index}`);
    await page.waitForFunction(([id, v]) => document.querySelector(`[data-testid="${id}-tally"]`)?.dataset.ayes === v, [ref, String(200_000n * XDI)]);
    let tally = await tallyOf(index);
    assert.equal(tally.ayes.toBigInt(), 200_000n * XDI, 'ayes: 100,000 XDI × 2');
    assert.equal(tally.support.toBigInt(), 100_000n * XDI, 'support: the capital');
    assert.match(await byId(`${ref}-tally`).innerText(), /^Aye 200,000 XDI · Nay 0 XDI \(conviction-weighted\) · approval 100 % · support 100,000 XDI = [\d.]+ % of issuance/);
    await textMatches(`${ref}-myvote`, new RegExp(`^aye with 100,000 XDI, 2×, locked ${lock.replace(/[()]/g, '\\$&')}: 200,000 votes`));
    await textMatches(`gov-my-vote-${index}`, /risk admin\): aye with 100,000 XDI/);
    await textMatches('gov-locks', /Track risk admin: 100,000 XDI locked by your votes/);
    const votingFor = await api.query.convictionVoting.votingFor(bob.address, 1);
    const [[poll, vote]] = votingFor.asCasting.votes;
    assert.equal(poll.toNumber(), index);
    assert.equal(vote.asStandard.vote.isAye, true);
    assert.equal(vote.asStandard.vote.conviction.toString(), 'Locked2x');

    // Charlie votes nay with 50,000 XDI and no conviction: 5,000 votes; approval 200/205 = 97.56 %.
    await as('Charlie', 'governance');
    await byId(`gov-vote-${index}-side`).selectOption('nay');
    await byId(`gov-vote-${index}-conviction`).selectOption('0');
    await byId(`gov-vote-${index}-amount`).fill('50000');
    await tx(`gov-vote-${index}`);
    await textMatches(`${ref}-tally`, /^Aye 200,000 XDI · Nay 5,000 XDI \(conviction-weighted\) · approval 97\.56 % · support 100,000 XDI/);
    tally = await tallyOf(index);
    assert.equal(tally.nays.toBigInt(), 5_000n * XDI);
    await shot('governance', byId(ref));

    // Bob removes his vote: the tally falls back to Charlie's nay alone.
    await as('Bob', 'governance');
    await byId(`${ref}-myvote`).waitFor();
    await tx(`gov-unvote-${index}`);
    await textMatches(`${ref}-tally`, /^Aye 0 XDI · Nay 5,000 XDI .* approval 0 %/);
    tally = await tallyOf(index);
    assert.equal(tally.ayes.toBigInt(), 0n);
    assert.equal(tally.support.toBigInt(), 0n);
    await byId('gov-my-votes-empty').waitFor();
  });

  test('recourse: Ferdie leaves a financed invoice unpaid; Alice claims recourse once it is 90 days past due; Eve repays in part, then all', async () => {
    const { alice, dave, eve, ferdie } = acc;
    const root = (call) => chainTx.root(call, alice);
    // Preconditions through @polkadot/api: Dave a KYC provider; Eve an enterprise with KYB, Ferdie
    // and Alice people with KYC; Eve invoices Ferdie 1,000 USDX due in 10 days, Ferdie confirms,
    // Eve offers it (80 % / 2 %) and Alice finances it: 800 USDX to Eve.
    await root(api.tx.creditRecords.addVerifier(dave.address, 'KycProvider', 'Dave KYC Ltd'));
    const expires = (await chainNow(api)) + 3 * 365 * DAY_MS;
    const evidence = hex(blake2b256(Buffer.from('registry extract')));
    await chainTx.ok(api.tx.creditRecords.register('Enterprise', hex(blake2b256(Buffer.from('eve docs')))), eve);
    await chainTx.ok(api.tx.creditRecords.attest(eve.address, 'Kyb', evidence, expires, personOf(eve.address)), dave);
    for (const who of [ferdie, alice]) {
      await chainTx.ok(api.tx.creditRecords.register('Individual', hex(blake2b256(Buffer.from(`${who.address} docs`)))), who);
      await chainTx.ok(api.tx.creditRecords.attest(who.address, 'KycBasic', evidence, expires, personOf(who.address)), dave);
    }
    const due = (await chainNow(api)) + 10 * DAY_MS;
    const submitted = await chainTx.ok(api.tx.smeFinance.submitInvoice(ferdie.address, 1_000n * USDX, 1, due, hex(blake2b256(Buffer.from(`invoice ${Date.now()}`)))), eve);
    const id = findEvent(submitted.events, api.events.smeFinance.InvoiceSubmitted).data.invoice.toNumber();
    await chainTx.ok(api.tx.smeFinance.confirmInvoice(id), ferdie);
    await chainTx.ok(api.tx.smeFinance.offerInvoice(id, 800_000, 20_000, null), eve);
    await chainTx.ok(api.tx.smeFinance.financeInvoice(id, 800_000, 20_000), alice);

    // Before the threshold: Alice sees when recourse becomes claimable, and no claim button.
    await as('Alice', 'sme');
    await byId(`sme-financed-${id}`).waitFor();
    assert.equal(await byId(`sme-financed-${id}`).getAttribute('data-recourse'), 'waiting');
    assert.match(await byId(`sme-financed-${id}-recourse`).innerText(), /^Recourse claimable from \d{4}-\d\d-\d\d \(in 100 days, 90 days past due\) if the buyer has not paid: the enterprise then owes you the advance, 800 USDX\.$/);
    assert.ok(!(await byId(`sme-claim-recourse-${id}-btn`).isVisible().catch(() => false)));
    await as('Eve', 'sme');
    await textMatches(`sme-invoice-${id}-recourse`, /^If the buyer has not paid by .* the financier may claim recourse: you would owe it the advance, 800 USDX\.$/);

    // 101 days later Ferdie still has not paid: Alice claims recourse in the page.
    await travelTo(node, due + 91 * DAY_MS, alice);
    await as('Alice', 'sme');
    await page.waitForFunction((i) => document.querySelector(`[data-testid="sme-financed-${i}"]`)?.dataset.recourse === 'claimable', id);
    assert.match(await byId(`sme-financed-${id}-recourse`).innerText(), /^The buyer is in default since .*: you may claim recourse, the enterprise then owes you the advance, 800 USDX\.$/);
    await byId(`sme-claim-recourse-${id}-btn`).click();
    await byId(`sme-claim-recourse-${id}-warning`).waitFor();
    assert.match(await byId(`sme-claim-recourse-${id}-warning`).innerText(), /recorded as defaulted; .* then owes you 800 USDX/);
    await byId(`sme-claim-recourse-${id}-sign`).click();
    await page.waitForFunction((i) => document.querySelector(`[data-testid="txlog-sme-claim-recourse-${i}"]`)?.dataset.state === 'finalized', id, { timeout: 120_000 });
    let inv = (await api.query.smeFinance.invoices(id)).unwrap();
    assert.equal(inv.status.toString(), 'Recourse');
    assert.equal(inv.financing.unwrap().recourseOwed.toBigInt(), 800n * USDX);
    await textMatches(`sme-financed-${id}-recourse`, /^Under recourse since .*: the enterprise owes you 800 USDX\.$/);

    // Eve sees what she owes; a repayment leaving 0.005 USDX (below the 0.01 minimum) is refused before signing.
    await as('Eve', 'sme');
    await textMatches(`sme-invoice-${id}-recourse`, /^Under recourse since .*: you owe the financier 800 USDX\./);
    await byId(`sme-repay-recourse-${id}-amount`).fill('799.995');
    await textMatches(`sme-repay-recourse-${id}-dust`, /leave 0\.005 USDX owed, below the asset's minimum balance of 0\.01 USDX/);
    await byId(`sme-repay-recourse-${id}-btn`).click();
    await textMatches(`sme-repay-recourse-${id}-status`, /minimum balance/);

    // 300 USDX now: 500 stay owed.
    await byId(`sme-repay-recourse-${id}-amount`).fill('300');
    await textMatches(`sme-repay-recourse-${id}-preview`, /^Pays 300 USDX; 500 USDX stays owed\.$/);
    const aliceBefore = await usdxOf('alice');
    await tx(`sme-repay-recourse-${id}`);
    inv = (await api.query.smeFinance.invoices(id)).unwrap();
    assert.equal(inv.financing.unwrap().recourseOwed.toBigInt(), 500n * USDX);
    assert.equal((await usdxOf('alice')) - aliceBefore, 300n * USDX, 'Alice received 300 USDX');
    await textMatches(`sme-invoice-${id}-recourse`, /you owe the financier 500 USDX/);

    // Then all of it: the invoice closes.
    assert.equal(await byId(`sme-repay-recourse-all-${id}-btn`).innerText(), 'Repay all (500 USDX)');
    await tx(`sme-repay-recourse-all-${id}`);
    assert.ok((await api.query.smeFinance.invoices(id)).isNone, 'the invoice is closed');
    assert.equal((await usdxOf('alice')) - aliceBefore, 800n * USDX, 'Alice got her advance back');
    await byId('sme-invoices-empty').waitFor();
  });
});
