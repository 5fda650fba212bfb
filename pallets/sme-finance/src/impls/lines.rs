//! Credit lines: application, approval with a source (a financier or a pool), funding and
//! activation, the release of milestone tranches and the commitment they carry, and closing
//! (the undrawn part back to its source, the line removed once nothing is owed).

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::fungibles::Inspect as _};
use sp_runtime::Rounding;
use xindai_primitives::{
	capacity,
	credit::{CreditProduct, CreditRegistry, EnterpriseRegistry},
	facility::CreditFacilities,
	interest::simple_interest,
	service::ServiceClock,
	Balance, MILLISECONDS_PER_SECOND,
};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
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
		T::Credit::ensure_can_borrow(enterprise, terms.asset, terms.limit)?;
		let monthly_service = Self::monthly_service_of(&terms)?;
		T::Credit::ensure_repayment_capacity(
			enterprise,
			CreditProduct::SmeFinance,
			&terms.purpose,
			terms.asset,
			monthly_service,
		)?;
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
			monthly_service,
			service: ServiceClock::default(),
			late_reported_for: None,
			notices: Default::default(),
		};
		T::Credit::note_debt_service(
			enterprise,
			Self::credit_position(terms.asset),
			monthly_service,
		);
		Lines::<T>::insert(id, line);
		Self::deposit_event(Event::LineApplied { line: id, enterprise: enterprise.clone(), terms });
		Ok(id)
	}

	/// The monthly debt service of a line on `terms` (asset units): the limit and its simple
	/// interest over the term, rounded up, averaged over the term's months.
	pub(crate) fn monthly_service_of(terms: &LineTerms) -> Result<Balance, DispatchError> {
		let interest = simple_interest(terms.limit, terms.annual_rate, terms.term, Rounding::Up)
			.ok_or(Error::<T>::Overflow)?;
		let total = terms.limit.checked_add(interest).ok_or(Error::<T>::Overflow)?;
		Ok(capacity::monthly_service(total, terms.term).ok_or(Error::<T>::Overflow)?)
	}

	/// Ends the line's booked debt service in the credit registry (once).
	pub(super) fn end_debt_service(line: &mut LineOf<T>) {
		capacity::end_booked_service::<_, T::Credit>(
			&line.enterprise,
			Self::credit_position(line.terms.asset),
			&mut line.monthly_service,
		);
	}

	/// Activates a line: its limit becomes committed exposure of the enterprise, so the
	/// eligibility and the cap are checked again now.
	fn activate(id: LineId, line: &mut LineOf<T>) -> DispatchResult {
		let now = Self::now();
		let limit = line.terms.limit;
		T::Credit::ensure_can_borrow(&line.enterprise, line.terms.asset, limit)?;
		// Its debt service was booked at the application: the enterprise must still carry it.
		T::Credit::ensure_debt_service_within_limit(&line.enterprise)?;
		T::Credit::note_committed(
			&line.enterprise,
			Self::credit_position(line.terms.asset),
			limit,
		)?;
		line.committed = limit;
		line.status = LineStatus::Active;
		line.undrawn = line.terms.limit;
		line.started_at = now;
		line.maturity = now.saturating_add(line.terms.term.saturating_mul(MILLISECONDS_PER_SECOND));
		line.outstanding.last_accrued = now;
		line.service = ServiceClock::start(now, 0);
		Self::deposit_event(Event::LineActivated { line: id, maturity: line.maturity });
		Ok(())
	}

	/// Releases `amount` of the line's commitment (the undrawn funds, in the line's asset).
	fn release_commitment(line: &mut LineOf<T>, amount: Balance) {
		let part = amount.min(line.committed);
		line.committed -= part;
		if part > 0 {
			Self::report(T::Credit::note_commitment_released(
				&line.enterprise,
				Self::credit_position(line.terms.asset),
				part,
			));
		}
	}

	/// What a call on line `id` that ran the credit registry's checks of its enterprise is
	/// charged after it: `own` plus the exposure check (and, with `capacity`, the capacity
	/// check) of the enterprise's person as it is; `None` (the declared worst case) if the
	/// line is gone.
	pub(crate) fn charged_with_checks(own: Weight, id: LineId, capacity: bool) -> Option<Weight> {
		let enterprise = Lines::<T>::get(id)?.enterprise;
		let checks = if capacity {
			T::Credit::capacity_and_exposure_weight_for(&enterprise)
		} else {
			T::Credit::exposure_check_weight_for(&enterprise)
		};
		Some(own.saturating_add(checks))
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
		// The tranche leaves the commitment and becomes debt: checked again, so a frozen or
		// unverified enterprise draws nothing.
		Self::release_commitment(&mut line, amount);
		T::Credit::ensure_can_borrow(&line.enterprise, asset, amount)?;
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
		T::Credit::note_borrowed(&line.enterprise, Self::credit_position(asset), amount)?;
		Lines::<T>::insert(id, line);
		Self::deposit_event(Event::TrancheReleased {
			line: id,
			milestone: index,
			amount,
			verifier: verifier.clone(),
		});
		Ok(())
	}

	/// Returns the undrawn part of a line to its source.
	pub(super) fn return_undrawn(
		id: LineId,
		line: &mut LineOf<T>,
	) -> Result<Balance, DispatchError> {
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
	pub(super) fn finish_line(id: LineId, mut line: LineOf<T>, settled: bool) {
		Lines::<T>::remove(id);
		Self::end_debt_service(&mut line);
		Self::end_line_collection(id, &line.enterprise);
		EnterpriseLines::<T>::mutate(&line.enterprise, |lines| lines.retain(|l| *l != id));
		Self::release_deposit(&line.enterprise, line.deposit);
		if line.committed > 0 {
			Self::report(T::Credit::note_commitment_released(
				&line.enterprise,
				Self::credit_position(line.terms.asset),
				line.committed,
			));
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
}
