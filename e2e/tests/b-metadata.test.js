// (b) The metadata lists the runtime's pallets and runtime APIs.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';

import { devAccounts } from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';

const PALLETS = [
  'System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'ValidatorSet', 'Session', 'TransactionPayment',
  'Sudo', 'Assets', 'Utility', 'Multisig', 'Proxy',
  'Scheduler', 'Preimage', 'Referenda', 'ConvictionVoting', 'Origins', 'Treasury',
  'RiskCouncil', 'RiskCouncilMembership', 'Oracle', 'OracleMembership', 'CreditRecords',
  'LiquidityPools', 'P2pLoans', 'SmeFinance',
];

const RUNTIME_APIS = [
  'Core', 'Metadata', 'BlockBuilder', 'TaggedTransactionQueue', 'OffchainWorkerApi',
  'AuraApi', 'SessionKeys', 'GrandpaApi', 'AccountNonceApi', 'TransactionPaymentApi',
  'TransactionPaymentCallApi', 'GenesisBuilder', 'CreditRecordsApi', 'LiquidityPoolsApi',
  'P2pLoansApi', 'SmeFinanceApi',
];

// api.call.<section> names as @polkadot/api derives them (camelCase of the API name).
const camel = (s) => s[0].toLowerCase() + s.slice(1);

describe('metadata', { timeout: 300_000 }, () => {
  let node;
  before(async () => {
    node = await startNode({ name: 'metadata', args: ['--dev', '--sealing', 'instant'] });
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('metadata is v15 or newer (runtime APIs are described)', () => {
    const { api } = node;
    assert.ok(api.runtimeMetadata.version >= 15, `metadata version ${api.runtimeMetadata.version}`);
  });

  test('all runtime pallets are present', () => {
    const { api } = node;
    const names = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    const missing = PALLETS.filter((p) => !names.includes(p));
    assert.deepEqual(missing, [], `pallets in metadata: ${names.join(', ')}`);
    // ... and decorated where a wallet looks for them.
    // (Origins only declares the governance origins: no storage, calls or constants to decorate.)
    for (const p of PALLETS.filter((name) => name !== 'Origins')) {
      const section = camel(p);
      assert.ok(api.query[section] || api.tx[section] || api.consts[section], `api has no section ${section}`);
    }
    for (const p of ['balances', 'assets', 'utility', 'multisig', 'proxy', 'sudo']) {
      assert.ok(api.tx[p], `api.tx.${p}`);
    }
  });

  test('all runtime APIs are listed in the metadata and callable through api.call', () => {
    const { api } = node;
    const names = api.runtimeMetadata.asLatest.apis.map((a) => a.name.toString());
    const missing = RUNTIME_APIS.filter((a) => !names.includes(a));
    assert.deepEqual(missing, [], `runtime APIs in metadata: ${names.join(', ')}`);
    for (const a of RUNTIME_APIS) {
      assert.ok(api.call[camel(a)], `api.call.${camel(a)} is missing`);
    }
  });

  test('runtime APIs answer with sensible values', async () => {
    const { api } = node;
    const { alice } = await devAccounts();
    assert.equal((await api.call.auraApi.slotDuration()).toNumber(), 6000);
    const auraAuthorities = await api.call.auraApi.authorities();
    assert.equal(auraAuthorities.length, 1, 'dev chain has Alice as the only Aura authority');
    const grandpaAuthorities = await api.call.grandpaApi.grandpaAuthorities();
    assert.equal(grandpaAuthorities.length, 1, 'dev chain has Alice as the only GRANDPA authority');
    // Aura uses Alice's sr25519 key, GRANDPA her ed25519 key.
    assert.equal(auraAuthorities[0].toHex(), u8aToHex(alice.publicKey));
    const aliceEd = new Keyring({ type: 'ed25519' }).addFromUri('//Alice');
    assert.equal(grandpaAuthorities[0][0].toHex(), u8aToHex(aliceEd.publicKey));
    const nonce = await api.call.accountNonceApi.accountNonce(alice.address);
    assert.equal(nonce.toNumber(), 0);
    const version = await api.call.core.version();
    assert.equal(version.specName.toString(), 'xindai');
  });

  test('signed extensions include CheckMetadataHash and ChargeTransactionPayment', () => {
    const { api } = node;
    const exts = api.registry.signedExtensions;
    for (const e of ['CheckNonce', 'CheckMortality', 'ChargeTransactionPayment', 'CheckMetadataHash']) {
      assert.ok(exts.includes(e), `signed extensions: ${exts.join(', ')}`);
    }
  });
});
