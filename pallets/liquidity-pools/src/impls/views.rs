//! The runtime API views (`LiquidityPoolsApi`): a pool accrued to now with its rates, every
//! pool, an account's position (collateral, debts, health factor, borrowable value) and how much
//! of an asset it could borrow now.

use alloc::vec::Vec;
use sp_runtime::{traits::Saturating, Rounding};
use xindai_primitives::{price, AssetId, Balance};

use super::{AccountPosition, CollateralView, DebtView, PoolInfo};
use crate::{math, pallet::*, types::*, PriceProvider};

/// The pools' current borrowing rates, for the credit registry's debt service of pool debt
/// (without a borrower's tier premium).
impl<T: Config> xindai_primitives::capacity::PoolRates for Pallet<T> {
	fn borrow_rate(asset: AssetId) -> Option<xindai_primitives::interest::Rate> {
		Pools::<T>::get(asset).map(|pool| pool.borrow_rate())
	}
}

impl<T: Config> Pallet<T> {
	/// The pool of `asset` accrued to now, for the runtime API.
	pub fn pool_info(asset: AssetId) -> Option<PoolInfo> {
		let pool = Pools::<T>::get(asset)?.accrued(Self::now())?;
		let utilisation = pool.utilisation();
		let borrow_apr = pool.borrow_rate();
		// Lenders earn the pool rate on borrows only: facilities pay their own lines' interest,
		// booked when paid, so the quoted supply rate leaves it out.
		let borrowed_share = math::utilisation(
			pool.cash.saturating_add(pool.facility_drawn),
			pool.total_borrows(),
			pool.total_reserves,
		);
		let supply_apr = math::supply_rate(borrow_apr, borrowed_share, pool.params.reserve_factor);
		Some(PoolInfo {
			asset,
			lp_asset: pool.lp_asset,
			cash: pool.cash,
			total_borrows: pool.total_borrows(),
			total_reserves: pool.total_reserves,
			lp_supply: pool.lp_supply,
			exchange_rate: math::exchange_rate(pool.underlying(), pool.lp_supply),
			utilisation,
			borrow_apr,
			supply_apr,
			borrow_apy: math::apy(borrow_apr),
			supply_apy: math::apy(supply_apr),
			borrow_index: pool.borrow_index,
			paused: pool.paused,
			params: pool.params,
			facility_cap: pool.facility_cap,
			facility_undrawn: pool.facility_undrawn,
			facility_drawn: pool.facility_drawn,
		})
	}

	/// The lending position of `who`, for the runtime API.
	pub fn position(who: &T::AccountId) -> AccountPosition {
		let now = Self::now();
		let mut collateral = Vec::new();
		let mut debts = Vec::new();
		for asset in AccountAssets::<T>::get(who) {
			let Some(pool) = Pools::<T>::get(asset).and_then(|p| p.accrued(now)) else { continue };
			let price = T::Prices::price(asset).map(|p| p.price);
			if let Some(lp_amount) = Collateral::<T>::get(who, asset) {
				let underlying =
					math::underlying_for_lp(lp_amount, pool.underlying(), pool.lp_supply)
						.unwrap_or(0);
				let value = price.and_then(|p| price::value_of(underlying, p, Rounding::Down));
				collateral.push(CollateralView { asset, lp_amount, underlying, value });
			}
			if let Some(position) = Debts::<T>::get(who, asset) {
				let amount = pool.debt_of(&position, now).unwrap_or(Balance::MAX);
				let value = price.and_then(|p| price::value_of(amount, p, Rounding::Up));
				let borrow_apr = pool.borrow_rate().saturating_add(position.premium);
				debts.push(DebtView { asset, amount, value, borrow_apr });
			}
		}
		// Every price of the position fresh (health checks value stale collateral at zero).
		let prices_fresh =
			AccountAssets::<T>::get(who).iter().all(|asset| Self::fresh_price(*asset, now).is_ok());
		let by_threshold = Self::liquidity(who, CollateralWeight::Liquidation, false).ok();
		let by_factor = Self::liquidity(who, CollateralWeight::Borrowing, false).ok();
		AccountPosition {
			collateral,
			debts,
			health_factor: by_threshold.and_then(|l| l.health_factor()),
			borrowable_value: by_factor
				.map(|l| l.weighted_collateral.saturating_sub(l.debt))
				.unwrap_or(0),
			prices_fresh,
		}
	}

	/// How much of `asset` `who` could borrow now: limited by collateral (at fresh prices), the
	/// pool's cash and its borrow cap. Zero if a price is stale or missing. (The credit
	/// registry's exposure cap is checked separately.)
	pub fn max_borrow(who: &T::AccountId, asset: AssetId) -> Balance {
		let now = Self::now();
		let Some(pool) = Pools::<T>::get(asset).and_then(|p| p.accrued(now)) else { return 0 };
		if pool.paused {
			return 0;
		}
		let Ok(liquidity) = Self::liquidity(who, CollateralWeight::Borrowing, true) else {
			return 0;
		};
		let Ok(price) = Self::fresh_price(asset, now) else { return 0 };
		let room = liquidity.weighted_collateral.saturating_sub(liquidity.debt);
		let by_collateral = price::amount_for_value(room, price, Rounding::Down).unwrap_or(0);
		let by_cap = pool.params.borrow_cap.saturating_sub(pool.total_borrows());
		by_collateral.min(pool.cash).min(by_cap)
	}

	/// Every pool, accrued to now, for the runtime API (pools are created by governance only).
	pub fn all_pools() -> Vec<PoolInfo> {
		Pools::<T>::iter_keys().filter_map(Self::pool_info).collect()
	}
}
