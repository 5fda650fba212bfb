//! The logic behind the calls, the runtime API views and `try_state`.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		fungibles::{Inspect as _, Mutate as _},
		tokens::{Precision, Preservation},
		Time,
	},
};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, Zero},
	DispatchResult, FixedI64, FixedPointNumber, FixedU128, Permill, Rounding,
};
use xindai_primitives::{
	credit::{
		days_late, lateness_bounds, CreditRegistry, EnterpriseRegistry, FilingSignal, DAY_MS,
	},
	facility::CreditFacilities,
	price::{self, PriceProvider},
	service::{Repayment, Service, ServiceClock},
	AssetId, Balance, Moment, MILLISECONDS_PER_SECOND,
};

use crate::{accrual::Clock, pallet::*, types::*};

/// A filing with the ratios lenders read from it (`SmeFinanceApi::filings`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct FilingView<AccountId> {
	/// The period covered.
	pub period: ReportingPeriod,
	/// The filing as stored.
	pub filing: Filing<AccountId>,
	/// Net profit over revenue; `None` without revenue.
	pub net_margin: Option<FixedI64>,
	/// Receivables over payables; `None` without payables.
	pub receivables_to_payables: Option<FixedU128>,
	/// Revenue per employee (credit units); `None` without employees.
	pub revenue_per_employee: Option<Balance>,
}

/// A milestone and whether its tranche was released.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct MilestoneView<AccountId> {
	/// As declared.
	pub spec: MilestoneSpec,
	/// Released (attested) or pending.
	pub released: bool,
	/// Who attested it and when.
	pub attested: Option<Audit<AccountId>>,
}

/// A credit line as the enterprise and its source see it now (`SmeFinanceApi::line`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct LineView<AccountId> {
	/// The line's id.
	pub id: LineId,
	/// The borrowing enterprise.
	pub enterprise: AccountId,
	/// The terms.
	pub terms: LineTerms,
	/// Where it stands.
	pub status: LineStatus,
	/// Where the money comes from.
	pub source: Option<LineSource<AccountId>>,
	/// The milestones, released or pending.
	pub milestones: Vec<MilestoneView<AccountId>>,
	/// Σ released tranches.
	pub released: Balance,
	/// Still committed, not drawn.
	pub undrawn: Balance,
	/// Drawn principal owed.
	pub principal: Balance,
	/// Interest accrued to now, unpaid.
	pub accrued_interest: Balance,
	/// What is due now (interest past due dates; after maturity, everything).
	pub due: Balance,
	/// The next due date (milliseconds), if before maturity; else maturity.
	pub next_due_at: Moment,
	/// Funding and maturity (milliseconds); zero before funding.
	pub started_at: Moment,
	pub maturity: Moment,
	/// Since when something is unpaid, and whether that is beyond the grace period.
	pub overdue_since: Option<Moment>,
	pub overdue: bool,
	/// Interest and principal paid so far.
	pub interest_paid: Balance,
	pub principal_repaid: Balance,
}

/// An open invoice (`SmeFinanceApi::invoices`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct InvoiceView<AccountId, DepositBalance> {
	/// The invoice's id.
	pub id: InvoiceId,
	/// The invoice as stored (its `status` says where it stands).
	pub invoice: Invoice<AccountId, DepositBalance>,
}

impl<T: Config> Pallet<T> {
	/// The account holding financiers' undrawn limits.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	fn now() -> Moment {
		T::Time::now()
	}

	fn report_value(asset: AssetId, amount: Balance) -> Balance {
		price::report_value::<T::Prices>(asset, amount)
	}

	/// What new debt of `amount` is worth for the credit check: at the latest price, rounded
	/// up; refused without a price (an unpriced asset must not slip past the exposure cap).
	fn debt_value(asset: AssetId, amount: Balance) -> Result<Balance, DispatchError> {
		let price = T::Prices::price(asset).ok_or(Error::<T>::NoPrice)?;
		Ok(price::value_of(amount, price.price, sp_runtime::Rounding::Up)
			.ok_or(Error::<T>::Overflow)?)
	}

	/// The calendar and rates of an active line.
	pub fn clock(line: &LineOf<T>) -> Clock {
		let params = Params::<T>::get();
		Clock {
			started_at: line.started_at,
			maturity: line.maturity,
			period: T::InterestPeriod::get().saturating_mul(MILLISECONDS_PER_SECOND),
			grace: params.grace_period.saturating_mul(MILLISECONDS_PER_SECOND),
			rate: line.terms.annual_rate,
			penalty_rate: params.penalty_rate,
		}
	}

	fn accrue(line: &mut LineOf<T>, now: Moment) -> Result<Clock, Error<T>> {
		let clock = Self::clock(line);
		line.outstanding.accrue(&clock, now).ok_or(Error::<T>::Overflow)?;
		Ok(clock)
	}

	fn hold_deposit(who: &T::AccountId) -> Result<DepositBalanceOf<T>, DispatchError> {
		let deposit = T::RecordDeposit::get();
		T::Currency::hold(&HoldReason::RecordDeposit.into(), who, deposit)?;
		Ok(deposit)
	}

	fn release_deposit(who: &T::AccountId, deposit: DepositBalanceOf<T>) {
		if deposit.is_zero() {
			return;
		}
		if let Err(error) = T::Currency::release(
			&HoldReason::RecordDeposit.into(),
			who,
			deposit,
			Precision::BestEffort,
		) {
			log::warn!(target: "sme-finance", "deposit release failed: {error:?}");
		}
	}

	fn transfer(
		asset: AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Assets::transfer(asset, from, to, amount, Preservation::Expendable)?;
		Ok(())
	}

	/// Checks `params` against [`bounds`].
	pub fn ensure_valid_params(params: &SmeParams) -> DispatchResult {
		use bounds::*;
		lateness_bounds::check(params.grace_period, params.penalty_rate, params.default_after_days)
			.map_err(|broken| match broken {
				lateness_bounds::Broken::GracePeriod => Error::<T>::GracePeriodTooLong,
				lateness_bounds::Broken::PenaltyRate => Error::<T>::PenaltyRateTooHigh,
				lateness_bounds::Broken::DefaultDays => Error::<T>::DefaultDaysOutOfBounds,
			})?;
		ensure!(
			params.max_advance_rate <= MAX_ADVANCE_RATE && params.max_fee_rate <= MAX_FEE_RATE,
			Error::<T>::InvoiceLimitsOutOfBounds
		);
		Ok(())
	}

	fn ensure_enterprise(who: &T::AccountId) -> DispatchResult {
		ensure!(T::Enterprises::is_verified_enterprise(who), Error::<T>::NotVerifiedEnterprise);
		Ok(())
	}

	fn default_threshold() -> Moment {
		(Params::<T>::get().default_after_days as Moment).saturating_mul(DAY_MS)
	}

	// ---------------------------------------------------------------------------------------
	// Filings

	pub(crate) fn do_file_report(
		enterprise: &T::AccountId,
		period: ReportingPeriod,
		commitment: H256,
		metrics: FinancialMetrics,
	) -> DispatchResult {
		Self::ensure_enterprise(enterprise)?;
		ensure!(period_is_valid(&period), Error::<T>::InvalidPeriod);
		ensure!(metrics_in_bounds(&metrics), Error::<T>::MetricsOutOfBounds);
		match Filings::<T>::get(enterprise, period) {
			Some(existing) => ensure!(existing.audit.is_none(), Error::<T>::FilingLocked),
			None => {
				let count = FilingCount::<T>::get(enterprise);
				ensure!(count < T::MaxFilings::get(), Error::<T>::TooManyFilings);
				Self::hold_deposit(enterprise)?;
				FilingCount::<T>::insert(enterprise, count + 1);
			},
		}
		let filing = Filing { commitment, metrics, filed_at: Self::now(), audit: None };
		Filings::<T>::insert(enterprise, period, filing);
		Self::deposit_event(Event::ReportFiled {
			enterprise: enterprise.clone(),
			period,
			commitment,
		});
		Ok(())
	}

	pub(crate) fn do_attest_report(
		auditor: &T::AccountId,
		enterprise: &T::AccountId,
		period: ReportingPeriod,
		commitment: H256,
		metrics: FinancialMetrics,
	) -> DispatchResult {
		use xindai_primitives::credit::VerifierKind;
		ensure!(
			T::Enterprises::is_verifier_of(auditor, VerifierKind::Auditor),
			Error::<T>::NotVerifier
		);
		ensure!(auditor != enterprise, Error::<T>::SelfAttestation);
		let mut filing = Filings::<T>::get(enterprise, period).ok_or(Error::<T>::FilingNotFound)?;
		ensure!(filing.audit.is_none(), Error::<T>::FilingLocked);
		ensure!(
			filing.commitment == commitment && filing.metrics == metrics,
			Error::<T>::FilingMismatch
		);
		filing.audit = Some(Audit { auditor: auditor.clone(), at: Self::now() });
		let signal = FilingSignal { profitable: filing.metrics.net_profit > 0 };
		Filings::<T>::insert(enterprise, period, filing);
		T::Enterprises::note_attested_filing(enterprise, signal)?;
		Self::deposit_event(Event::ReportAttested {
			enterprise: enterprise.clone(),
			period,
			auditor: auditor.clone(),
		});
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Credit lines

	pub(crate) fn do_apply(
		enterprise: &T::AccountId,
		terms: LineTerms,
		specs: MilestoneSpecsOf<T>,
	) -> Result<LineId, DispatchError> {
		Self::ensure_enterprise(enterprise)?;
		ensure!(terms.limit > 0, Error::<T>::ZeroLimit);
		ensure!(!specs.is_empty(), Error::<T>::BadMilestones);
		// Every tranche, and so every undrawn remainder in custody, is at least the asset's
		// minimum balance: custody never holds dust that a transfer would burn.
		let minimum = T::Assets::minimum_balance(terms.asset).max(1);
		ensure!(specs.iter().all(|m| m.amount >= minimum), Error::<T>::MilestoneTooSmall);
		let total = specs
			.iter()
			.try_fold(0u128, |sum, m| sum.checked_add(m.amount))
			.ok_or(Error::<T>::Overflow)?;
		ensure!(total == terms.limit, Error::<T>::MilestonesMismatchLimit);
		ensure!(terms.annual_rate <= T::MaxAnnualRate::get(), Error::<T>::RateTooHigh);
		ensure!(
			(T::MinTerm::get()..=T::MaxTerm::get()).contains(&terms.term),
			Error::<T>::TermOutOfBounds
		);
		T::Credit::ensure_can_borrow(enterprise, Self::debt_value(terms.asset, terms.limit)?)?;
		let id = NextLineId::<T>::get();
		EnterpriseLines::<T>::try_mutate(enterprise, |lines| lines.try_push(id))
			.map_err(|_| Error::<T>::TooManyLines)?;
		let deposit = Self::hold_deposit(enterprise)?;
		NextLineId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let milestones = specs
			.into_iter()
			.map(|spec| Milestone { spec, attested: None })
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::BadMilestones)?;
		let line = CreditLine {
			enterprise: enterprise.clone(),
			terms,
			milestones,
			status: LineStatus::Applied,
			source: None,
			deposit,
			released: 0,
			undrawn: 0,
			outstanding: Default::default(),
			started_at: 0,
			maturity: 0,
			interest_paid: 0,
			principal_repaid: 0,
			committed: 0,
			service: ServiceClock::default(),
			late_reported_for: None,
		};
		Lines::<T>::insert(id, line);
		Self::deposit_event(Event::LineApplied { line: id, enterprise: enterprise.clone(), terms });
		Ok(id)
	}

	/// Activates a line: its limit becomes committed exposure of the enterprise, so the
	/// eligibility and the cap are checked again now.
	fn activate(id: LineId, line: &mut LineOf<T>) -> DispatchResult {
		let now = Self::now();
		let value = Self::debt_value(line.terms.asset, line.terms.limit)?;
		T::Credit::ensure_can_borrow(&line.enterprise, value)?;
		T::Credit::note_committed(&line.enterprise, value)?;
		line.committed = value;
		line.status = LineStatus::Active;
		line.undrawn = line.terms.limit;
		line.started_at = now;
		line.maturity = now.saturating_add(line.terms.term.saturating_mul(MILLISECONDS_PER_SECOND));
		line.outstanding.last_accrued = now;
		line.service = ServiceClock::start(now, 0);
		Self::deposit_event(Event::LineActivated { line: id, maturity: line.maturity });
		Ok(())
	}

	/// Releases the share of the line's commitment that `amount` of its undrawn funds carry
	/// (all of it when nothing stays undrawn).
	fn release_commitment(line: &mut LineOf<T>, amount: Balance) {
		let part = if amount >= line.undrawn {
			line.committed
		} else {
			multiply_by_rational_with_rounding(line.committed, amount, line.undrawn, Rounding::Up)
				.unwrap_or(line.committed)
				.min(line.committed)
		};
		line.committed -= part;
		if part > 0 {
			Self::report(T::Credit::note_commitment_released(&line.enterprise, part));
		}
	}

	/// Handles the result of a report to the credit registry that must not stop a money flow
	/// (a debtor must always be able to pay): a failure is announced, never swallowed.
	pub(crate) fn report(result: DispatchResult) {
		if let Err(error) = result {
			log::warn!(target: "sme-finance", "credit report failed: {error:?}");
			Self::deposit_event(Event::CreditReportFailed { error });
		}
	}

	pub(crate) fn do_approve(id: LineId, source: LineSource<T::AccountId>) -> DispatchResult {
		let mut line = Lines::<T>::get(id).ok_or(Error::<T>::LineNotFound)?;
		ensure!(line.status == LineStatus::Applied, Error::<T>::WrongLineStatus);
		line.source = Some(source.clone());
		Self::deposit_event(Event::LineApproved { line: id, source: source.clone() });
		match source {
			LineSource::Pool => {
				T::Facilities::open_facility(line.terms.asset, id, line.terms.limit)?;
				Self::activate(id, &mut line)?;
			},
			LineSource::Financier(_) => line.status = LineStatus::AwaitingFunds,
		}
		Lines::<T>::insert(id, line);
		Ok(())
	}

	pub(crate) fn do_fund_line(financier: &T::AccountId, id: LineId) -> DispatchResult {
		let mut line = Lines::<T>::get(id).ok_or(Error::<T>::LineNotFound)?;
		ensure!(line.status == LineStatus::AwaitingFunds, Error::<T>::WrongLineStatus);
		ensure!(
			line.source == Some(LineSource::Financier(financier.clone())),
			Error::<T>::NotFinancier
		);
		ensure!(T::Credit::is_verified(financier), Error::<T>::NotVerified);
		Self::transfer(line.terms.asset, financier, &Self::account_id(), line.terms.limit)?;
		Self::activate(id, &mut line)?;
		Lines::<T>::insert(id, line);
		Ok(())
	}

	pub(crate) fn do_attest_milestone(
		verifier: &T::AccountId,
		id: LineId,
		index: u32,
	) -> DispatchResult {
		let now = Self::now();
		let mut line = Lines::<T>::get(id).ok_or(Error::<T>::LineNotFound)?;
		ensure!(line.status == LineStatus::Active, Error::<T>::WrongLineStatus);
		let next = line.next_milestone().ok_or(Error::<T>::MilestoneNotPending)?;
		ensure!(
			index >= next && (index as usize) < line.milestones.len(),
			Error::<T>::MilestoneNotPending
		);
		ensure!(index == next, Error::<T>::MilestoneOutOfOrder);
		let spec = line.milestones[index as usize].spec;
		ensure!(T::Enterprises::is_verifier_of(verifier, spec.verifier), Error::<T>::NotVerifier);
		ensure!(*verifier != line.enterprise, Error::<T>::SelfAttestation);
		ensure!(now < line.maturity, Error::<T>::LineMatured);
		let clock = Self::accrue(&mut line, now)?;
		ensure!(!line.outstanding.is_overdue(&clock, now), Error::<T>::LineOverdue);
		let asset = line.terms.asset;
		let amount = spec.amount;
		let value = Self::debt_value(asset, amount)?;
		// The tranche leaves the commitment and becomes debt: checked again, so a frozen or
		// unverified enterprise draws nothing.
		Self::release_commitment(&mut line, amount);
		T::Credit::ensure_can_borrow(&line.enterprise, value)?;
		match &line.source {
			Some(LineSource::Pool) => T::Facilities::draw(asset, id, &line.enterprise, amount)?,
			_ => Self::transfer(asset, &Self::account_id(), &line.enterprise, amount)?,
		}
		line.undrawn = line.undrawn.checked_sub(amount).ok_or(Error::<T>::Overflow)?;
		line.released = line.released.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		if line.outstanding.principal.is_zero() {
			// Nothing was outstanding: service starts with this tranche.
			line.service.restart(now, amount);
		}
		line.outstanding.draw(amount).ok_or(Error::<T>::Overflow)?;
		line.milestones[index as usize].attested =
			Some(Audit { auditor: verifier.clone(), at: now });
		T::Credit::note_borrowed(&line.enterprise, value)?;
		Lines::<T>::insert(id, line);
		Self::deposit_event(Event::TrancheReleased {
			line: id,
			milestone: index,
			amount,
			verifier: verifier.clone(),
		});
		Ok(())
	}

	pub(crate) fn do_repay_line(
		payer: &T::AccountId,
		id: LineId,
		amount: Balance,
	) -> DispatchResult {
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
			let served = line.service.take(now, left);
			Service { principal: Self::report_value(asset, served.principal), ..served }
		} else {
			line.service.note_principal(left);
			Service::NONE
		};
		if report_late {
			line.late_reported_for = overdue_since;
		}
		let repayment = Repayment {
			amount: if defaulted { 0 } else { Self::report_value(asset, principal) },
			days_late: if report_late { late } else { 0 },
			served,
		};
		Self::report(T::Credit::note_repaid(&line.enterprise, repayment));
		Self::deposit_event(Event::LineRepaid {
			line: id,
			payer: payer.clone(),
			interest,
			principal,
			days_late: late,
		});
		let paid_off = line.outstanding.total().is_zero();
		if paid_off && matches!(line.status, LineStatus::Closing | LineStatus::Defaulted) {
			Self::finish_line(id, line, true);
		} else {
			Lines::<T>::insert(id, line);
		}
		Ok(())
	}

	/// Returns the undrawn part of a line to its source.
	fn return_undrawn(id: LineId, line: &mut LineOf<T>) -> Result<Balance, DispatchError> {
		let undrawn = line.undrawn;
		match &line.source {
			Some(LineSource::Pool)
				if T::Facilities::facility(line.terms.asset, id).is_some_and(|f| f.undrawn > 0) =>
			{
				T::Facilities::release_undrawn(line.terms.asset, id)?
			},
			Some(LineSource::Financier(financier)) => {
				Self::transfer(line.terms.asset, &Self::account_id(), financier, undrawn)?
			},
			Some(LineSource::Pool) | None => {},
		}
		Self::release_commitment(line, undrawn);
		line.undrawn = 0;
		Ok(undrawn)
	}

	/// Removes a line: deposit back, out of the enterprise's list; reports it settled if it lent.
	fn finish_line(id: LineId, line: LineOf<T>, settled: bool) {
		Lines::<T>::remove(id);
		EnterpriseLines::<T>::mutate(&line.enterprise, |lines| lines.retain(|l| *l != id));
		Self::release_deposit(&line.enterprise, line.deposit);
		if line.committed > 0 {
			Self::report(T::Credit::note_commitment_released(&line.enterprise, line.committed));
		}
		if settled && line.released > 0 {
			Self::report(T::Credit::note_settled(&line.enterprise));
		}
		Self::deposit_event(Event::LineClosed { line: id });
	}

	pub(crate) fn do_close_line(caller: Option<&T::AccountId>, id: LineId) -> DispatchResult {
		let now = Self::now();
		let mut line = Lines::<T>::get(id).ok_or(Error::<T>::LineNotFound)?;
		if let Some(who) = caller {
			let matured = line.status == LineStatus::Active && now >= line.maturity;
			ensure!(*who == line.enterprise || matured, Error::<T>::NotEnterprise);
		}
		match line.status {
			LineStatus::Applied | LineStatus::AwaitingFunds => {
				Self::finish_line(id, line, false);
				Ok(())
			},
			LineStatus::Active => {
				Self::accrue(&mut line, now)?;
				let undrawn = Self::return_undrawn(id, &mut line)?;
				if line.outstanding.total().is_zero() {
					Self::finish_line(id, line, true);
				} else {
					line.status = LineStatus::Closing;
					Lines::<T>::insert(id, line);
					Self::deposit_event(Event::LineClosing { line: id, undrawn });
				}
				Ok(())
			},
			LineStatus::Closing | LineStatus::Defaulted => Err(Error::<T>::WrongLineStatus.into()),
		}
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
		let outstanding = line.outstanding.total();
		// The principal is written off (interest never counted as exposure).
		let value = Self::report_value(line.terms.asset, line.outstanding.principal);
		Self::report(T::Credit::note_defaulted(&line.enterprise, value));
		Lines::<T>::insert(id, line);
		Self::deposit_event(Event::LineDefaulted { line: id, outstanding, undrawn });
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Invoices

	pub(crate) fn do_submit_invoice(
		enterprise: T::AccountId,
		buyer: T::AccountId,
		amount: Balance,
		asset: AssetId,
		due_at: Moment,
		invoice_hash: H256,
	) -> Result<InvoiceId, DispatchError> {
		Self::ensure_enterprise(&enterprise)?;
		ensure!(buyer != enterprise, Error::<T>::SelfInvoice);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
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
		InvoiceHashes::<T>::insert(invoice_hash, id);
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

	/// Removes an invoice that reached its end (its hash stays used).
	fn finish_invoice(id: InvoiceId, invoice: InvoiceOf<T>) {
		Invoices::<T>::remove(id);
		EnterpriseInvoices::<T>::mutate(&invoice.enterprise, |open| open.retain(|i| *i != id));
		Self::release_deposit(&invoice.enterprise, invoice.deposit);
	}

	pub(crate) fn do_confirm_invoice(buyer: &T::AccountId, id: InvoiceId) -> DispatchResult {
		let mut invoice = Invoices::<T>::get(id).ok_or(Error::<T>::InvoiceNotFound)?;
		ensure!(invoice.buyer == *buyer, Error::<T>::NotBuyer);
		ensure!(invoice.status == InvoiceStatus::Submitted, Error::<T>::WrongInvoiceStatus);
		ensure!(T::Credit::is_verified(buyer), Error::<T>::NotVerified);
		let now = Self::now();
		ensure!(now < invoice.due_at, Error::<T>::InvoiceDue);
		// A confirmed invoice is the buyer's debt: within its cap, never while it is frozen.
		let value = Self::debt_value(invoice.asset, invoice.amount)?;
		T::Credit::ensure_can_borrow(buyer, value)?;
		invoice.status = InvoiceStatus::Confirmed;
		invoice.confirmed_at = now;
		T::Credit::note_borrowed(buyer, Self::report_value(invoice.asset, invoice.amount))?;
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
			*financier != invoice.enterprise && *financier != invoice.buyer,
			Error::<T>::OwnInvoice
		);
		ensure!(Self::now() < invoice.due_at, Error::<T>::InvoiceDue);
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
		Self::transfer(invoice.asset, financier, &invoice.enterprise, advance)?;
		invoice.status = InvoiceStatus::Financed;
		invoice.financing = Some(Financing {
			financier: financier.clone(),
			advance,
			fee,
			recourse_owed: 0,
			recourse_since: 0,
			late_reported: false,
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
		let value = Self::report_value(invoice.asset, invoice.amount);
		// Paid on time, a financed invoice served its amount from financing to payment: an
		// independent financier took the risk. An unfinanced invoice proves nothing (an
		// enterprise and a buyer of one owner could trade invoices for free to farm a score).
		let served = match (&invoice.financing, late) {
			(Some(financing), 0) => {
				Service { principal: value, duration: now.saturating_sub(financing.financed_at) }
			},
			_ => Service::NONE,
		};
		if invoice.status == InvoiceStatus::Recourse {
			// The buyer's default (and its debt) was written off at recourse: its payment now is
			// recovery, not a fall of exposure counted twice.
			Self::report(T::Credit::note_repaid(buyer, Repayment::unscored(0)));
		} else {
			Self::report(T::Credit::note_repaid(
				buyer,
				Repayment { amount: value, days_late: late, served },
			));
		}
		if let (InvoiceStatus::Recourse, Some(financing)) = (&invoice.status, &invoice.financing) {
			// The buyer's payment cleared what the enterprise owed under recourse: its lateness
			// is recorded once (if not yet), nothing about on-time behaviour.
			let value = Self::report_value(invoice.asset, to_financier);
			let late = days_late(financing.recourse_since, now, grace);
			let repayment = if late > 0 && !financing.late_reported {
				Repayment::late(value, late)
			} else {
				Repayment::unscored(value)
			};
			Self::report(T::Credit::note_repaid(&invoice.enterprise, repayment));
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
		let buyer_value = Self::report_value(invoice.asset, invoice.amount);
		Self::report(T::Credit::note_defaulted(&invoice.buyer, buyer_value));
		// Reporting never blocks recourse (the enterprise may have left the registry).
		let value = Self::report_value(invoice.asset, owed);
		Self::report(T::Credit::note_borrowed(&invoice.enterprise, value));
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
		Self::transfer(invoice.asset, payer, &financing.financier, paid)?;
		financing.recourse_owed -= paid;
		let owed = financing.recourse_owed;
		let grace = Params::<T>::get().grace_period.saturating_mul(MILLISECONDS_PER_SECOND);
		let late = days_late(financing.recourse_since, now, grace);
		let value = Self::report_value(invoice.asset, paid);
		// Late once per recourse, when it is cleared (whoever pays, days late at clearing):
		// a stranger's dust clears nothing, and a dust payment on the first late day cannot
		// fix a milder lateness.
		let report_late = late > 0 && owed.is_zero() && !financing.late_reported;
		if report_late {
			financing.late_reported = true;
		}
		let repayment =
			if report_late { Repayment::late(value, late) } else { Repayment::unscored(value) };
		Self::report(T::Credit::note_repaid(&invoice.enterprise, repayment));
		Self::deposit_event(Event::RecourseRepaid { invoice: id, amount: paid, owed });
		if owed.is_zero() {
			Self::finish_invoice(id, invoice);
		} else {
			Invoices::<T>::insert(id, invoice);
		}
		Ok(())
	}

	// ---------------------------------------------------------------------------------------
	// Runtime API views

	/// The filings of `who` with their ratios.
	pub fn filings(who: &T::AccountId) -> Vec<FilingView<T::AccountId>> {
		Filings::<T>::iter_prefix(who)
			.map(|(period, filing)| {
				let m = filing.metrics;
				let net_margin = (m.revenue > 0 && m.revenue <= i128::MAX as u128).then(|| {
					let revenue = m.revenue as i128;
					FixedI64::checked_from_rational(m.net_profit, revenue).unwrap_or_default()
				});
				FilingView {
					period,
					net_margin,
					receivables_to_payables: (m.payables > 0)
						.then(|| FixedU128::saturating_from_rational(m.receivables, m.payables)),
					revenue_per_employee: (m.employees > 0)
						.then(|| m.revenue / m.employees as Balance),
					filing,
				}
			})
			.collect()
	}

	/// A line accrued to now.
	pub fn line_view(id: LineId) -> Option<LineView<T::AccountId>> {
		let now = Self::now();
		let mut line = Lines::<T>::get(id)?;
		let started =
			matches!(line.status, LineStatus::Active | LineStatus::Closing | LineStatus::Defaulted);
		let clock = Self::clock(&line);
		if started {
			line.outstanding.accrue(&clock, now)?;
		}
		let o = line.outstanding;
		Some(LineView {
			id,
			enterprise: line.enterprise.clone(),
			terms: line.terms,
			status: line.status,
			source: line.source.clone(),
			milestones: line
				.milestones
				.iter()
				.map(|m| MilestoneView {
					spec: m.spec,
					released: m.attested.is_some(),
					attested: m.attested.clone(),
				})
				.collect(),
			released: line.released,
			undrawn: line.undrawn,
			principal: o.principal,
			accrued_interest: o.interest,
			due: if started { o.due(&clock, now) } else { 0 },
			next_due_at: if started {
				clock.next_due_after(now).unwrap_or(line.maturity)
			} else {
				0
			},
			started_at: line.started_at,
			maturity: line.maturity,
			overdue_since: o.overdue_since,
			overdue: started && o.is_overdue(&clock, now),
			interest_paid: line.interest_paid,
			principal_repaid: line.principal_repaid,
		})
	}

	/// The lines of `who`, accrued to now.
	pub fn lines(who: &T::AccountId) -> Vec<LineView<T::AccountId>> {
		EnterpriseLines::<T>::get(who).into_iter().filter_map(Self::line_view).collect()
	}

	/// The open invoices of `who`.
	pub fn invoices(who: &T::AccountId) -> Vec<InvoiceView<T::AccountId, DepositBalanceOf<T>>> {
		EnterpriseInvoices::<T>::get(who)
			.into_iter()
			.filter_map(|id| Invoices::<T>::get(id).map(|invoice| InvoiceView { id, invoice }))
			.collect()
	}

	/// The pallet's invariants:
	/// - custody: the pallet account holds, of every asset, the undrawn limits of its
	///   financier-funded lines (more only if someone sent it assets directly);
	/// - each line: Σ released tranches ≤ limit, released + undrawn = limit while active,
	///   released = Σ attested milestones, milestones attested in order, interest due ≤
	///   interest; a pool-funded line's facility matches its undrawn commitment;
	/// - lines and open invoices are listed under their enterprise, and only those;
	/// - invoices: a legal state (financing exactly when financed or under recourse, recourse
	///   owed only under recourse), their hash indexed to them;
	/// - filing counts equal the stored filings.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungibles::Inspect;
		let mut custody: BTreeMap<AssetId, Balance> = BTreeMap::new();
		for (id, line) in Lines::<T>::iter() {
			ensure!(line.released <= line.terms.limit, "released above the limit");
			let attested: Balance = line
				.milestones
				.iter()
				.filter(|m| m.attested.is_some())
				.map(|m| m.spec.amount)
				.sum();
			ensure!(attested == line.released, "released differs from attested milestones");
			let pending =
				line.next_milestone().map(|i| i as usize).unwrap_or(line.milestones.len());
			ensure!(
				line.milestones.iter().skip(pending).all(|m| m.attested.is_none()),
				"milestone attested out of order"
			);
			ensure!(
				line.outstanding.interest_due <= line.outstanding.interest,
				"interest due above interest"
			);
			ensure!(line.outstanding.principal <= line.released, "principal above released");
			match line.status {
				LineStatus::Active => ensure!(
					line.released + line.undrawn == line.terms.limit,
					"active line's released + undrawn differ from its limit"
				),
				_ => ensure!(line.undrawn == 0, "undrawn funds on a line that cannot draw"),
			}
			match line.status {
				LineStatus::Active => ensure!(
					line.undrawn > 0 || line.committed == 0,
					"a fully drawn line still commits credit"
				),
				_ => ensure!(line.committed == 0, "a line that cannot draw still commits credit"),
			}
			match &line.source {
				Some(LineSource::Financier(_)) => {
					*custody.entry(line.terms.asset).or_default() += line.undrawn;
				},
				Some(LineSource::Pool) => {
					let undrawn = T::Facilities::facility(line.terms.asset, id)
						.map(|f| f.undrawn)
						.unwrap_or(0);
					ensure!(undrawn == line.undrawn, "facility commitment differs from undrawn");
				},
				None => ensure!(line.status == LineStatus::Applied, "unapproved line past Applied"),
			}
			ensure!(
				EnterpriseLines::<T>::get(&line.enterprise).contains(&id),
				"line not listed under its enterprise"
			);
		}
		for (who, lines) in EnterpriseLines::<T>::iter() {
			for id in lines {
				ensure!(
					Lines::<T>::get(id).is_some_and(|l| l.enterprise == who),
					"listed line missing"
				);
			}
		}
		let account = Self::account_id();
		for (asset, held) in custody {
			// At least: assets sent to the account directly are a donation, not an error.
			ensure!(T::Assets::balance(asset, &account) >= held, "custody below undrawn");
		}
		for (id, invoice) in Invoices::<T>::iter() {
			ensure!(
				InvoiceHashes::<T>::get(invoice.invoice_hash) == Some(id),
				"invoice hash not indexed"
			);
			ensure!(
				EnterpriseInvoices::<T>::get(&invoice.enterprise).contains(&id),
				"invoice not listed under its enterprise"
			);
			match (invoice.status, &invoice.financing) {
				(InvoiceStatus::Submitted | InvoiceStatus::Confirmed, None) => {},
				(InvoiceStatus::Financed, Some(f)) => {
					ensure!(f.recourse_owed == 0, "recourse owed before recourse");
					ensure!(f.advance + f.fee <= invoice.amount, "advance + fee above amount");
				},
				(InvoiceStatus::Recourse, Some(f)) => {
					ensure!(f.recourse_owed > 0, "recourse with nothing owed kept");
					ensure!(f.recourse_owed <= f.advance, "recourse above the advance");
				},
				_ => return Err("illegal invoice state".into()),
			}
		}
		for (who, open) in EnterpriseInvoices::<T>::iter() {
			for id in open {
				ensure!(
					Invoices::<T>::get(id).is_some_and(|i| i.enterprise == who),
					"listed invoice missing"
				);
			}
		}
		for (who, count) in FilingCount::<T>::iter() {
			ensure!(
				Filings::<T>::iter_prefix(&who).count() as u32 == count,
				"filing count differs from filings"
			);
		}
		Ok(())
	}
}
