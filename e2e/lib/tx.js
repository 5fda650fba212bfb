// Transaction helpers shared by the domain tests: submit-and-assert, sudo, expected errors.

import assert from 'node:assert/strict';

import { findEvent, submitAndWait } from './chain.js';

/**
 * Helpers bound to `api`:
 * - `ok(tx, signer)`: submits, asserts success, returns the result;
 * - `root(call, sudoer)`: dispatches `call` through sudo, asserts the inner call succeeded;
 * - `failsWith(tx, signer, 'Pallet.Error')`: submits, asserts that dispatch error;
 * - `feed(values, feeders)`: posts `values` (`[[assetId, FixedU128], ...]`) to the oracle from
 *   each feeder in turn (the oracle combines a price from at least two fresh feeder values).
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

  return { ok, root, failsWith, feed };
}

/** A FixedU128 (18 decimals) from a whole or fractional number given as `num / den`. */
export function fixed(num, den = 1n) {
  return (BigInt(num) * 10n ** 18n) / BigInt(den);
}
