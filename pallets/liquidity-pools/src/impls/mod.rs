//! The logic behind the calls, the health checks, the runtime API views and `try_state`, one
//! file per concern (as the tests are): pool accounting, pool administration, lending and
//! collateral, borrowing and repayment, health checks, liquidation and bad debt, credit
//! facilities, the runtime API views and the invariants. This module keeps what they share: the
//! pallet account, the clock, prices, credit reports, the touch of a pool, the account-asset
//! index and the types the runtime API returns (kept here so that their paths in the metadata
//! stay `pallet_liquidity_pools::impls::*`).

mod admin;
mod borrowing;
mod facilities;
mod health;
mod lending;
mod liquidation;
mod pool;
#[cfg(any(test, feature = "try-runtime"))]
mod try_state;
mod views;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	pallet_prelude::*,
	traits::{fungibles::Inspect as _, Time},
};
use scale_info::TypeInfo;
use sp_runtime::{traits::AccountIdConversion, FixedU128, Permill};
use xindai_primitives::{
	credit::{CreditProduct, PositionKey},
	interest::{Index, Rate},
	price::Price,
	AssetId, Balance, Moment,
};

use crate::{pallet::*, types::*, PriceProvider};

/// A pool as wallets and dashboards see it (`LiquidityPoolsApi::pool`), accrued to now.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PoolInfo {
	/// The pooled asset.
	pub asset: AssetId,
	/// Its LP token.
	pub lp_asset: AssetId,
	/// Units held by the pool.
	pub cash: Balance,
	/// Units lent out, with interest.
	pub total_borrows: Balance,
	/// The treasury's share of interest.
	pub total_reserves: Balance,
	/// LP tokens in existence.
	pub lp_supply: Balance,
	/// Asset units per LP token.
	pub exchange_rate: FixedU128,
	/// Borrows over what lenders own.
	pub utilisation: Permill,
	/// Annual borrow rate (before tier premiums).
	pub borrow_apr: Rate,
	/// Annual rate lenders earn from borrowers (interest paid by credit facilities comes on
	/// top, when paid).
	pub supply_apr: Rate,
	/// Borrow rate compounded daily.
	pub borrow_apy: Rate,
	/// Supply rate compounded daily.
	pub supply_apy: Rate,
	/// The borrow index.
	pub borrow_index: Index,
	/// Whether deposits and borrowing are stopped.
	pub paused: bool,
	/// The pool's parameters (caps included).
	pub params: PoolParams,
	/// The most the pool may commit to credit facilities.
	pub facility_cap: Balance,
	/// Committed to facilities, not drawn.
	pub facility_undrawn: Balance,
	/// Drawn by facilities (part of what lenders own).
	pub facility_drawn: Balance,
}

/// One collateral of an account (`LiquidityPoolsApi::position`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct CollateralView {
	/// The pooled asset.
	pub asset: AssetId,
	/// LP tokens in custody.
	pub lp_amount: Balance,
	/// What they are worth in the asset.
	pub underlying: Balance,
	/// What they are worth in credit units (`None` without a price).
	pub value: Option<Balance>,
}

/// One debt of an account (`LiquidityPoolsApi::position`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct DebtView {
	/// The borrowed asset.
	pub asset: AssetId,
	/// Owed now, interest and premium included.
	pub amount: Balance,
	/// In credit units (`None` without a price).
	pub value: Option<Balance>,
	/// The annual rate this debt pays: pool rate plus tier premium.
	pub borrow_apr: Rate,
}

/// An account's lending position (`LiquidityPoolsApi::position`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct AccountPosition {
	/// Collateral per pool.
	pub collateral: Vec<CollateralView>,
	/// Debt per pool.
	pub debts: Vec<DebtView>,
	/// Σ collateral value × liquidation threshold / Σ debt value; `None` without debt or when a
	/// price is missing.
	pub health_factor: Option<FixedU128>,
	/// Σ collateral value × collateral factor − Σ debt value, in credit units (0 if negative).
	pub borrowable_value: Balance,
	/// Whether every price the position needs is fresh (borrowing is possible).
	pub prices_fresh: bool,
}

impl<T: Config> Pallet<T> {
	/// The account holding every pool's cash, the collateral and the locked liquidity.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The chain's time in milliseconds.
	pub(crate) fn now() -> Moment {
		T::Time::now()
	}

	/// The pool of `asset` accrued to now, with assets sent to its account directly swept into
	/// reserves (the custody reserve of one minimum balance excepted: it stays outside the books,
	/// see `xindai_primitives::custody`). The caller writes it back.
	pub(crate) fn touch_pool(asset: AssetId) -> Result<Pool, DispatchError> {
		let pool = Pools::<T>::get(asset).ok_or(Error::<T>::PoolNotFound)?;
		let mut pool = pool.accrued(Self::now()).ok_or(Error::<T>::Overflow)?;
		let held = T::Assets::balance(asset, &Self::account_id())
			.saturating_sub(T::Assets::minimum_balance(asset));
		if held > pool.cash {
			let donation = held - pool.cash;
			pool.cash = held;
			pool.total_reserves = pool.total_reserves.saturating_add(donation);
			Self::deposit_event(Event::DonationSwept { asset, amount: donation });
		}
		Ok(pool)
	}

	/// The latest price of `asset`, fresh or not.
	fn any_price(asset: AssetId) -> Result<Price, Error<T>> {
		T::Prices::price(asset).map(|p| p.price).ok_or(Error::<T>::NoPrice)
	}

	/// The price of `asset`, refused if older than [`MaxPriceAge`].
	fn fresh_price(asset: AssetId, now: Moment) -> Result<Price, Error<T>> {
		let price = T::Prices::price(asset).ok_or(Error::<T>::NoPrice)?;
		ensure!(price.is_fresh(now, MaxPriceAge::<T>::get()), Error::<T>::PriceStale);
		Ok(price.price)
	}

	/// Where the credit registry books this pallet's loans of `asset`.
	pub(crate) fn credit_position(asset: AssetId) -> PositionKey {
		PositionKey::new(CreditProduct::Pools, asset)
	}

	/// Lists `asset` for `who` (written only when it is new).
	fn add_account_asset(who: &T::AccountId, asset: AssetId) -> DispatchResult {
		let mut assets = AccountAssets::<T>::get(who);
		if !assets.contains(&asset) {
			assets.try_push(asset).map_err(|_| Error::<T>::TooManyAssets)?;
			AccountAssets::<T>::insert(who, assets);
		}
		Ok(())
	}

	/// Forgets `asset` for `who` once it holds neither collateral nor debt there.
	fn prune_account_asset(who: &T::AccountId, asset: AssetId) {
		if Collateral::<T>::contains_key(who, asset) || Debts::<T>::contains_key(who, asset) {
			return;
		}
		AccountAssets::<T>::mutate_exists(who, |assets| {
			if let Some(list) = assets {
				list.retain(|a| *a != asset);
				if list.is_empty() {
					*assets = None;
				}
			}
		});
	}

	/// Handles the result of a report to the credit registry that must not stop the money flow
	/// (a debtor must always be able to pay): a failure is announced, never swallowed.
	pub(crate) fn report(result: DispatchResult) {
		if let Err(error) = result {
			log::warn!(target: "liquidity-pools", "credit report failed: {error:?}");
			Self::deposit_event(Event::CreditReportFailed { error });
		}
	}
}
