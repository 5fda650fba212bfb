//! Repayment: penalty interest on overdue amounts, what pays a loan off, the borrower's (or
//! anyone's) repayments with what they tell the credit registry, and the lenders' claims of
//! repayments and collateral.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::{traits::Zero, DispatchResult, Rounding};
use xindai_primitives::{
	credit::{days_late, CreditRegistry},
	custody,
	interest::simple_interest,
	service::{Repayment, Service},
	Balance, Moment, MILLISECONDS_PER_SECOND,
};

use super::pro_rata;
use crate::{pallet::*, schedule, types::*};

/// What was paid by one repayment, per kind.
#[derive(Default)]
struct Payment {
	penalty: Balance,
	interest: Balance,
	principal: Balance,
	prepaid: Balance,
}

impl Payment {
	fn total(&self) -> Balance {
		self.penalty
			.saturating_add(self.interest)
			.saturating_add(self.principal)
			.saturating_add(self.prepaid)
	}
}

impl<T: Config> Pallet<T> {
	/// Accrues penalty interest on overdue amounts from `loan.penalty_until` to `now`, piecewise
	/// between the moments instalments become overdue (due date + grace).
	pub(super) fn accrue_penalty(
		loan: &mut LoanOf<T>,
		items: &[Instalment],
		now: Moment,
		params: &RiskParams,
	) -> Option<()> {
		let grace = params.grace_period.saturating_mul(MILLISECONDS_PER_SECOND);
		let mut t = loan.penalty_until;
		while t < now {
			let overdue: Balance = items
				.iter()
				.filter(|i| i.due_at.saturating_add(grace) <= t)
				.map(|i| i.outstanding())
				.fold(0, |a, b| a.saturating_add(b));
			let next = items
				.iter()
				.map(|i| i.due_at.saturating_add(grace))
				.filter(|at| *at > t)
				.min()
				.unwrap_or(now)
				.min(now);
			let seconds = (next - t) / MILLISECONDS_PER_SECOND;
			let penalty = simple_interest(overdue, params.penalty_rate, seconds, Rounding::Up)?;
			loan.penalty_accrued = loan.penalty_accrued.checked_add(penalty)?;
			t = next;
		}
		loan.penalty_until = now.max(loan.penalty_until);
		Some(())
	}

	/// Unpaid principal, due or started interest and penalty: what pays the loan off at `now`.
	pub(super) fn payoff(loan: &LoanOf<T>, items: &[Instalment], now: Moment) -> Balance {
		let period_ms = loan.terms.period.saturating_mul(MILLISECONDS_PER_SECOND);
		let mut total = loan.penalty_accrued.saturating_sub(loan.penalty_paid);
		for item in items {
			total = total.saturating_add(item.principal.saturating_sub(item.principal_paid));
			if item.due_at.saturating_sub(period_ms) < now {
				total = total.saturating_add(item.interest.saturating_sub(item.interest_paid));
			}
		}
		total
	}

	/// Applies a payment of `amount` from `payer` to `loan_id`; returns whether it settled the
	/// loan (what [`Pallet::repay`] is charged for).
	pub(crate) fn do_repay(
		payer: &T::AccountId,
		loan_id: LoanId,
		amount: Balance,
	) -> Result<bool, DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(loan.status.is_repayable(), Error::<T>::NotRepayable);
		let mut items = Schedules::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?.into_inner();
		let now = Self::now();
		let params = Params::<T>::get();
		let grace = params.grace_period.saturating_mul(MILLISECONDS_PER_SECOND);
		Self::accrue_penalty(&mut loan, &items, now, &params).ok_or(Error::<T>::Overflow)?;

		let mut left = amount.min(Self::payoff(&loan, &items, now));
		ensure!(left > 0, Error::<T>::ZeroAmount);
		let mut paid = Payment::default();
		let take = |left: &mut Balance, owed: Balance| -> Balance {
			let part = (*left).min(owed);
			*left -= part;
			part
		};
		// 1. Penalty.
		paid.penalty = take(&mut left, loan.penalty_accrued.saturating_sub(loan.penalty_paid));
		loan.penalty_paid += paid.penalty;
		// 2. Instalments whose period has started (those due, and the current one, which may be
		// paid early), oldest first: interest, then principal.
		let period_ms = loan.terms.period.saturating_mul(MILLISECONDS_PER_SECOND);
		let mut completed: Vec<(u32, Balance, u32)> = Vec::new();
		for (index, item) in items.iter_mut().enumerate() {
			if item.due_at.saturating_sub(period_ms) >= now || left.is_zero() {
				break;
			}
			if item.is_paid() {
				continue;
			}
			let interest = take(&mut left, item.interest - item.interest_paid);
			let principal = take(&mut left, item.principal - item.principal_paid);
			item.interest_paid += interest;
			item.principal_paid += principal;
			paid.interest += interest;
			paid.principal += principal;
			if item.is_paid() {
				let index = u32::try_from(index).unwrap_or(u32::MAX);
				completed.push((
					index,
					item.principal + item.interest,
					days_late(item.due_at, now, grace),
				));
			}
		}
		// 3. Ahead of schedule: principal from the last instalments, then the started period's
		// interest (periods not started carry interest on the remaining principal only).
		if !left.is_zero() {
			let prepaid = schedule::prepay_principal(&mut items, left);
			left -= prepaid;
			paid.prepaid = prepaid;
			loan.prepaid = loan.prepaid.saturating_add(prepaid);
			schedule::reprice_from(&mut items, loan.terms.annual_rate, loan.terms.period, now)
				.ok_or(Error::<T>::Overflow)?;
			for item in items.iter_mut().filter(|i| i.due_at.saturating_sub(period_ms) < now) {
				let interest = take(&mut left, item.interest.saturating_sub(item.interest_paid));
				item.interest_paid += interest;
				paid.interest += interest;
			}
		}
		let total = paid.total();
		custody::deposit_into_custody::<_, T::Assets>(
			loan.terms.asset,
			payer,
			&Self::account_id(),
			total,
		)?;
		loan.distributed = loan.distributed.saturating_add(total);
		Self::note_collection_payment(loan_id, payer, total);

		// What the payment tells the credit registry. Exposure falls by the principal repaid.
		// A late instalment is recorded once, when it is completed. On-time service is what the
		// loan's clock measured since the borrower's last on-time payment, credited only when
		// the borrower pays and nothing is overdue; a third party's payment proves nothing.
		let grace_end = |item: &Instalment| item.due_at.saturating_add(grace);
		let remaining = Self::unpaid_principal(&items);
		let any_late = completed.iter().any(|(_, _, days_late)| *days_late > 0);
		let overdue_left = items.iter().any(|i| !i.is_paid() && grace_end(i) < now);
		let served = if any_late || overdue_left {
			loan.service.restart(now, remaining);
			Service::NONE
		} else if payer == &loan.borrower {
			loan.service.take(now, remaining)
		} else {
			loan.service.note_principal(remaining);
			Service::NONE
		};
		// After a default the registry wrote the principal off already: what is paid now is
		// recovery, not a fall of exposure counted twice.
		let principal_repaid = if loan.status == LoanStatus::Defaulted {
			0
		} else {
			paid.principal.saturating_add(paid.prepaid)
		};
		let position = Self::credit_position(loan.terms.asset);
		Self::report(T::Credit::note_repaid(
			&loan.borrower,
			position,
			Repayment {
				amount: principal_repaid,
				days_late: 0,
				served,
				// Another account of the borrower's person is the borrower paying.
				by_borrower: T::Credit::same_person(payer, &loan.borrower),
			},
		));
		for (index, _, days_late) in &completed {
			Self::deposit_event(Event::InstalmentPaid {
				loan: loan_id,
				index: *index,
				days_late: *days_late,
			});
			if *days_late > 0 {
				Self::report(T::Credit::note_repaid(
					&loan.borrower,
					position,
					Repayment::late(0, *days_late),
				));
			}
		}
		Self::deposit_event(Event::Repaid {
			loan: loan_id,
			amount: total,
			penalty: paid.penalty,
			interest: paid.interest,
			principal: paid.principal,
			prepaid: paid.prepaid,
		});
		let settled =
			items.iter().all(|i| i.is_paid()) && loan.penalty_paid >= loan.penalty_accrued;
		if settled {
			Self::close(loan_id, &mut loan)?;
		}
		Schedules::<T>::insert(loan_id, BoundedVec::<_, T::MaxInstalments>::truncate_from(items));
		Loans::<T>::insert(loan_id, loan);
		Ok(settled)
	}

	/// What `position` may claim now: repayments and collateral, never more than is unclaimed.
	pub(super) fn claimable(loan: &LoanOf<T>, position: &LenderPosition) -> (Balance, Balance) {
		let principal = loan.terms.principal;
		let amount = pro_rata(loan.distributed, position.shares, principal)
			.saturating_sub(position.claimed)
			.min(loan.distributed.saturating_sub(loan.claimed));
		let collateral = pro_rata(loan.collateral_for_lenders, position.shares, principal)
			.saturating_sub(position.collateral_claimed)
			.min(loan.collateral_for_lenders.saturating_sub(loan.collateral_claimed));
		(amount, collateral)
	}

	/// Pays `lender` what it may claim; returns (repayments, collateral) paid.
	pub(crate) fn do_claim(
		lender: &T::AccountId,
		loan_id: LoanId,
	) -> Result<(Balance, Balance), DispatchError> {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		let mut position =
			Positions::<T>::get(loan_id, lender).ok_or(Error::<T>::NothingToClaim)?;
		let (amount, collateral) = Self::claimable(&loan, &position);
		ensure!(amount > 0 || collateral > 0, Error::<T>::NothingToClaim);
		Self::pay_claim(loan_id, &mut loan, lender, &mut position, amount, collateral)?;
		if loan.status == LoanStatus::Closed && Self::claimable(&loan, &position) == (0, 0) {
			// Nothing more can reach this lender: the loan leaves its list, so an account may
			// lend on `MaxLoansPerLender` loans at a time, not in its whole life.
			Self::remove_lender_loan(lender, loan_id);
		}
		Positions::<T>::insert(loan_id, lender, position);
		Loans::<T>::insert(loan_id, loan);
		Ok((amount, collateral))
	}

	/// Closes a loan whose debt is settled (by payments or by collateral): what collateral it
	/// still holds returns to the borrower, the registry notes the settlement. The request
	/// deposit returns when the record is pruned.
	pub(super) fn close(loan_id: LoanId, loan: &mut LoanOf<T>) -> DispatchResult {
		ensure!(loan.status.can_become(LoanStatus::Closed), Error::<T>::NotRepayable);
		loan.status = LoanStatus::Closed;
		Self::end_debt_service(loan);
		Self::return_collateral(loan_id, loan)?;
		Self::report(T::Credit::note_settled(&loan.borrower));
		Self::end_collection(loan_id, &loan.borrower);
		Self::deposit_event(Event::LoanClosed { loan: loan_id });
		Ok(())
	}

	pub(super) fn pay_claim(
		loan_id: LoanId,
		loan: &mut LoanOf<T>,
		lender: &T::AccountId,
		position: &mut LenderPosition,
		amount: Balance,
		collateral: Balance,
	) -> DispatchResult {
		let account = Self::account_id();
		if amount > 0 {
			custody::transfer_without_dust::<_, T::Assets>(
				loan.terms.asset,
				&account,
				lender,
				amount,
			)?;
			position.claimed += amount;
			loan.claimed += amount;
		}
		if let (Some((asset, _)), true) = (loan.terms.collateral, collateral > 0) {
			custody::transfer_without_dust::<_, T::Assets>(asset, &account, lender, collateral)?;
			position.collateral_claimed += collateral;
			loan.collateral_claimed += collateral;
		}
		Self::deposit_event(Event::Claimed {
			loan: loan_id,
			lender: lender.clone(),
			amount,
			collateral,
		});
		Ok(())
	}
}
