//! Recourse: a financier whose buyer is still unpaid long enough after the due date claims the
//! advance from the enterprise (the buyer recorded as defaulted), and anyone repays it; its
//! lateness is reported once, when it is cleared.

use frame_support::{pallet_prelude::*, traits::fungibles::Inspect};
use xindai_primitives::{
	credit::{days_late, CreditRegistry},
	service::Repayment,
	Balance, MILLISECONDS_PER_SECOND,
};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_claim_recourse(financier: &T::AccountId, id: InvoiceId) -> DispatchResult {
		let mut invoice = Invoices::<T>::get(id).ok_or(Error::<T>::InvoiceNotFound)?;
		ensure!(invoice.status == InvoiceStatus::Financed, Error::<T>::WrongInvoiceStatus);
		let now = Self::now();
		let financing = invoice.financing.as_mut().ok_or(Error::<T>::WrongInvoiceStatus)?;
		ensure!(financing.financier == *financier, Error::<T>::NotFinancier);
		ensure!(
			now >= invoice.due_at.saturating_add(Self::default_threshold()),
			Error::<T>::NotLateEnough
		);
		financing.recourse_owed = financing.advance;
		financing.recourse_since = now;
		let owed = financing.advance;
		invoice.status = InvoiceStatus::Recourse;
		let position = Self::credit_position(invoice.asset);
		Self::report(T::Credit::note_defaulted(&invoice.buyer, position, invoice.amount));
		// Reporting never blocks recourse (it is booked even if the enterprise deregistered:
		// its history stays).
		Self::report(T::Credit::note_borrowed(&invoice.enterprise, position, owed));
		Invoices::<T>::insert(id, invoice);
		Self::deposit_event(Event::RecourseClaimed { invoice: id, owed });
		Ok(())
	}

	pub(crate) fn do_repay_recourse(
		payer: &T::AccountId,
		id: InvoiceId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut invoice = Invoices::<T>::get(id).ok_or(Error::<T>::InvoiceNotFound)?;
		ensure!(invoice.status == InvoiceStatus::Recourse, Error::<T>::WrongInvoiceStatus);
		let now = Self::now();
		let financing = invoice.financing.as_mut().ok_or(Error::<T>::WrongInvoiceStatus)?;
		let paid = amount.min(financing.recourse_owed);
		// What is left owed is nothing or at least the minimum balance: a dust rest could not be
		// paid to a financier holding none of the asset, neither by the buyer nor by this call.
		let rest = financing.recourse_owed - paid;
		ensure!(
			rest.is_zero() || rest >= T::Assets::minimum_balance(invoice.asset),
			Error::<T>::RecourseDustLeft
		);
		Self::transfer(invoice.asset, payer, &financing.financier, paid)?;
		financing.recourse_owed -= paid;
		let owed = financing.recourse_owed;
		let grace = Params::<T>::get().grace_period.saturating_mul(MILLISECONDS_PER_SECOND);
		let late = days_late(financing.recourse_since, now, grace);
		// Late once per recourse, when it is cleared (whoever pays, days late at clearing):
		// a stranger's dust clears nothing, and a dust payment on the first late day cannot
		// fix a milder lateness.
		let report_late = late > 0 && owed.is_zero() && !financing.late_reported;
		if report_late {
			financing.late_reported = true;
		}
		let repayment =
			if report_late { Repayment::late(paid, late) } else { Repayment::unscored(paid) };
		Self::report(T::Credit::note_repaid(
			&invoice.enterprise,
			Self::credit_position(invoice.asset),
			repayment,
		));
		Self::deposit_event(Event::RecourseRepaid { invoice: id, amount: paid, owed });
		if owed.is_zero() {
			Self::finish_invoice(id, invoice);
		} else {
			Invoices::<T>::insert(id, invoice);
		}
		Ok(())
	}
}
