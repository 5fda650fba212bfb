//! Default and liquidation: the seizure of the collateral at fresh prices (for the lenders, a
//! liquidator's reward, the surplus back to the borrower) and what it settles, a loan marked
//! defaulted once long overdue, and the liquidation of a loan whose LTV is unhealthy.

use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungibles::Inspect as _,
		tokens::{DepositConsequence, Provenance},
	},
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding, traits::Zero, DispatchResult, Rounding,
};
use xindai_primitives::{
	credit::{days_late, CreditRegistry},
	custody, price,
	service::Repayment,
	Balance, Moment, MILLISECONDS_PER_SECOND,
};

use super::DAY_MS;
use crate::{pallet::*, schedule, types::*};

/// What a default or liquidation did with the collateral (see `Pallet::seize_collateral`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
struct Seized {
	/// Collateral handed to the lenders.
	to_lenders: Balance,
	/// Collateral paid to the liquidator.
	reward: Balance,
	/// Collateral returned to the borrower.
	returned: Balance,
	/// Principal (loan asset) the lenders' collateral settled.
	recovered: Balance,
}

impl<T: Config> Pallet<T> {
	/// Takes from the collateral held for `loan` what its whole debt (penalty, interest due,
	/// principal) needs at fresh prices, plus `reward_to`'s share of that for a liquidator, and
	/// returns the rest to the borrower. What the lenders' part is worth settles the debt:
	/// penalty first, then interest, then principal. When the collateral covers the debt, the
	/// debt is settled in full (the collateral was rounded up in the lenders' favour).
	fn seize_collateral(
		loan: &mut LoanOf<T>,
		items: &mut [Instalment],
		reward_to: Option<(&T::AccountId, sp_runtime::Permill)>,
		now: Moment,
	) -> Result<Seized, DispatchError> {
		let Some((asset, _)) = loan.terms.collateral else { return Ok(Seized::default()) };
		let held = loan.collateral_held;
		if held.is_zero() {
			return Ok(Seized::default());
		}
		let debt = Self::payoff(loan, items, now);
		let fresh = Self::fresh_price(loan.terms.asset, now)
			.and_then(|l| Self::fresh_price(asset, now).map(|c| (l, c)))
			.ok()
			.filter(|(l, c)| !l.is_zero() && !c.is_zero());
		let account = Self::account_id();
		let (to_lenders, reward, returned, covered) = match (fresh, reward_to) {
			(Some((loan_price, collateral_price)), _) => {
				let needed = price::value_of(debt, loan_price, Rounding::Up)
					.and_then(|value| {
						price::amount_for_value(value, collateral_price, Rounding::Up)
					})
					.ok_or(Error::<T>::Overflow)?;
				let share = reward_to.map(|(_, share)| share).unwrap_or_default();
				let full_reward = share.mul_ceil(needed);
				let (mut to_lenders, reward) = if needed.saturating_add(full_reward) <= held {
					(needed, full_reward)
				} else {
					// Not enough: the liquidator's share of what there is, the lenders the rest.
					let reward = multiply_by_rational_with_rounding(
						held,
						share.deconstruct().into(),
						u128::from(share.deconstruct()).saturating_add(1_000_000),
						Rounding::Down,
					)
					.ok_or(Error::<T>::Overflow)?;
					(held - reward, reward)
				};
				let mut returned = held - to_lenders - reward;
				// A surplus the borrower cannot receive (below the asset's minimum balance on an
				// empty account, or a blocked account) goes to the lenders rather than block the
				// default or the liquidation.
				if returned > 0
					&& T::Assets::can_deposit(asset, &loan.borrower, returned, Provenance::Extant)
						!= DepositConsequence::Success
				{
					to_lenders += returned;
					returned = 0;
				}
				// What the lenders' collateral settles, in the loan's asset.
				let covered = if to_lenders >= needed {
					debt
				} else {
					price::value_of(to_lenders, collateral_price, Rounding::Down)
						.and_then(|value| {
							price::amount_for_value(value, loan_price, Rounding::Down)
						})
						.ok_or(Error::<T>::Overflow)?
						.min(debt)
				};
				(to_lenders, reward, returned, covered)
			},
			// Without fresh prices nothing is seized: taking all the collateral would hand the
			// borrower's surplus to whoever calls while the oracle lags, and a zero price would
			// value the debt at nothing. The call fails; it succeeds once prices are fresh (root
			// or the feeders can always post).
			(None, _) => {
				Self::fresh_price(loan.terms.asset, now)?;
				Self::fresh_price(asset, now)?;
				return Err(Error::<T>::NoPrice.into());
			},
		};
		if let Some((to, _)) = reward_to {
			if reward > 0 {
				custody::transfer_without_dust::<_, T::Assets>(asset, &account, to, reward)?;
			}
		}
		if returned > 0 {
			custody::transfer_without_dust::<_, T::Assets>(
				asset,
				&account,
				&loan.borrower,
				returned,
			)?;
		}
		loan.collateral_held = 0;
		loan.collateral_returned = loan.collateral_returned.saturating_add(returned);
		loan.collateral_for_lenders = loan.collateral_for_lenders.saturating_add(to_lenders);

		let mut left = covered;
		let penalty = left.min(loan.penalty_accrued.saturating_sub(loan.penalty_paid));
		loan.penalty_paid += penalty;
		left -= penalty;
		let period_ms = loan.terms.period.saturating_mul(MILLISECONDS_PER_SECOND);
		for item in items.iter_mut().filter(|i| i.due_at.saturating_sub(period_ms) < now) {
			let interest = left.min(item.interest.saturating_sub(item.interest_paid));
			item.interest_paid += interest;
			left -= interest;
		}
		let recovered = schedule::prepay_principal(items, left);
		loan.recovered = loan.recovered.saturating_add(recovered);
		schedule::reprice_from(items, loan.terms.annual_rate, loan.terms.period, now)
			.ok_or(Error::<T>::Overflow)?;
		Ok(Seized { to_lenders, reward, returned, recovered })
	}

	pub(crate) fn do_mark_default(loan_id: LoanId) -> DispatchResult {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(loan.status.can_become(LoanStatus::Defaulted), Error::<T>::NotRepayable);
		let mut items = Schedules::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?.into_inner();
		let now = Self::now();
		let params = Params::<T>::get();
		let oldest_due = items.iter().find(|i| !i.is_paid()).map(|i| i.due_at);
		let threshold = (params.default_after_days as Moment).saturating_mul(DAY_MS);
		ensure!(
			oldest_due.is_some_and(|due| now >= due.saturating_add(threshold)),
			Error::<T>::NotOverdueEnough
		);
		Self::accrue_penalty(&mut loan, &items, now, &params).ok_or(Error::<T>::Overflow)?;
		let principal_before = Self::unpaid_principal(&items);
		let seized = Self::seize_collateral(&mut loan, &mut items, None, now)?;
		loan.status = LoanStatus::Defaulted;
		// Written off: no longer scheduled debt service (the default freezes the person).
		Self::end_debt_service(&mut loan);
		let outstanding = Self::payoff(&loan, &items, now);
		let position = Self::credit_position(loan.terms.asset);
		// The principal the collateral covered is repaid (late: it is a default); the rest is
		// written off.
		let written_off = principal_before.saturating_sub(seized.recovered);
		if seized.recovered > 0 {
			Self::report(T::Credit::note_repaid(
				&loan.borrower,
				position,
				Repayment::unscored(seized.recovered),
			));
		}
		Self::report(T::Credit::note_defaulted(&loan.borrower, position, written_off));
		Self::deposit_event(Event::Defaulted {
			loan: loan_id,
			outstanding,
			collateral_to_lenders: seized.to_lenders,
			collateral_returned: seized.returned,
		});
		if outstanding.is_zero() {
			// The collateral settled the whole debt: the default is recorded, the loan is over.
			Self::close(loan_id, &mut loan)?;
		}
		Schedules::<T>::insert(loan_id, BoundedVec::<_, T::MaxInstalments>::truncate_from(items));
		Loans::<T>::insert(loan_id, loan);
		Ok(())
	}

	/// Principal not yet paid or recovered.
	pub(super) fn unpaid_principal(items: &[Instalment]) -> Balance {
		items
			.iter()
			.map(|i| i.principal.saturating_sub(i.principal_paid))
			.fold(0, |sum: Balance, part| sum.saturating_add(part))
	}

	pub(crate) fn do_liquidate(liquidator: &T::AccountId, loan_id: LoanId) -> DispatchResult {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(loan.status == LoanStatus::Active, Error::<T>::NotRepayable);
		let (collateral_asset, _) = loan.terms.collateral.ok_or(Error::<T>::NoCollateral)?;
		ensure!(loan.collateral_held > 0, Error::<T>::NoCollateral);
		let mut items = Schedules::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?.into_inner();
		let now = Self::now();
		let params = Params::<T>::get();
		Self::accrue_penalty(&mut loan, &items, now, &params).ok_or(Error::<T>::Overflow)?;
		let debt = Self::payoff(&loan, &items, now);
		let debt_value =
			price::value_of(debt, Self::fresh_price(loan.terms.asset, now)?, Rounding::Up)
				.ok_or(Error::<T>::Overflow)?;
		let collateral_value = price::value_of(
			loan.collateral_held,
			Self::fresh_price(collateral_asset, now)?,
			Rounding::Down,
		)
		.ok_or(Error::<T>::Overflow)?;
		ensure!(
			debt_value > params.liquidation_ltv.mul_floor(collateral_value),
			Error::<T>::LtvHealthy
		);
		// A liquidation is a delinquency, even with nothing overdue yet: at least a day late.
		let grace = params.grace_period.saturating_mul(MILLISECONDS_PER_SECOND);
		let days_late = items
			.iter()
			.find(|i| !i.is_paid() && i.due_at <= now)
			.map(|i| days_late(i.due_at, now, grace))
			.unwrap_or(0)
			.max(1);
		let seized = Self::seize_collateral(
			&mut loan,
			&mut items,
			Some((liquidator, params.liquidator_reward)),
			now,
		)?;
		let outstanding = Self::payoff(&loan, &items, now);
		let remaining = Self::unpaid_principal(&items);
		loan.status = LoanStatus::Liquidated;
		loan.service.restart(now, remaining);
		Self::report(T::Credit::note_repaid(
			&loan.borrower,
			Self::credit_position(loan.terms.asset),
			Repayment::late(seized.recovered, days_late),
		));
		Self::deposit_event(Event::Liquidated {
			loan: loan_id,
			liquidator: liquidator.clone(),
			reward: seized.reward,
			collateral_to_lenders: seized.to_lenders,
			collateral_returned: seized.returned,
			outstanding,
		});
		if outstanding.is_zero() {
			// The collateral settled everything: the loan is over.
			Self::close(loan_id, &mut loan)?;
		}
		Schedules::<T>::insert(loan_id, BoundedVec::<_, T::MaxInstalments>::truncate_from(items));
		Loans::<T>::insert(loan_id, loan);
		Ok(())
	}
}
