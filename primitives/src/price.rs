//! Prices, as lending pallets see them.
//!
//! A [`Price`] is the value of **one smallest unit** of an asset in **credit units** (the smallest
//! unit of the reference stablecoin USDX, see [`crate::credit`]). Valuing an amount is then one
//! multiplication, whatever the asset's decimals: `value = amount × price`.
//!
//! For example, with USDX at 6 decimals and XBTC at 8 decimals, XBTC at 60,000 USDX is
//! `60_000 × 10^6 / 10^8 = 600` credit units per XBTC unit, and USDX itself is priced at 1.
//!
//! The runtime implements [`PriceProvider`] over polkadot-sdk's oracle pallet. Each price comes
//! with the time it was last updated, so that every consumer decides for itself how old a price
//! it accepts.

use sp_runtime::{traits::Zero, FixedPointNumber, FixedU128, Rounding};

use crate::{AssetId, Balance, Moment};

/// Credit units per smallest unit of an asset, with 18 decimals of precision.
pub type Price = FixedU128;

/// A price and the time it was last updated (milliseconds since the Unix epoch).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct TimestampedPrice {
	/// Credit units per smallest unit of the asset.
	pub price: Price,
	/// When the oracle last updated it.
	pub updated_at: Moment,
}

impl TimestampedPrice {
	/// Whether the price is no older than `max_age` milliseconds at `now`.
	pub fn is_fresh(&self, now: Moment, max_age: Moment) -> bool {
		now.saturating_sub(self.updated_at) <= max_age
	}
}

/// Where lending pallets get prices from.
pub trait PriceProvider {
	/// The latest price of `asset`, with when it was updated; `None` if it was never priced.
	fn price(asset: AssetId) -> Option<TimestampedPrice>;
}

/// Where prices can be set without a feeder: genesis seeding of dev and test networks.
pub trait PriceFeeder {
	/// Sets `asset`'s price now, as the oracle's own (root) feed.
	fn feed_price(asset: AssetId, price: Price) -> sp_runtime::DispatchResult;
}

/// The value of `amount` at `price`, in credit units, rounded as `rounding` says; `None` on
/// overflow.
///
/// Callers round in the protocol's favour: collateral values round down, debt values round up.
pub fn value_of(amount: Balance, price: Price, rounding: Rounding) -> Option<Balance> {
	if amount.is_zero() || price.is_zero() {
		return Some(0);
	}
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		amount,
		price.into_inner(),
		Price::DIV,
		rounding,
	)
}

/// The amount of an asset worth `value` credit units at `price`, rounded as `rounding` says;
/// `None` when the price is zero or on overflow.
pub fn amount_for_value(value: Balance, price: Price, rounding: Rounding) -> Option<Balance> {
	if price.is_zero() {
		return None;
	}
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		value,
		Price::DIV,
		price.into_inner(),
		rounding,
	)
}

/// `amount` of `asset` in credit units at its latest price of any age, rounded down; zero without
/// a price. For reports to the credit registry only (never for lending decisions, which need a
/// fresh price).
pub fn report_value<P: PriceProvider>(asset: AssetId, amount: Balance) -> Balance {
	P::price(asset).and_then(|p| value_of(amount, p.price, Rounding::Down)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn values_follow_the_documented_example() {
		// 1.5 XBTC (8 decimals) at 600 credit units per unit is 90,000 USDX (6 decimals).
		let price = Price::from_u32(600);
		assert_eq!(value_of(150_000_000, price, Rounding::Down), Some(90_000_000_000));
		assert_eq!(amount_for_value(90_000_000_000, price, Rounding::Down), Some(150_000_000));
	}

	#[test]
	fn rounding_is_explicit() {
		let third = Price::from_rational(1, 3);
		assert_eq!(value_of(10, third, Rounding::Down), Some(3));
		assert_eq!(value_of(10, third, Rounding::Up), Some(4));
		assert_eq!(amount_for_value(1, Price::from_u32(3), Rounding::Down), Some(0));
		assert_eq!(amount_for_value(1, Price::from_u32(3), Rounding::Up), Some(1));
		assert_eq!(amount_for_value(1, Price::zero(), Rounding::Up), None);
	}

	#[test]
	fn freshness_is_inclusive() {
		let p = TimestampedPrice { price: Price::from_u32(1), updated_at: 1_000 };
		assert!(p.is_fresh(1_500, 500));
		assert!(!p.is_fresh(1_501, 500));
		assert!(p.is_fresh(500, 0), "a price from the future is not stale");
	}
}
