//! Borrowing and repayment: the tier premium, borrowing against collateral after the credit
//! registry's check, the settlement of a debt (interest first, then principal, with the on-time
//! service it completes), and repayment reported to the credit registry.

use frame_support::pallet_prelude::*;
use xindai_primitives::{
	custody,
	interest::Rate,
	service::{Repayment, Service, ServiceClock},
	AssetId, Balance,
};

use super::pool::{scaled_down, scaled_up};
use crate::{pallet::*, types::*, CreditRegistry};

/// What settling part of a debt did (see `Pallet::settle_debt`).
pub(super) struct SettledDebt {
	/// Repaid, in the pool's asset.
	pub(super) paid: Balance,
	/// Of it, principal (the rest paid interest).
	pub(super) principal_paid: Balance,
	/// Debt left, in the pool's asset.
	pub(super) left: Balance,
	/// The on-time service the payment completes (principal in the pool's asset).
	pub(super) served: Service,
}

impl<T: Config> Pallet<T> {
	/// A tier premium in basis points as an annual rate, bounded by [`Config::MaxRatePremium`].
	fn premium_of(rate_premium_bps: u16) -> Rate {
		Rate::from_rational(rate_premium_bps.into(), 10_000).min(T::MaxRatePremium::get())
	}

	pub(crate) fn do_borrow(who: &T::AccountId, asset: AssetId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let now = Self::now();
		let mut pool = Self::touch_pool(asset)?;
		ensure!(!pool.paused, Error::<T>::PoolPaused);
		ensure!(amount <= pool.cash, Error::<T>::InsufficientCash);
		ensure!(
			pool.total_borrows()
				.checked_add(amount)
				.is_some_and(|total| total <= pool.params.borrow_cap),
			Error::<T>::BorrowCapExceeded
		);
		Self::fresh_price(asset, now)?;
		let tier = T::Credit::ensure_can_borrow(who, asset, amount)?;

		// A new position starts its service clock with what it borrows; borrowing more later
		// earns nothing until it has been outstanding for a while.
		let mut position = Debts::<T>::get(who, asset).unwrap_or(DebtPosition {
			premium_since: now,
			service: ServiceClock::start(now, amount),
			..Default::default()
		});
		pool.charge_premium(&mut position, now).ok_or(Error::<T>::Overflow)?;
		let premium = Self::premium_of(tier.rate_premium_bps);
		position.premium = premium;
		let scaled = scaled_up(amount, pool.borrow_index).ok_or(Error::<T>::Overflow)?;
		position.scaled = position.scaled.checked_add(scaled).ok_or(Error::<T>::Overflow)?;
		pool.total_scaled_debt =
			pool.total_scaled_debt.checked_add(scaled).ok_or(Error::<T>::Overflow)?;
		position.principal = position.principal.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Self::pay_out(asset, &mut pool, who, amount)?;
		let debt = pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?;
		Pools::<T>::insert(asset, pool);
		Debts::<T>::insert(who, asset, position);
		Self::add_account_asset(who, asset)?;
		Self::ensure_healthy_for_borrowing(who)?;
		T::Credit::note_borrowed(who, Self::credit_position(asset), amount)?;
		Self::deposit_event(Event::Borrowed { who: who.clone(), asset, amount, debt, premium });
		Ok(())
	}

	/// Takes `amount` (or everything with `None`) of `who`'s debt to the pool of `asset` from
	/// `payer`. Returns what was repaid, what is left, and the on-time service the payment
	/// completes: the position's time outstanding since its last repayment, when the borrower
	/// pays; nothing when someone else does (a liquidator), which restarts the clock.
	pub(super) fn settle_debt(
		payer: &T::AccountId,
		who: &T::AccountId,
		asset: AssetId,
		pool: &mut Pool,
		amount: Option<Balance>,
	) -> Result<SettledDebt, DispatchError> {
		let now = Self::now();
		let mut position = Debts::<T>::get(who, asset).ok_or(Error::<T>::NoDebt)?;
		pool.charge_premium(&mut position, now).ok_or(Error::<T>::Overflow)?;
		let debt = pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?;
		let paid = amount.unwrap_or(debt).min(debt);
		ensure!(paid > 0, Error::<T>::ZeroAmount);
		let burned = if paid == debt {
			position.scaled
		} else {
			scaled_down(paid, pool.borrow_index).ok_or(Error::<T>::Overflow)?.min(position.scaled)
		};
		custody::deposit_into_custody::<_, T::Assets>(asset, payer, &Self::account_id(), paid)?;
		pool.cash = pool.cash.checked_add(paid).ok_or(Error::<T>::Overflow)?;
		// Interest first, then principal.
		let interest = debt.saturating_sub(position.principal);
		// Clearing the debt clears all its principal, whatever rounding left in the index.
		let principal_paid = if burned == position.scaled {
			position.principal
		} else {
			paid.saturating_sub(interest).min(position.principal)
		};
		position.principal -= principal_paid;
		position.scaled -= burned;
		pool.total_scaled_debt = pool.total_scaled_debt.saturating_sub(burned);
		let left = if position.scaled.is_zero() {
			0
		} else {
			pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?
		};
		let served = if payer == who {
			position.service.take(now, left)
		} else {
			position.service.restart(now, left);
			Service::NONE
		};
		if position.scaled.is_zero() {
			Debts::<T>::remove(who, asset);
			Self::prune_account_asset(who, asset);
		} else {
			Debts::<T>::insert(who, asset, position);
		}
		Ok(SettledDebt { paid, principal_paid, left, served })
	}

	pub(crate) fn do_repay(
		who: &T::AccountId,
		asset: AssetId,
		amount: Option<Balance>,
	) -> DispatchResult {
		if amount == Some(0) {
			return Err(Error::<T>::ZeroAmount.into());
		}
		let mut pool = Self::touch_pool(asset)?;
		let settled = Self::settle_debt(who, who, asset, &mut pool, amount)?;
		Pools::<T>::insert(asset, pool);
		// A pool loan has no schedule: paying is always on time, and what it proves is the time
		// the position was outstanding.
		let repayment = Repayment {
			amount: settled.principal_paid,
			days_late: 0,
			served: settled.served,
			by_borrower: true,
		};
		Self::report(T::Credit::note_repaid(who, Self::credit_position(asset), repayment));
		if settled.left.is_zero() && !Self::has_debt(who) {
			Self::report(T::Credit::note_settled(who));
		}
		Self::deposit_event(Event::Repaid {
			who: who.clone(),
			asset,
			amount: settled.paid,
			debt: settled.left,
		});
		Ok(())
	}
}
