//! How lending products and SME finance talk to the registry: the [`CreditRegistry`] hooks
//! (eligibility, the exposure and debt-service books, repayments and defaults feeding the
//! score), the [`EnterpriseRegistry`] (KYB, verifier roles, audited filings), and helpers other
//! pallets' benchmarks use.

use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::DispatchResult;
use xindai_primitives::{
	capacity::LoanPurpose,
	credit::{
		CreditProduct, CreditRegistry, EnterpriseRegistry, FilingSignal, PositionKey, Repayment,
		ReportedPosition, TierInfo,
	},
	service::Service,
	AssetId, Balance,
};

use crate::{
	pallet::*,
	positions::Valuation,
	score::{self, RecordedRepayment},
	types::*,
};

impl<T: Config> CreditRegistry<T::AccountId> for Pallet<T> {
	fn ensure_can_borrow(
		who: &T::AccountId,
		asset: AssetId,
		amount: Balance,
	) -> Result<TierInfo, DispatchError> {
		Self::check_can_borrow(who, Some((asset, amount)))
	}

	fn is_verified(who: &T::AccountId) -> bool {
		let Some(profile) = Profiles::<T>::get(who) else { return false };
		let now = Self::now();
		Self::counted_attestations(who)
			.iter()
			.any(|a| a.is_valid_at(now) && profile.kind.is_identity_claim(a.claim))
	}

	fn ensure_in_good_standing(who: &T::AccountId) -> DispatchResult {
		ensure!(Profiles::<T>::contains_key(who), Error::<T>::NoProfile);
		ensure!(Self::is_verified(who), Error::<T>::NotVerified);
		ensure!(!Self::person_frozen(who), Error::<T>::AccountFrozen);
		ensure!(!Self::under_review(who), Error::<T>::UnderReview);
		Ok(())
	}

	fn note_borrowed(who: &T::AccountId, position: PositionKey, amount: Balance) -> DispatchResult {
		// New lending passed `ensure_can_borrow` (a profile); debt arising from an earlier
		// obligation (recourse on a financed invoice) is booked even after deregistering.
		let mut history = Self::history_of_known(who)?;
		let now = Self::now();
		let after = Self::update_position(who, &mut history, position, |book| {
			book.owed = book.owed.checked_add(amount).ok_or(Error::<T>::AmountOverflow)?;
			Ok(())
		})?;
		let value = Self::value_in_credit_units(position.asset, amount, Valuation::Latest, now)?;
		history.borrowed = history.borrowed.saturating_add(value);
		if history.first_activity.is_none() {
			history.first_activity = Some(now);
		}
		Self::store_history_and_rescore(who, history, ScoreChangeReason::HistoryAged);
		Self::deposit_event(Event::Borrowed {
			who: who.clone(),
			position,
			amount,
			owed: after.owed,
		});
		Self::monitor(who, now, |activity, params| activity.note_borrowing(value, now, params));
		Ok(())
	}

	fn note_committed(
		who: &T::AccountId,
		position: PositionKey,
		amount: Balance,
	) -> DispatchResult {
		let mut history = Self::history_of_registered(who)?;
		let after = Self::update_position(who, &mut history, position, |book| {
			book.committed =
				book.committed.checked_add(amount).ok_or(Error::<T>::AmountOverflow)?;
			Ok(())
		})?;
		Histories::<T>::insert(Self::history_holder(who), history);
		Self::deposit_event(Event::Committed {
			who: who.clone(),
			position,
			amount,
			committed: after.committed,
		});
		Ok(())
	}

	fn note_commitment_released(
		who: &T::AccountId,
		position: PositionKey,
		amount: Balance,
	) -> DispatchResult {
		// A release never fails for want of a profile: a commitment must always be able to end.
		let Some(mut history) = Histories::<T>::get(Self::history_holder(who)) else {
			return Ok(());
		};
		let after = Self::update_position(who, &mut history, position, |book| {
			book.committed = book.committed.saturating_sub(amount);
			Ok(())
		})?;
		Histories::<T>::insert(Self::history_holder(who), history);
		Self::deposit_event(Event::CommitmentReleased {
			who: who.clone(),
			position,
			amount,
			committed: after.committed,
		});
		Ok(())
	}

	fn note_repaid(
		who: &T::AccountId,
		position: PositionKey,
		repayment: Repayment,
	) -> DispatchResult {
		let mut history = Self::history_of_known(who)?;
		let now = Self::now();
		let after = Self::update_position(who, &mut history, position, |book| {
			book.owed = book.owed.saturating_sub(repayment.amount);
			Ok(())
		})?;
		// The score measures in credit units, at the price of the payment's time.
		let value = |amount| {
			Self::value_in_credit_units(position.asset, amount, Valuation::Latest, now)
				.unwrap_or_default()
		};
		let valued = Repayment {
			amount: value(repayment.amount),
			days_late: repayment.days_late,
			served: Service {
				principal: value(repayment.served.principal),
				duration: repayment.served.duration,
			},
			by_borrower: repayment.by_borrower,
		};
		let recorded =
			score::record_repayment(&mut history, &valued, now, T::MinCountedRepayment::get());
		let (reason, credited_ms) = match recorded {
			RecordedRepayment::OnTime { credited_ms } => {
				(ScoreChangeReason::RepaidOnTime, credited_ms)
			},
			RecordedRepayment::Late { days_late } => {
				(ScoreChangeReason::RepaidLate { days_late }, 0)
			},
		};
		Self::store_history_and_rescore(who, history, reason);
		Self::deposit_event(Event::Repaid {
			who: who.clone(),
			position,
			amount: repayment.amount,
			days_late: repayment.days_late,
			credited_ms,
			owed: after.owed,
		});
		// Only the borrower's own payments of principal: nobody (a stranger paying on a P2P
		// loan, a liquidator) can make a borrower look like a cycler.
		if repayment.by_borrower && repayment.amount > 0 {
			Self::monitor(who, now, |activity, params| activity.note_repayment(now, params));
		}
		Ok(())
	}

	fn note_defaulted(
		who: &T::AccountId,
		position: PositionKey,
		amount: Balance,
	) -> DispatchResult {
		let mut history = Self::history_of_known(who)?;
		let now = Self::now();
		let after = Self::update_position(who, &mut history, position, |book| {
			book.owed = book.owed.saturating_sub(amount);
			Ok(())
		})?;
		history.defaults = history.defaults.saturating_add(1);
		score::record_delinquency(&mut history, now);
		let value = Self::value_in_credit_units(position.asset, amount, Valuation::Latest, now)?;
		history.defaulted = history.defaulted.saturating_add(value);
		Self::store_history_and_rescore(who, history, ScoreChangeReason::Defaulted);
		Self::deposit_event(Event::Defaulted {
			who: who.clone(),
			position,
			amount,
			owed: after.owed,
		});
		if T::FreezeOnDefault::get() {
			// Every registered account of the person: a default booked on an account that
			// deregistered (recourse) still stops the person's new credit.
			for account in Self::person_accounts(who) {
				let newly_frozen = Profiles::<T>::mutate(&account, |profile| match profile {
					Some(profile) if profile.frozen.is_none() => {
						profile.frozen = Some(FreezeReason::Default);
						true
					},
					_ => false,
				});
				if newly_frozen {
					Self::deposit_event(Event::Frozen {
						who: account.clone(),
						reason: FreezeReason::Default,
					});
				}
			}
		}
		Ok(())
	}

	fn note_request_withdrawn(who: &T::AccountId) {
		// Only an account with a history has activity to watch (a request needs a profile).
		if Histories::<T>::contains_key(Self::history_holder(who)) {
			let now = Self::now();
			Self::monitor(who, now, |activity, params| activity.note_cancellation(now, params));
		}
	}

	fn note_settled(who: &T::AccountId) -> DispatchResult {
		let mut history = Self::history_of_known(who)?;
		history.settled = history.settled.saturating_add(1);
		Histories::<T>::insert(Self::history_holder(who), history);
		Self::deposit_event(Event::LoanSettled { who: who.clone() });
		Ok(())
	}

	fn same_person(a: &T::AccountId, b: &T::AccountId) -> bool {
		Self::same_person(a, b)
	}

	fn exposure_priced(who: &T::AccountId) -> bool {
		let now = Self::now();
		// The debt service too: the repayment capacity is checked at the same moments.
		Self::exposure_value(who, None, Valuation::FreshForCap, now).is_ok()
			&& Self::person_monthly_service(who, Valuation::FreshForCap, now).is_ok()
	}

	fn position(who: &T::AccountId, position: PositionKey) -> ReportedPosition {
		Positions::<T>::get(who, position).unwrap_or_default()
	}

	fn product_total(position: PositionKey) -> ReportedPosition {
		// Walks the whole book: for `try_state` and tests only (see the trait).
		Positions::<T>::iter().filter(|(_, key, _)| *key == position).fold(
			ReportedPosition::default(),
			|mut total, (_, _, book)| {
				total.owed = total.owed.saturating_add(book.owed);
				total.committed = total.committed.saturating_add(book.committed);
				total
			},
		)
	}

	fn ensure_repayment_capacity(
		who: &T::AccountId,
		product: CreditProduct,
		purpose: &LoanPurpose,
		asset: AssetId,
		monthly_service: Balance,
	) -> DispatchResult {
		Self::check_repayment_capacity(who, product, purpose, asset, monthly_service)
	}

	fn repayment_capacity_weight() -> frame_support::weights::Weight {
		<T::WeightInfo as crate::WeightInfo>::repayment_capacity_check()
	}

	fn exposure_check_weight() -> frame_support::weights::Weight {
		<T::WeightInfo as crate::WeightInfo>::exposure_check()
	}

	fn repayment_capacity_weight_for(who: &T::AccountId) -> frame_support::weights::Weight {
		if Self::person_accounts(who).len() <= 1 {
			<T::WeightInfo as crate::WeightInfo>::repayment_capacity_check_one_account()
		} else {
			<T::WeightInfo as crate::WeightInfo>::repayment_capacity_check()
		}
	}

	fn exposure_check_weight_for(who: &T::AccountId) -> frame_support::weights::Weight {
		if Self::person_accounts(who).len() <= 1 {
			<T::WeightInfo as crate::WeightInfo>::exposure_check_one_account()
		} else {
			<T::WeightInfo as crate::WeightInfo>::exposure_check()
		}
	}

	fn ensure_debt_service_within_limit(who: &T::AccountId) -> DispatchResult {
		Self::check_capacity(who, None)
	}

	fn note_debt_service(who: &T::AccountId, position: PositionKey, monthly: Balance) {
		Self::update_debt_service(who, position, |booked| booked.saturating_add(monthly));
	}

	fn note_debt_service_ended(who: &T::AccountId, position: PositionKey, monthly: Balance) {
		Self::update_debt_service(who, position, |booked| booked.saturating_sub(monthly));
	}

	fn debt_service(who: &T::AccountId, position: PositionKey) -> Balance {
		DebtService::<T>::get(who, position).unwrap_or_default()
	}

	fn debt_service_total(position: PositionKey) -> Balance {
		// Walks every booked service: for `try_state` and tests only (see the trait).
		DebtService::<T>::iter()
			.filter(|(_, key, _)| *key == position)
			.fold(0, |total, (_, _, monthly)| total.saturating_add(monthly))
	}

	fn tier(who: &T::AccountId) -> Option<TierInfo> {
		Profiles::<T>::contains_key(who).then_some(())?;
		let score = Self::score_breakdown(who).score;
		let (tier, band) = Self::tier_for(score)?;
		Some(TierInfo {
			tier,
			score,
			exposure_cap: band.exposure_cap,
			rate_premium_bps: band.rate_premium_bps,
		})
	}
}

/// Helpers for other pallets' benchmarks (eligible borrowers, enterprises, verifiers).
#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers {
	use super::*;
	use sp_core::H256;
	use sp_runtime::traits::Saturating;
	use xindai_primitives::Moment;

	impl<T: Config> Pallet<T> {
		/// For other pallets' benchmarks: makes `who` a registered, KYC-attested individual who may
		/// borrow (its balance is topped up for the profile deposit). Best effort: a step that is
		/// already done is skipped.
		pub fn benchmark_make_eligible(who: &T::AccountId) {
			Self::benchmark_make_verified(who, ProfileKind::Individual, ClaimKind::KycBasic)
		}

		/// For other pallets' benchmarks: makes `who` a registered, KYB-attested enterprise.
		pub fn benchmark_make_enterprise(who: &T::AccountId) {
			Self::benchmark_make_verified(who, ProfileKind::Enterprise, ClaimKind::Kyb)
		}

		/// For other pallets' benchmarks: admits `who` as a verifier of `kind` (best effort).
		pub fn benchmark_admit_verifier(who: &T::AccountId, kind: VerifierKind) {
			let name = BoundedVec::try_from(alloc::vec![b'v']).unwrap_or_default();
			let _ = Self::do_add_verifier(who.clone(), kind, name);
		}

		fn benchmark_make_verified(who: &T::AccountId, kind: ProfileKind, claim: ClaimKind) {
			use crate::CapacityParams;
			use frame_support::traits::fungible::{Inspect, Mutate};
			let needed = T::ProfileDeposit::get()
				.saturating_mul(10u32.into())
				.saturating_add(T::Currency::minimum_balance());
			let _ = T::Currency::mint_into(who, needed);
			let _ = Self::do_register(who.clone(), kind, H256::repeat_byte(1));
			let verifier: T::AccountId = frame_benchmarking::account("bench-kyc", 0, 0);
			Self::benchmark_admit_verifier(&verifier, VerifierKind::KycProvider);
			let expires_at = Self::now().saturating_add(365 * MILLISECONDS_PER_DAY);
			let identity = claim.carries_identity().then(|| {
				<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash_of(&(
					b"bench-person",
					who,
				))
			});
			let _ = Self::do_attest(
				verifier,
				who.clone(),
				claim,
				H256::repeat_byte(2),
				expires_at,
				ClaimDetail { identity, income_band: None },
			);
			// Room for any benchmarked loan: the highest band (or a vast audited revenue), at the
			// highest ratio.
			if kind == ProfileKind::Enterprise {
				EnterpriseRevenue::<T>::insert(
					who,
					RevenueRecord {
						monthly_revenue: Balance::MAX / 4,
						period_end: Moment::MAX,
						expires_at: Moment::MAX,
					},
				);
			} else {
				let _ = Self::benchmark_attest_income(who);
			}
			let _ = Self::do_set_capacity_params(CapacityParams {
				income_ratio: xindai_primitives::capacity::bounds::MAX_INCOME_RATIO,
				revenue_ratio: xindai_primitives::capacity::bounds::MAX_REVENUE_RATIO,
				unattested_limit: xindai_primitives::capacity::bounds::MAX_UNATTESTED_LIMIT,
			});
		}

		/// For benchmarks: a credit bureau attests `who`'s income in the highest band.
		pub fn benchmark_attest_income(who: &T::AccountId) -> DispatchResult {
			let bureau: T::AccountId = frame_benchmarking::account("bench-bureau", 0, 0);
			Self::benchmark_admit_verifier(&bureau, VerifierKind::CreditBureau);
			Self::do_attest(
				bureau,
				who.clone(),
				ClaimKind::IncomeVerified,
				H256::repeat_byte(3),
				Self::now().saturating_add(365 * MILLISECONDS_PER_DAY),
				ClaimDetail { identity: None, income_band: Some(crate::IncomeBand::Over50k) },
			)
		}
	}
}

impl<T: Config> EnterpriseRegistry<T::AccountId> for Pallet<T> {
	fn is_verified_enterprise(who: &T::AccountId) -> bool {
		Profiles::<T>::get(who).is_some_and(|p| p.kind == ProfileKind::Enterprise)
			&& <Self as CreditRegistry<T::AccountId>>::is_verified(who)
	}

	fn is_verifier_of(who: &T::AccountId, kind: VerifierKind) -> bool {
		Verifiers::<T>::get(who).is_some_and(|v| v.kind == kind)
	}

	fn note_attested_filing(who: &T::AccountId, signal: FilingSignal) -> DispatchResult {
		let profile = Profiles::<T>::get(who).ok_or(Error::<T>::NoProfile)?;
		ensure!(profile.kind == ProfileKind::Enterprise, Error::<T>::NotEnterprise);
		let mut history = Histories::<T>::get(Self::history_holder(who)).unwrap_or_default();
		history.attested_filings = history.attested_filings.saturating_add(1);
		if signal.profitable {
			history.profitable_filings = history.profitable_filings.saturating_add(1);
		}
		Self::note_revenue(who, &signal);
		Self::store_history_and_rescore(who, history, ScoreChangeReason::FilingAttested);
		Ok(())
	}
}
