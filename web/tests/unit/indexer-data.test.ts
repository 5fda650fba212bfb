// The indexer-backed parts of the app: which records (P2P loans, invoices, lines, filings) to read
// from the chain, a lender's net return, and how a profile read's consent reads.
import { describe, expect, test, vi } from 'vitest';

import { makeT } from '../../src/ctx';
import {
  type FilingKey,
  type MyLoanIdsData,
  type ProfileAccessRow,
  blocksSince,
  filingKeyOf,
  idsViaIndexer,
  keysViaIndexer,
  lenderReturn,
  loanLenderTotals,
  readRecords,
  selectKeys,
  sequentialIds,
} from '../../src/indexer';
import { accessBasisText } from '../../src/views/ProfileAccesses';

const HASH = '0xAbC0000000000000000000000000000000000000000000000000000000000001';
const OTHER = `0x${'00'.repeat(32)}`;
const status = { height: 40, hash: HASH };

describe('sequentialIds', () => {
  test('the indexer ids plus every id created since its last block, ascending', () => {
    expect(sequentialIds([4, 1], 6, 9)).toEqual([1, 4, 6, 7, 8]);
  });
  test('nothing new on chain: exactly the indexer ids', () => {
    expect(sequentialIds([1, 4], 6, 6)).toEqual([1, 4]);
  });
  test('an indexer ahead of the block read: ids the chain has not allocated yet are left out', () => {
    expect(sequentialIds([1, 4, 7], 8, 5)).toEqual([1, 4]);
  });
  test('no records anywhere; no valid id is invented', () => {
    expect(sequentialIds([], 0, 0)).toEqual([]);
    expect(sequentialIds([], 0, 2)).toEqual([0, 1]);
    expect(sequentialIds([Number.NaN, -1, 1.5, 1], 2, 3)).toEqual([1, 2]);
  });
});

describe('selectKeys', () => {
  const key = (k: FilingKey) => filingKeyOf(k);
  const f = (enterprise: string, year: number, quarter: number): FilingKey => ({ enterprise, period: { year, quarter } });
  test('the indexer keys plus the newer ones, each once, when the chain has the indexer block', () => {
    expect(selectKeys(status, HASH.toLowerCase(), [f('5E', 2025, 3), f('5F', 2025, 4)], [f('5F', 2025, 4), f('5G', 2026, 1)], key)).toEqual([
      f('5E', 2025, 3), f('5F', 2025, 4), f('5G', 2026, 1),
    ]);
  });
  test('read everything: no status, no block at that height, another block there, or the newer keys unknown', () => {
    expect(selectKeys(null, HASH, [1], [], String)).toBeUndefined();
    expect(selectKeys(status, null, [1], [], String)).toBeUndefined();
    expect(selectKeys(status, OTHER, [1], [], String)).toBeUndefined();
    expect(selectKeys(status, HASH, [1], undefined, String)).toBeUndefined();
  });
});

describe('blocksSince', () => {
  test('the blocks after the indexer block up to the block read; none when caught up or ahead', () => {
    expect(blocksSince(40, 43)).toEqual([41, 42, 43]);
    expect(blocksSince(40, 40)).toEqual([]);
    expect(blocksSince(41, 40)).toEqual([]);
  });
  test('too far behind: undefined (read everything)', () => {
    expect(blocksSince(40, 104)).toHaveLength(64);
    expect(blocksSince(40, 105)).toBeUndefined();
    expect(blocksSince(40, 45, 4)).toBeUndefined();
  });
});

describe('idsViaIndexer (P2P loans, invoices, lines)', () => {
  const data = (over: Partial<MyLoanIdsData> = {}): MyLoanIdsData => ({ loans: [{ id: '4' }, { id: '1' }], loansConnection: { totalCount: 6 }, squidStatus: status, ...over });
  const run = (d: MyLoanIdsData | Error, chainNext: number, hashAt: Record<number, string>) => {
    const asked: number[] = [];
    return {
      asked,
      ids: idsViaIndexer({
        ask: () => (d instanceof Error ? Promise.reject(d) : Promise.resolve(d)),
        ids: (x) => x.loans.map((l) => l.id),
        count: (x) => x.loansConnection.totalCount,
        chainNext: async () => BigInt(chainNext),
        blockHash: async (h) => {
          asked.push(h);
          return hashAt[h] ?? null;
        },
        what: 'every loan',
      }),
    };
  };
  test('the indexer ids and the ids allocated since, once the chain has its block', async () => {
    const r = run(data(), 8, { 40: HASH });
    expect(await r.ids).toEqual([1, 4, 6, 7]);
    expect(r.asked).toEqual([40]);
  });
  test('read everything: another chain or fork, a height the chain lacks, no status yet, an error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await run(data(), 8, { 40: OTHER }).ids).toBeUndefined();
    expect(await run(data(), 8, {}).ids).toBeUndefined();
    expect(await run(data({ squidStatus: null }), 8, { 40: HASH }).ids).toBeUndefined();
    expect(await run(new Error('HTTP 502'), 8, { 40: HASH }).ids).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe('keysViaIndexer (filings: the newer ones from the events since)', () => {
  test('newer keys come from the indexer answer and its status; unknown newer keys mean read everything', async () => {
    const d = { filings: ['5E-2025-3'], squidStatus: status };
    const q = (newer: string[] | undefined) =>
      keysViaIndexer({ ask: async () => d, keys: (x) => x.filings, newer: async (_x, s) => (s.height === 40 ? newer : []), blockHash: async () => HASH, keyOf: String, what: 'every filing' });
    expect(await q(['5G-2026-1', '5E-2025-3'])).toEqual(['5E-2025-3', '5G-2026-1']);
    expect(await q(undefined)).toBeUndefined();
  });
});

describe('readRecords', () => {
  test('the records at the keys the chain still has, or every record', async () => {
    const chain = new Map([[1, 'a'], [3, 'c']]);
    const all = async () => [...chain].map(([key, value]) => ({ key, value }));
    expect(await readRecords([1, 2, 3], async (k) => chain.get(k), all)).toEqual({ records: [{ key: 1, value: 'a' }, { key: 3, value: 'c' }], viaIndexer: true });
    expect(await readRecords(undefined, async (k) => chain.get(k), all)).toEqual({ records: [{ key: 1, value: 'a' }, { key: 3, value: 'c' }], viaIndexer: false });
  });
});

describe('lenderReturn', () => {
  test('interest earned less losses, as a share of what was lent (two decimals, toward zero)', () => {
    expect(lenderReturn({ principalLent: '600000000', interestEarned: '18000000', losses: '0' })).toEqual({ net: 18_000_000n, yieldPct: '3.00' });
    expect(lenderReturn({ principalLent: '600000000', interestEarned: '11999999', losses: '0' })).toEqual({ net: 11_999_999n, yieldPct: '1.99' });
    expect(lenderReturn({ principalLent: '600000000', interestEarned: '24000000', losses: '300000000' })).toEqual({ net: -276_000_000n, yieldPct: '-46.00' });
    expect(lenderReturn({ principalLent: '1000000', interestEarned: '0', losses: '5000' })).toEqual({ net: -5000n, yieldPct: '-0.50' });
  });
  test('nothing lent: no yield', () => {
    expect(lenderReturn({ principalLent: '0', interestEarned: '0', losses: '0' })).toEqual({ net: 0n, yieldPct: null });
  });
});

describe('loanLenderTotals', () => {
  test('a loan\'s part of LenderStats: shares bought count as lent, shares sold as received', () => {
    const row = { loan: { id: '0', asset: 1, status: 'Active' }, funded: '600', refunded: '0', boughtFor: '190', soldFor: '0', principalReturned: '0', interestEarned: '0', claimed: '150', loss: '0' };
    expect(loanLenderTotals(row)).toEqual({ lent: 790n, received: 150n });
    expect(loanLenderTotals({ ...row, funded: '400', refunded: '100', boughtFor: '0', soldFor: '190' })).toEqual({ lent: 300n, received: 340n });
  });
});

describe('accessBasisText', () => {
  const row = (over: Partial<ProfileAccessRow>): ProfileAccessRow => ({
    id: 'x', institution: { id: '5F' }, basis: 'Grant', until: '2027-01-05T12:00:00.000Z', collection: null, at: '2026-12-06T00:00:00.000Z', block: 3, ...over,
  });
  test('grant, collection case and unknown, in both languages', () => {
    const en = makeT('en');
    const zh = makeT('zh');
    expect(accessBasisText(row({}), en)).toMatch(/^your access grant \(until 2027-01-0[56]\)$/);
    expect(accessBasisText(row({ basis: 'Collection', collection: { product: 'P2pLoans', caseId: '3' } }), en)).toMatch(/^debt collection of P2P loan #3 \(until 2027-01-0[56]\)$/);
    expect(accessBasisText(row({ basis: 'Collection', collection: { product: 'SmeFinance', caseId: '2' } }), zh)).toMatch(/^授信额度 #2 的催收/);
    expect(accessBasisText(row({ basis: null, until: null }), en)).toBe('a consent the indexer did not see');
  });
});
