//! Interest: annual rates accrued per second through an index (Compound/Maker style).
//!
//! A borrower's debt is stored as `(principal, index at the time)`. The pool's (or loan's)
//! **borrow index** starts at 1 and, on every touch, grows by the simple interest of the elapsed
//! seconds at the current annual rate:
//!
//! ```text
//! index' = index × (1 + rate × Δt / SECONDS_PER_YEAR)
//! debt   = principal × index_now / index_at_borrow
//! ```
//!
//! Each touch is O(1) whatever the number of borrowers. Between touches interest is simple;
//! across touches it compounds, so frequent touching can only raise (never lower) what is owed,
//! and never above continuous compounding at the same rate.
//!
//! Rounding favours the protocol: the index and debts round **up**, payouts round **down**.

use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding, traits::Zero, FixedPointNumber, FixedU128,
	Rounding,
};

use crate::{Balance, Seconds, SECONDS_PER_YEAR};

/// An annual rate: 0.05 is 5% a year. Rates above 100% are possible (jump rates).
pub type Rate = FixedU128;

/// A borrow index: 1 when a pool or loan starts, growing with accrued interest.
pub type Index = FixedU128;

/// The interest factor `rate × elapsed / SECONDS_PER_YEAR`, rounded up; `None` on overflow.
pub fn interest_factor(annual_rate: Rate, elapsed: Seconds) -> Option<FixedU128> {
	if annual_rate.is_zero() || elapsed.is_zero() {
		return Some(FixedU128::zero());
	}
	multiply_by_rational_with_rounding(
		annual_rate.into_inner(),
		elapsed as u128,
		SECONDS_PER_YEAR as u128,
		Rounding::Up,
	)
	.map(FixedU128::from_inner)
}

/// The index after `elapsed` seconds at `annual_rate`: `index × (1 + factor)`, rounded up;
/// `None` on overflow.
pub fn accrue_index(index: Index, annual_rate: Rate, elapsed: Seconds) -> Option<Index> {
	let factor = interest_factor(annual_rate, elapsed)?;
	let growth = mul_fixed(index.into_inner(), factor, Rounding::Up)?;
	index.into_inner().checked_add(growth).map(Index::from_inner)
}

/// Simple interest on `amount` at `annual_rate` for `elapsed` seconds, rounded as `rounding`
/// says; `None` on overflow.
pub fn simple_interest(
	amount: Balance,
	annual_rate: Rate,
	elapsed: Seconds,
	rounding: Rounding,
) -> Option<Balance> {
	if amount.is_zero() {
		return Some(0);
	}
	let factor = interest_factor(annual_rate, elapsed)?;
	mul_fixed(amount, factor, rounding)
}

/// `amount × fixed`, rounded as `rounding` says; `None` on overflow.
pub fn mul_fixed(amount: Balance, fixed: FixedU128, rounding: Rounding) -> Option<Balance> {
	if amount.is_zero() || fixed.is_zero() {
		return Some(0);
	}
	multiply_by_rational_with_rounding(amount, fixed.into_inner(), FixedU128::DIV, rounding)
}

/// A debt of `principal` recorded at `index_then`, valued at `index_now`, rounded up (debts
/// round in the lender's favour); `None` on overflow or a zero index.
pub fn debt_at(principal: Balance, index_then: Index, index_now: Index) -> Option<Balance> {
	if principal.is_zero() {
		return Some(0);
	}
	if index_then.is_zero() {
		return None;
	}
	multiply_by_rational_with_rounding(
		principal,
		index_now.into_inner(),
		index_then.into_inner(),
		Rounding::Up,
	)
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;
	use sp_runtime::traits::One;

	fn pct(p: u32) -> Rate {
		Rate::from_rational(p as u128, 100)
	}

	#[test]
	fn a_year_at_ten_percent_adds_ten_percent() {
		let index = accrue_index(Index::one(), pct(10), SECONDS_PER_YEAR).unwrap();
		assert_eq!(index, Index::from_rational(11, 10));
		assert_eq!(debt_at(1_000, Index::one(), index), Some(1_100));
		assert_eq!(simple_interest(1_000, pct(10), SECONDS_PER_YEAR, Rounding::Down), Some(100));
	}

	#[test]
	fn nothing_accrues_without_time_or_rate() {
		assert_eq!(accrue_index(Index::one(), pct(10), 0), Some(Index::one()));
		assert_eq!(accrue_index(Index::one(), Rate::zero(), 1_000), Some(Index::one()));
		assert_eq!(debt_at(0, Index::one(), Index::one()), Some(0));
		assert_eq!(debt_at(1, Index::zero(), Index::one()), None);
	}

	#[test]
	fn debts_round_up_payouts_round_down() {
		// One second of 10% on 1 unit is far below a unit.
		assert_eq!(simple_interest(1, pct(10), 1, Rounding::Down), Some(0));
		assert_eq!(simple_interest(1, pct(10), 1, Rounding::Up), Some(1));
		let index = accrue_index(Index::one(), pct(10), 1).unwrap();
		assert_eq!(debt_at(1, Index::one(), index), Some(2));
	}

	proptest! {
		#[test]
		fn the_index_never_falls(
			start in 1u128..1_000_000_000_000_000_000_000u128,
			rate_bps in 0u32..100_000,
			elapsed in 0u64..10 * SECONDS_PER_YEAR,
		) {
			let index = Index::from_inner(start);
			let next = accrue_index(index, Rate::from_rational(rate_bps as u128, 10_000), elapsed)
				.unwrap();
			prop_assert!(next >= index);
		}

		#[test]
		fn one_accrual_matches_the_closed_form(
			rate_bps in 0u32..100_000,
			elapsed in 0u64..10 * SECONDS_PER_YEAR,
		) {
			// index = 1 + r × t / year, exactly up to the last of 18 decimals.
			let rate = Rate::from_rational(rate_bps as u128, 10_000);
			let index = accrue_index(Index::one(), rate, elapsed).unwrap();
			let exact_numerator = rate_bps as u128 * elapsed as u128 * FixedU128::DIV;
			let exact_denominator = 10_000u128 * SECONDS_PER_YEAR as u128;
			let expected_inner = FixedU128::DIV + exact_numerator.div_ceil(exact_denominator);
			prop_assert!(index.into_inner().abs_diff(expected_inner) <= 1);
		}

		#[test]
		fn splitting_an_accrual_never_lowers_the_debt(
			rate_bps in 0u32..50_000,
			first in 0u64..SECONDS_PER_YEAR,
			second in 0u64..SECONDS_PER_YEAR,
			principal in 1u128..1_000_000_000_000_000u128,
		) {
			let rate = Rate::from_rational(rate_bps as u128, 10_000);
			let once = accrue_index(Index::one(), rate, first + second).unwrap();
			let twice = accrue_index(accrue_index(Index::one(), rate, first).unwrap(), rate, second)
				.unwrap();
			prop_assert!(twice >= once);
			// And never above continuous compounding: e^(r·t) with a margin for rounding.
			let continuous = (rate.to_float() * (first + second) as f64 / SECONDS_PER_YEAR as f64)
				.exp();
			prop_assert!(twice.to_float() <= continuous * (1.0 + 1e-12) + 1e-15);
			let debt_once = debt_at(principal, Index::one(), once).unwrap();
			let debt_twice = debt_at(principal, Index::one(), twice).unwrap();
			prop_assert!(debt_twice >= debt_once);
		}

		#[test]
		fn debts_are_never_below_principal_times_growth(
			principal in 0u128..1_000_000_000_000_000_000u128,
			rate_bps in 0u32..100_000,
			elapsed in 0u64..5 * SECONDS_PER_YEAR,
		) {
			let rate = Rate::from_rational(rate_bps as u128, 10_000);
			let index = accrue_index(Index::one(), rate, elapsed).unwrap();
			let debt = debt_at(principal, Index::one(), index).unwrap();
			let interest = simple_interest(principal, rate, elapsed, Rounding::Down).unwrap();
			prop_assert!(debt >= principal.saturating_add(interest));
			prop_assert!(debt <= principal + interest + 2);
		}
	}
}
