//! Loan requests: the check of a request's terms, its creation (the collateral escrowed, the
//! deposit held, the credit committed), its cancellation, and what ends a request that will not
//! be disbursed: the collateral and the deposit returned, the commitment released.

use frame_support::{ensure, pallet_prelude::*, traits::fungible::MutateHold};
use sp_runtime::{DispatchResult, Rounding};
use xindai_primitives::{credit::CreditRegistry, custody, price, service::ServiceClock, Moment};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	fn ensure_valid_terms(terms: &LoanTerms, now: Moment) -> DispatchResult {
		ensure!(terms.principal > 0, Error::<T>::ZeroPrincipal);
		ensure!(
			(1..=T::MaxInstalments::get()).contains(&terms.instalments),
			Error::<T>::InstalmentsOutOfBounds
		);
		ensure!(
			(T::MinPeriod::get()..=T::MaxPeriod::get()).contains(&terms.period),
			Error::<T>::PeriodOutOfBounds
		);
		ensure!(terms.annual_rate <= T::MaxAnnualRate::get(), Error::<T>::RateTooHigh);
		ensure!(
			terms.funding_deadline > now
				&& terms.funding_deadline <= now.saturating_add(T::MaxFundingWindow::get()),
			Error::<T>::DeadlineOutOfBounds
		);
		ensure!(
			terms.min_ticket > 0 && terms.min_ticket <= terms.principal,
			Error::<T>::BadMinTicket
		);
		Ok(())
	}

	pub(crate) fn do_create_request(
		borrower: T::AccountId,
		terms: LoanTerms,
	) -> Result<LoanId, DispatchError> {
		let now = Self::now();
		Self::ensure_valid_terms(&terms, now)?;
		let value =
			price::value_of(terms.principal, Self::fresh_price(terms.asset, now)?, Rounding::Up)
				.ok_or(Error::<T>::Overflow)?;
		// An open request is committed exposure: three requests of 9,000 against a 10,000 cap
		// cannot all be open, let alone all funded.
		T::Credit::ensure_can_borrow(&borrower, terms.asset, terms.principal)?;
		let open = OpenRequests::<T>::get(&borrower);
		ensure!(open < T::MaxOpenRequests::get(), Error::<T>::TooManyOpenRequests);
		let mut collateral_held = 0;
		if let Some((collateral_asset, amount)) = terms.collateral {
			ensure!(amount > 0, Error::<T>::ZeroCollateral);
			let collateral_value =
				price::value_of(amount, Self::fresh_price(collateral_asset, now)?, Rounding::Down)
					.ok_or(Error::<T>::Overflow)?;
			ensure!(
				value <= Params::<T>::get().max_initial_ltv.mul_floor(collateral_value),
				Error::<T>::CollateralTooLow
			);
			custody::deposit_into_custody::<_, T::Assets>(
				collateral_asset,
				&borrower,
				&Self::account_id(),
				amount,
			)?;
			collateral_held = amount;
		}
		let deposit = T::RequestDeposit::get();
		T::Currency::hold(&HoldReason::RequestDeposit.into(), &borrower, deposit)?;
		let id = NextLoanId::<T>::get();
		NextLoanId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		OpenRequests::<T>::insert(&borrower, open + 1);
		FundingLoans::<T>::insert(id, ());
		T::Credit::note_committed(&borrower, Self::credit_position(terms.asset), terms.principal)?;
		Loans::<T>::insert(
			id,
			Loan {
				borrower: borrower.clone(),
				terms,
				deposit,
				status: LoanStatus::Funding,
				funded: 0,
				refunded: 0,
				created_at: now,
				started_at: None,
				distributed: 0,
				claimed: 0,
				prepaid: 0,
				recovered: 0,
				penalty_accrued: 0,
				penalty_paid: 0,
				penalty_until: now,
				collateral_held,
				collateral_for_lenders: 0,
				collateral_claimed: 0,
				collateral_returned: 0,
				committed: terms.principal,
				service: ServiceClock::default(),
				notices: Default::default(),
			},
		);
		Self::deposit_event(Event::RequestCreated { loan: id, borrower, terms });
		Ok(id)
	}

	/// Returns the collateral and the deposit of a request that ended (cancelled or expired).
	pub(super) fn end_request(
		loan_id: LoanId,
		loan: &mut LoanOf<T>,
		status: LoanStatus,
	) -> DispatchResult {
		ensure!(loan.status.can_become(status), Error::<T>::NotFunding);
		loan.status = status;
		FundingLoans::<T>::remove(loan_id);
		Self::return_collateral(loan_id, loan)?;
		Self::release_commitment(loan);
		OpenRequests::<T>::mutate_exists(&loan.borrower, |open| {
			*open = open.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
		if loan.funded > loan.refunded {
			PendingRefunds::<T>::insert(loan_id, ());
		}
		Ok(())
	}

	/// Ends the request's commitment in the credit registry.
	pub(super) fn release_commitment(loan: &mut LoanOf<T>) {
		let committed = core::mem::take(&mut loan.committed);
		if committed > 0 {
			Self::report(T::Credit::note_commitment_released(
				&loan.borrower,
				Self::credit_position(loan.terms.asset),
				committed,
			));
		}
	}

	/// Returns the collateral `loan` still holds to its borrower. Collateral the borrower's
	/// account cannot receive now (the asset issuer blocked it) is set aside as its unclaimed
	/// balance: a request can always end and a repaid loan can always close.
	pub(super) fn return_collateral(loan_id: LoanId, loan: &mut LoanOf<T>) -> DispatchResult {
		if let Some((asset, _)) = loan.terms.collateral {
			let amount = loan.collateral_held;
			if amount > 0 {
				let returned = frame_support::storage::with_storage_layer(|| {
					custody::transfer_without_dust::<_, T::Assets>(
						asset,
						&Self::account_id(),
						&loan.borrower,
						amount,
					)
				});
				if let Err(error) = returned {
					Self::set_aside(loan_id, &loan.borrower, asset, amount, error);
				}
				loan.collateral_held = 0;
			}
		}
		Ok(())
	}

	pub(crate) fn do_cancel_request(who: &T::AccountId, loan_id: LoanId) -> DispatchResult {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(&loan.borrower == who, Error::<T>::NotBorrower);
		ensure!(loan.status == LoanStatus::Funding, Error::<T>::NotFunding);
		Self::end_request(loan_id, &mut loan, LoanStatus::Cancelled)?;
		Loans::<T>::insert(loan_id, loan);
		// Many requests opened and withdrawn is what the registry's monitoring watches.
		T::Credit::note_request_withdrawn(who);
		Self::deposit_event(Event::RequestCancelled { loan: loan_id });
		Ok(())
	}
}
