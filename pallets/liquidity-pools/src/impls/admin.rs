//! Pool administration: the LP token id of a pool, the check of the risk parameters against
//! their bounds, the creation of a pool with its LP token and its metadata, and pausing.

use frame_support::{
	pallet_prelude::*,
	traits::fungibles::{self, Create as _, Inspect as _},
};
use sp_runtime::{PerThing, Permill};
use xindai_primitives::{interest::Index, AssetId};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// The LP token id of the pool of `asset`.
	pub fn lp_asset_of(asset: AssetId) -> Result<AssetId, Error<T>> {
		ensure!(asset < T::LpAssetIdOffset::get(), Error::<T>::CannotPoolLpAsset);
		asset.checked_add(T::LpAssetIdOffset::get()).ok_or(Error::<T>::CannotPoolLpAsset)
	}

	/// Checks every parameter against its bound in [`bounds`].
	pub fn ensure_valid_params(params: &PoolParams) -> DispatchResult {
		use bounds::*;
		ensure!(
			params.collateral_factor <= MAX_COLLATERAL_FACTOR,
			Error::<T>::CollateralFactorTooHigh
		);
		ensure!(
			params.liquidation_threshold <= MAX_LIQUIDATION_THRESHOLD,
			Error::<T>::LiquidationThresholdTooHigh
		);
		ensure!(
			params.liquidation_threshold >= params.collateral_factor,
			Error::<T>::LiquidationThresholdBelowCollateralFactor
		);
		ensure!(
			params.liquidation_incentive <= MAX_LIQUIDATION_INCENTIVE,
			Error::<T>::LiquidationIncentiveTooHigh
		);
		let threshold_with_incentive = params.liquidation_threshold.deconstruct().saturating_add(
			params.liquidation_incentive.mul_floor(params.liquidation_threshold.deconstruct()),
		);
		ensure!(
			threshold_with_incentive < Permill::ACCURACY,
			Error::<T>::IncentiveTooHighForThreshold
		);
		ensure!(params.close_factor >= MIN_CLOSE_FACTOR, Error::<T>::CloseFactorOutOfBounds);
		ensure!(params.reserve_factor <= MAX_RESERVE_FACTOR, Error::<T>::ReserveFactorTooHigh);
		let model = &params.rate_model;
		ensure!(model.base <= MAX_BASE_RATE, Error::<T>::BaseRateTooHigh);
		ensure!(model.multiplier <= MAX_MULTIPLIER, Error::<T>::MultiplierTooHigh);
		ensure!(model.jump_multiplier <= MAX_JUMP_MULTIPLIER, Error::<T>::JumpMultiplierTooHigh);
		ensure!((MIN_KINK..=MAX_KINK).contains(&model.kink), Error::<T>::KinkOutOfBounds);
		Ok(())
	}

	/// Creates the pool and its LP token with metadata.
	pub(crate) fn do_create_pool(asset: AssetId, params: PoolParams) -> DispatchResult {
		use fungibles::metadata::{Inspect as MetadataInspect, Mutate as MetadataMutate};
		Self::ensure_valid_params(&params)?;
		ensure!(!Pools::<T>::contains_key(asset), Error::<T>::PoolExists);
		let lp_asset = Self::lp_asset_of(asset)?;
		ensure!(T::Assets::asset_exists(asset), Error::<T>::UnknownAsset);
		ensure!(!T::Assets::asset_exists(lp_asset), Error::<T>::LpAssetTaken);
		let account = Self::account_id();
		// Sufficient: lenders need no native balance to hold LP tokens. Their minimum balance is
		// the underlying's: an LP account costs what an account of the asset costs, so dust
		// deposits cannot open accounts more cheaply.
		let lp_min_balance = T::Assets::minimum_balance(asset).max(1);
		T::Assets::create(lp_asset, account.clone(), true, lp_min_balance)?;
		let symbol = [b"lp".as_slice(), &T::Assets::symbol(asset)].concat();
		let name = [b"Xindai LP ".as_slice(), &T::Assets::name(asset)].concat();
		T::Assets::set(lp_asset, &account, name, symbol, T::Assets::decimals(asset))?;
		let pool = Pool {
			params,
			lp_asset,
			cash: 0,
			total_scaled_debt: 0,
			total_reserves: 0,
			lp_supply: 0,
			borrow_index: Index::one(),
			last_accrued: Self::now(),
			paused: false,
			facility_cap: 0,
			facility_undrawn: 0,
			facility_drawn: 0,
			income_locked: 0,
			income_locked_at: Self::now(),
			income_unlocks_at: Self::now(),
		};
		Pools::<T>::insert(asset, pool);
		Self::deposit_event(Event::PoolCreated { asset, lp_asset, params });
		Ok(())
	}

	pub(crate) fn set_paused(asset: AssetId, paused: bool) -> DispatchResult {
		Pools::<T>::try_mutate(asset, |pool| -> DispatchResult {
			let pool = pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
			if pool.paused != paused {
				pool.paused = paused;
				Self::deposit_event(if paused {
					Event::PoolPaused { asset }
				} else {
					Event::PoolUnpaused { asset }
				});
			}
			Ok(())
		})
	}
}
