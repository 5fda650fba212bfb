//! Fraud monitoring: the rules of [`monitor`](crate::monitor) evaluated on every credit event,
//! flags raised by them or reported by verifiers, and the risk council's review.
//!
//! A person with an open flag cannot take new credit (`ensure_can_borrow` refuses with
//! `UnderReview`); repayments, claims, collateral releases and every other way out of debt go on.
//! The risk council (`ReviewOrigin`) reviews each flag: `clear_flag` (a false alarm: the person may
//! borrow again, the window's counters start afresh) or `confirm_flag` (the flagged account is
//! frozen for suspected fraud). Each flag and review is an event.
//!
//! Bounded: an event reads and writes the person's one [`Activities`] entry; only a triggered
//! rule reads the person's open flags (at most [`MAX_OPEN_FLAGS`](crate::monitor::MAX_OPEN_FLAGS)) to raise at most one open
//! flag per rule. A person's flags are kept until reviewed; [`Activities`] goes with the history
//! (`forget_history`, which waits for open flags to be reviewed).

use alloc::vec::Vec;
use frame_support::{ensure, traits::Get, BoundedVec};
use sp_core::H256;
use sp_runtime::DispatchResult;

use crate::{
	monitor::{
		Activity, Flag, FlagCause, FlagId, MonitorParams, Observed, RiskRule, MAX_REVIEW_PAGE,
	},
	pallet::*,
	types::{FreezeReason, VerifierKind},
};
use xindai_primitives::Moment;

/// `list` without `id` (`None` once empty).
fn without<S: Get<u32>>(list: &mut Option<BoundedVec<FlagId, S>>, id: FlagId) {
	if let Some(ids) = list {
		ids.retain(|open| *open != id);
		if ids.is_empty() {
			*list = None;
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Updates the activity of `who`'s person with `event` and raises the flag of the rule it
	/// breaks, if any. Never fails: monitoring must not stop a credit event.
	pub(crate) fn monitor(
		who: &T::AccountId,
		now: Moment,
		event: impl FnOnce(&mut Activity, &MonitorParams) -> Option<(RiskRule, Observed)>,
	) {
		let person = Self::history_holder(who);
		let params = MonitorParameters::<T>::get();
		let before = Activities::<T>::get(&person);
		let mut activity = before;
		let triggered = event(&mut activity, &params);
		// Most events change nothing (a repayment that is not quick): no write then.
		if activity != before {
			Activities::<T>::insert(&person, activity);
		}
		if let Some((rule, observed)) = triggered {
			let already = PersonFlags::<T>::get(&person)
				.iter()
				.any(|id| Flags::<T>::get(id).is_some_and(|flag| flag.rule() == Some(rule)));
			if !already {
				// A person whose flags are full is blocked already: nothing is lost.
				let _ = Self::raise(person, who.clone(), FlagCause::Rule { rule, observed }, now);
			}
		}
	}

	/// Opens a flag on `person` (its history holder).
	fn raise(
		person: T::AccountId,
		account: T::AccountId,
		cause: FlagCause<T::AccountId>,
		now: Moment,
	) -> Result<FlagId, Error<T>> {
		let id = NextFlagId::<T>::get();
		PersonFlags::<T>::try_mutate(&person, |flags| flags.try_push(id))
			.map_err(|_| Error::<T>::TooManyFlags)?;
		NextFlagId::<T>::put(id.saturating_add(1));
		let flag = Flag { person: person.clone(), account: account.clone(), cause, raised_at: now };
		Flags::<T>::insert(id, &flag);
		Self::deposit_event(Event::FlagRaised { flag: id, person, account, cause: flag.cause });
		Ok(id)
	}

	/// Whether `who`'s person has an open flag.
	pub(crate) fn under_review(who: &T::AccountId) -> bool {
		!PersonFlags::<T>::get(Self::history_holder(who)).is_empty()
	}

	pub(crate) fn do_raise_flag(
		reporter: T::AccountId,
		subject: T::AccountId,
		reason_code: u16,
		evidence: H256,
	) -> DispatchResult {
		let kind = Verifiers::<T>::get(&reporter).map(|v| v.kind).ok_or(Error::<T>::NotVerifier)?;
		ensure!(kind != VerifierKind::CollectionAgent, Error::<T>::NotVerifier);
		ensure!(reporter != subject, Error::<T>::SelfAttestation);
		let person = Self::history_holder(&subject);
		ensure!(
			Profiles::<T>::contains_key(&subject) || Histories::<T>::contains_key(&person),
			Error::<T>::NoProfile
		);
		ensure!(
			(ReporterFlags::<T>::decode_len(&reporter).unwrap_or(0) as u32)
				< crate::monitor::MAX_OPEN_REPORTS,
			Error::<T>::TooManyReports
		);
		let cause = FlagCause::Report { reporter: reporter.clone(), reason_code, evidence };
		let id = Self::raise(person, subject, cause, Self::now())?;
		ReporterFlags::<T>::try_mutate(&reporter, |ids| ids.try_push(id))
			.map_err(|_| Error::<T>::TooManyReports)?;
		Ok(())
	}

	/// Ends the review of `id`: removes it from the open flags (and its reporter's).
	fn close_flag(id: FlagId) -> Result<Flag<T::AccountId>, Error<T>> {
		let flag = Flags::<T>::take(id).ok_or(Error::<T>::FlagNotFound)?;
		PersonFlags::<T>::mutate_exists(&flag.person, |list| without(list, id));
		if let FlagCause::Report { reporter, .. } = &flag.cause {
			ReporterFlags::<T>::mutate_exists(reporter, |list| without(list, id));
		}
		Ok(flag)
	}

	/// A removed verifier's open reports are withdrawn.
	pub(crate) fn withdraw_reports(verifier: &T::AccountId) {
		for id in ReporterFlags::<T>::take(verifier) {
			if let Ok(flag) = Self::close_flag(id) {
				Self::deposit_event(Event::FlagWithdrawn { flag: id, person: flag.person });
			}
		}
	}

	pub(crate) fn do_clear_flag(id: FlagId, reason: H256) -> DispatchResult {
		let flag = Self::close_flag(id)?;
		if flag.rule().is_some() {
			// The council judged the window's activity legitimate: count afresh from now.
			Activities::<T>::mutate(&flag.person, |activity| *activity = activity.forgiven());
		}
		Self::deposit_event(Event::FlagCleared { flag: id, person: flag.person, reason });
		Ok(())
	}

	pub(crate) fn do_confirm_flag(id: FlagId, reason: H256) -> DispatchResult {
		let flag = Flags::<T>::get(id).ok_or(Error::<T>::FlagNotFound)?;
		// Freeze every registered account of the person (as a default does). A person none of
		// whose accounts is registered keeps the flag open: nothing to freeze, and no new credit
		// while it is open (its accounts cannot leave while flagged, so this only happens to a
		// history flagged after all of them left).
		let accounts: Vec<T::AccountId> = Self::person_accounts(&flag.person)
			.into_iter()
			.filter(|account| Profiles::<T>::contains_key(account))
			.collect();
		ensure!(!accounts.is_empty(), Error::<T>::NoProfile);
		let flag = Self::close_flag(id)?;
		for account in accounts {
			// Suspected fraud overrides another reason (a cured default must not lift it).
			let frozen = Profiles::<T>::mutate(&account, |profile| match profile {
				Some(profile) if profile.frozen != Some(FreezeReason::SuspectedFraud) => {
					profile.frozen = Some(FreezeReason::SuspectedFraud);
					true
				},
				_ => false,
			});
			if frozen {
				Self::deposit_event(Event::Frozen {
					who: account,
					reason: FreezeReason::SuspectedFraud,
				});
			}
		}
		Self::deposit_event(Event::FlagConfirmed {
			flag: id,
			person: flag.person,
			account: flag.account,
			reason,
		});
		Ok(())
	}

	pub(crate) fn do_set_monitor_params(params: MonitorParams) -> DispatchResult {
		crate::monitor::bounds::check(&params).map_err(|_| Error::<T>::MonitorParamsOutOfBounds)?;
		MonitorParameters::<T>::put(params);
		Self::deposit_event(Event::MonitorParamsSet { params });
		Ok(())
	}

	/// The open flags of `who`'s person, at most [`MAX_OPEN_FLAGS`](crate::monitor::MAX_OPEN_FLAGS).
	pub fn flags_of(who: &T::AccountId) -> Vec<(FlagId, Flag<T::AccountId>)> {
		PersonFlags::<T>::get(Self::history_holder(who))
			.into_iter()
			.filter_map(|id| Flags::<T>::get(id).map(|flag| (id, flag)))
			.collect()
	}

	/// One page of the review queue: open flags after `start_after` (in storage order), at most
	/// `limit` (capped at [`MAX_REVIEW_PAGE`]).
	pub fn review_queue(
		start_after: Option<FlagId>,
		limit: u32,
	) -> Vec<(FlagId, Flag<T::AccountId>)> {
		let limit = limit.min(MAX_REVIEW_PAGE) as usize;
		match start_after {
			Some(id) => Flags::<T>::iter_from(Flags::<T>::hashed_key_for(id)).take(limit).collect(),
			None => Flags::<T>::iter().take(limit).collect(),
		}
	}

	/// The flags' invariants: every open flag is listed under its person and only there, and
	/// ids are below the next id.
	#[cfg(any(feature = "try-runtime", test))]
	pub(crate) fn try_state_flags() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextFlagId::<T>::get();
		let mut listed = 0usize;
		for (person, ids) in PersonFlags::<T>::iter() {
			ensure!(!ids.is_empty(), "an empty flag list is kept");
			for id in ids.iter() {
				let flag = Flags::<T>::get(id).ok_or("a listed flag is missing")?;
				ensure!(flag.person == person, "a flag is listed under another person");
				ensure!(*id < next, "a flag id at or above the next id");
			}
			listed = listed.saturating_add(ids.len());
		}
		ensure!(Flags::<T>::iter_keys().count() == listed, "an open flag is unlisted");
		let mut reported = 0usize;
		for (reporter, ids) in ReporterFlags::<T>::iter() {
			ensure!(!ids.is_empty(), "an empty report list is kept");
			for id in ids.iter() {
				let flag = Flags::<T>::get(id).ok_or("a listed report is missing")?;
				ensure!(
					matches!(&flag.cause, FlagCause::Report { reporter: r, .. } if *r == reporter),
					"a report is listed under another verifier"
				);
			}
			reported = reported.saturating_add(ids.len());
		}
		let reports = Flags::<T>::iter_values()
			.filter(|flag| matches!(flag.cause, FlagCause::Report { .. }))
			.count();
		ensure!(reports == reported, "an open report is unlisted");
		for (person, _) in PersonFlags::<T>::iter() {
			ensure!(
				Self::history_holder(&person) == person,
				"flags kept under a secondary account"
			);
		}
		ensure!(
			crate::monitor::bounds::check(&MonitorParameters::<T>::get()).is_ok(),
			"monitoring parameters out of bounds"
		);
		Ok(())
	}
}
