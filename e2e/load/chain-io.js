// Chain access for the load test: accounts, signing without RPC round trips, nonces read in
// bulk from storage, the weight of an extrinsic (TransactionPaymentApi_query_info, raw), waiting
// for inclusion, and the per-block figures read back from the blocks themselves.

import { Keyring } from '@polkadot/keyring';
import { bnToU8a, hexToU8a, u8aConcat, u8aToHex, u8aToU8a } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
// The wasm sr25519 (schnorrkel) of @polkadot/wasm-crypto, which @polkadot/util-crypto depends on:
// util-crypto 14 signs with pure-JS @scure/sr25519, about 1.7 ms a signature on this machine,
// the wasm one some 20 times faster. Ready once `cryptoWaitReady()` resolved.
import { sr25519KeypairFromSeed, sr25519Sign } from '@polkadot/wasm-crypto';

import { decodeDispatchError } from '../lib/chain.js';
import { sleep } from '../lib/node.js';

/** The sr25519 prefix of a `MultiSignature`. */
const SR25519_PREFIX = new Uint8Array([1]);

/**
 * A keyring of sr25519 accounts from fixed seeds (no derivation paths), which sign with the wasm
 * sr25519. Call after `cryptoWaitReady()`.
 */
export function loadKeyring(ss58Format) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format });
  const cache = new Map();
  /** The account `role` #`i` (e.g. `transfer/sender`, 12). */
  return (role, i) => {
    const name = `${role}/${i}`;
    let pair = cache.get(name);
    if (!pair) {
      // 64 bytes of secret (key and nonce, in the form the wasm signer takes), then the public key.
      const kp = sr25519KeypairFromSeed(blake2AsU8a(`xindai-load-test/${name}`, 256));
      const secretKey = kp.slice(0, 64);
      const publicKey = kp.slice(64);
      pair = keyring.addFromPair({ publicKey, secretKey }, { name });
      pair.sign = (message, options = {}) => {
        const sig = sr25519Sign(publicKey, secretKey, u8aToU8a(message));
        return options.withType ? u8aConcat(SR25519_PREFIX, sig) : sig;
      };
      cache.set(name, pair);
    }
    return pair;
  };
}

/**
 * Signs `tx` (a SubmittableExtrinsic) for `pair` at `nonce`, immortal, no tip, without asking the
 * node anything; returns the hex of the signed extrinsic (with its length prefix).
 */
export function signHex(api, tx, pair, nonce) {
  tx.sign(pair, {
    blockHash: api.genesisHash,
    genesisHash: api.genesisHash,
    nonce,
    tip: 0,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions,
  });
  return tx.toHex();
}

/**
 * The weight and class of a signed extrinsic, from `TransactionPaymentApi_query_info` called
 * raw with `state_call`. (@polkadot/api 16.5.6 types its `uxt` argument as `Bytes`: given the
 * extrinsic's hex string, `api.call.transactionPaymentApi.queryInfo` prefixes it with a second
 * length and the runtime traps decoding it; only a Uint8Array, taken as already prefixed, works,
 * which is what `paymentInfo` passes.) The weight returned is the call's and its
 * transaction extensions' (`DispatchInfo::total_weight`); it does not include the class's
 * `base_extrinsic`, which `CheckWeight` adds when the extrinsic is applied.
 */
export async function queryInfo(api, hex) {
  const u8a = hexToU8a(hex);
  const data = u8aConcat(u8a, bnToU8a(u8a.length, { bitLength: 32 }));
  const raw = await api.rpc.state.call('TransactionPaymentApi_query_info', u8aToHex(data));
  const info = api.createType('PalletTransactionPaymentRuntimeDispatchInfo', raw);
  return {
    refTime: info.weight.refTime.toBigInt(),
    proofSize: info.weight.proofSize.toBigInt(),
    class: info.class.toString(),
    partialFee: info.partialFee.toBigInt(),
    length: u8a.length,
  };
}

/** Storage keys of `System.Account` for addresses, cached. */
const accountKeys = new Map();
function accountKey(api, address) {
  let key = accountKeys.get(address);
  if (!key) {
    key = api.query.system.account.key(address);
    accountKeys.set(address, key);
  }
  return key;
}

/** The account nonces (numbers) of `addresses` at `blockHash` (best when omitted), read raw in chunks. */
export async function nonces(api, rpc, addresses, blockHash) {
  const at = blockHash ?? (await rpc.call('chain_getBlockHash', []));
  const out = new Map();
  const CHUNK = 2_000;
  const unique = [...new Set(addresses)];
  const parts = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const slice = unique.slice(i, i + CHUNK);
    const keys = slice.map((a) => accountKey(api, a));
    parts.push(
      rpc.call('state_queryStorageAt', [keys, at]).then((res) => {
        const byKey = new Map();
        for (const set of res) for (const [k, v] of set.changes) byKey.set(k, v);
        slice.forEach((addr, j) => {
          const v = byKey.get(keys[j]);
          // AccountInfo starts with the nonce, a little-endian u32.
          out.set(addr, v ? Buffer.from(v.slice(2, 10), 'hex').readUInt32LE(0) : 0);
        });
      }),
    );
  }
  await Promise.all(parts);
  return out;
}

/** The best block's number and hash. */
export async function best(rpc) {
  const header = await rpc.call('chain_getHeader', []);
  return { number: parseInt(header.number, 16), hash: await rpc.call('chain_getBlockHash', [header.number]) };
}

/**
 * Waits until every `targets` address (Map address → nonce) reached its nonce, checking at each
 * new best block. Gives up after `stallBlocks` blocks without progress once `submitted` resolved
 * (the rest was refused or dropped), or after `timeoutMs`. Resolves with the last block seen and
 * how many targets were reached.
 */
export async function waitForNonces(api, rpc, targets, { label, from, submitted, stallBlocks = 5, timeoutMs = 30 * 60_000, alive = () => true, quiet = false }) {
  const addresses = [...targets.keys()];
  const baseOf = (a) => from?.get(a) ?? 0;
  const want = [...targets].reduce((acc, [a, n]) => acc + n - baseOf(a), 0);
  let submitDone = false;
  submitted?.then(() => {
    submitDone = true;
  });
  let lastNumber = -1;
  let lastProgress = -1;
  let stalled = 0;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive()) throw new Error(`${label}: the node exited`);
    const head = await best(rpc);
    if (head.number !== lastNumber) {
      lastNumber = head.number;
      const got = await nonces(api, rpc, addresses, head.hash);
      let reached = 0;
      let progress = 0;
      for (const [a, n] of targets) {
        const now = got.get(a) ?? 0;
        progress += Math.max(0, Math.min(now, n) - baseOf(a));
        if (now >= n) reached += 1;
      }
      if (!quiet) process.stdout.write(`    #${head.number}: ${label}: ${progress}/${want} included\n`);
      if (reached === addresses.length) return { number: head.number, hash: head.hash, complete: true, progress, want };
      if (submitDone) {
        stalled = progress === lastProgress ? stalled + 1 : 0;
        if (stalled >= stallBlocks) return { number: head.number, hash: head.hash, complete: false, progress, want };
      }
      lastProgress = progress;
    }
    if (Date.now() > deadline) throw new Error(`${label}: not all included within ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

/** Text of a failed extrinsic's DispatchError, or of a Sudid error. */
function errorText(api, dispatchError) {
  return decodeDispatchError(api, dispatchError)?.text ?? String(dispatchError);
}

/**
 * Reads blocks `from..=to` back: for each, which extrinsics are ours (`own`: Map of lower-case
 * hex → tag), which of ours failed (`System.ExtrinsicFailed`, and `Sudo.Sudid` with an error or
 * `Utility.BatchInterrupted` for setup batches), the normal-class ref time used
 * (`System.BlockWeight` at the block), the encoded size, the timestamp, and — when `keepEvents` —
 * the events of our extrinsics.
 */
export async function readBlocks(api, rpc, from, to, own, { keepEvents = false } = {}) {
  const blocks = [];
  for (let n = from; n <= to; n++) {
    const hash = await rpc.call('chain_getBlockHash', [n]);
    const [signed, events, weight, now] = await Promise.all([
      rpc.call('chain_getBlock', [hash]),
      api.query.system.events.at(hash),
      api.query.system.blockWeight.at(hash),
      api.query.timestamp.now.at(hash),
    ]);
    const exts = signed.block.extrinsics;
    const header = api.createType('Header', signed.block.header);
    let bytes = header.encodedLength;
    const tags = exts.map((x) => {
      bytes += (x.length - 2) / 2;
      return own.get(x.toLowerCase());
    });
    // The body's own length prefix (a compact of the count) is not counted by the runtime.
    const b = {
      number: n,
      hash,
      timestamp: now.toNumber(),
      extrinsics: exts.length,
      bytes,
      normalRefTime: weight.normal.refTime.toBigInt(),
      operationalRefTime: weight.operational.refTime.toBigInt(),
      mandatoryRefTime: weight.mandatory.refTime.toBigInt(),
      ours: {},
      failed: {},
      others: 0,
      errors: [],
      eventCounts: {}, // of our extrinsics' events, by `section.method`
      events: keepEvents ? [] : undefined,
    };
    tags.forEach((t) => {
      if (t === undefined) b.others += 1;
      else b.ours[t.kind] = (b.ours[t.kind] ?? 0) + 1;
    });
    const failedIdx = new Set();
    for (const { phase, event } of events) {
      if (!phase.isApplyExtrinsic) continue;
      const i = phase.asApplyExtrinsic.toNumber();
      const t = tags[i];
      if (!t) continue;
      const name = `${event.section}.${event.method}`;
      b.eventCounts[name] = (b.eventCounts[name] ?? 0) + 1;
      let err = null;
      if (api.events.system.ExtrinsicFailed.is(event)) err = errorText(api, event.data.dispatchError);
      else if (api.events.sudo?.Sudid?.is(event) && event.data.sudoResult.isErr) err = `sudo: ${errorText(api, event.data.sudoResult.asErr)}`;
      else if (api.events.utility?.BatchInterrupted?.is(event)) err = `batch item ${event.data.index}: ${errorText(api, event.data.error)}`;
      if (err && !failedIdx.has(i)) {
        failedIdx.add(i);
        b.failed[t.kind] = (b.failed[t.kind] ?? 0) + 1;
        if (b.errors.length < 20) b.errors.push({ index: i, tag: t, error: err });
      }
      if (keepEvents) b.events.push({ tag: t, event });
    }
    blocks.push(b);
  }
  return blocks;
}
