//! Repayment schedules: pure, fixed-point, documented.
//!
//! A loan of principal `P` at annual rate `R`, repaid in `n` instalments every `T` seconds, has the
//! periodic rate `r = R × T / SECONDS_PER_YEAR` (18-decimal fixed point, rounded down).
//!
//! **Amortising** (annuity): every instalment costs the same `A` (but the last, which absorbs
//! rounding):
//!
//! ```text
//! A = P × r / (1 − (1 + r)^−n)        (A = P / n when r = 0)
//! interest_k  = ⌈balance_k × r⌉       balance_1 = P
//! principal_k = A − interest_k        balance_{k+1} = balance_k − principal_k
//! principal_n = balance_n             (so Σ principal_k = P exactly)
//! ```
//!
//! **Bullet**: interest only, then the principal with the last instalment:
//! `interest_k = ⌈P × r⌉`, `principal_k = 0` for `k < n`, `principal_n = P`.
//!
//! Interest rounds **up** (in the lenders' favour), so each instalment's interest is at most one
//! unit above the exact value. When principal is prepaid, the interest of the instalments whose
//! period has not started is recomputed from the new balance ([`reprice_from`]): no interest is
//! charged for periods not yet started.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedAdd, CheckedDiv, CheckedMul, CheckedSub, One, Saturating, Zero},
	FixedU128, Rounding,
};
use xindai_primitives::{
	interest::{mul_fixed, Rate},
	Balance, Moment, Seconds, MILLISECONDS_PER_SECOND, SECONDS_PER_YEAR,
};

/// How the principal is repaid.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum RepaymentKind {
	/// Equal instalments of principal and interest (an annuity).
	Amortising,
	/// Interest every period, all principal with the last instalment.
	Bullet,
}

/// One instalment of a schedule and what has been paid of it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Instalment {
	/// When it is due (milliseconds). Its period starts one period earlier.
	pub due_at: Moment,
	/// Principal due.
	pub principal: Balance,
	/// Interest due.
	pub interest: Balance,
	/// Principal paid so far.
	pub principal_paid: Balance,
	/// Interest paid so far.
	pub interest_paid: Balance,
}

impl Instalment {
	/// What is left to pay of it.
	pub fn outstanding(&self) -> Balance {
		self.principal
			.saturating_sub(self.principal_paid)
			.saturating_add(self.interest.saturating_sub(self.interest_paid))
	}

	/// Whether it is fully paid.
	pub fn is_paid(&self) -> bool {
		self.outstanding().is_zero()
	}
}

/// The periodic rate `annual × period / year`, rounded down; `None` on overflow.
pub fn periodic_rate(annual: Rate, period: Seconds) -> Option<FixedU128> {
	multiply_by_rational_with_rounding(
		annual.into_inner(),
		period as u128,
		SECONDS_PER_YEAR as u128,
		Rounding::Down,
	)
	.map(FixedU128::from_inner)
}

/// The annuity payment `P × r / (1 − (1 + r)^−n)`, rounded up; `P / n` (rounded up) when
/// `r = 0`. `None` on overflow or `n = 0`.
pub fn annuity_payment(principal: Balance, rate: FixedU128, n: u32) -> Option<Balance> {
	if n == 0 {
		return None;
	}
	if rate.is_zero() {
		return Some(principal.div_ceil(n as u128));
	}
	// A = P × r × g / (g − 1) with g = (1 + r)^n.
	let growth = FixedU128::one().checked_add(&rate)?.saturating_pow(n as usize);
	if growth == FixedU128::from_inner(u128::MAX) {
		return None;
	}
	let denominator = growth.checked_sub(&FixedU128::one())?;
	if denominator.is_zero() {
		return Some(principal.div_ceil(n as u128));
	}
	let per_unit = rate.checked_mul(&growth)?.checked_div(&denominator)?;
	mul_fixed(principal, per_unit, Rounding::Up)
}

/// `⌈balance × r⌉`.
fn interest_on(balance: Balance, rate: FixedU128) -> Option<Balance> {
	mul_fixed(balance, rate, Rounding::Up)
}

/// The schedule of a loan starting at `start` (milliseconds). `None` on overflow or zero
/// instalments.
pub fn build(
	kind: RepaymentKind,
	principal: Balance,
	annual_rate: Rate,
	instalments: u32,
	period: Seconds,
	start: Moment,
) -> Option<alloc::vec::Vec<Instalment>> {
	if instalments == 0 {
		return None;
	}
	let rate = periodic_rate(annual_rate, period)?;
	let period_ms = period.checked_mul(MILLISECONDS_PER_SECOND)?;
	let payment = match kind {
		RepaymentKind::Amortising => annuity_payment(principal, rate, instalments)?,
		RepaymentKind::Bullet => 0,
	};
	let mut balance = principal;
	let mut items = alloc::vec::Vec::with_capacity(instalments as usize);
	for k in 1..=instalments {
		let due_at = start.checked_add(period_ms.checked_mul(k as u64)?)?;
		let interest = interest_on(balance, rate)?;
		let principal_part = if k == instalments {
			balance
		} else {
			match kind {
				RepaymentKind::Amortising => payment.saturating_sub(interest).min(balance),
				RepaymentKind::Bullet => 0,
			}
		};
		balance -= principal_part;
		items.push(Instalment {
			due_at,
			principal: principal_part,
			interest,
			..Default::default()
		});
	}
	Some(items)
}

/// After a prepayment, recomputes the interest of every instalment whose period starts at or
/// after `now` from the principal still outstanding at its start. Instalments already started
/// keep their interest.
pub fn reprice_from(
	items: &mut [Instalment],
	annual_rate: Rate,
	period: Seconds,
	now: Moment,
) -> Option<()> {
	let rate = periodic_rate(annual_rate, period)?;
	let period_ms = period.checked_mul(MILLISECONDS_PER_SECOND)?;
	// The principal outstanding at the start of instalment k: Σ unpaid principal of k..n.
	let mut balance: Balance = items
		.iter()
		.map(|i| i.principal.saturating_sub(i.principal_paid))
		.fold(0, |a, b| a.saturating_add(b));
	for item in items.iter_mut() {
		let starts_at = item.due_at.saturating_sub(period_ms);
		if starts_at >= now {
			let interest = interest_on(balance, rate)?;
			item.interest = interest.max(item.interest_paid);
		}
		balance = balance.saturating_sub(item.principal.saturating_sub(item.principal_paid));
	}
	Some(())
}

/// Removes `amount` of unpaid principal from the last instalments backwards (a prepayment
/// shortens the loan). Returns what was applied (at most the unpaid principal).
pub fn prepay_principal(items: &mut [Instalment], amount: Balance) -> Balance {
	let mut left = amount;
	for item in items.iter_mut().rev() {
		if left.is_zero() {
			break;
		}
		let unpaid = item.principal.saturating_sub(item.principal_paid);
		let cut = unpaid.min(left);
		item.principal -= cut;
		left -= cut;
	}
	amount - left
}

/// Σ of a field over a schedule.
pub fn total(items: &[Instalment], field: impl Fn(&Instalment) -> Balance) -> Balance {
	items.iter().map(field).fold(0, |a: Balance, b| a.saturating_add(b))
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;
	use sp_runtime::FixedPointNumber;

	const MONTH: Seconds = SECONDS_PER_YEAR / 12;

	fn pct(p: u32) -> Rate {
		Rate::from_rational(p as u128, 100)
	}

	#[test]
	fn a_textbook_annuity() {
		// 1,000.000000 at 12% a year over 4 months: 1% a month; A = 256.2810939… → 256.281094.
		let items = build(RepaymentKind::Amortising, 1_000_000_000, pct(12), 4, MONTH, 0).unwrap();
		assert_eq!(items.len(), 4);
		assert_eq!(items[0].interest, 10_000_000);
		assert_eq!(items[0].principal + items[0].interest, 256_281_094);
		assert_eq!(total(&items, |i| i.principal), 1_000_000_000);
		assert_eq!(items[3].due_at, 4 * MONTH * 1_000);
	}

	#[test]
	fn a_bullet_loan_pays_interest_then_principal() {
		let items = build(RepaymentKind::Bullet, 1_000_000, pct(12), 3, MONTH, 0).unwrap();
		assert_eq!(items.iter().map(|i| i.interest).collect::<Vec<_>>(), vec![10_000; 3]);
		assert_eq!(items.iter().map(|i| i.principal).collect::<Vec<_>>(), vec![0, 0, 1_000_000]);
	}

	#[test]
	fn zero_rate_splits_principal() {
		let items = build(RepaymentKind::Amortising, 10, Rate::zero(), 3, MONTH, 0).unwrap();
		assert_eq!(items.iter().map(|i| i.principal).collect::<Vec<_>>(), vec![4, 4, 2]);
		assert!(items.iter().all(|i| i.interest == 0));
		assert!(build(RepaymentKind::Bullet, 10, Rate::zero(), 0, MONTH, 0).is_none());
	}

	#[test]
	fn prepaying_cuts_the_tail_and_future_interest() {
		let mut items = build(RepaymentKind::Amortising, 1_000_000, pct(12), 4, MONTH, 0).unwrap();
		let before = total(&items, |i| i.interest);
		// In the first period, prepay half the principal.
		assert_eq!(prepay_principal(&mut items, 500_000), 500_000);
		reprice_from(&mut items, pct(12), MONTH, 1).unwrap();
		assert_eq!(total(&items, |i| i.principal), 500_000);
		// The first period had started: its interest stays; later ones shrink.
		assert_eq!(items[0].interest, 10_000);
		assert!(total(&items, |i| i.interest) < before);
		assert_eq!(prepay_principal(&mut items, 10_000_000), 500_000);
		reprice_from(&mut items, pct(12), MONTH, 1).unwrap();
		assert_eq!(total(&items, |i| i.interest), 10_000);
	}

	proptest! {
		#[test]
		fn principal_parts_sum_to_the_principal(
			principal in 1u128..1_000_000_000_000_000u128,
			rate_bps in 0u32..10_000,
			n in 1u32..=60,
			amortising in any::<bool>(),
		) {
			let kind = if amortising { RepaymentKind::Amortising } else { RepaymentKind::Bullet };
			let items = build(kind, principal, Rate::from_rational(rate_bps as u128, 10_000), n, MONTH, 0)
				.unwrap();
			prop_assert_eq!(total(&items, |i| i.principal), principal);
		}

		#[test]
		fn interest_rounds_up_by_at_most_one_unit_per_instalment(
			principal in 1u128..1_000_000_000_000_000u128,
			rate_bps in 0u32..10_000,
			n in 1u32..=60,
		) {
			let annual = Rate::from_rational(rate_bps as u128, 10_000);
			let items = build(RepaymentKind::Amortising, principal, annual, n, MONTH, 0).unwrap();
			let r = periodic_rate(annual, MONTH).unwrap();
			let mut balance = principal;
			for item in &items {
				// Exact interest on the scheduled balance, as a rational.
				let exact_floor = multiply_by_rational_with_rounding(
					balance, r.into_inner(), FixedU128::DIV, Rounding::Down).unwrap();
				prop_assert!(item.interest >= exact_floor);
				prop_assert!(item.interest <= exact_floor + 1);
				balance -= item.principal;
			}
		}

		#[test]
		fn a_higher_rate_costs_more_interest(
			principal in 1_000u128..1_000_000_000_000u128,
			low_bps in 0u32..5_000,
			extra_bps in 1u32..5_000,
			n in 1u32..=36,
			amortising in any::<bool>(),
		) {
			let kind = if amortising { RepaymentKind::Amortising } else { RepaymentKind::Bullet };
			let low = build(kind, principal, Rate::from_rational(low_bps as u128, 10_000), n, MONTH, 0).unwrap();
			let high = build(kind, principal, Rate::from_rational((low_bps + extra_bps) as u128, 10_000), n, MONTH, 0).unwrap();
			prop_assert!(total(&high, |i| i.interest) >= total(&low, |i| i.interest));
		}

		#[test]
		fn annuity_instalments_are_level(
			principal in 1_000_000u128..1_000_000_000_000u128,
			rate_bps in 1u32..5_000,
			n in 2u32..=48,
		) {
			let items = build(RepaymentKind::Amortising, principal, Rate::from_rational(rate_bps as u128, 10_000), n, MONTH, 0).unwrap();
			let first = items[0].principal + items[0].interest;
			for item in &items[..items.len() - 1] {
				prop_assert!((item.principal + item.interest).abs_diff(first) <= 1);
			}
			// The last one absorbs the rounding: each instalment's interest rounds up by at most a
			// unit, which leaves at most a unit of principal per period, compounding at r.
			let last = items[items.len() - 1];
			let r = periodic_rate(Rate::from_rational(rate_bps as u128, 10_000), MONTH).unwrap().to_float();
			let bound = (n as f64) * (1.0 + r).powi(n as i32) + 1.0;
			prop_assert!(((last.principal + last.interest).abs_diff(first) as f64) <= bound);
		}
	}
}
