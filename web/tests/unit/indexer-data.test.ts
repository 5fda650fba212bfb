// The indexer-backed parts of the app: which loan ids to read from the chain, a lender's net
// return, and how a profile read's consent reads.
import { describe, expect, test } from 'vitest';

import { makeT } from '../../src/ctx';
import { type IndexedIds, type ProfileAccessRow, idsToRead, indexedLoanIds, lenderReturn, loanLenderTotals } from '../../src/indexer';
import { accessBasisText } from '../../src/views/ProfileAccesses';

const HASH = '0xAbC0000000000000000000000000000000000000000000000000000000000001';
const indexed = (over: Partial<IndexedIds> = {}): IndexedIds => ({ ids: [1, 4], count: 6, height: 40, hash: HASH, ...over });

describe('idsToRead', () => {
  test('the indexer ids for the account plus every id created since its last block', () => {
    expect(idsToRead(indexed(), 9, HASH.toLowerCase())).toEqual([1, 4, 6, 7, 8]);
  });
  test('nothing new on chain: exactly the indexer ids', () => {
    expect(idsToRead(indexed(), 6, HASH)).toEqual([1, 4]);
  });
  test('an indexer ahead of the block read: ids the chain has not allocated yet are left out', () => {
    expect(idsToRead(indexed({ ids: [1, 4, 7], count: 8 }), 5, HASH)).toEqual([1, 4]);
  });
  test('no loans anywhere', () => {
    expect(idsToRead(indexed({ ids: [], count: 0 }), 0, HASH)).toEqual([]);
    expect(idsToRead(indexed({ ids: [], count: 0 }), 2, HASH)).toEqual([0, 1]);
  });
  test('read everything without an answer, or when the chain has another block at the indexer height', () => {
    expect(idsToRead(undefined, 9, HASH)).toBeUndefined();
    expect(idsToRead(indexed(), 9, undefined)).toBeUndefined();
    expect(idsToRead(indexed(), 9, `0x${'00'.repeat(32)}`)).toBeUndefined();
  });
  test('from the GraphQL answer; no squidStatus yet means no answer', () => {
    const data = { loans: [{ id: '4' }, { id: '1' }], loansConnection: { totalCount: 6 }, squidStatus: { height: 40, hash: HASH } };
    expect(indexedLoanIds(data)).toEqual({ ids: [4, 1], count: 6, height: 40, hash: HASH });
    expect(idsToRead(indexedLoanIds(data), 7, HASH)).toEqual([1, 4, 6]);
    expect(indexedLoanIds({ ...data, squidStatus: null })).toBeUndefined();
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
