//! Overdue notices: `notify_overdue` announces each governance threshold (days past due) a
//! line's oldest unpaid due date or a recourse passes, once (`xindai_primitives::overdue`).

use frame_support::ensure;
use sp_runtime::DispatchResult;
use xindai_primitives::{overdue, Balance, Moment};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_notify_overdue(target: OverdueTarget) -> DispatchResult {
		let now = Self::now();
		let days = Params::<T>::get().notice_days;
		match target {
			OverdueTarget::Line(id) => {
				let mut line = Lines::<T>::get(id).ok_or(Error::<T>::LineNotFound)?;
				// A defaulted line is still owed: its notices go on, as a defaulted loan's do.
				ensure!(
					matches!(
						line.status,
						LineStatus::Active | LineStatus::Closing | LineStatus::Defaulted
					),
					Error::<T>::WrongLineStatus
				);
				let clock = Self::accrue(&mut line, now)?;
				let since = line.outstanding.overdue_since.ok_or(Error::<T>::NothingOverdue)?;
				let amount_due = line.outstanding.due(&clock, now);
				let borrower = line.enterprise.clone();
				Self::announce(
					target,
					&borrower,
					&mut line.notices,
					&days,
					since,
					now,
					amount_due,
				)?;
				Lines::<T>::insert(id, line);
			},
			OverdueTarget::Recourse(id) => {
				let mut invoice = Invoices::<T>::get(id).ok_or(Error::<T>::InvoiceNotFound)?;
				ensure!(invoice.status == InvoiceStatus::Recourse, Error::<T>::WrongInvoiceStatus);
				let borrower = invoice.enterprise.clone();
				let financing = invoice.financing.as_mut().ok_or(Error::<T>::WrongInvoiceStatus)?;
				let (since, owed) = (financing.recourse_since, financing.recourse_owed);
				ensure!(now > since && owed > 0, Error::<T>::NothingOverdue);
				Self::announce(target, &borrower, &mut financing.notices, &days, since, now, owed)?;
				Invoices::<T>::insert(id, invoice);
			},
		}
		Ok(())
	}

	/// Emits the notices of `state` due at `now` for an amount due since `since`.
	fn announce(
		target: OverdueTarget,
		borrower: &T::AccountId,
		state: &mut overdue::NoticeState,
		days: &overdue::NoticeDays,
		since: Moment,
		now: Moment,
		amount_due: Balance,
	) -> DispatchResult {
		let notices = overdue::due_notices(state, days, since, now);
		ensure!(!notices.is_empty(), Error::<T>::NoNoticeDue);
		for days_past_due in notices {
			Self::deposit_event(Event::OverdueNotice {
				target,
				borrower: borrower.clone(),
				days_past_due,
				amount_due,
			});
		}
		Ok(())
	}
}
