import { describe, expect, test } from 'vitest';

import { graphqlEndpoint, historyPoints, type ScoreChangeRow } from '../../src/indexer';
import { fixedI64ToPercent, listingCost, parseSignedUnits, permillOf } from '../../src/units';

const row = (over: Partial<ScoreChangeRow>): ScoreChangeRow => ({
  id: 'x', old: 550, new: 570, delta: 20, reason: 'AttestationsChanged', daysLate: null, tierAfter: 1, at: '2026-01-01T00:00:00.000Z', block: 5, ...over,
});

describe('graphqlEndpoint', () => {
  test('from ?graphql=, only http(s)', () => {
    expect(graphqlEndpoint('?rpc=ws://x&graphql=http%3A%2F%2F127.0.0.1%3A4350%2Fgraphql')).toBe('http://127.0.0.1:4350/graphql');
    expect(graphqlEndpoint('?graphql=javascript:alert(1)')).toBeUndefined();
    expect(graphqlEndpoint('')).toBeUndefined();
  });
});

describe('historyPoints', () => {
  const box = { width: 200, height: 100, pad: 10 };
  test('no changes, no points', () => {
    expect(historyPoints([], 0, box)).toEqual([]);
  });
  test('the score before the first change, after each, and held until now', () => {
    const rows = [
      row({ old: 550, new: 600, delta: 50, at: '2026-01-01T00:00:00.000Z' }),
      row({ old: 600, new: 555, delta: -45, reason: 'RepaidLate', at: '2026-01-02T00:00:00.000Z' }),
    ];
    const until = Date.parse('2026-01-03T00:00:00.000Z');
    const pts = historyPoints(rows, until, box);
    expect(pts.map((p) => p.score)).toEqual([550, 600, 555, 555]);
    // Time runs left to right across the box; the highest score is at the top, the lowest at the bottom.
    expect(pts[0].x).toBe(10);
    expect(pts[2].x).toBeCloseTo(100);
    expect(pts[3].x).toBe(190);
    expect(pts[1].y).toBe(10);
    expect(pts[0].y).toBe(90);
  });
  test('a small range is widened to 40 points', () => {
    const pts = historyPoints([row({ old: 550, new: 560 })], Date.parse('2026-02-01T00:00:00.000Z'), box);
    // 550..560 centred in 535..575: 550 sits 15/40 of the way up.
    expect(pts[0].y).toBeCloseTo(90 - 80 * (15 / 40));
  });
});

describe('SME and share-market amounts', () => {
  test('signed figures (a net loss)', () => {
    expect(parseSignedUnits('-1,000.5', 6)).toBe(-1_000_500_000n);
    expect(parseSignedUnits('60,000', 6)).toBe(60_000_000_000n);
    expect(parseSignedUnits('--1', 6)).toBeNull();
    expect(parseSignedUnits('', 6)).toBeNull();
  });
  test('net margin from FixedI64', () => {
    expect(fixedI64ToPercent(120_000_000n)).toBe('12');
    expect(fixedI64ToPercent(-55_000_000n)).toBe('-5.5');
  });
  test('a listing costs its price pro rata, rounded up, never more than the price', () => {
    expect(listingCost(290_000_000n, 300_000_000n, 300_000_000n)).toBe(290_000_000n);
    expect(listingCost(100n, 1n, 3n)).toBe(34n);
    expect(listingCost(100n, 3n, 3n)).toBe(100n);
  });
  test('Permill of an invoice, rounded down', () => {
    expect(permillOf(1_000_000_000n, 800_000)).toBe(800_000_000n);
    expect(permillOf(999n, 20_000)).toBe(19n);
  });
});
