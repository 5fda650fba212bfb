//! Health checks: an account's weighted collateral and debt in credit units, every pool accrued
//! to now, and the check that its collateral covers its debt before it borrows or takes
//! collateral back.

use frame_support::pallet_prelude::*;
use sp_runtime::Rounding;
use xindai_primitives::price;

use crate::{math, pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// The weighted collateral and the debt of `who` in credit units, every pool accrued to now
	/// (without writing). Without `fresh`, any price is used. With `fresh`:
	/// - for borrowing (and taking collateral back), a debt needs a fresh price (else the
	///   error) and collateral without one counts as worth nothing: a stale value lends nothing;
	/// - for judging a liquidation, stale prices count at their latest value and an asset never
	///   priced counts as nothing: a stale or unpriced dust position can neither block a
	///   liquidation nor make a healthy borrower liquidatable while the oracle lags or cools off
	///   (the liquidation itself prices the repaid and the seized asset fresh).
	pub fn liquidity(
		who: &T::AccountId,
		weight: CollateralWeight,
		fresh: bool,
	) -> Result<Liquidity, DispatchError> {
		let now = Self::now();
		let mut liquidity = Liquidity::default();
		for asset in AccountAssets::<T>::get(who) {
			let Some(pool) = Pools::<T>::get(asset) else { continue };
			let pool = pool.accrued(now).ok_or(Error::<T>::Overflow)?;
			let lp = Collateral::<T>::get(who, asset).unwrap_or(0);
			let debt = match Debts::<T>::get(who, asset) {
				Some(position) => pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?,
				None => 0,
			};
			if lp.is_zero() && debt.is_zero() {
				continue;
			}
			let price = match (fresh, weight) {
				(true, CollateralWeight::Borrowing) => match Self::fresh_price(asset, now) {
					Ok(price) => Some(price),
					Err(error) if !debt.is_zero() => return Err(error.into()),
					Err(_) => None,
				},
				(true, CollateralWeight::Liquidation) => Self::any_price(asset).ok(),
				(false, _) => Some(Self::any_price(asset)?),
			};
			if !lp.is_zero() {
				let underlying = math::underlying_for_lp(lp, pool.underlying(), pool.lp_supply)
					.ok_or(Error::<T>::Overflow)?;
				let value = match price {
					Some(price) => price::value_of(underlying, price, Rounding::Down)
						.ok_or(Error::<T>::Overflow)?,
					None => 0,
				};
				let share = match weight {
					CollateralWeight::Borrowing => pool.params.collateral_factor,
					CollateralWeight::Liquidation => pool.params.liquidation_threshold,
				};
				liquidity.weighted_collateral =
					liquidity.weighted_collateral.saturating_add(share.mul_floor(value));
				// Only priced collateral can be seized: a never-priced (worthless) remainder must
				// not keep a borrower's bad debt from being written off.
				if price.is_some() {
					liquidity.collateral_lp = liquidity.collateral_lp.saturating_add(lp);
				}
			}
			if let (false, Some(price)) = (debt.is_zero(), price) {
				let value =
					price::value_of(debt, price, Rounding::Up).ok_or(Error::<T>::Overflow)?;
				liquidity.debt = liquidity.debt.saturating_add(value);
			}
		}
		Ok(liquidity)
	}

	/// Refuses unless `who`'s collateral × collateral factor covers its debt at fresh prices.
	pub(super) fn ensure_healthy_for_borrowing(who: &T::AccountId) -> DispatchResult {
		let liquidity = Self::liquidity(who, CollateralWeight::Borrowing, true)?;
		ensure!(liquidity.is_healthy(), Error::<T>::InsufficientCollateral);
		Ok(())
	}

	pub(super) fn has_debt(who: &T::AccountId) -> bool {
		AccountAssets::<T>::get(who).iter().any(|asset| Debts::<T>::contains_key(who, asset))
	}
}
