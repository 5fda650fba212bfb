// Human units: every amount, rate, price and period the app shows or reads, converted once here.
// Pure functions (no chain access), unit-tested in tests/unit/units.test.ts.

/** FixedU128 (rates, prices, health factor, exchange rates) has 18 decimals. */
export const FIXED_ONE = 10n ** 18n;
/** Permill: parts per million. */
export const PERMILL_ONE = 1_000_000;
/** A "month" of the chain's products: 30 days (the score and the schedules count 30-day periods). */
export const DAY_SECONDS = 24 * 60 * 60;
export const MONTH_SECONDS = 30 * DAY_SECONDS;
export const DAY_MS = DAY_SECONDS * 1000;
/** The credit unit is USDX's smallest unit: USDX has 6 decimals. */
export const CREDIT_DECIMALS = 6;

export interface AssetInfo {
  id: number;
  symbol: string;
  decimals: number;
}

/** The dev assets (runtime/src/genesis_config_presets.rs); on other chains the app reads Assets.Metadata. */
export const KNOWN_ASSETS: Record<number, AssetInfo> = {
  1: { id: 1, symbol: 'USDX', decimals: 6 },
  2: { id: 2, symbol: 'XBTC', decimals: 8 },
};
export const NATIVE: AssetInfo = { id: 0, symbol: 'XDI', decimals: 12 };
/** LP tokens are pallet-assets assets `1_000_000 + asset id` with the underlying's decimals. */
export const LP_OFFSET = 1_000_000;

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `raw` smallest units as a decimal string with thousands separators, e.g. 1_000_500_000n with 6
 * decimals → "1,000.5". At most `maxFraction` fraction digits (rounded down: a wallet never shows
 * more than there is), trailing zeros dropped, at least `minFraction` kept.
 */
export function formatUnits(
  raw: bigint,
  decimals: number,
  { maxFraction = decimals, minFraction = 0 }: { maxFraction?: number; minFraction?: number } = {},
): string {
  const negative = raw < 0n;
  const abs = negative ? -raw : raw;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  let frac = decimals > 0 ? (abs % base).toString().padStart(decimals, '0') : '';
  frac = frac.slice(0, Math.min(maxFraction, decimals)).replace(/0+$/, '');
  while (frac.length < minFraction) frac += '0';
  const text = group(whole.toString()) + (frac ? `.${frac}` : '');
  return negative && (whole > 0n || /[1-9]/.test(frac)) ? `-${text}` : text;
}

/** An amount with its symbol: "1,000.5 USDX". */
export function formatAmount(raw: bigint, asset: AssetInfo, maxFraction = Math.min(asset.decimals, 6)): string {
  return `${formatUnits(raw, asset.decimals, { maxFraction })} ${asset.symbol}`;
}

/**
 * Parses what a person typed ("1,000.25", "1000", " 0.5 ") into smallest units. Returns null for
 * anything that is not a non-negative decimal number with at most `decimals` fraction digits.
 */
export function parseUnits(text: string, decimals: number): bigint | null {
  const s = text.trim().replace(/[,\s_，]/g, '');
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  if (frac.length > decimals) return null;
  return BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt((frac + '0'.repeat(decimals)).slice(0, decimals) || '0');
}

/** A FixedU128 rate as a percentage string: 120000000000000000n → "12", 125000000000000000n → "12.5". */
export function rateToPercent(rate: bigint, maxFraction = 2): string {
  // percent = rate × 100 / 10^18, shown with up to `maxFraction` digits: work in 10^-maxFraction %.
  const scaled = (rate * 100n * 10n ** BigInt(maxFraction)) / FIXED_ONE;
  return formatUnits(scaled, maxFraction, { maxFraction });
}

/** "12.5" (percent) → FixedU128 0.125; null if not a number. */
export function percentToRate(text: string): bigint | null {
  const p = parseUnits(text, 16);
  if (p === null) return null;
  // p is percent × 10^16, i.e. (percent / 100) × 10^18.
  return p;
}

/** Permill as a percentage string: 800000 → "80". */
export function permillToPercent(v: number, maxFraction = 2): string {
  return formatUnits(BigInt(v) * 10n ** BigInt(maxFraction) / 10_000n, maxFraction, { maxFraction });
}

/** "80" (percent) → Permill 800000; null when not a number or above 100 %. */
export function percentToPermill(text: string): number | null {
  const p = parseUnits(text, 4);
  if (p === null || p > 1_000_000n) return null;
  return Number(p);
}

/** A FixedU128 as a plain decimal ("1.53"), e.g. a health factor or exchange rate. */
export function formatFixed(v: bigint, maxFraction = 2): string {
  return formatUnits((v * 10n ** BigInt(maxFraction)) / FIXED_ONE, maxFraction, { maxFraction, minFraction: maxFraction });
}

/**
 * An oracle price (FixedU128 credit units per smallest unit of the asset) as credit units per
 * whole token: XBTC at 600 (per satoshi) → 60,000 USDX per XBTC, returned in USDX's smallest unit.
 */
export function priceToCreditPerToken(price: bigint, asset: AssetInfo): bigint {
  return (price * 10n ** BigInt(asset.decimals)) / FIXED_ONE;
}

/** The reverse: "60000" USDX per whole XBTC → the FixedU128 the oracle takes (600 × 10^18). */
export function creditPerTokenToPrice(text: string, asset: AssetInfo): bigint | null {
  const credit = parseUnits(text, CREDIT_DECIMALS);
  if (credit === null) return null;
  return (credit * FIXED_ONE) / 10n ** BigInt(asset.decimals);
}

/** The value in credit units of `amount` smallest units at `price` (rounded down). */
export function valueOf(amount: bigint, price: bigint): bigint {
  return (amount * price) / FIXED_ONE;
}

/** A period in seconds as months when whole 30-day months, else days: { n, unit }. */
export function periodParts(seconds: bigint | number): { n: number; unit: 'months' | 'days' | 'hours' } {
  const s = Number(seconds);
  if (s >= MONTH_SECONDS && s % MONTH_SECONDS === 0) return { n: s / MONTH_SECONDS, unit: 'months' };
  if (s >= DAY_SECONDS && s % DAY_SECONDS === 0) return { n: s / DAY_SECONDS, unit: 'days' };
  return { n: Math.round((s / 3600) * 100) / 100, unit: 'hours' };
}

/** Months (30 days each) to the seconds the chain takes. */
export function monthsToSeconds(months: number): bigint {
  return BigInt(Math.round(months * MONTH_SECONDS));
}

/** A chain moment (ms since the epoch) as a local date, e.g. "2026-12-03". */
export function formatDate(ms: bigint | number): string {
  const d = new Date(Number(ms));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Date and time "2026-12-03 14:05". */
export function formatDateTime(ms: bigint | number): string {
  const d = new Date(Number(ms));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(ms)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Part of a whole as a percentage (rounded down), e.g. funded 600 of 1000 → "60". */
export function sharePercent(part: bigint, whole: bigint, maxFraction = 1): string {
  if (whole === 0n) return '0';
  return formatUnits((part * 100n * 10n ** BigInt(maxFraction)) / whole, maxFraction, { maxFraction });
}

/** A short form of an address: "5Grw…utQY". */
export function shortAddress(a: string): string {
  return a.length > 12 ? `${a.slice(0, 4)}…${a.slice(-4)}` : a;
}

/**
 * The health factor after a change: Σ collateral × liquidation threshold / Σ debt, all in credit
 * units. `null` when there is no debt (infinitely healthy).
 */
export function projectedHealth(weightedCollateral: bigint, debt: bigint): bigint | null {
  if (debt <= 0n) return null;
  return (weightedCollateral * FIXED_ONE) / debt;
}

/** The health factor below which the app warns before a transaction: 1.2. */
export const SAFE_HEALTH = (12n * FIXED_ONE) / 10n;

export interface JumpRateModel {
  base: bigint;
  multiplier: bigint;
  jump_multiplier: bigint;
  /** Permill */
  kink: number;
}

/** The pool's annual borrow rate (FixedU128) at utilisation `u` (Permill), as the pallet computes it. */
export function borrowRateAt(model: JumpRateModel, u: number): bigint {
  const part = (rate: bigint, share: number) => (rate * BigInt(share)) / BigInt(PERMILL_ONE);
  if (u <= model.kink) return model.base + part(model.multiplier, u);
  return model.base + part(model.multiplier, model.kink) + part(model.jump_multiplier, u - model.kink);
}

/** Like parseUnits, but a leading minus is allowed (a net loss): "-1,000.5" → -1000500000n (6 decimals). */
export function parseSignedUnits(text: string, decimals: number): bigint | null {
  const s = text.trim();
  const negative = /^[-−]/.test(s);
  const v = parseUnits(negative ? s.slice(1) : s, decimals);
  if (v === null) return null;
  return negative ? -v : v;
}

/** A FixedI64 (9 decimals) ratio as a percentage string: 120000000n (0.12) → "12", negative too. */
export function fixedI64ToPercent(v: bigint, maxFraction = 2): string {
  // percent = v × 100 / 10^9; in 10^-maxFraction %: v × 10^maxFraction / 10^7.
  return formatUnits((v * 10n ** BigInt(maxFraction)) / 10n ** 7n, maxFraction, { maxFraction });
}

/** What buying `shares` of a listing of `listed` shares for `price` costs: pro rata, rounded up, as the pallet charges. */
export function listingCost(price: bigint, shares: bigint, listed: bigint): bigint {
  if (listed <= 0n) return 0n;
  const cost = (price * shares + listed - 1n) / listed;
  return cost > price ? price : cost;
}

/** `amount × permill / 1,000,000`, rounded down (an invoice's advance or fee at a Permill rate). */
export function permillOf(amount: bigint, permill: number): bigint {
  return (amount * BigInt(permill)) / BigInt(PERMILL_ONE);
}
