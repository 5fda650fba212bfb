import { describe, expect, test } from 'vitest';

import {
  CONVICTIONS,
  PERBILL_ONE,
  argsText,
  blocksDuration,
  convictionVotes,
  curveThreshold,
  decisionProgress,
  decodeVoteByte,
  lockBlocks,
  perbillPercent,
  referendumPhase,
  tallyRatios,
  tallyWith,
  voteByte,
} from '../../src/governance';

const XDI = 10n ** 12n;
const pct = (n: number) => (BigInt(n) * PERBILL_ONE) / 100n;

describe('conviction', () => {
  test('multipliers and lock periods are pallet-conviction-voting\'s', () => {
    expect(CONVICTIONS.map((c) => c.key)).toEqual(['None', 'Locked1x', 'Locked2x', 'Locked3x', 'Locked4x', 'Locked5x', 'Locked6x']);
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => convictionVotes(100n * XDI, c))).toEqual([10n, 100n, 200n, 300n, 400n, 500n, 600n].map((v) => v * XDI));
    // None counts a tenth, rounded down.
    expect(convictionVotes(19n, 0)).toBe(1n);
    // 1 period for 1x, then doubling: 2, 4, 8, 16, 32; None locks nothing.
    const week = 7 * 14_400;
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => lockBlocks(c, week) / week)).toEqual([0, 1, 2, 4, 8, 16, 32]);
  });
  test('the vote byte: aye in the high bit, the conviction in the low bits', () => {
    expect(voteByte(true, 0)).toBe(0x80);
    expect(voteByte(true, 2)).toBe(0x82);
    expect(voteByte(false, 6)).toBe(6);
    expect(() => voteByte(true, 7)).toThrow();
    for (const aye of [true, false]) for (let c = 0; c < 7; c++) expect(decodeVoteByte(voteByte(aye, c))).toEqual({ aye, conviction: c });
    // Out-of-range convictions read as 6x, as the pallet decodes them.
    expect(decodeVoteByte(0x8f)).toEqual({ aye: true, conviction: 6 });
  });
});

describe('tally', () => {
  test('approval is ayes of all votes, support aye capital of the issuance', () => {
    const issuance = 6_000_000n * XDI;
    const r = tallyRatios({ ayes: 300n * XDI, nays: 100n * XDI, support: 150n * XDI }, issuance);
    expect(perbillPercent(r.approval)).toBe('75');
    expect(r.support).toBe((150n * PERBILL_ONE) / 6_000_000n);
    expect(perbillPercent(r.support, 4)).toBe('0.0025');
    expect(tallyRatios({ ayes: 0n, nays: 0n, support: 0n }, issuance)).toEqual({ approval: 0n, support: 0n });
    expect(tallyRatios({ ayes: 1n, nays: 2n, support: 1n }, 0n).support).toBe(0n);
    expect(perbillPercent((2n * PERBILL_ONE) / 3n)).toBe('66.66');
  });
  test('a vote adds conviction votes to its side and capital to support; a changed vote replaces the old one', () => {
    const empty = { ayes: 0n, nays: 0n, support: 0n };
    const aye2x = { aye: true, conviction: 2, balance: 100n * XDI };
    const after = tallyWith(empty, aye2x);
    expect(after).toEqual({ ayes: 200n * XDI, nays: 0n, support: 100n * XDI });
    const nay = { aye: false, conviction: 0, balance: 50n * XDI };
    expect(tallyWith(after, nay, aye2x)).toEqual({ ayes: 0n, nays: 5n * XDI, support: 0n });
    expect(tallyWith(after, undefined, aye2x)).toEqual(empty);
  });
});

describe('referendum phase', () => {
  const track = { prepare_period: 600, decision_period: 201_600 };
  test('preparing until the deposit and the prepare period, then queued or deciding, then confirming', () => {
    expect(referendumPhase({ submitted: 10, in_queue: false }, track)).toEqual({ k: 'preparing', depositNeeded: true, readyAt: 610 });
    expect(referendumPhase({ submitted: 10, in_queue: false, decision_deposit: { who: 'x', amount: 1n } }, track)).toEqual({ k: 'preparing', depositNeeded: false, readyAt: 610 });
    expect(referendumPhase({ submitted: 10, in_queue: true, decision_deposit: {} }, track)).toEqual({ k: 'queued' });
    expect(referendumPhase({ submitted: 10, in_queue: false, deciding: { since: 700 } }, track)).toEqual({ k: 'deciding', since: 700, endsAt: 202_300 });
    expect(referendumPhase({ submitted: 10, in_queue: false, deciding: { since: 700, confirming: 8_000 } }, track)).toEqual({ k: 'confirming', since: 700, confirmedAt: 8_000 });
  });
  test('the curves fall linearly over the decision period', () => {
    const approval = { type: 'LinearDecreasing' as const, value: { length: Number(PERBILL_ONE), floor: Number(pct(50)), ceil: Number(pct(100)) } };
    const support = { type: 'LinearDecreasing' as const, value: { length: Number(PERBILL_ONE), floor: Number(pct(3)), ceil: Number(pct(30)) } };
    expect(curveThreshold(approval, 0n)).toBe(pct(100));
    expect(curveThreshold(approval, PERBILL_ONE / 2n)).toBe(pct(75));
    expect(curveThreshold(approval, PERBILL_ONE)).toBe(pct(50));
    expect(curveThreshold(approval, 2n * PERBILL_ONE)).toBe(pct(50));
    expect(perbillPercent(curveThreshold(support, PERBILL_ONE / 2n)!)).toBe('16.5');
    // A shorter length reaches the floor earlier.
    expect(curveThreshold({ type: 'LinearDecreasing', value: { length: Number(pct(50)), floor: 0, ceil: Number(pct(100)) } }, pct(25))).toBe(pct(50));
    expect(curveThreshold({ type: 'SteppedDecreasing', value: { begin: Number(pct(80)), end: Number(pct(30)), step: Number(pct(10)), period: Number(pct(10)) } }, pct(25))).toBe(pct(60));
    expect(curveThreshold({ type: 'Reciprocal', value: { factor: 1n, x_offset: 1n, y_offset: 0n } }, 0n)).toBeNull();
    expect(decisionProgress(100, 150, 200)).toBe(PERBILL_ONE / 4n);
    expect(decisionProgress(100, 1_000, 200)).toBe(PERBILL_ONE);
    expect(decisionProgress(100, 50, 200)).toBe(0n);
  });
});

test('decoded call arguments as text', () => {
  expect(argsText({ a: 5n, b: new Uint8Array([1, 171]), c: { type: 'Pool', value: undefined } })).toBe('{"a":"5","b":"0x01ab","c":{"type":"Pool"}}');
  expect(argsText({ s: 'x'.repeat(500) }, 20)).toHaveLength(20);
  expect(argsText(undefined)).toBe('');
});

test('block counts as durations at 6 s a block', () => {
  expect(blocksDuration(201_600, 6_000)).toEqual({ n: 14, unit: 'days' });
  expect(blocksDuration(600, 6_000)).toEqual({ n: 1, unit: 'hours' });
  expect(blocksDuration(7_200, 6_000)).toEqual({ n: 12, unit: 'hours' });
  expect(blocksDuration(20, 6_000)).toEqual({ n: 2, unit: 'minutes' });
  expect(blocksDuration(-5, 6_000)).toEqual({ n: 0, unit: 'minutes' });
  expect(blocksDuration(150, 6_000)).toEqual({ n: 15, unit: 'minutes' });
});
