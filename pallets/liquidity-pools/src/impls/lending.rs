//! Lending and collateral: deposits minting LP tokens (the first one locking the minimum
//! liquidity), withdrawals burning them from the wallet then from collateral, and enabling or
//! disabling a pool's LP tokens as collateral (moving them into or out of the pallet's custody).

use frame_support::{
	pallet_prelude::*,
	traits::fungibles::{Inspect as _, Mutate as _},
};
use xindai_primitives::{custody, AssetId, Balance};

use crate::{math, pallet::*};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_deposit(
		who: &T::AccountId,
		asset: AssetId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut pool = Self::touch_pool(asset)?;
		ensure!(!pool.paused, Error::<T>::PoolPaused);
		let underlying = pool.underlying();
		ensure!(
			underlying.checked_add(amount).is_some_and(|total| total <= pool.params.supply_cap),
			Error::<T>::SupplyCapExceeded
		);
		let account = Self::account_id();
		let minted = if pool.lp_supply.is_zero() {
			// First deposit: the minimum liquidity is locked in the pallet account forever (at
			// least the LP token's minimum balance, so that the account holding it exists).
			let locked = T::MinimumLiquidity::get().max(T::Assets::minimum_balance(pool.lp_asset));
			ensure!(amount > locked, Error::<T>::DepositTooSmall);
			T::Assets::mint_into(pool.lp_asset, &account, locked)?;
			pool.lp_supply = locked;
			amount - locked
		} else {
			let minted = math::lp_for_deposit(amount, underlying, pool.lp_supply)
				.ok_or(Error::<T>::PoolWipedOut)?;
			ensure!(minted > 0, Error::<T>::DepositTooSmall);
			minted
		};
		custody::deposit_into_custody::<_, T::Assets>(asset, who, &account, amount)?;
		pool.cash = pool.cash.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		pool.lp_supply = pool.lp_supply.checked_add(minted).ok_or(Error::<T>::Overflow)?;
		if let Some(collateral) = Collateral::<T>::get(who, asset) {
			T::Assets::mint_into(pool.lp_asset, &account, minted)?;
			Collateral::<T>::insert(
				who,
				asset,
				collateral.checked_add(minted).ok_or(Error::<T>::Overflow)?,
			);
		} else {
			// Fewer LP tokens than their minimum balance would not be an account.
			ensure!(
				T::Assets::balance(pool.lp_asset, who).saturating_add(minted)
					>= T::Assets::minimum_balance(pool.lp_asset),
				Error::<T>::DepositTooSmall
			);
			T::Assets::mint_into(pool.lp_asset, who, minted)?;
		}
		Pools::<T>::insert(asset, pool);
		Self::deposit_event(Event::Deposited {
			who: who.clone(),
			asset,
			amount,
			lp_minted: minted,
		});
		Ok(())
	}

	/// Burns `lp_amount` LP tokens of `who` for the asset; returns whether it ran the health
	/// check (collateral taken from an account with debt), what [`Pallet::withdraw`] is charged
	/// for.
	pub(crate) fn do_withdraw(
		who: &T::AccountId,
		asset: AssetId,
		lp_amount: Balance,
	) -> Result<bool, DispatchError> {
		ensure!(lp_amount > 0, Error::<T>::ZeroAmount);
		let mut pool = Self::touch_pool(asset)?;
		let in_wallet = T::Assets::balance(pool.lp_asset, who);
		let from_wallet = lp_amount.min(in_wallet);
		let from_collateral = lp_amount - from_wallet;
		let collateral = Collateral::<T>::get(who, asset).unwrap_or(0);
		ensure!(from_collateral <= collateral, Error::<T>::InsufficientLp);
		let amount = math::underlying_for_lp(lp_amount, pool.underlying(), pool.lp_supply)
			.ok_or(Error::<T>::InsufficientLp)?;
		ensure!(amount > 0, Error::<T>::WithdrawalTooSmall);
		Self::burn_lp(pool.lp_asset, who, from_wallet)?;
		if from_collateral > 0 {
			Self::burn_lp(pool.lp_asset, &Self::account_id(), from_collateral)?;
			Collateral::<T>::insert(who, asset, collateral - from_collateral);
		}
		pool.lp_supply = pool.lp_supply.saturating_sub(lp_amount);
		Self::pay_out(asset, &mut pool, who, amount)?;
		Pools::<T>::insert(asset, pool);
		let checked = from_collateral > 0 && Self::has_debt(who);
		if checked {
			Self::ensure_healthy_for_borrowing(who)?;
		}
		Self::deposit_event(Event::Withdrawn {
			who: who.clone(),
			asset,
			amount,
			lp_burned: lp_amount,
		});
		Ok(checked)
	}

	pub(crate) fn do_enable_collateral(who: &T::AccountId, asset: AssetId) -> DispatchResult {
		let pool = Pools::<T>::get(asset).ok_or(Error::<T>::PoolNotFound)?;
		ensure!(!Collateral::<T>::contains_key(who, asset), Error::<T>::CollateralAlreadyEnabled);
		Self::add_account_asset(who, asset)?;
		let lp_amount = T::Assets::balance(pool.lp_asset, who);
		if lp_amount > 0 {
			custody::transfer_without_dust::<_, T::Assets>(
				pool.lp_asset,
				who,
				&Self::account_id(),
				lp_amount,
			)?;
		}
		Collateral::<T>::insert(who, asset, lp_amount);
		Self::deposit_event(Event::CollateralEnabled { who: who.clone(), asset, lp_amount });
		Ok(())
	}

	pub(crate) fn do_disable_collateral(who: &T::AccountId, asset: AssetId) -> DispatchResult {
		let lp_amount =
			Collateral::<T>::take(who, asset).ok_or(Error::<T>::CollateralNotEnabled)?;
		let pool = Pools::<T>::get(asset).ok_or(Error::<T>::PoolNotFound)?;
		if lp_amount > 0 {
			custody::transfer_without_dust::<_, T::Assets>(
				pool.lp_asset,
				&Self::account_id(),
				who,
				lp_amount,
			)?;
		}
		if Self::has_debt(who) {
			Self::ensure_healthy_for_borrowing(who)?;
		}
		Self::prune_account_asset(who, asset);
		Self::deposit_event(Event::CollateralDisabled { who: who.clone(), asset, lp_amount });
		Ok(())
	}
}
