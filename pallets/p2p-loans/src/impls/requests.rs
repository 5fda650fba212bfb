//! Loan requests: the check of a request's terms, its creation (the collateral escrowed, the
//! deposit held, the credit committed), its cancellation, and what ends a request that will not
//! be disbursed: the collateral and the deposit returned, the commitment released.

use frame_support::{ensure, pallet_prelude::*, traits::fungible::MutateHold};
use sp_runtime::{DispatchResult, Rounding};
use xindai_primitives::{
	capacity,
	credit::{CreditProduct, CreditRegistry},
	custody, price,
	service::ServiceClock,
	Balance, Moment,
};

use crate::{pallet::*, schedule, types::*};

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
		// And booked debt service: its purpose must be open, its instalments within what the
		// person's income (or the unattested limit) can carry with everything else it repays.
		let monthly_service = Self::monthly_service_of(&terms, now)?;
		T::Credit::ensure_repayment_capacity(
			&borrower,
			CreditProduct::P2pLoans,
			&terms.purpose,
			terms.asset,
			monthly_service,
		)?;
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
		T::Credit::note_debt_service(
			&borrower,
			Self::credit_position(terms.asset),
			monthly_service,
		);
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
				monthly_service,
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
		Self::end_debt_service(loan);
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

	/// The monthly debt service of a loan on `terms` (asset units): its schedule's principal and
	/// interest, averaged over its months (see [`xindai_primitives::capacity::monthly_service`]).
	pub(crate) fn monthly_service_of(
		terms: &LoanTerms,
		now: Moment,
	) -> Result<Balance, DispatchError> {
		let items = schedule::build(
			terms.kind,
			terms.principal,
			terms.annual_rate,
			terms.instalments,
			terms.period,
			now,
		)
		.ok_or(Error::<T>::Overflow)?;
		let total = schedule::total(&items, |i| i.principal.saturating_add(i.interest));
		let term = terms.period.saturating_mul(u64::from(terms.instalments));
		Ok(capacity::monthly_service(total, term).ok_or(Error::<T>::Overflow)?)
	}

	/// Ends the loan's booked debt service in the credit registry (once).
	pub(super) fn end_debt_service(loan: &mut LoanOf<T>) {
		capacity::end_booked_service::<_, T::Credit>(
			&loan.borrower,
			Self::credit_position(loan.terms.asset),
			&mut loan.monthly_service,
		);
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
