// Invoice recourse as pallets/sme-finance/src/impls/recourse.rs decides it: when a financed
// invoice's financier may claim recourse (the buyer unpaid `default_after_days` after the due
// date), what a repayment pays and whether it would leave dust owed (`RecourseDustLeft`), and how
// late the enterprise is. Pure functions, unit-tested in tests/unit/recourse.test.ts.

import { DAY_MS } from './units';

/** What of an invoice (`SmeFinance.Invoices`) the rules read. */
export interface RecourseFacts {
  status: { type: string };
  due_at: bigint;
  financing?: { financier: string; advance: bigint; recourse_owed: bigint; recourse_since: bigint };
}

/** What of `SmeFinance.Params` the rules read: grace in seconds, the default threshold in days. */
export interface RecourseParams {
  grace_period: bigint;
  default_after_days: number;
}

/** The moment (ms) from which the financier may claim recourse: due date + `default_after_days`. */
export function recourseClaimableAt(dueAt: bigint, params: RecourseParams): bigint {
  return dueAt + BigInt(params.default_after_days) * BigInt(DAY_MS);
}

export type ClaimState =
  | { k: 'notFinanced' }
  | { k: 'claimed'; owed: bigint; since: bigint }
  | { k: 'waiting'; at: bigint; days: number }
  | { k: 'claimable'; at: bigint; owed: bigint };

/**
 * Where a financed invoice stands for recourse at `now`: not financed (nothing to claim), already
 * under recourse, waiting (until `at`, in `days` whole days rounded up), or claimable now (the
 * enterprise would owe the advance).
 */
export function claimState(inv: RecourseFacts, params: RecourseParams, now: bigint): ClaimState {
  const f = inv.financing;
  if (inv.status.type === 'Recourse' && f) return { k: 'claimed', owed: f.recourse_owed, since: f.recourse_since };
  if (inv.status.type !== 'Financed' || !f) return { k: 'notFinanced' };
  const at = recourseClaimableAt(inv.due_at, params);
  if (now >= at) return { k: 'claimable', at, owed: f.advance };
  const day = BigInt(DAY_MS);
  return { k: 'waiting', at, days: Number((at - now + day - 1n) / day) };
}

export type RepayCheck = { k: 'zero' } | { k: 'dust'; rest: bigint } | { k: 'ok'; paid: bigint; rest: bigint };

/**
 * A recourse repayment of `amount` against `owed`: the pallet takes at most what is owed, and
 * refuses to leave a rest below the asset's minimum balance (`RecourseDustLeft`).
 */
export function checkRepay(owed: bigint, amount: bigint, minBalance: bigint): RepayCheck {
  if (amount <= 0n) return { k: 'zero' };
  const paid = amount < owed ? amount : owed;
  const rest = owed - paid;
  if (rest > 0n && rest < minBalance) return { k: 'dust', rest };
  return { k: 'ok', paid, rest };
}

/**
 * Whole days (rounded up) the enterprise is late with recourse at `now`: 0 within the grace
 * period after the claim, as `xindai_primitives::credit::days_late` counts it.
 */
export function recourseDaysLate(since: bigint, now: bigint, gracePeriodSecs: bigint): number {
  const grace = gracePeriodSecs * 1000n;
  if (now <= since + grace) return 0;
  const day = BigInt(DAY_MS);
  return Number((now - since + day - 1n) / day);
}
