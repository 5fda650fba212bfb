// Chain-level helpers: dev accounts, signing and submitting, error decoding.

import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';

/** 1 XDI in planck (12 decimals). */
export const XDI = 10n ** 12n;
/** Genesis assets. */
export const USDX = { id: 1, name: 'Xindai USD', symbol: 'USDX', decimals: 6, genesisPerAccount: 1_000_000n * 10n ** 6n };
export const XBTC = { id: 2, name: 'Xindai BTC', symbol: 'XBTC', decimals: 8, genesisPerAccount: 100n * 10n ** 8n };

/**
 * The identity commitment a KYC provider gives the person behind `address` (a salted hash of
 * the identity documents in real life; here one person per address unless a test shares it).
 */
export function personOf(address) {
  return blake2AsHex(`xindai-e2e-person:${address}`, 256);
}

export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/**
 * The stated purpose of a credit application: a category (`Education`, `Home`,
 * `BusinessWorkingCapital`, …) and the hash of a description kept off chain.
 */
export function purpose(category = 'Education', description = 'e2e purpose') {
  return { category, descriptionHash: blake2AsHex(`xindai-e2e-purpose:${description}`, 256) };
}

/**
 * The oracle's rules (runtime/src/configs/oracle.rs): a price needs fresh values from at least
 * `quorum` feeders (the dev feeders are Alice, Bob and Charlie); a move of more than
 * `maxJumpPercent` from the previous price is shown but stale for lending for `coolingOffMs`,
 * unless every feeder confirms it.
 */
export const ORACLE = { quorum: 2, maxJumpPercent: 50, coolingOffMs: 15 * 60 * 1000 };

/** sr25519 dev keypairs //Alice .. //Ferdie, keyed by lower-case name. */
export async function devAccounts(ss58Format = 42) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format });
  const out = {};
  for (const n of DEV_NAMES) out[n.toLowerCase()] = keyring.addFromUri(`//${n}`, { name: n });
  return out;
}

/** Human-readable form of a DispatchError: 'Section.Name' for module errors, 'Token.FundsUnavailable' etc. */
export function decodeDispatchError(api, dispatchError) {
  if (!dispatchError) return null;
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    // findMetaError gives the camelCase section ('assets'); show the pallet name ('Assets').
    const pallet = meta.section.charAt(0).toUpperCase() + meta.section.slice(1);
    return { kind: 'Module', section: meta.section, pallet, name: meta.name, docs: meta.docs.join(' '), text: `${pallet}.${meta.name}` };
  }
  if (dispatchError.isToken) {
    const name = dispatchError.asToken.type;
    return { kind: 'Token', name, text: `Token.${name}` };
  }
  if (dispatchError.isArithmetic) {
    const name = dispatchError.asArithmetic.type;
    return { kind: 'Arithmetic', name, text: `Arithmetic.${name}` };
  }
  if (dispatchError.isTransactional) {
    const name = dispatchError.asTransactional.type;
    return { kind: 'Transactional', name, text: `Transactional.${name}` };
  }
  return { kind: dispatchError.type, name: dispatchError.type, text: dispatchError.toString() };
}

/**
 * Sign (when `signer` is given) and submit `tx`, resolve once it is in a block.
 * Rejects if the pool reports it invalid/dropped/usurped, or on timeout.
 *
 * @returns {Promise<{blockHash: string, txHash: string, events: any[], dispatchError: any,
 *   error: ReturnType<typeof decodeDispatchError>, txIndex: number|undefined}>}
 */
export function submitAndWait(api, tx, signer, { options = {}, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    let unsub;
    let done = false;
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (unsub) {
        try {
          unsub();
        } catch {
          // ignore
        }
      }
      fn(value);
    };
    const timer = setTimeout(
      () => finish(reject, new Error(`transaction ${tx.method.section}.${tx.method.method} not included within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onStatus = (result) => {
      const { status } = result;
      if (status.isInBlock || status.isFinalized) {
        const blockHash = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
        finish(resolve, {
          blockHash,
          txHash: result.txHash.toHex(),
          txIndex: result.txIndex,
          events: result.events,
          dispatchError: result.dispatchError,
          error: decodeDispatchError(api, result.dispatchError),
        });
      } else if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
        finish(reject, new Error(`transaction ${tx.method.section}.${tx.method.method}: status ${status.type}`));
      }
    };
    const p = signer ? tx.signAndSend(signer, options, onStatus) : tx.send(onStatus);
    p.then((u) => {
      unsub = u;
      if (done) u();
    }).catch((e) => finish(reject, e));
  });
}

/** The first event of the given kind in a list of EventRecords (or undefined). */
export function findEvent(events, eventType) {
  const rec = events.find(({ event }) => eventType.is(event));
  return rec?.event;
}

/** Free balance (bigint) of `who` at `blockHash` (or at the best block when omitted). */
export async function freeBalance(api, who, blockHash) {
  const at = blockHash ? await api.at(blockHash) : api;
  const info = await at.query.system.account(who);
  return info.data.free.toBigInt();
}

/** Asset balance (bigint, 0 if no account) of `who` for asset `id` at `blockHash` (or best). */
export async function assetBalance(api, id, who, blockHash) {
  const at = blockHash ? await api.at(blockHash) : api;
  const acc = await at.query.assets.account(id, who);
  return acc.isSome ? acc.unwrap().balance.toBigInt() : 0n;
}

/** Parent hash of a block. */
export async function parentOf(api, blockHash) {
  const header = await api.rpc.chain.getHeader(blockHash);
  return header.parentHash.toHex();
}

/** Block number of a block. */
export async function numberOf(api, blockHash) {
  const header = await api.rpc.chain.getHeader(blockHash);
  return header.number.toNumber();
}

/** timestamp.now (ms, as a JS number) at a block. */
export async function timestampAt(api, blockHash) {
  const at = await api.at(blockHash);
  return (await at.query.timestamp.now()).toNumber();
}

/** Seal one block in `--sealing manual` mode via engine_createBlock; returns its hash. */
export async function createBlock(node, { createEmpty = true, finalize = true } = {}) {
  const res = await node.rpc('engine_createBlock', [createEmpty, finalize, null]);
  const hash = res.hash ?? res.blockHash;
  if (typeof hash !== 'string') throw new Error(`unexpected engine_createBlock result ${JSON.stringify(res)}`);
  return hash;
}

/** The chain's clock (milliseconds) at the best block. */
export async function chainNow(api) {
  return (await api.query.timestamp.now()).toNumber();
}

/** Moves a dev node's clock to `ms` and seals a block there (a remark by `signer`). */
export async function travelTo(node, ms, signer) {
  await node.rpc('dev_timeTravel', [ms]);
  const res = await submitAndWait(node.api, node.api.tx.system.remark('0x00'), signer);
  if (res.error) throw new Error(`sealing after time travel failed: ${res.error}`);
}
