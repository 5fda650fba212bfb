import { describe, expect, test } from 'vitest';

import {
  FIXED_ONE,
  borrowRateAt,
  KNOWN_ASSETS,
  SAFE_HEALTH,
  creditPerTokenToPrice,
  formatAmount,
  formatFixed,
  formatUnits,
  monthsToSeconds,
  parseUnits,
  percentToPermill,
  percentToRate,
  periodParts,
  permillToPercent,
  priceToCreditPerToken,
  projectedHealth,
  rateToPercent,
  sharePercent,
  valueOf,
} from '../../src/units';

const USDX = KNOWN_ASSETS[1];
const XBTC = KNOWN_ASSETS[2];

describe('formatUnits', () => {
  test('groups thousands and trims trailing zeros', () => {
    expect(formatUnits(1_000_500_000n, 6)).toBe('1,000.5');
    expect(formatUnits(1_000_000_000_000n, 6)).toBe('1,000,000');
    expect(formatUnits(0n, 6)).toBe('0');
    expect(formatUnits(1n, 6)).toBe('0.000001');
    expect(formatUnits(1_234_567_890_123n, 12)).toBe('1.234567890123');
  });
  test('rounds down to maxFraction and pads to minFraction', () => {
    expect(formatUnits(1_999_999n, 6, { maxFraction: 2 })).toBe('1.99');
    expect(formatUnits(1_000_000n, 6, { minFraction: 2 })).toBe('1.00');
    expect(formatUnits(5n, 6, { maxFraction: 2 })).toBe('0');
  });
  test('negative values', () => {
    expect(formatUnits(-2_500_000n, 6)).toBe('-2.5');
  });
  test('with symbol', () => {
    expect(formatAmount(1_000n * 10n ** 6n, USDX)).toBe('1,000 USDX');
    expect(formatAmount(10n ** 8n / 10n, XBTC)).toBe('0.1 XBTC');
    expect(formatAmount(123_456_789n, XBTC)).toBe('1.234567 XBTC');
  });
});

describe('parseUnits', () => {
  test('accepts what people type', () => {
    expect(parseUnits('1,000.25', 6)).toBe(1_000_250_000n);
    expect(parseUnits(' 1000 ', 6)).toBe(1_000_000_000n);
    expect(parseUnits('0.5', 8)).toBe(50_000_000n);
    expect(parseUnits('.5', 6)).toBe(500_000n);
    expect(parseUnits('1.', 6)).toBe(1_000_000n);
    expect(parseUnits('1，000', 6)).toBe(1_000_000_000n); // full-width comma (Chinese input)
  });
  test('refuses garbage, negatives and excess precision', () => {
    expect(parseUnits('', 6)).toBeNull();
    expect(parseUnits('abc', 6)).toBeNull();
    expect(parseUnits('-1', 6)).toBeNull();
    expect(parseUnits('1.0000001', 6)).toBeNull();
    expect(parseUnits('1e6', 6)).toBeNull();
    expect(parseUnits('1.2.3', 6)).toBeNull();
  });
  test('round-trips with formatUnits', () => {
    for (const raw of [0n, 1n, 999_999n, 123_456_789_012n]) {
      expect(parseUnits(formatUnits(raw, 6), 6)).toBe(raw);
    }
  });
});

describe('rates and percentages', () => {
  test('FixedU128 rates as percent', () => {
    expect(rateToPercent(120_000_000_000_000_000n)).toBe('12');
    expect(rateToPercent(125_000_000_000_000_000n)).toBe('12.5');
    expect(rateToPercent(25_000_000_000_000_000n)).toBe('2.5');
    expect(rateToPercent(123_456_000_000_000_000n)).toBe('12.34');
    expect(rateToPercent(0n)).toBe('0');
  });
  test('percent typed → FixedU128', () => {
    expect(percentToRate('12')).toBe(120_000_000_000_000_000n);
    expect(percentToRate('12.5')).toBe(125_000_000_000_000_000n);
    expect(percentToRate('x')).toBeNull();
  });
  test('Permill', () => {
    expect(permillToPercent(800_000)).toBe('80');
    expect(permillToPercent(12_345)).toBe('1.23');
    expect(percentToPermill('80')).toBe(800_000);
    expect(percentToPermill('100.1')).toBeNull();
  });
  test('share of a whole', () => {
    expect(sharePercent(600n, 1000n)).toBe('60');
    expect(sharePercent(1n, 3n)).toBe('33.3');
    expect(sharePercent(1n, 0n)).toBe('0');
  });
});

describe('prices', () => {
  test('oracle price per smallest unit → USDX per token', () => {
    // XBTC at 600 credit units per satoshi = 60,000 USDX per XBTC.
    expect(priceToCreditPerToken(600n * FIXED_ONE, XBTC)).toBe(60_000n * 10n ** 6n);
    expect(priceToCreditPerToken(FIXED_ONE, USDX)).toBe(10n ** 6n);
  });
  test('USDX per token typed → oracle price', () => {
    expect(creditPerTokenToPrice('60,000', XBTC)).toBe(600n * FIXED_ONE);
    expect(creditPerTokenToPrice('1', USDX)).toBe(FIXED_ONE);
    expect(creditPerTokenToPrice('6000', XBTC)).toBe(60n * FIXED_ONE);
  });
  test('value of an amount', () => {
    expect(valueOf(10n ** 8n, 600n * FIXED_ONE)).toBe(60_000n * 10n ** 6n);
  });
});

describe('periods', () => {
  test('months and days', () => {
    expect(periodParts(30 * 24 * 3600)).toEqual({ n: 1, unit: 'months' });
    expect(periodParts(4 * 30 * 24 * 3600)).toEqual({ n: 4, unit: 'months' });
    expect(periodParts(7 * 24 * 3600)).toEqual({ n: 7, unit: 'days' });
    expect(periodParts(5400)).toEqual({ n: 1.5, unit: 'hours' });
    expect(monthsToSeconds(1)).toBe(2_592_000n);
  });
});

describe('health factor', () => {
  test('projected health', () => {
    expect(projectedHealth(150n, 100n)).toBe(15n * FIXED_ONE / 10n);
    expect(projectedHealth(100n, 0n)).toBeNull();
    expect(formatFixed(15n * FIXED_ONE / 10n)).toBe('1.50');
    expect(SAFE_HEALTH > FIXED_ONE).toBe(true);
  });
});

describe('rate curve', () => {
  // The USDX pool's model (JumpRateModel::stablecoin): 2 % base, +10 % up to the 80 % kink, ×3 above.
  const model = { base: 2n * 10n ** 16n, multiplier: 10n ** 17n, jump_multiplier: 3n * FIXED_ONE, kink: 800_000 };
  test('matches the pallet at the kink and beyond', () => {
    expect(rateToPercent(borrowRateAt(model, 0))).toBe('2');
    expect(rateToPercent(borrowRateAt(model, 20_000))).toBe('2.2');
    expect(rateToPercent(borrowRateAt(model, 800_000))).toBe('10');
    expect(rateToPercent(borrowRateAt(model, 900_000))).toBe('40');
    expect(rateToPercent(borrowRateAt(model, 1_000_000))).toBe('70');
  });
});
