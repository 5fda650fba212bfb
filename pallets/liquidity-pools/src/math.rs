//! Pure pool maths: utilisation, the jump-rate model, LP-token exchange rates and APYs.
//!
//! Conventions (see `xindai_primitives::interest` for accrual):
//!
//! ```text
//! underlying     = cash + borrows − reserves            (what lenders own)
//! utilisation    = borrows / (cash + borrows − reserves) (0 when nothing is supplied)
//! exchange rate  = underlying / LP supply                (1 for an empty pool)
//! supply rate    = borrow rate × utilisation × (1 − reserve factor)
//! ```
//!
//! Rounding always favours the pool: deposits mint LP tokens rounded **down**, withdrawals pay
//! underlying rounded **down**, and burning LP tokens for an exact underlying amount rounds the
//! burn **up**. So no deposit/withdraw round trip can take out more than it put in.

use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{One, Saturating, Zero},
	FixedPointNumber, FixedU128, PerThing, Permill, Rounding,
};
use xindai_primitives::{interest::Rate, Balance};

use crate::types::JumpRateModel;

/// What lenders own: `cash + borrows − reserves` (saturating at zero).
pub fn underlying(cash: Balance, borrows: Balance, reserves: Balance) -> Balance {
	cash.saturating_add(borrows).saturating_sub(reserves)
}

/// `borrows / (cash + borrows − reserves)`, capped at 100%.
pub fn utilisation(cash: Balance, borrows: Balance, reserves: Balance) -> Permill {
	let supplied = underlying(cash, borrows, reserves);
	if supplied.is_zero() || borrows.is_zero() {
		return Permill::zero();
	}
	Permill::from_rational(borrows.min(supplied), supplied)
}

/// The annual borrow rate of `model` at utilisation `u` (saturating).
pub fn borrow_rate(model: &JumpRateModel, u: Permill) -> Rate {
	let part = |rate: Rate, share: Permill| -> Rate {
		Rate::from_inner(share.mul_floor(rate.into_inner()))
	};
	if u <= model.kink {
		model.base.saturating_add(part(model.multiplier, u))
	} else {
		model
			.base
			.saturating_add(part(model.multiplier, model.kink))
			.saturating_add(part(model.jump_multiplier, u.saturating_sub(model.kink)))
	}
}

/// The annual rate lenders earn: `borrow rate × u × (1 − reserve factor)`, rounded down.
pub fn supply_rate(borrow_rate: Rate, u: Permill, reserve_factor: Permill) -> Rate {
	let to_lenders = u * (Permill::one().saturating_sub(reserve_factor));
	Rate::from_inner(to_lenders.mul_floor(borrow_rate.into_inner()))
}

/// The annual yield of `rate` compounded daily: `(1 + rate/365)^365 − 1`, for display.
pub fn apy(rate: Rate) -> Rate {
	let daily = Rate::one().saturating_add(Rate::from_inner(rate.into_inner() / 365));
	daily.saturating_pow(365).saturating_sub(Rate::one())
}

/// Underlying per LP token: `underlying / lp_supply`, 1 for an empty pool.
pub fn exchange_rate(underlying: Balance, lp_supply: Balance) -> FixedU128 {
	if lp_supply.is_zero() {
		return FixedU128::one();
	}
	FixedU128::checked_from_rational(underlying, lp_supply)
		.unwrap_or(FixedU128::from_inner(u128::MAX))
}

/// LP tokens minted for depositing `amount` into a pool owning `underlying` with `lp_supply`
/// tokens out: `amount × lp_supply / underlying`, rounded down (1:1 for an empty pool).
/// `None` on overflow, or when the pool has LP tokens but owns nothing (lenders lost
/// everything: a deposit would be given to them).
pub fn lp_for_deposit(amount: Balance, underlying: Balance, lp_supply: Balance) -> Option<Balance> {
	if lp_supply.is_zero() {
		return Some(amount);
	}
	if underlying.is_zero() {
		return None;
	}
	multiply_by_rational_with_rounding(amount, lp_supply, underlying, Rounding::Down)
}

/// Underlying paid for burning `lp` tokens: `lp × underlying / lp_supply`, rounded down.
pub fn underlying_for_lp(lp: Balance, underlying: Balance, lp_supply: Balance) -> Option<Balance> {
	if lp.is_zero() || underlying.is_zero() {
		return Some(0);
	}
	if lp > lp_supply {
		return None;
	}
	multiply_by_rational_with_rounding(lp, underlying, lp_supply, Rounding::Down)
}

/// LP tokens to burn to take out exactly `amount` of underlying: rounded up.
pub fn lp_for_underlying(
	amount: Balance,
	underlying: Balance,
	lp_supply: Balance,
) -> Option<Balance> {
	if amount.is_zero() {
		return Some(0);
	}
	if underlying.is_zero() {
		return None;
	}
	multiply_by_rational_with_rounding(amount, lp_supply, underlying, Rounding::Up)
}

/// `amount × share`, rounded down.
pub fn share_of(amount: Balance, share: Permill) -> Balance {
	share.mul_floor(amount)
}

/// `amount × (1 + share)`, rounded down; `None` on overflow.
pub fn with_bonus(amount: Balance, bonus: Permill) -> Option<Balance> {
	amount.checked_add(bonus.mul_floor(amount))
}

/// The amount that, with `bonus` added, is worth `total`: `total / (1 + bonus)`, rounded down.
pub fn without_bonus(total: Balance, bonus: Permill) -> Option<Balance> {
	let denominator = (Permill::ACCURACY as u128).checked_add(bonus.deconstruct() as u128)?;
	multiply_by_rational_with_rounding(
		total,
		Permill::ACCURACY as u128,
		denominator,
		Rounding::Down,
	)
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn model() -> JumpRateModel {
		JumpRateModel {
			base: Rate::from_rational(2, 100),
			multiplier: Rate::from_rational(10, 100),
			jump_multiplier: Rate::from_u32(3),
			kink: Permill::from_percent(80),
		}
	}

	#[test]
	fn the_jump_rate_model_follows_compound() {
		let m = model();
		assert_eq!(borrow_rate(&m, Permill::zero()), Rate::from_rational(2, 100));
		assert_eq!(borrow_rate(&m, Permill::from_percent(50)), Rate::from_rational(7, 100));
		assert_eq!(borrow_rate(&m, Permill::from_percent(80)), Rate::from_rational(10, 100));
		// 2% + 8% + 300% × 10% = 40%.
		assert_eq!(borrow_rate(&m, Permill::from_percent(90)), Rate::from_rational(40, 100));
	}

	#[test]
	fn utilisation_and_supply_rate() {
		assert_eq!(utilisation(0, 0, 0), Permill::zero());
		assert_eq!(utilisation(500, 500, 0), Permill::from_percent(50));
		// Reserves are not lenders' money.
		assert_eq!(utilisation(600, 500, 100), Permill::from_percent(50));
		assert_eq!(
			supply_rate(
				Rate::from_rational(10, 100),
				Permill::from_percent(50),
				Permill::from_percent(20)
			),
			Rate::from_rational(4, 100)
		);
	}

	#[test]
	fn apy_compounds_daily() {
		let apy = apy(Rate::from_rational(10, 100)).to_float();
		assert!((apy - 0.105_155_781_6).abs() < 1e-6, "{apy}");
		assert_eq!(super::apy(Rate::zero()), Rate::zero());
	}

	#[test]
	fn empty_pools_mint_one_to_one() {
		assert_eq!(lp_for_deposit(1_000, 0, 0), Some(1_000));
		assert_eq!(exchange_rate(0, 0), FixedU128::one());
		assert_eq!(lp_for_deposit(1_000, 0, 10), None, "a wiped-out pool takes no deposits");
	}

	#[test]
	fn bonus_round_trip() {
		let bonus = Permill::from_percent(8);
		assert_eq!(with_bonus(1_000, bonus), Some(1_080));
		assert_eq!(without_bonus(1_080, bonus), Some(1_000));
		assert_eq!(without_bonus(1_079, bonus), Some(999));
	}

	proptest! {
		#[test]
		fn rates_rise_with_utilisation(a in 0u32..=1_000_000, b in 0u32..=1_000_000) {
			let (lo, hi) = (a.min(b), a.max(b));
			let m = model();
			prop_assert!(
				borrow_rate(&m, Permill::from_parts(lo)) <= borrow_rate(&m, Permill::from_parts(hi))
			);
		}

		#[test]
		fn lenders_never_earn_more_than_borrowers_pay(
			u in 0u32..=1_000_000, rf in 0u32..=500_000,
		) {
			let u = Permill::from_parts(u);
			let rate = borrow_rate(&model(), u);
			let supply = supply_rate(rate, u, Permill::from_parts(rf));
			prop_assert!(supply <= rate);
			// Interest paid by borrowers covers interest earned by lenders.
			prop_assert!(supply.saturating_mul(Rate::one()) <= Rate::from_inner(u.mul_ceil(rate.into_inner())));
		}

		#[test]
		fn no_round_trip_extracts_value(
			cash in 0u128..1_000_000_000_000_000u128,
			borrows in 0u128..1_000_000_000_000_000u128,
			supply in 1u128..1_000_000_000_000_000u128,
			amount in 1u128..1_000_000_000_000_000u128,
		) {
			let under = underlying(cash, borrows, 0);
			prop_assume!(under > 0);
			let minted = lp_for_deposit(amount, under, supply).unwrap();
			let after_under = under + amount;
			let after_supply = supply + minted;
			let back = underlying_for_lp(minted, after_under, after_supply).unwrap();
			prop_assert!(back <= amount, "deposit {} minted {} gave back {}", amount, minted, back);
			// And the other lenders' tokens are worth no less than before.
			let before = FixedU128::checked_from_rational(under, supply).unwrap();
			let after = FixedU128::checked_from_rational(after_under, after_supply).unwrap();
			prop_assert!(after >= before);
		}

		#[test]
		fn exact_withdrawals_burn_enough(
			under in 1u128..1_000_000_000_000_000u128,
			supply in 1u128..1_000_000_000_000_000u128,
			amount in 1u128..1_000_000_000_000_000u128,
		) {
			prop_assume!(amount <= under);
			let burn = lp_for_underlying(amount, under, supply).unwrap();
			// Burning that many is worth at least the amount taken.
			if burn <= supply {
				let worth = multiply_by_rational_with_rounding(burn, under, supply, Rounding::Up).unwrap();
				prop_assert!(worth >= amount);
			}
		}
	}
}
