// (a) Chain properties and runtime version, exactly as a wallet reads them.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';

import { devAccounts } from '../lib/chain.js';
import { printLogsOnFailure, startNode } from '../lib/node.js';

describe('chain properties and runtime version', { timeout: 300_000 }, () => {
  let node;
  before(async () => {
    node = await startNode({ name: 'props', args: ['--dev', '--sealing', 'instant'] });
  });
  after(async () => {
    await node?.stop();
  });
  printLogsOnFailure(afterEach, () => [node]);

  test('system_properties: XDI, 12 decimals, ss58 42 (raw RPC)', async () => {
    const raw = await node.rpc('system_properties', []);
    assert.equal(raw.ss58Format, 42, `ss58Format in ${JSON.stringify(raw)}`);
    // Wallets accept a scalar or a one-element list here.
    assert.deepEqual([raw.tokenDecimals].flat(), [12], `tokenDecimals in ${JSON.stringify(raw)}`);
    assert.deepEqual([raw.tokenSymbol].flat(), ['XDI'], `tokenSymbol in ${JSON.stringify(raw)}`);
  });

  test('the api registry picks the properties up (what polkadot.js apps shows)', async () => {
    const { api } = node;
    assert.equal(api.registry.chainSS58, 42);
    assert.deepEqual(api.registry.chainDecimals, [12]);
    assert.deepEqual(api.registry.chainTokens, ['XDI']);

    const props = await api.rpc.system.properties();
    assert.equal(props.ss58Format.unwrap().toNumber(), 42);
    assert.deepEqual(props.tokenDecimals.unwrap().map((d) => d.toNumber()), [12]);
    assert.deepEqual(props.tokenSymbol.unwrap().map((s) => s.toString()), ['XDI']);

    // Addresses are shown in the generic substrate format (prefix 42).
    const { alice } = await devAccounts(api.registry.chainSS58);
    assert.equal(alice.address, '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    assert.equal(api.createType('AccountId', alice.publicKey).toString(), alice.address);
  });

  test('runtime version: specName xindai, positive integer specVersion', async () => {
    const { api } = node;
    assert.equal(api.runtimeVersion.specName.toString(), 'xindai');
    const specVersion = api.runtimeVersion.specVersion.toNumber();
    assert.ok(Number.isInteger(specVersion) && specVersion > 0, `specVersion ${specVersion}`);

    // The RPC agrees with what the api cached at connect time.
    const v = await api.rpc.state.getRuntimeVersion();
    assert.equal(v.specName.toString(), 'xindai');
    assert.equal(v.specVersion.toNumber(), specVersion);
    assert.ok(v.transactionVersion.toNumber() >= 1, `transactionVersion ${v.transactionVersion}`);
    assert.ok(v.apis.length > 0, 'runtime version lists its APIs');
  });

  test('system_chain is "Development" for --dev; genesis hash is block 0', async () => {
    const { api } = node;
    assert.equal((await api.rpc.system.chain()).toString(), 'Development');
    assert.equal(api.runtimeChain.toString(), 'Development');
    const genesis = await api.rpc.chain.getBlockHash(0);
    assert.equal(api.genesisHash.toHex(), genesis.toHex());
  });
});
