// Referenda and conviction voting as the runtime runs them (pallet-referenda + pallet-conviction-
// voting, runtime/src/governance/): the vote byte, conviction multipliers and lock periods, the
// tally as percentages, a referendum's phase and the track's approval and support curves. Pure
// functions (no chain access), unit-tested in tests/unit/governance.test.ts.

/** Perbill: parts per billion (the curves' unit). */
export const PERBILL_ONE = 1_000_000_000n;

/**
 * The convictions of pallet-conviction-voting, in the order of the vote byte's low bits:
 * `tenths` is the vote's weight in tenths of the balance (None counts 0.1×), `lockPeriods` how
 * many `VoteLockingPeriod`s the balance stays locked after the referendum ends, when it ended
 * the way the account voted.
 */
export const CONVICTIONS = [
  { key: 'None', tenths: 1n, lockPeriods: 0 },
  { key: 'Locked1x', tenths: 10n, lockPeriods: 1 },
  { key: 'Locked2x', tenths: 20n, lockPeriods: 2 },
  { key: 'Locked3x', tenths: 30n, lockPeriods: 4 },
  { key: 'Locked4x', tenths: 40n, lockPeriods: 8 },
  { key: 'Locked5x', tenths: 50n, lockPeriods: 16 },
  { key: 'Locked6x', tenths: 60n, lockPeriods: 32 },
] as const;

export type ConvictionKey = (typeof CONVICTIONS)[number]['key'];

/** The SCALE `Vote` byte: the high bit is aye, the low bits the conviction's index (0–6). */
export function voteByte(aye: boolean, conviction: number): number {
  if (!Number.isInteger(conviction) || conviction < 0 || conviction >= CONVICTIONS.length) throw new Error(`no conviction ${conviction}`);
  return (aye ? 0x80 : 0) | conviction;
}

/** The reverse of `voteByte`; indexes above 6 are read as 6, as the pallet does. */
export function decodeVoteByte(byte: number): { aye: boolean; conviction: number } {
  return { aye: (byte & 0x80) !== 0, conviction: Math.min(byte & 0x7f, CONVICTIONS.length - 1) };
}

/** Votes `balance` counts for with `conviction` (None: a tenth, rounded down as the pallet does). */
export function convictionVotes(balance: bigint, conviction: number): bigint {
  return (balance * CONVICTIONS[conviction].tenths) / 10n;
}

/** Blocks the balance stays locked after the referendum ends (0 for None). */
export function lockBlocks(conviction: number, votingLockingPeriod: number): number {
  return CONVICTIONS[conviction].lockPeriods * votingLockingPeriod;
}

export interface Tally {
  ayes: bigint;
  nays: bigint;
  /** Aye capital (without conviction): what the support curve measures against the issuance. */
  support: bigint;
}

/** A Perbill (0–1e9) as a percentage string with `maxFraction` digits, rounded down. */
export function perbillPercent(p: bigint, maxFraction = 2): string {
  const scaled = (p * 100n * 10n ** BigInt(maxFraction)) / PERBILL_ONE;
  const s = scaled.toString().padStart(maxFraction + 1, '0');
  const whole = s.slice(0, s.length - maxFraction);
  const frac = s.slice(s.length - maxFraction).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/**
 * Approval (ayes of ayes + nays) and support (aye capital of the total issuance), as Perbill
 * rounded down, as pallet-conviction-voting's Tally computes them. No votes: approval 0.
 */
export function tallyRatios(tally: Tally, totalIssuance: bigint): { approval: bigint; support: bigint } {
  const votes = tally.ayes + tally.nays;
  const approval = votes === 0n ? 0n : (tally.ayes * PERBILL_ONE) / votes;
  const support = totalIssuance === 0n ? 0n : (tally.support * PERBILL_ONE) / totalIssuance;
  return { approval, support: support > PERBILL_ONE ? PERBILL_ONE : support };
}

/** The tally after `vote` replaces `previous` (both optional), as the pallet books it. */
export function tallyWith(tally: Tally, vote?: StandardVote, previous?: StandardVote): Tally {
  const next = { ...tally };
  const apply = (v: StandardVote, sign: 1n | -1n) => {
    const votes = convictionVotes(v.balance, v.conviction) * sign;
    if (v.aye) {
      next.ayes += votes;
      next.support += v.balance * sign;
    } else next.nays += votes;
  };
  if (previous) apply(previous, -1n);
  if (vote) apply(vote, 1n);
  return next;
}

export interface StandardVote {
  aye: boolean;
  conviction: number;
  balance: bigint;
}

/** What of `ReferendumInfoFor`'s Ongoing value the phase depends on. */
export interface OngoingFacts {
  submitted: number;
  decision_deposit?: unknown;
  deciding?: { since: number; confirming?: number };
  in_queue: boolean;
}

export type Phase =
  | { k: 'preparing'; depositNeeded: boolean; readyAt: number }
  | { k: 'queued' }
  | { k: 'deciding'; since: number; endsAt: number }
  | { k: 'confirming'; since: number; confirmedAt: number };

/**
 * Where an ongoing referendum stands: preparing (until its decision deposit is placed and the
 * track's prepare period has passed), queued (the track decides at most `max_deciding` at once),
 * deciding (for at most the decision period) or confirming (approval and support above the
 * curves, until the confirm period ends).
 */
export function referendumPhase(r: OngoingFacts, track: { prepare_period: number; decision_period: number }): Phase {
  if (r.deciding) {
    if (r.deciding.confirming !== undefined) return { k: 'confirming', since: r.deciding.since, confirmedAt: r.deciding.confirming };
    return { k: 'deciding', since: r.deciding.since, endsAt: r.deciding.since + track.decision_period };
  }
  if (r.in_queue) return { k: 'queued' };
  return { k: 'preparing', depositNeeded: r.decision_deposit === undefined, readyAt: r.submitted + track.prepare_period };
}

export type Curve =
  | { type: 'LinearDecreasing'; value: { length: number; floor: number; ceil: number } }
  | { type: 'SteppedDecreasing'; value: { begin: number; end: number; step: number; period: number } }
  | { type: 'Reciprocal'; value: { factor: bigint; x_offset: bigint; y_offset: bigint } };

/**
 * The curve's threshold (Perbill) at `x` (Perbill of the decision period elapsed), as
 * pallet-referenda's `Curve::threshold`; Reciprocal (unused by Xindai's tracks) as null.
 */
export function curveThreshold(curve: Curve, x: bigint): bigint | null {
  const clampX = x < 0n ? 0n : x > PERBILL_ONE ? PERBILL_ONE : x;
  switch (curve.type) {
    case 'LinearDecreasing': {
      const { length, floor, ceil } = curve.value;
      const len = BigInt(length);
      const progress = len === 0n || clampX >= len ? PERBILL_ONE : (clampX * PERBILL_ONE) / len;
      return BigInt(ceil) - ((BigInt(ceil) - BigInt(floor)) * progress) / PERBILL_ONE;
    }
    case 'SteppedDecreasing': {
      const { begin, end, step, period } = curve.value;
      const steps = period === 0 ? 0n : clampX / BigInt(period);
      const v = BigInt(begin) - steps * BigInt(step);
      return v < BigInt(end) ? BigInt(end) : v;
    }
    default:
      return null;
  }
}

/** Perbill of the decision period elapsed at block `now` for a referendum deciding since `since`. */
export function decisionProgress(since: number, now: number, decisionPeriod: number): bigint {
  if (decisionPeriod <= 0) return PERBILL_ONE;
  const elapsed = BigInt(Math.max(0, now - since));
  const p = (elapsed * PERBILL_ONE) / BigInt(decisionPeriod);
  return p > PERBILL_ONE ? PERBILL_ONE : p;
}

/** A JSON-like text of a decoded call's arguments: bigints as digits, byte arrays as hex, cut at `max` characters. */
export function argsText(value: unknown, max = 300): string {
  const text = JSON.stringify(value, (_k, v) => {
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof Uint8Array) return `0x${Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    if (v && typeof v === 'object' && typeof (v as { asHex?: unknown }).asHex === 'function') return (v as { asHex(): string }).asHex();
    return v;
  });
  if (text === undefined) return '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * `blocks` at `blockMs` a block as the largest whole unit that fits: days when at least a day,
 * else hours when at least an hour, else minutes (at least 1), rounded to two decimals.
 */
export function blocksDuration(blocks: number, blockMs: number): { n: number; unit: 'days' | 'hours' | 'minutes' } {
  const minutes = Math.max(0, (blocks * blockMs) / 60_000);
  const round = (x: number) => Math.round(x * 100) / 100;
  if (minutes >= 24 * 60) return { n: round(minutes / (24 * 60)), unit: 'days' };
  if (minutes >= 60) return { n: round(minutes / 60), unit: 'hours' };
  return { n: round(minutes), unit: 'minutes' };
}
