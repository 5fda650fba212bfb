//! Liquidation: repaying part of an unhealthy position's debt for its collateral at a discount,
//! one delinquency recorded per liquidation window, and the write-off of the debts left without
//! collateral (bad debt), covered by reserves then lenders and reported as a default.

use frame_support::{pallet_prelude::*, traits::fungibles::Inspect as _};
use sp_runtime::Rounding;
use xindai_primitives::{
	credit::DAY_MS, custody, price, service::Repayment, AssetId, Balance, Moment,
};

use crate::{math, pallet::*, types::*, CreditRegistry};

impl<T: Config> Pallet<T> {
	/// Records that `who`'s position in `asset` is being liquidated at `now`: returns whether a
	/// delinquency was already recorded for it within the window, and restarts its service clock
	/// (a liquidated position served nothing on time).
	fn mark_delinquent(who: &T::AccountId, asset: AssetId, now: Moment) -> bool {
		let window = Moment::from(T::LiquidationDaysLate::get()).saturating_mul(DAY_MS);
		Debts::<T>::mutate(who, asset, |position| match position {
			Some(position) => {
				position.service.restart(now, position.principal);
				if now < position.delinquent_until {
					true
				} else {
					position.delinquent_until = now.saturating_add(window);
					false
				}
			},
			None => false,
		})
	}

	pub(crate) fn do_liquidate(
		liquidator: &T::AccountId,
		borrower: &T::AccountId,
		debt_asset: AssetId,
		collateral_asset: AssetId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(liquidator != borrower, Error::<T>::SelfLiquidation);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let now = Self::now();
		// Both pools accrued and written first, so the health check sees the same state.
		let debt_pool = Self::touch_pool(debt_asset)?;
		Pools::<T>::insert(debt_asset, debt_pool);
		if collateral_asset != debt_asset {
			let collateral_pool = Self::touch_pool(collateral_asset)?;
			Pools::<T>::insert(collateral_asset, collateral_pool);
		}
		let position = Debts::<T>::get(borrower, debt_asset).ok_or(Error::<T>::NoDebt)?;
		let borrower_lp = Collateral::<T>::get(borrower, collateral_asset).unwrap_or(0);
		ensure!(borrower_lp > 0, Error::<T>::NoCollateralInAsset);
		let health = Self::liquidity(borrower, CollateralWeight::Liquidation, true)?;
		ensure!(!health.is_healthy(), Error::<T>::PositionHealthy);

		let mut debt_pool = Pools::<T>::get(debt_asset).ok_or(Error::<T>::PoolNotFound)?;
		let debt = debt_pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?;
		let debt_price = Self::fresh_price(debt_asset, now)?;
		let collateral_price = Self::fresh_price(collateral_asset, now)?;
		let collateral_pool = Pools::<T>::get(collateral_asset).ok_or(Error::<T>::PoolNotFound)?;
		let params = collateral_pool.params;

		// The close factor, unless the debt, or what a partial liquidation leaves, is dust.
		let mut max_repay = math::share_of(debt, debt_pool.params.close_factor);
		let dust = T::DustValue::get();
		let value_left =
			price::value_of(debt.saturating_sub(max_repay), debt_price, Rounding::Down)
				.ok_or(Error::<T>::Overflow)?;
		if value_left <= dust {
			max_repay = debt;
		}
		let mut repay = amount.min(max_repay);

		// Collateral worth the repaid value plus the incentive, in LP tokens (rounded down).
		let seize_value = price::value_of(repay, debt_price, Rounding::Down)
			.and_then(|v| math::with_bonus(v, params.liquidation_incentive))
			.ok_or(Error::<T>::Overflow)?;
		let seize_underlying =
			price::amount_for_value(seize_value, collateral_price, Rounding::Down)
				.ok_or(Error::<T>::Overflow)?;
		let mut seize_lp = math::lp_for_deposit(
			seize_underlying,
			collateral_pool.underlying(),
			collateral_pool.lp_supply,
		)
		.ok_or(Error::<T>::Overflow)?;
		if seize_lp >= borrower_lp {
			// Not enough collateral: take all of it and repay only what it is worth.
			seize_lp = borrower_lp;
			let all_underlying = math::underlying_for_lp(
				borrower_lp,
				collateral_pool.underlying(),
				collateral_pool.lp_supply,
			)
			.ok_or(Error::<T>::Overflow)?;
			let all_value = price::value_of(all_underlying, collateral_price, Rounding::Down)
				.and_then(|v| math::without_bonus(v, params.liquidation_incentive))
				.ok_or(Error::<T>::Overflow)?;
			let covered = price::amount_for_value(all_value, debt_price, Rounding::Down)
				.ok_or(Error::<T>::Overflow)?;
			repay = repay.min(covered);
		}
		// Seizing all of a worthless collateral repays nothing but lets the bad debt be written
		// off: dust never makes a position impossible to close.
		let takes_all = seize_lp == borrower_lp;
		ensure!(seize_lp > 0 && (repay > 0 || takes_all), Error::<T>::LiquidationTooSmall);
		ensure!(
			T::Assets::balance(collateral_pool.lp_asset, liquidator).saturating_add(seize_lp)
				>= T::Assets::minimum_balance(collateral_pool.lp_asset),
			Error::<T>::SeizureBelowMinimum
		);

		// One delinquency per liquidation window, however many calls it takes.
		let already_delinquent = Self::mark_delinquent(borrower, debt_asset, now);
		let (repaid, principal_repaid) = if repay > 0 {
			let settled =
				Self::settle_debt(liquidator, borrower, debt_asset, &mut debt_pool, Some(repay))?;
			Pools::<T>::insert(debt_asset, debt_pool);
			(settled.paid, settled.principal_paid)
		} else {
			(0, 0)
		};
		let lp_left = borrower_lp - seize_lp;
		Collateral::<T>::insert(borrower, collateral_asset, lp_left);
		custody::transfer_without_dust::<_, T::Assets>(
			collateral_pool.lp_asset,
			&Self::account_id(),
			liquidator,
			seize_lp,
		)?;
		Self::deposit_event(Event::Liquidated {
			liquidator: liquidator.clone(),
			borrower: borrower.clone(),
			debt_asset,
			repaid,
			collateral_asset,
			lp_seized: seize_lp,
		});
		let position = Self::credit_position(debt_asset);
		if !already_delinquent {
			Self::report(T::Credit::note_repaid(
				borrower,
				position,
				Repayment::late(principal_repaid, T::LiquidationDaysLate::get()),
			));
		} else if principal_repaid > 0 {
			Self::report(T::Credit::note_repaid(
				borrower,
				position,
				Repayment::unscored(principal_repaid),
			));
		}
		if lp_left.is_zero() && health.collateral_lp == borrower_lp {
			Self::write_off_bad_debt(borrower)?;
		}
		Ok(())
	}

	/// Writes off every debt of `borrower` (who has no collateral left): reserves cover what
	/// they can, the pool's lenders share the rest. Reported to the credit registry as a
	/// default of each position written off (its principal: interest never counted as
	/// exposure).
	fn write_off_bad_debt(borrower: &T::AccountId) -> DispatchResult {
		let now = Self::now();
		for asset in AccountAssets::<T>::get(borrower) {
			let Some(position) = Debts::<T>::take(borrower, asset) else { continue };
			let mut pool = Self::touch_pool(asset)?;
			let mut position = position;
			pool.charge_premium(&mut position, now).ok_or(Error::<T>::Overflow)?;
			let amount = pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?;
			pool.total_scaled_debt = pool.total_scaled_debt.saturating_sub(position.scaled);
			let covered_by_reserves = pool.absorb_loss(amount);
			Pools::<T>::insert(asset, pool);
			Self::prune_account_asset(borrower, asset);
			Self::report(T::Credit::note_defaulted(
				borrower,
				Self::credit_position(asset),
				position.principal,
			));
			Self::deposit_event(Event::BadDebt {
				borrower: borrower.clone(),
				asset,
				amount,
				covered_by_reserves,
				socialised: amount - covered_by_reserves,
			});
		}
		Ok(())
	}
}
