//! The logic behind the calls, the `on_idle` sweep, the runtime API views and `try_state`.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		fungibles::{Inspect as _, Mutate as _},
		tokens::{DepositConsequence, Precision, Preservation, Provenance},
		Time,
	},
};
use scale_info::TypeInfo;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, Zero},
	DispatchResult, Rounding,
};
use xindai_primitives::{
	credit::{days_late, lateness_bounds, CreditRegistry},
	interest::simple_interest,
	price::{self, PriceProvider},
	service::{Repayment, Service, ServiceClock},
	AssetId, Balance, Moment, MILLISECONDS_PER_SECOND,
};

use crate::{pallet::*, schedule, types::*, WeightInfo};

pub use xindai_primitives::credit::DAY_MS;

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

/// Where an instalment stands (`P2pLoansApi::loan`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum InstalmentState {
	/// Fully paid.
	Paid,
	/// Due and within the grace period.
	Due,
	/// Past due and grace: accruing penalty.
	Overdue,
	/// Not due yet.
	Upcoming,
}

/// An instalment as a borrower sees it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct InstalmentView {
	/// The instalment, with what was paid of it.
	pub instalment: Instalment,
	/// Where it stands now.
	pub state: InstalmentState,
}

/// A loan as borrowers and lenders see it (`P2pLoansApi::loan`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct LoanView<AccountId> {
	/// Who borrows.
	pub borrower: AccountId,
	/// The terms.
	pub terms: LoanTerms,
	/// The status.
	pub status: LoanStatus,
	/// Funded so far.
	pub funded: Balance,
	/// The schedule with each instalment's state (empty before the loan starts).
	pub schedule: Vec<InstalmentView>,
	/// The next instalment not fully paid: due date and what is left of it.
	pub next_due: Option<(Moment, Balance)>,
	/// Penalty owed now.
	pub penalty_owed: Balance,
	/// What pays the loan off today: penalty, due and started interest, all principal.
	pub payoff_today: Balance,
	/// Paid in by the borrower for lenders so far.
	pub repaid: Balance,
}

/// A lender's position in one loan (`P2pLoansApi::positions`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PositionView {
	/// The loan.
	pub loan: LoanId,
	/// Its status.
	pub status: LoanStatus,
	/// Shares held (one per unit funded).
	pub shares: Balance,
	/// Of them, listed for sale.
	pub listed: Balance,
	/// Repayments `claim` would pay now.
	pub claimable: Balance,
	/// Collateral `claim` would pay now.
	pub collateral_claimable: Balance,
	/// A refund `claim_refund` would pay now.
	pub refundable: Balance,
}

/// `amount × part / whole`, rounded down (0 when `whole` is 0).
fn pro_rata(amount: Balance, part: Balance, whole: Balance) -> Balance {
	if whole.is_zero() {
		return 0;
	}
	multiply_by_rational_with_rounding(amount, part, whole, Rounding::Down).unwrap_or(0)
}

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
	/// The custody account.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	fn now() -> Moment {
		T::Time::now()
	}

	fn fresh_price(asset: AssetId, now: Moment) -> Result<price::Price, Error<T>> {
		let p = T::Prices::price(asset).ok_or(Error::<T>::NoPrice)?;
		ensure!(p.is_fresh(now, Params::<T>::get().max_price_age), Error::<T>::PriceStale);
		Ok(p.price)
	}

	/// `amount` of `asset` in credit units at its latest price (any age), 0 without one.
	fn report_value(asset: AssetId, amount: Balance) -> Balance {
		price::report_value::<T::Prices>(asset, amount)
	}

	/// Checks `params` against [`bounds`].
	pub fn ensure_valid_params(params: &RiskParams) -> DispatchResult {
		use bounds::*;
		lateness_bounds::check(params.grace_period, params.penalty_rate, params.default_after_days)
			.map_err(|broken| match broken {
				lateness_bounds::Broken::GracePeriod => Error::<T>::GracePeriodTooLong,
				lateness_bounds::Broken::PenaltyRate => Error::<T>::PenaltyRateTooHigh,
				lateness_bounds::Broken::DefaultDays => Error::<T>::DefaultDaysOutOfBounds,
			})?;
		ensure!(
			params.max_initial_ltv <= MAX_INITIAL_LTV
				&& params.max_initial_ltv < params.liquidation_ltv,
			Error::<T>::InitialLtvOutOfBounds
		);
		ensure!(
			params.liquidator_reward <= MAX_LIQUIDATOR_REWARD,
			Error::<T>::LiquidatorRewardTooHigh
		);
		ensure!(
			(MIN_PRICE_AGE..=MAX_PRICE_AGE).contains(&params.max_price_age),
			Error::<T>::PriceAgeOutOfBounds
		);
		Ok(())
	}

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
		T::Credit::ensure_can_borrow(&borrower, value)?;
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
			T::Assets::transfer(
				collateral_asset,
				&borrower,
				&Self::account_id(),
				amount,
				Preservation::Expendable,
			)?;
			collateral_held = amount;
		}
		let deposit = T::RequestDeposit::get();
		T::Currency::hold(&HoldReason::RequestDeposit.into(), &borrower, deposit)?;
		let id = NextLoanId::<T>::get();
		NextLoanId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		OpenRequests::<T>::insert(&borrower, open + 1);
		FundingLoans::<T>::insert(id, ());
		T::Credit::note_committed(&borrower, value)?;
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
				committed: value,
				service: ServiceClock::default(),
			},
		);
		Self::deposit_event(Event::RequestCreated { loan: id, borrower, terms });
		Ok(id)
	}

	/// Returns the collateral and the deposit of a request that ended (cancelled or expired).
	fn end_request(loan_id: LoanId, loan: &mut LoanOf<T>, status: LoanStatus) -> DispatchResult {
		ensure!(loan.status.can_become(status), Error::<T>::NotFunding);
		loan.status = status;
		FundingLoans::<T>::remove(loan_id);
		Self::return_collateral(loan)?;
		Self::release_deposit(loan)?;
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
	fn release_commitment(loan: &mut LoanOf<T>) {
		let committed = core::mem::take(&mut loan.committed);
		if committed > 0 {
			Self::report(T::Credit::note_commitment_released(&loan.borrower, committed));
		}
	}

	/// Handles the result of a report to the credit registry that must not stop a money flow
	/// (a debtor must always be able to pay, a request to end): a failure is announced, never
	/// swallowed.
	pub(crate) fn report(result: DispatchResult) {
		if let Err(error) = result {
			log::warn!(target: "p2p-loans", "credit report failed: {error:?}");
			Self::deposit_event(Event::CreditReportFailed { error });
		}
	}

	fn return_collateral(loan: &mut LoanOf<T>) -> DispatchResult {
		if let Some((asset, _)) = loan.terms.collateral {
			if loan.collateral_held > 0 {
				T::Assets::transfer(
					asset,
					&Self::account_id(),
					&loan.borrower,
					loan.collateral_held,
					Preservation::Expendable,
				)?;
				loan.collateral_held = 0;
			}
		}
		Ok(())
	}

	fn release_deposit(loan: &mut LoanOf<T>) -> DispatchResult {
		if !loan.deposit.is_zero() {
			T::Currency::release(
				&HoldReason::RequestDeposit.into(),
				&loan.borrower,
				loan.deposit,
				Precision::BestEffort,
			)?;
			loan.deposit = Zero::zero();
		}
		Ok(())
	}

	pub(crate) fn do_cancel_request(who: &T::AccountId, loan_id: LoanId) -> DispatchResult {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(&loan.borrower == who, Error::<T>::NotBorrower);
		ensure!(loan.status == LoanStatus::Funding, Error::<T>::NotFunding);
		Self::end_request(loan_id, &mut loan, LoanStatus::Cancelled)?;
		Loans::<T>::insert(loan_id, loan);
		Self::deposit_event(Event::RequestCancelled { loan: loan_id });
		Ok(())
	}

	fn add_lender_loan(who: &T::AccountId, loan_id: LoanId) -> DispatchResult {
		LenderLoans::<T>::try_mutate(who, |loans| {
			if !loans.contains(&loan_id) {
				loans.try_push(loan_id).map_err(|_| Error::<T>::TooManyLoans)?;
			}
			Ok(())
		})
	}

	fn remove_lender_loan(who: &T::AccountId, loan_id: LoanId) {
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
	) -> DispatchResult {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		let now = Self::now();
		ensure!(loan.status == LoanStatus::Funding, Error::<T>::NotFunding);
		ensure!(now <= loan.terms.funding_deadline, Error::<T>::DeadlinePassed);
		ensure!(lender != &loan.borrower, Error::<T>::OwnLoan);
		ensure!(T::Credit::is_verified(lender), Error::<T>::NotVerified);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let needed = loan.terms.principal - loan.funded;
		ensure!(amount <= needed, Error::<T>::OverFunded);
		ensure!(amount >= loan.terms.min_ticket || amount == needed, Error::<T>::BelowMinTicket);
		T::Assets::transfer(
			loan.terms.asset,
			lender,
			&Self::account_id(),
			amount,
			Preservation::Expendable,
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
		if loan.funded == loan.terms.principal {
			// A stale price fails the call: the lender may retry once it is fresh.
			Self::fresh_price(loan.terms.asset, now)?;
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
		Ok(())
	}

	/// Disburses a fully funded loan and fixes its schedule. The borrower's eligibility and cap
	/// are checked again at fresh prices: it may have been frozen, lost its KYC or borrowed
	/// elsewhere since it asked.
	fn start(loan_id: LoanId, loan: &mut LoanOf<T>, now: Moment) -> DispatchResult {
		let terms = loan.terms;
		Self::release_commitment(loan);
		let value =
			price::value_of(terms.principal, Self::fresh_price(terms.asset, now)?, Rounding::Up)
				.ok_or(Error::<T>::Overflow)?;
		T::Credit::ensure_can_borrow(&loan.borrower, value)?;
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
		T::Assets::transfer(
			terms.asset,
			&Self::account_id(),
			&loan.borrower,
			terms.principal,
			Preservation::Expendable,
		)?;
		loan.status = LoanStatus::Active;
		FundingLoans::<T>::remove(loan_id);
		loan.started_at = Some(now);
		loan.penalty_until = now;
		loan.service = ServiceClock::start(now, terms.principal);
		OpenRequests::<T>::mutate_exists(&loan.borrower, |open| {
			*open = open.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
		T::Credit::note_borrowed(&loan.borrower, Self::report_value(terms.asset, terms.principal))?;
		Self::deposit_event(Event::LoanStarted {
			loan: loan_id,
			borrower: loan.borrower.clone(),
			principal: terms.principal,
		});
		Ok(())
	}

	/// Marks `loan` expired if its deadline passed unfunded. Returns whether it is refunding.
	fn expire_if_due(
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
	fn refund(
		loan_id: LoanId,
		loan: &mut LoanOf<T>,
		lender: &T::AccountId,
	) -> Result<Balance, DispatchError> {
		// Transfer first, write after: a refund that cannot be paid loses nothing.
		let position = Positions::<T>::get(loan_id, lender).ok_or(Error::<T>::NothingToRefund)?;
		let amount = position.shares;
		T::Assets::transfer(
			loan.terms.asset,
			&Self::account_id(),
			lender,
			amount,
			Preservation::Expendable,
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

	/// Accrues penalty interest on overdue amounts from `loan.penalty_until` to `now`, piecewise
	/// between the moments instalments become overdue (due date + grace).
	fn accrue_penalty(
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
	fn payoff(loan: &LoanOf<T>, items: &[Instalment], now: Moment) -> Balance {
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

	pub(crate) fn do_repay(
		payer: &T::AccountId,
		loan_id: LoanId,
		amount: Balance,
	) -> DispatchResult {
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
		T::Assets::transfer(
			loan.terms.asset,
			payer,
			&Self::account_id(),
			total,
			Preservation::Expendable,
		)?;
		loan.distributed = loan.distributed.saturating_add(total);

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
			let served = loan.service.take(now, remaining);
			Service {
				principal: Self::report_value(loan.terms.asset, served.principal),
				duration: served.duration,
			}
		} else {
			loan.service.note_principal(remaining);
			Service::NONE
		};
		// After a default the registry wrote the principal off already: what is paid now is
		// recovery, not a fall of exposure counted twice.
		let principal_value = if loan.status == LoanStatus::Defaulted {
			0
		} else {
			Self::report_value(loan.terms.asset, paid.principal.saturating_add(paid.prepaid))
		};
		Self::report(T::Credit::note_repaid(
			&loan.borrower,
			Repayment { amount: principal_value, days_late: 0, served },
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
			ensure!(loan.status.can_become(LoanStatus::Closed), Error::<T>::NotRepayable);
			loan.status = LoanStatus::Closed;
			Self::return_collateral(&mut loan)?;
			Self::release_deposit(&mut loan)?;
			Self::report(T::Credit::note_settled(&loan.borrower));
			Self::deposit_event(Event::LoanClosed { loan: loan_id });
		}
		Schedules::<T>::insert(loan_id, BoundedVec::<_, T::MaxInstalments>::truncate_from(items));
		Loans::<T>::insert(loan_id, loan);
		Ok(())
	}

	/// What `position` may claim now: repayments and collateral, never more than is unclaimed.
	fn claimable(loan: &LoanOf<T>, position: &LenderPosition) -> (Balance, Balance) {
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
		Positions::<T>::insert(loan_id, lender, position);
		Loans::<T>::insert(loan_id, loan);
		Ok((amount, collateral))
	}

	fn pay_claim(
		loan_id: LoanId,
		loan: &mut LoanOf<T>,
		lender: &T::AccountId,
		position: &mut LenderPosition,
		amount: Balance,
		collateral: Balance,
	) -> DispatchResult {
		let account = Self::account_id();
		if amount > 0 {
			T::Assets::transfer(
				loan.terms.asset,
				&account,
				lender,
				amount,
				Preservation::Expendable,
			)?;
			position.claimed += amount;
			loan.claimed += amount;
		}
		if let (Some((asset, _)), true) = (loan.terms.collateral, collateral > 0) {
			T::Assets::transfer(asset, &account, lender, collateral, Preservation::Expendable)?;
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
				T::Assets::transfer(asset, &account, to, reward, Preservation::Expendable)?;
			}
		}
		if returned > 0 {
			T::Assets::transfer(
				asset,
				&account,
				&loan.borrower,
				returned,
				Preservation::Expendable,
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
		let outstanding = Self::payoff(&loan, &items, now);
		let asset = loan.terms.asset;
		// The principal the collateral covered is repaid (late: it is a default); the rest is
		// written off.
		let written_off = principal_before.saturating_sub(seized.recovered);
		if seized.recovered > 0 {
			Self::report(T::Credit::note_repaid(
				&loan.borrower,
				Repayment::unscored(Self::report_value(asset, seized.recovered)),
			));
		}
		Self::report(T::Credit::note_defaulted(
			&loan.borrower,
			Self::report_value(asset, written_off),
		));
		Self::deposit_event(Event::Defaulted {
			loan: loan_id,
			outstanding,
			collateral_to_lenders: seized.to_lenders,
			collateral_returned: seized.returned,
		});
		if outstanding.is_zero() {
			// The collateral settled the whole debt: the default is recorded, the loan is over.
			loan.status = LoanStatus::Closed;
			Self::release_deposit(&mut loan)?;
			Self::report(T::Credit::note_settled(&loan.borrower));
			Self::deposit_event(Event::LoanClosed { loan: loan_id });
		}
		Schedules::<T>::insert(loan_id, BoundedVec::<_, T::MaxInstalments>::truncate_from(items));
		Loans::<T>::insert(loan_id, loan);
		Ok(())
	}

	/// Principal not yet paid or recovered.
	fn unpaid_principal(items: &[Instalment]) -> Balance {
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
			Repayment::late(Self::report_value(loan.terms.asset, seized.recovered), days_late),
		));
		if outstanding.is_zero() {
			// The collateral settled everything: the loan is over.
			loan.status = LoanStatus::Closed;
			Self::release_deposit(&mut loan)?;
			Self::report(T::Credit::note_settled(&loan.borrower));
		}
		Schedules::<T>::insert(loan_id, BoundedVec::<_, T::MaxInstalments>::truncate_from(items));
		Loans::<T>::insert(loan_id, loan);
		Self::deposit_event(Event::Liquidated {
			loan: loan_id,
			liquidator: liquidator.clone(),
			reward: seized.reward,
			collateral_to_lenders: seized.to_lenders,
			collateral_returned: seized.returned,
			outstanding,
		});
		if outstanding.is_zero() {
			Self::deposit_event(Event::LoanClosed { loan: loan_id });
		}
		Ok(())
	}

	pub(crate) fn do_list_shares(
		seller: &T::AccountId,
		loan_id: LoanId,
		shares: Balance,
		price: Balance,
	) -> DispatchResult {
		let loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(loan.status.is_repayable(), Error::<T>::NotTradable);
		ensure!(shares > 0, Error::<T>::ZeroAmount);
		let mut position =
			Positions::<T>::get(loan_id, seller).ok_or(Error::<T>::InsufficientShares)?;
		ensure!(
			position.shares.saturating_sub(position.listed) >= shares,
			Error::<T>::InsufficientShares
		);
		let count = ListingCount::<T>::get(loan_id);
		ensure!(count < T::MaxListingsPerLoan::get(), Error::<T>::TooManyListings);
		position.listed += shares;
		Positions::<T>::insert(loan_id, seller, position);
		ListingCount::<T>::insert(loan_id, count + 1);
		let id = NextListingId::<T>::get();
		NextListingId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Listings::<T>::insert(id, Listing { loan: loan_id, seller: seller.clone(), shares, price });
		Self::deposit_event(Event::SharesListed {
			listing: id,
			loan: loan_id,
			seller: seller.clone(),
			shares,
			price,
		});
		Ok(())
	}

	fn close_listing(listing_id: ListingId, listing: &Listing<T::AccountId>) {
		Listings::<T>::remove(listing_id);
		ListingCount::<T>::mutate_exists(listing.loan, |count| {
			*count = count.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
	}

	pub(crate) fn do_cancel_listing(who: &T::AccountId, listing_id: ListingId) -> DispatchResult {
		let listing = Listings::<T>::get(listing_id).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(&listing.seller == who, Error::<T>::NotSeller);
		Positions::<T>::mutate(listing.loan, who, |position| {
			if let Some(position) = position {
				position.listed = position.listed.saturating_sub(listing.shares);
			}
		});
		Self::close_listing(listing_id, &listing);
		Self::deposit_event(Event::ListingCancelled { listing: listing_id });
		Ok(())
	}

	pub(crate) fn do_buy_shares(
		buyer: &T::AccountId,
		listing_id: ListingId,
		shares: Balance,
	) -> DispatchResult {
		let mut listing = Listings::<T>::get(listing_id).ok_or(Error::<T>::ListingNotFound)?;
		let loan_id = listing.loan;
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(loan.status.is_repayable(), Error::<T>::NotTradable);
		ensure!(T::Credit::is_verified(buyer), Error::<T>::NotVerified);
		ensure!(buyer != &listing.seller && buyer != &loan.borrower, Error::<T>::OwnLoan);
		ensure!(shares > 0, Error::<T>::ZeroAmount);
		ensure!(shares <= listing.shares, Error::<T>::InsufficientShares);
		let cost =
			multiply_by_rational_with_rounding(listing.price, shares, listing.shares, Rounding::Up)
				.ok_or(Error::<T>::Overflow)?
				.min(listing.price);
		let seller = listing.seller.clone();
		let mut from =
			Positions::<T>::get(loan_id, &seller).ok_or(Error::<T>::InsufficientShares)?;
		ensure!(from.shares >= shares && from.listed >= shares, Error::<T>::InsufficientShares);
		T::Assets::transfer(loan.terms.asset, buyer, &seller, cost, Preservation::Expendable)?;
		// What the shares earned up to the sale is the seller's.
		let (amount, collateral) = Self::claimable(&loan, &from);
		if amount > 0 || collateral > 0 {
			Self::pay_claim(loan_id, &mut loan, &seller, &mut from, amount, collateral)?;
		}
		let principal = loan.terms.principal;
		from.shares -= shares;
		from.listed -= shares;
		from.claimed = pro_rata(loan.distributed, from.shares, principal);
		from.collateral_claimed = pro_rata(loan.collateral_for_lenders, from.shares, principal);
		let mut to = Positions::<T>::get(loan_id, buyer).unwrap_or_default();
		to.shares = to.shares.saturating_add(shares);
		to.claimed = to.claimed.saturating_add(pro_rata(loan.distributed, shares, principal));
		to.collateral_claimed = to.collateral_claimed.saturating_add(pro_rata(
			loan.collateral_for_lenders,
			shares,
			principal,
		));
		Self::add_lender_loan(buyer, loan_id)?;
		Positions::<T>::insert(loan_id, buyer, to);
		if from.shares.is_zero() {
			Positions::<T>::remove(loan_id, &seller);
			Self::remove_lender_loan(&seller, loan_id);
		} else {
			Positions::<T>::insert(loan_id, &seller, from);
		}
		listing.shares -= shares;
		listing.price -= cost;
		if listing.shares.is_zero() {
			Self::close_listing(listing_id, &listing);
		} else {
			Listings::<T>::insert(listing_id, listing);
		}
		Loans::<T>::insert(loan_id, loan);
		Self::deposit_event(Event::SharesSold {
			listing: listing_id,
			loan: loan_id,
			seller,
			buyer: buyer.clone(),
			shares,
			paid: cost,
		});
		Ok(())
	}

	/// `on_idle`: refunds lenders of ended requests, then expires requests past their deadline,
	/// at most `SweepBatch` of each, within `remaining` weight.
	pub(crate) fn sweep(remaining: Weight) -> Weight {
		let per_refund = T::WeightInfo::claim_refund();
		let per_scan = T::DbWeight::get().reads(1);
		let mut used = T::DbWeight::get().reads(2);
		if remaining.any_lt(used) {
			return Weight::zero();
		}
		let batch = T::SweepBatch::get();
		let mut refunds = 0;
		if let Some(loan_id) = PendingRefunds::<T>::iter_keys().next() {
			if let Some(mut loan) = Loans::<T>::get(loan_id) {
				let lenders: Vec<T::AccountId> =
					Positions::<T>::iter_key_prefix(loan_id).take(batch as usize).collect();
				let (fetched, mut tried, mut paid) = (lenders.len(), 0usize, 0u32);
				for lender in lenders {
					if remaining.any_lt(used.saturating_add(per_refund)) {
						break;
					}
					used.saturating_accrue(per_refund);
					refunds += 1;
					tried += 1;
					// Each refund in its own storage layer (`on_idle` has none): a lender whose
					// refund fails (asset frozen, account blocked) is skipped, the others paid.
					let refunded = frame_support::storage::with_storage_layer(|| {
						Self::refund(loan_id, &mut loan, &lender)
					});
					match refunded {
						Ok(_) => paid += 1,
						Err(error) => Self::deposit_event(Event::RefundFailed {
							loan: loan_id,
							lender: lender.clone(),
							error,
						}),
					}
				}
				Loans::<T>::insert(loan_id, loan);
				if fetched > 0 && tried == fetched && paid == 0 {
					// Nothing could be paid: the lenders claim themselves (`claim_refund`); the
					// sweep moves on instead of retrying this loan forever.
					PendingRefunds::<T>::remove(loan_id);
				}
			} else {
				PendingRefunds::<T>::remove(loan_id);
			}
		}
		let now = Self::now();
		let mut iter = match SweepCursor::<T>::get() {
			Some(cursor) => FundingLoans::<T>::iter_keys_from(cursor.into_inner()),
			None => FundingLoans::<T>::iter_keys(),
		};
		let mut scanned = 0;
		let mut last_key = None;
		while scanned < batch && refunds < batch {
			if remaining.any_lt(
				used.saturating_add(per_scan).saturating_add(per_scan).saturating_add(per_refund),
			) {
				break;
			}
			let Some(loan_id) = iter.next() else {
				last_key = None;
				break;
			};
			scanned += 1;
			used.saturating_accrue(per_scan.saturating_add(per_scan));
			last_key = Some(FundingLoans::<T>::hashed_key_for(loan_id));
			let Some(mut loan) = Loans::<T>::get(loan_id) else { continue };
			if loan.status == LoanStatus::Funding && now > loan.terms.funding_deadline {
				used.saturating_accrue(per_refund);
				let expired = frame_support::storage::with_storage_layer(|| {
					Self::expire_if_due(loan_id, &mut loan, now)
				});
				if expired.is_ok() {
					Loans::<T>::insert(loan_id, loan);
				}
			}
		}
		match last_key.and_then(|k| BoundedVec::try_from(k).ok()) {
			Some(key) => SweepCursor::<T>::put(key),
			None => SweepCursor::<T>::kill(),
		}
		used
	}

	/// The loan `id` for the runtime API.
	pub fn loan_view(id: LoanId) -> Option<LoanView<T::AccountId>> {
		let loan = Loans::<T>::get(id)?;
		let items = Schedules::<T>::get(id).map(|s| s.into_inner()).unwrap_or_default();
		let now = Self::now();
		let params = Params::<T>::get();
		let grace = params.grace_period.saturating_mul(MILLISECONDS_PER_SECOND);
		let mut accrued = loan.clone();
		if loan.status.is_repayable() {
			let _ = Self::accrue_penalty(&mut accrued, &items, now, &params);
		}
		let schedule = items
			.iter()
			.map(|i| InstalmentView {
				instalment: *i,
				state: if i.is_paid() {
					InstalmentState::Paid
				} else if i.due_at > now {
					InstalmentState::Upcoming
				} else if now <= i.due_at.saturating_add(grace) {
					InstalmentState::Due
				} else {
					InstalmentState::Overdue
				},
			})
			.collect();
		let next_due = items.iter().find(|i| !i.is_paid()).map(|i| (i.due_at, i.outstanding()));
		Some(LoanView {
			borrower: loan.borrower.clone(),
			terms: loan.terms,
			status: loan.status,
			funded: loan.funded,
			schedule,
			next_due,
			penalty_owed: accrued.penalty_accrued.saturating_sub(accrued.penalty_paid),
			payoff_today: if loan.status.is_repayable() {
				Self::payoff(&accrued, &items, now)
			} else {
				0
			},
			repaid: loan.distributed,
		})
	}

	/// The positions of `who` for the runtime API.
	pub fn positions_of(who: &T::AccountId) -> Vec<PositionView> {
		LenderLoans::<T>::get(who)
			.into_iter()
			.filter_map(|id| {
				let loan = Loans::<T>::get(id)?;
				let position = Positions::<T>::get(id, who)?;
				let (claimable, collateral_claimable) = Self::claimable(&loan, &position);
				let refunding = loan.status.is_refunding()
					|| (loan.status == LoanStatus::Funding
						&& Self::now() > loan.terms.funding_deadline);
				Some(PositionView {
					loan: id,
					status: loan.status,
					shares: position.shares,
					listed: position.listed,
					claimable,
					collateral_claimable,
					refundable: if refunding { position.shares } else { 0 },
				})
			})
			.collect()
	}

	/// Up to `limit` requests open for funding, for the runtime API.
	pub fn open_requests(limit: u32) -> Vec<(LoanId, LoanView<T::AccountId>)> {
		let now = Self::now();
		FundingLoans::<T>::iter_keys()
			.filter_map(|id| Loans::<T>::get(id).map(|loan| (id, loan)))
			.filter(|(_, l)| l.status == LoanStatus::Funding && now <= l.terms.funding_deadline)
			.take(limit as usize)
			.filter_map(|(id, _)| Self::loan_view(id).map(|v| (id, v)))
			.collect()
	}

	/// The pallet's invariants:
	/// - the custody account holds, of every asset, exactly the escrowed funding not yet
	///   refunded, the collateral held or handed to lenders and not yet claimed, and the
	///   repayments not yet claimed;
	/// - every loan's shares add up to what was funded and not refunded (the principal once
	///   disbursed), listed shares are covered by positions, and each status is consistent with
	///   its data (schedule after disbursement, principal fully funded, open-request counts).
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut owed: BTreeMap<AssetId, Balance> = BTreeMap::new();
		let mut open: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (id, loan) in Loans::<T>::iter() {
			let escrow = if loan.status.was_disbursed() { 0 } else { loan.funded - loan.refunded };
			*owed.entry(loan.terms.asset).or_default() +=
				escrow + (loan.distributed - loan.claimed);
			if let Some((asset, _)) = loan.terms.collateral {
				*owed.entry(asset).or_default() +=
					loan.collateral_held + (loan.collateral_for_lenders - loan.collateral_claimed);
			}
			let shares: Balance = Positions::<T>::iter_prefix_values(id).map(|p| p.shares).sum();
			let expected = if loan.status.was_disbursed() {
				loan.terms.principal
			} else {
				loan.funded - loan.refunded
			};
			ensure!(shares == expected, "shares differ from funding");
			for (_, p) in Positions::<T>::iter_prefix(id) {
				ensure!(p.listed <= p.shares, "more shares listed than held");
			}
			if loan.status.was_disbursed() {
				ensure!(loan.started_at.is_some(), "disbursed loan without start");
				ensure!(loan.funded == loan.terms.principal, "disbursed loan not fully funded");
				ensure!(Schedules::<T>::contains_key(id), "disbursed loan without schedule");
			} else {
				ensure!(
					loan.funded < loan.terms.principal || loan.status.is_refunding(),
					"full request not started"
				);
			}
			ensure!(
				FundingLoans::<T>::contains_key(id) == (loan.status == LoanStatus::Funding),
				"the index of requests open for funding differs from the loans"
			);
			if loan.status == LoanStatus::Funding {
				*open.entry(loan.borrower.clone()).or_default() += 1;
			} else {
				ensure!(loan.committed == 0, "a request that ended still commits credit");
			}
			ensure!(loan.claimed <= loan.distributed, "claimed more than paid in");
		}
		for (who, count) in OpenRequests::<T>::iter() {
			ensure!(open.get(&who).copied().unwrap_or(0) == count, "open-request count differs");
		}
		let account = Self::account_id();
		for (asset, amount) in owed {
			ensure!(
				<T::Assets as frame_support::traits::fungibles::Inspect<_>>::balance(
					asset, &account
				) >= amount,
				// `>=`: anyone may donate to the custody account; what is owed must be there.
				"custody holds less than what is owed"
			);
		}
		let mut listed: BTreeMap<(LoanId, T::AccountId), Balance> = BTreeMap::new();
		for (_, listing) in Listings::<T>::iter() {
			*listed.entry((listing.loan, listing.seller.clone())).or_default() += listing.shares;
		}
		for ((loan, seller), shares) in listed {
			let position = Positions::<T>::get(loan, &seller).unwrap_or_default();
			ensure!(position.listed == shares, "listed shares differ from listings");
		}
		Ok(())
	}
}
