//! Repayment and default of credit lines: a repayment goes to the line's source, interest
//! first, and reports the principal repaid, lateness and on-time service to the credit registry;
//! a line overdue long enough is marked defaulted, its undrawn part returned and its principal
//! written off.

use frame_support::pallet_prelude::*;
use xindai_primitives::{
	credit::{days_late, CreditRegistry},
	facility::CreditFacilities,
	service::{Repayment, Service},
	Balance,
};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// Applies a payment of `amount` from `payer` to line `id`; returns whether it paid off and
	/// removed a closing or defaulted line (what [`Pallet::repay_line`] is charged for).
	pub(crate) fn do_repay_line(
		payer: &T::AccountId,
		id: LineId,
		amount: Balance,
	) -> Result<bool, DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let now = Self::now();
		let mut line = Lines::<T>::get(id).ok_or(Error::<T>::LineNotFound)?;
		ensure!(
			matches!(line.status, LineStatus::Active | LineStatus::Closing | LineStatus::Defaulted),
			Error::<T>::WrongLineStatus
		);
		let clock = Self::accrue(&mut line, now)?;
		ensure!(line.outstanding.total() > 0, Error::<T>::NothingOwed);
		let grace = clock.grace;
		let overdue_since = line.outstanding.overdue_since;
		let late = overdue_since.map(|since| days_late(since, now, grace)).unwrap_or(0);
		let (interest, principal) = line.outstanding.pay(&clock, now, amount);
		let asset = line.terms.asset;
		match &line.source {
			Some(LineSource::Pool) => T::Facilities::repay(asset, id, payer, principal, interest)?,
			Some(LineSource::Financier(financier)) => {
				Self::transfer(asset, payer, financier, interest.saturating_add(principal))?
			},
			None => return Err(Error::<T>::WrongLineStatus.into()),
		}
		line.interest_paid = line.interest_paid.saturating_add(interest);
		line.principal_repaid = line.principal_repaid.saturating_add(principal);
		Self::note_line_collection_payment(id, payer, interest.saturating_add(principal));
		// What the payment tells the credit registry (reporting never blocks a repayment).
		// Exposure falls by the principal repaid (after a default it was written off already).
		// A due date paid late is reported once, when it is cleared, whoever pays, with the days
		// late at clearing: dust from a stranger clears nothing and so records nothing, and
		// neither paying from another account nor a dust payment on the first late day hides
		// how late the due date was paid. On-time service is credited only when the enterprise
		// itself pays with nothing overdue left.
		let own = payer == &line.enterprise;
		let defaulted = line.status == LineStatus::Defaulted;
		let left = line.outstanding.principal;
		let cleared = overdue_since.is_some() && line.outstanding.overdue_since != overdue_since;
		let report_late =
			!defaulted && cleared && late > 0 && line.late_reported_for != overdue_since;
		let served = if late > 0 || line.outstanding.is_overdue(&clock, now) {
			line.service.restart(now, left);
			Service::NONE
		} else if own {
			line.service.take(now, left)
		} else {
			line.service.note_principal(left);
			Service::NONE
		};
		if report_late {
			line.late_reported_for = overdue_since;
		}
		let repayment = Repayment {
			amount: if defaulted { 0 } else { principal },
			days_late: if report_late { late } else { 0 },
			served,
			by_borrower: T::Credit::same_person(payer, &line.enterprise),
		};
		Self::report(T::Credit::note_repaid(
			&line.enterprise,
			Self::credit_position(asset),
			repayment,
		));
		Self::deposit_event(Event::LineRepaid {
			line: id,
			payer: payer.clone(),
			interest,
			principal,
			days_late: late,
		});
		let paid_off = line.outstanding.total().is_zero();
		let finished =
			paid_off && matches!(line.status, LineStatus::Closing | LineStatus::Defaulted);
		if finished {
			Self::finish_line(id, line, true);
		} else {
			Lines::<T>::insert(id, line);
		}
		Ok(finished)
	}

	pub(crate) fn do_mark_default(id: LineId) -> DispatchResult {
		let now = Self::now();
		let mut line = Lines::<T>::get(id).ok_or(Error::<T>::LineNotFound)?;
		ensure!(
			matches!(line.status, LineStatus::Active | LineStatus::Closing),
			Error::<T>::WrongLineStatus
		);
		Self::accrue(&mut line, now)?;
		let since = line.outstanding.overdue_since.ok_or(Error::<T>::NotOverdueEnough)?;
		ensure!(
			now >= since.saturating_add(Self::default_threshold()),
			Error::<T>::NotOverdueEnough
		);
		let undrawn = Self::return_undrawn(id, &mut line)?;
		if line.source == Some(LineSource::Pool) {
			T::Facilities::write_off(line.terms.asset, id)?;
		}
		line.status = LineStatus::Defaulted;
		// Written off: no longer scheduled debt service (the default freezes the enterprise).
		Self::end_debt_service(&mut line);
		let outstanding = line.outstanding.total();
		// The principal is written off (interest never counted as exposure).
		Self::report(T::Credit::note_defaulted(
			&line.enterprise,
			Self::credit_position(line.terms.asset),
			line.outstanding.principal,
		));
		Lines::<T>::insert(id, line);
		Self::deposit_event(Event::LineDefaulted { line: id, outstanding, undrawn });
		Ok(())
	}
}
