//! Overdue notices: `notify_overdue` announces each governance threshold (days past due) an
//! unpaid instalment passes, once (`xindai_primitives::overdue`).

use frame_support::ensure;
use sp_runtime::DispatchResult;
use xindai_primitives::{overdue, Balance};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_notify_overdue(loan_id: LoanId) -> DispatchResult {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(loan.status.is_repayable(), Error::<T>::NotRepayable);
		let items = Schedules::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		let now = Self::now();
		let params = Params::<T>::get();
		let oldest = items
			.iter()
			.find(|i| !i.is_paid() && i.due_at < now)
			.ok_or(Error::<T>::NothingOverdue)?;
		let notices =
			overdue::due_notices(&mut loan.notices, &params.notice_days, oldest.due_at, now);
		ensure!(!notices.is_empty(), Error::<T>::NoNoticeDue);
		// What is due now: the instalments due and the penalty accrued until now.
		let mut accrued = loan.clone();
		Self::accrue_penalty(&mut accrued, &items, now, &params).ok_or(Error::<T>::Overflow)?;
		let instalments_due = items
			.iter()
			.filter(|i| i.due_at <= now)
			.fold(0, |sum: Balance, i| sum.saturating_add(i.outstanding()));
		let amount_due = instalments_due
			.saturating_add(accrued.penalty_accrued.saturating_sub(accrued.penalty_paid));
		for days_past_due in notices {
			Self::deposit_event(Event::OverdueNotice {
				loan: loan_id,
				borrower: loan.borrower.clone(),
				days_past_due,
				amount_due,
			});
		}
		Loans::<T>::insert(loan_id, loan);
		Ok(())
	}
}
