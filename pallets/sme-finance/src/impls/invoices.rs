//! Invoices: submission (one per document hash, ever), the buyer's confirmation or rejection,
//! the enterprise's financing offer, financing by a financier meeting it, and the buyer's
//! payment split between the financier and the enterprise, reported to the credit registry.

use frame_support::{pallet_prelude::*, traits::fungibles::Inspect};
use sp_core::H256;
use sp_runtime::Permill;
use xindai_primitives::{
	credit::{days_late, CreditRegistry},
	service::{Repayment, Service},
	AssetId, Balance, Moment, MILLISECONDS_PER_SECOND,
};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_submit_invoice(
		enterprise: T::AccountId,
		buyer: T::AccountId,
		amount: Balance,
		asset: AssetId,
		due_at: Moment,
		invoice_hash: H256,
	) -> Result<InvoiceId, DispatchError> {
		Self::ensure_enterprise(&enterprise)?;
		// An enterprise invoicing another of its own accounts (one attested person or
		// enterprise) proves no sale.
		ensure!(!T::Credit::same_person(&buyer, &enterprise), Error::<T>::SelfInvoice);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(T::Assets::asset_exists(asset), Error::<T>::UnknownAsset);
		ensure!(amount >= T::Assets::minimum_balance(asset), Error::<T>::InvoiceBelowMinimum);
		let now = Self::now();
		ensure!(
			due_at > now && due_at <= now.saturating_add(T::MaxInvoiceTerm::get()),
			Error::<T>::DueDateOutOfBounds
		);
		ensure!(!InvoiceHashes::<T>::contains_key(invoice_hash), Error::<T>::DuplicateInvoice);
		let id = NextInvoiceId::<T>::get();
		EnterpriseInvoices::<T>::try_mutate(&enterprise, |open| open.try_push(id))
			.map_err(|_| Error::<T>::TooManyInvoices)?;
		let deposit = Self::hold_deposit(&enterprise)?;
		NextInvoiceId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		InvoiceHashes::<T>::insert(
			invoice_hash,
			InvoiceHashRecord { invoice: id, forget_after: None },
		);
		let invoice = Invoice {
			enterprise: enterprise.clone(),
			buyer: buyer.clone(),
			asset,
			amount,
			due_at,
			invoice_hash,
			status: InvoiceStatus::Submitted,
			offer: None,
			financing: None,
			deposit,
			confirmed_at: 0,
		};
		Invoices::<T>::insert(id, invoice);
		Self::deposit_event(Event::InvoiceSubmitted {
			invoice: id,
			enterprise,
			buyer,
			asset,
			amount,
			due_at,
			invoice_hash,
		});
		Ok(id)
	}

	/// Removes an invoice that reached its end; its hash stays refused for the retention period.
	pub(super) fn finish_invoice(id: InvoiceId, invoice: InvoiceOf<T>) {
		Invoices::<T>::remove(id);
		let forget_after =
			Self::now().max(invoice.due_at).saturating_add(T::InvoiceHashRetention::get());
		InvoiceHashes::<T>::mutate(invoice.invoice_hash, |record| {
			if let Some(record) = record.as_mut().filter(|r| r.invoice == id) {
				record.forget_after = Some(forget_after);
			}
		});
		EnterpriseInvoices::<T>::mutate(&invoice.enterprise, |open| open.retain(|i| *i != id));
		Self::release_deposit(&invoice.enterprise, invoice.deposit);
	}

	pub(crate) fn do_forget_invoice_hash(invoice_hash: H256) -> DispatchResult {
		let record = InvoiceHashes::<T>::get(invoice_hash).ok_or(Error::<T>::UnknownInvoiceHash)?;
		let forget_after = record.forget_after.ok_or(Error::<T>::InvoiceHashRetained)?;
		ensure!(Self::now() >= forget_after, Error::<T>::InvoiceHashRetained);
		InvoiceHashes::<T>::remove(invoice_hash);
		Self::deposit_event(Event::InvoiceHashForgotten { invoice_hash, invoice: record.invoice });
		Ok(())
	}

	pub(crate) fn do_confirm_invoice(buyer: &T::AccountId, id: InvoiceId) -> DispatchResult {
		let mut invoice = Invoices::<T>::get(id).ok_or(Error::<T>::InvoiceNotFound)?;
		ensure!(invoice.buyer == *buyer, Error::<T>::NotBuyer);
		ensure!(invoice.status == InvoiceStatus::Submitted, Error::<T>::WrongInvoiceStatus);
		ensure!(T::Credit::is_verified(buyer), Error::<T>::NotVerified);
		// Checked again: the buyer may have joined the enterprise's person since submission.
		ensure!(!T::Credit::same_person(buyer, &invoice.enterprise), Error::<T>::SelfInvoice);
		let now = Self::now();
		ensure!(now < invoice.due_at, Error::<T>::InvoiceDue);
		// A confirmed invoice is the buyer's debt: within its cap, never while it is frozen.
		T::Credit::ensure_can_borrow(buyer, invoice.asset, invoice.amount)?;
		invoice.status = InvoiceStatus::Confirmed;
		invoice.confirmed_at = now;
		T::Credit::note_borrowed(buyer, Self::credit_position(invoice.asset), invoice.amount)?;
		Invoices::<T>::insert(id, invoice);
		Self::deposit_event(Event::InvoiceConfirmed { invoice: id });
		Ok(())
	}

	pub(crate) fn do_reject_or_cancel(
		who: &T::AccountId,
		id: InvoiceId,
		by_buyer: bool,
	) -> DispatchResult {
		let invoice = Invoices::<T>::get(id).ok_or(Error::<T>::InvoiceNotFound)?;
		if by_buyer {
			ensure!(invoice.buyer == *who, Error::<T>::NotBuyer);
		} else {
			ensure!(invoice.enterprise == *who, Error::<T>::NotEnterprise);
		}
		ensure!(invoice.status == InvoiceStatus::Submitted, Error::<T>::WrongInvoiceStatus);
		Self::finish_invoice(id, invoice);
		Self::deposit_event(if by_buyer {
			Event::InvoiceRejected { invoice: id }
		} else {
			Event::InvoiceCancelled { invoice: id }
		});
		Ok(())
	}

	pub(crate) fn do_finance_invoice(
		financier: &T::AccountId,
		id: InvoiceId,
		advance_rate: Permill,
		fee_rate: Permill,
	) -> DispatchResult {
		let mut invoice = Invoices::<T>::get(id).ok_or(Error::<T>::InvoiceNotFound)?;
		ensure!(invoice.status == InvoiceStatus::Confirmed, Error::<T>::WrongInvoiceStatus);
		ensure!(T::Credit::is_verified(financier), Error::<T>::NotVerified);
		ensure!(
			!T::Credit::same_person(financier, &invoice.enterprise)
				&& !T::Credit::same_person(financier, &invoice.buyer),
			Error::<T>::OwnInvoice
		);
		ensure!(Self::now() < invoice.due_at, Error::<T>::InvoiceDue);
		// The advance is credit to the enterprise (it owes it back under recourse): a frozen or
		// flagged enterprise takes none.
		T::Credit::ensure_in_good_standing(&invoice.enterprise)?;
		let params = Params::<T>::get();
		ensure!(
			!advance_rate.is_zero() && advance_rate <= params.max_advance_rate,
			Error::<T>::AdvanceRateOutOfBounds
		);
		ensure!(fee_rate <= params.max_fee_rate, Error::<T>::FeeOutOfBounds);
		// Only on the enterprise's terms.
		let offer = invoice.offer.as_ref().ok_or(Error::<T>::NotOffered)?;
		ensure!(
			advance_rate >= offer.min_advance_rate
				&& fee_rate <= offer.max_fee_rate
				&& offer.financier.as_ref().is_none_or(|named| named == financier),
			Error::<T>::TermsNotMet
		);
		// The advance rounds down (the enterprise receives no more than its share); the fee
		// rounds up, within the invoice.
		let advance = advance_rate.mul_floor(invoice.amount);
		let fee = fee_rate.mul_ceil(invoice.amount);
		ensure!(advance > 0, Error::<T>::AdvanceRateOutOfBounds);
		ensure!(
			advance.checked_add(fee).is_some_and(|total| total <= invoice.amount),
			Error::<T>::FeeOutOfBounds
		);
		// Every leg of the financing and of the payments that may follow is nothing or at least
		// the minimum balance, so none can fail for an empty recipient account: the advance, the
		// financier's and the enterprise's shares of the buyer's payment, and the enterprise's
		// share once under recourse (the financier then takes only the advance back).
		let minimum = T::Assets::minimum_balance(invoice.asset);
		let to_financier = advance + fee;
		let legs = [advance, to_financier, invoice.amount - to_financier, invoice.amount - advance];
		ensure!(
			legs.iter().all(|leg| *leg == 0 || *leg >= minimum),
			Error::<T>::FinancingBelowMinimum
		);
		Self::transfer(invoice.asset, financier, &invoice.enterprise, advance)?;
		invoice.status = InvoiceStatus::Financed;
		invoice.financing = Some(Financing {
			financier: financier.clone(),
			advance,
			fee,
			recourse_owed: 0,
			recourse_since: 0,
			late_reported: false,
			notices: Default::default(),
			financed_at: Self::now(),
		});
		Invoices::<T>::insert(id, invoice);
		Self::deposit_event(Event::InvoiceFinanced {
			invoice: id,
			financier: financier.clone(),
			advance,
			fee,
		});
		Ok(())
	}

	pub(crate) fn do_offer_invoice(
		enterprise: &T::AccountId,
		id: InvoiceId,
		offer: FinancingOffer<T::AccountId>,
	) -> DispatchResult {
		let mut invoice = Invoices::<T>::get(id).ok_or(Error::<T>::InvoiceNotFound)?;
		ensure!(invoice.enterprise == *enterprise, Error::<T>::NotEnterprise);
		ensure!(
			matches!(invoice.status, InvoiceStatus::Submitted | InvoiceStatus::Confirmed),
			Error::<T>::WrongInvoiceStatus
		);
		let params = Params::<T>::get();
		ensure!(
			!offer.min_advance_rate.is_zero() && offer.min_advance_rate <= params.max_advance_rate,
			Error::<T>::AdvanceRateOutOfBounds
		);
		ensure!(offer.max_fee_rate <= params.max_fee_rate, Error::<T>::FeeOutOfBounds);
		invoice.offer = Some(offer.clone());
		Invoices::<T>::insert(id, invoice);
		Self::deposit_event(Event::InvoiceOffered { invoice: id, offer });
		Ok(())
	}

	pub(crate) fn do_pay_invoice(buyer: &T::AccountId, id: InvoiceId) -> DispatchResult {
		let invoice = Invoices::<T>::get(id).ok_or(Error::<T>::InvoiceNotFound)?;
		ensure!(invoice.buyer == *buyer, Error::<T>::NotBuyer);
		let now = Self::now();
		let (financier, to_financier) = match (&invoice.status, &invoice.financing) {
			(InvoiceStatus::Confirmed, None) => (None, 0),
			(InvoiceStatus::Financed, Some(f)) => {
				(Some(&f.financier), f.advance.saturating_add(f.fee).min(invoice.amount))
			},
			(InvoiceStatus::Recourse, Some(f)) => {
				(Some(&f.financier), f.recourse_owed.min(invoice.amount))
			},
			_ => return Err(Error::<T>::WrongInvoiceStatus.into()),
		};
		let to_enterprise = invoice.amount - to_financier;
		if let Some(financier) = financier {
			Self::transfer(invoice.asset, buyer, financier, to_financier)?;
		}
		Self::transfer(invoice.asset, buyer, &invoice.enterprise, to_enterprise)?;
		let grace = Params::<T>::get().grace_period.saturating_mul(MILLISECONDS_PER_SECOND);
		let late = days_late(invoice.due_at, now, grace);
		let position = Self::credit_position(invoice.asset);
		// Paid on time, a financed invoice served its amount from financing to payment: an
		// independent financier took the risk. An unfinanced invoice proves nothing (an
		// enterprise and a buyer of one owner could trade invoices for free to farm a score).
		let served = match (&invoice.financing, late) {
			(Some(financing), 0) => Service {
				principal: invoice.amount,
				duration: now.saturating_sub(financing.financed_at),
			},
			_ => Service::NONE,
		};
		if invoice.status == InvoiceStatus::Recourse {
			// The buyer's default (and its debt) was written off at recourse: its payment now is
			// recovery, not a fall of exposure counted twice.
			Self::report(T::Credit::note_repaid(buyer, position, Repayment::unscored(0)));
		} else {
			Self::report(T::Credit::note_repaid(
				buyer,
				position,
				// A buyer paying its invoice is no borrow-repay cycle: monitoring ignores it.
				Repayment { amount: invoice.amount, days_late: late, served, by_borrower: false },
			));
		}
		if let (InvoiceStatus::Recourse, Some(financing)) = (&invoice.status, &invoice.financing) {
			// The buyer's payment cleared what the enterprise owed under recourse: its lateness
			// is recorded once (if not yet), nothing about on-time behaviour.
			let late = days_late(financing.recourse_since, now, grace);
			let repayment = if late > 0 && !financing.late_reported {
				Repayment::late(to_financier, late)
			} else {
				Repayment::unscored(to_financier)
			};
			Self::report(T::Credit::note_repaid(&invoice.enterprise, position, repayment));
		}
		Self::finish_invoice(id, invoice);
		Self::deposit_event(Event::InvoicePaid {
			invoice: id,
			to_financier,
			to_enterprise,
			days_late: late,
		});
		Ok(())
	}
}
