// Transaction helpers shared by the domain tests: submit-and-assert, sudo, expected errors.

import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';

import { XDI, chainNow, findEvent, submitAndWait } from './chain.js';

/**
 * Helpers bound to `api`:
 * - `ok(tx, signer)`: submits, asserts success, returns the result;
 * - `root(call, sudoer)`: dispatches `call` through sudo, asserts the inner call succeeded;
 * - `failsWith(tx, signer, 'Pallet.Error')`: submits, asserts that dispatch error;
 * - `feed(values, feeders)`: posts `values` (`[[assetId, FixedU128], ...]`) to the oracle from
 *   each feeder in turn (the oracle combines a price from at least two fresh feeder values);
 * - `attestIncomes(subjects, sudoer, band)`: a credit bureau (`//XindaiBureau`, admitted and
 *   funded through `sudoer`) attests each subject's monthly income band for a year: the
 *   repayment capacity their loan applications are measured against.
 */
export function txHelpers(api) {
  async function ok(tx, signer) {
    const res = await submitAndWait(api, tx, signer);
    assert.equal(res.error, null, `${tx.method.section}.${tx.method.method}: ${res.error?.text}`);
    return res;
  }

  async function root(call, sudoer) {
    const res = await ok(api.tx.sudo.sudo(call), sudoer);
    const sudid = findEvent(res.events, api.events.sudo.Sudid);
    assert.ok(sudid, 'Sudo.Sudid emitted');
    const result = sudid.data.sudoResult;
    if (result.isErr) {
      const err = result.asErr;
      const text = err.isModule ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(err.asModule)) : err.toString();
      assert.fail(`sudo call failed: ${text}`);
    }
    return res;
  }

  async function failsWith(tx, signer, text) {
    const res = await submitAndWait(api, tx, signer);
    assert.equal(res.error?.text, text, `expected ${text}, got ${res.error?.text ?? 'success'}`);
    return res;
  }

  async function feed(values, feeders) {
    for (const feeder of feeders) await ok(api.tx.oracle.feedValues(values), feeder);
  }

  async function attestIncomes(subjects, sudoer, band = 'Over50k') {
    const bureau = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 }).addFromUri('//XindaiBureau');
    const admitted = await api.query.creditRecords.verifiers(bureau.address);
    if (admitted.isNone) {
      await ok(api.tx.balances.transferKeepAlive(bureau.address, 10n * XDI), sudoer);
      await root(api.tx.creditRecords.addVerifier(bureau.address, 'CreditBureau', 'Xindai Bureau'), sudoer);
    }
    const expires = (await chainNow(api)) + 365 * 24 * 60 * 60 * 1000;
    const evidence = `0x${'be'.repeat(32)}`;
    for (const who of subjects) {
      await ok(api.tx.creditRecords.attestIncome(who.address, band, evidence, expires), bureau);
    }
    return bureau;
  }

  return { ok, root, failsWith, feed, attestIncomes };
}

/** A FixedU128 (18 decimals) from a whole or fractional number given as `num / den`. */
export function fixed(num, den = 1n) {
  return (BigInt(num) * 10n ** 18n) / BigInt(den);
}
