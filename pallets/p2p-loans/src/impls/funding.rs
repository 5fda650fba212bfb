//! Funding: lenders fund a request, the fully funded loan is disbursed and its schedule fixed,
//! requests past their deadline expire, and lenders of a request that ended are refunded. Also the
//! index of the loans each lender holds shares in.

use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::DispatchResult;
use xindai_primitives::{credit::CreditRegistry, custody, service::ServiceClock, Balance, Moment};

use crate::{pallet::*, schedule, types::*};

impl<T: Config> Pallet<T> {
	pub(super) fn add_lender_loan(who: &T::AccountId, loan_id: LoanId) -> DispatchResult {
		LenderLoans::<T>::try_mutate(who, |loans| {
			if !loans.contains(&loan_id) {
				loans.try_push(loan_id).map_err(|_| Error::<T>::TooManyLoans)?;
			}
			Ok(())
		})
	}

	pub(super) fn remove_lender_loan(who: &T::AccountId, loan_id: LoanId) {
		LenderLoans::<T>::mutate_exists(who, |loans| {
			if let Some(list) = loans {
				list.retain(|l| *l != loan_id);
				if list.is_empty() {
					*loans = None;
				}
			}
		});
	}

	pub(crate) fn do_fund(
		lender: &T::AccountId,
		loan_id: LoanId,
		amount: Balance,
	) -> Result<bool, DispatchError> {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		let now = Self::now();
		ensure!(loan.status == LoanStatus::Funding, Error::<T>::NotFunding);
		ensure!(now <= loan.terms.funding_deadline, Error::<T>::DeadlinePassed);
		// One person on both sides lends itself nothing (two accounts of one attested person).
		ensure!(!T::Credit::same_person(lender, &loan.borrower), Error::<T>::OwnLoan);
		ensure!(T::Credit::is_verified(lender), Error::<T>::NotVerified);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let needed = loan.terms.principal - loan.funded;
		ensure!(amount <= needed, Error::<T>::OverFunded);
		ensure!(amount >= loan.terms.min_ticket || amount == needed, Error::<T>::BelowMinTicket);
		custody::deposit_into_custody::<_, T::Assets>(
			loan.terms.asset,
			lender,
			&Self::account_id(),
			amount,
		)?;
		Self::add_lender_loan(lender, loan_id)?;
		Positions::<T>::mutate(loan_id, lender, |position| {
			let position = position.get_or_insert_with(Default::default);
			position.shares = position.shares.saturating_add(amount);
		});
		loan.funded += amount;
		Self::deposit_event(Event::Funded {
			loan: loan_id,
			lender: lender.clone(),
			amount,
			funded: loan.funded,
		});
		let completing = loan.funded == loan.terms.principal;
		if completing {
			// A stale price fails the call, whether of the loan's asset or of what the borrower
			// already owes: the lender may retry once it is fresh. Only a lasting refusal
			// (frozen, unverified, over the cap) cancels the request below.
			Self::fresh_price(loan.terms.asset, now)?;
			ensure!(T::Credit::exposure_priced(&loan.borrower), Error::<T>::PriceStale);
			let mut started = loan.clone();
			match frame_support::storage::with_storage_layer(|| {
				Self::start(loan_id, &mut started, now)
			}) {
				Ok(()) => loan = started,
				Err(error) => {
					// The borrower may not take the loan any more (frozen, unverified, over its
					// cap at today's prices): nothing is paid out, the request ends and every
					// lender, this one too, is refunded.
					Self::end_request(loan_id, &mut loan, LoanStatus::Cancelled)?;
					Self::deposit_event(Event::DisbursementRefused { loan: loan_id, error });
					Self::deposit_event(Event::RequestCancelled { loan: loan_id });
				},
			}
		}
		Loans::<T>::insert(loan_id, loan);
		Ok(completing)
	}

	/// Disburses a fully funded loan and fixes its schedule. The borrower's eligibility and cap
	/// are checked again at fresh prices: it may have been frozen, lost its KYC or borrowed
	/// elsewhere since it asked.
	fn start(loan_id: LoanId, loan: &mut LoanOf<T>, now: Moment) -> DispatchResult {
		let terms = loan.terms;
		Self::release_commitment(loan);
		Self::fresh_price(terms.asset, now)?;
		T::Credit::ensure_can_borrow(&loan.borrower, terms.asset, terms.principal)?;
		// Its debt service was booked at the request: the person must still carry it.
		T::Credit::ensure_debt_service_within_limit(&loan.borrower)?;
		let items = schedule::build(
			terms.kind,
			terms.principal,
			terms.annual_rate,
			terms.instalments,
			terms.period,
			now,
		)
		.ok_or(Error::<T>::Overflow)?;
		let items: BoundedVec<_, T::MaxInstalments> =
			items.try_into().map_err(|_| Error::<T>::InstalmentsOutOfBounds)?;
		Schedules::<T>::insert(loan_id, items);
		custody::transfer_without_dust::<_, T::Assets>(
			terms.asset,
			&Self::account_id(),
			&loan.borrower,
			terms.principal,
		)?;
		loan.status = LoanStatus::Active;
		FundingLoans::<T>::remove(loan_id);
		loan.started_at = Some(now);
		loan.penalty_until = now;
		loan.service = ServiceClock::start(now, terms.principal);
		OpenRequests::<T>::mutate_exists(&loan.borrower, |open| {
			*open = open.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
		T::Credit::note_borrowed(
			&loan.borrower,
			Self::credit_position(terms.asset),
			terms.principal,
		)?;
		Self::deposit_event(Event::LoanStarted {
			loan: loan_id,
			borrower: loan.borrower.clone(),
			principal: terms.principal,
		});
		Ok(())
	}

	/// Marks `loan` expired if its deadline passed unfunded. Returns whether it is refunding.
	pub(super) fn expire_if_due(
		loan_id: LoanId,
		loan: &mut LoanOf<T>,
		now: Moment,
	) -> Result<bool, DispatchError> {
		if loan.status == LoanStatus::Funding && now > loan.terms.funding_deadline {
			Self::end_request(loan_id, loan, LoanStatus::Expired)?;
			Self::deposit_event(Event::RequestExpired { loan: loan_id });
		}
		Ok(loan.status.is_refunding())
	}

	/// Refunds `lender`'s funding of a refunding loan; returns the amount.
	pub(super) fn refund(
		loan_id: LoanId,
		loan: &mut LoanOf<T>,
		lender: &T::AccountId,
	) -> Result<Balance, DispatchError> {
		// Transfer first, write after: a refund that cannot be paid loses nothing.
		let position = Positions::<T>::get(loan_id, lender).ok_or(Error::<T>::NothingToRefund)?;
		let amount = position.shares;
		custody::transfer_without_dust::<_, T::Assets>(
			loan.terms.asset,
			&Self::account_id(),
			lender,
			amount,
		)?;
		Positions::<T>::remove(loan_id, lender);
		loan.refunded = loan.refunded.saturating_add(amount);
		Self::remove_lender_loan(lender, loan_id);
		if loan.refunded >= loan.funded {
			PendingRefunds::<T>::remove(loan_id);
		}
		Self::deposit_event(Event::Refunded { loan: loan_id, lender: lender.clone(), amount });
		Ok(amount)
	}

	pub(crate) fn do_claim_refund(who: &T::AccountId, loan_id: LoanId) -> DispatchResult {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(Self::expire_if_due(loan_id, &mut loan, Self::now())?, Error::<T>::NothingToRefund);
		Self::refund(loan_id, &mut loan, who)?;
		Loans::<T>::insert(loan_id, loan);
		Ok(())
	}
}
