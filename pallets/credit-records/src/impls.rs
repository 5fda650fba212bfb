//! The pallet's logic behind the calls, the views of the runtime API and the invariants; the
//! hooks other pallets call are in `registry.rs`.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision, Time},
};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};
use xindai_primitives::{
	credit::{PositionKey, ReportedPosition, Score, TierInfo},
	AssetId, Balance, Moment,
};

use crate::{
	pallet::*,
	positions::Valuation,
	score::{self, ScoreBreakdown, ScoreInputs},
	types::*,
	CollectionCase, DepositBalanceOf,
};

/// What a wallet shows of a profile (`CreditRecordsApi::profile_summary`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct ProfileSummary<AccountId, DepositBalance> {
	/// Person or enterprise.
	pub kind: ProfileKind,
	/// The document commitment.
	pub documents: H256,
	/// The held deposit.
	pub deposit: DepositBalance,
	/// The current score.
	pub score: Score,
	/// The tier index, if a tier table is set.
	pub tier: Option<u8>,
	/// The tier's exposure cap, in credit units (0 without a tier).
	pub exposure_cap: Balance,
	/// The tier's rate premium in basis points (0 without a tier).
	pub rate_premium_bps: u16,
	/// Principal owed across products, in credit units at the latest prices.
	pub outstanding: Balance,
	/// Credit promised and not paid out yet, in credit units at the latest prices.
	pub committed: Balance,
	/// Each open position in its asset's units.
	pub positions: Vec<(PositionKey, ReportedPosition)>,
	/// The person (identity commitment) the account belongs to, if attested with one.
	pub person: Option<H256>,
	/// The person's accounts, which share this history and one exposure cap.
	pub person_accounts: Vec<AccountId>,
	/// Why the account is frozen, if it is.
	pub frozen: Option<FreezeReason>,
	/// The person's open monitoring flags (see `CreditRecordsApi::flags`): while any is open,
	/// it takes no new credit.
	pub open_flags: u32,
	/// Whether its identity (KYC or KYB) is attested and valid.
	pub verified: bool,
	/// Claims with a valid attestation.
	pub valid_claims: Vec<ClaimKind>,
	/// Whether `ensure_can_borrow` would accept any positive amount now.
	pub eligible: bool,
	/// The full credit history.
	pub history: CreditHistory,
}

/// An access grant as the owner sees it (`CreditRecordsApi::grants`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct GrantView<AccountId> {
	/// Who may access.
	pub institution: AccountId,
	/// When it was granted.
	pub granted_at: Moment,
	/// Until when.
	pub until: Moment,
	/// Whether it is still valid now.
	pub active: bool,
	/// For a collection agent's access: the defaulted debt it collects (the owner consented in
	/// the loan's terms).
	pub collection: Option<CollectionCase>,
}

impl<T: Config> Pallet<T> {
	/// The chain's time, in milliseconds since the Unix epoch.
	pub(crate) fn now() -> Moment {
		T::Time::now()
	}

	/// Whole days between `since` and now.
	pub(crate) fn days_since(since: Option<Moment>, now: Moment) -> u32 {
		since
			.map(|since| now.saturating_sub(since) / MILLISECONDS_PER_DAY)
			.map(|days| u32::try_from(days).unwrap_or(u32::MAX))
			.unwrap_or(0)
	}

	/// The distinct claims of `attestations` valid at `now`.
	pub(crate) fn valid_claims(
		attestations: &[Attestation<T::AccountId>],
		now: Moment,
	) -> Vec<ClaimKind> {
		let mut claims: Vec<ClaimKind> = Vec::new();
		for attestation in attestations.iter().filter(|a| a.is_valid_at(now)) {
			if !claims.contains(&attestation.claim) {
				claims.push(attestation.claim);
			}
		}
		claims
	}

	/// The score inputs of `history` with `attestations`, at `now`.
	pub(crate) fn score_inputs(
		history: &CreditHistory,
		attestations: &[Attestation<T::AccountId>],
		now: Moment,
	) -> ScoreInputs {
		let claims = Self::valid_claims(attestations, now);
		ScoreInputs::from_history(
			history,
			Self::days_since(history.first_activity, now),
			u32::try_from(claims.len()).unwrap_or(u32::MAX),
		)
	}

	/// The current score breakdown of `who` (a fresh history if none).
	pub fn score_breakdown(who: &T::AccountId) -> ScoreBreakdown {
		let history = Histories::<T>::get(Self::history_holder(who)).unwrap_or_default();
		let attestations = Self::person_attestations(who);
		score::breakdown(&Self::score_inputs(&history, &attestations, Self::now()))
	}

	/// Recomputes the score of `who` after `history` changed, stores the history and announces a
	/// changed score.
	pub(crate) fn store_history_and_rescore(
		who: &T::AccountId,
		mut history: CreditHistory,
		reason: ScoreChangeReason,
	) {
		let new = Self::score_now(who, &history);
		let old = history.last_score;
		history.last_score = new;
		Histories::<T>::insert(Self::history_holder(who), history);
		if old != new {
			Self::deposit_event(Event::ScoreChanged { who: who.clone(), old, new, reason });
		}
	}

	/// `who`'s score now, from `history` and the person's counted attestations.
	fn score_now(who: &T::AccountId, history: &CreditHistory) -> Score {
		let attestations = Self::person_attestations(who);
		score::score(&Self::score_inputs(history, &attestations, Self::now()))
	}

	/// Rescores `who` after its attestations changed. Only the score is rewritten, and only
	/// when it moved: the rest of the history is as it was.
	pub(crate) fn rescore_after_attestations(who: &T::AccountId) {
		let holder = Self::history_holder(who);
		let Some(mut history) = Histories::<T>::get(&holder) else { return };
		let new = Self::score_now(who, &history);
		let old = history.last_score;
		if old == new {
			return;
		}
		history.last_score = new;
		Histories::<T>::insert(holder, history);
		let reason = ScoreChangeReason::AttestationsChanged;
		Self::deposit_event(Event::ScoreChanged { who: who.clone(), old, new, reason });
	}

	/// The tier `score` falls in.
	pub(crate) fn tier_for(score: Score) -> Option<(u8, TierBand)> {
		tier_of(&TierTable::<T>::get(), score)
	}

	pub(crate) fn do_add_verifier(
		verifier: T::AccountId,
		kind: VerifierKind,
		name: BoundedVec<u8, T::MaxNameLength>,
	) -> DispatchResult {
		ensure!(!Verifiers::<T>::contains_key(&verifier), Error::<T>::AlreadyVerifier);
		ensure!(Verifiers::<T>::count() < T::MaxVerifiers::get(), Error::<T>::TooManyVerifiers);
		Verifiers::<T>::insert(&verifier, VerifierInfo { kind, name, admitted_at: Self::now() });
		Self::deposit_event(Event::VerifierAdded { verifier, kind });
		Ok(())
	}

	pub(crate) fn do_register(
		who: T::AccountId,
		kind: ProfileKind,
		documents: H256,
	) -> DispatchResult {
		ensure!(!Profiles::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		let deposit = T::ProfileDeposit::get();
		T::Currency::hold(&HoldReason::ProfileDeposit.into(), &who, deposit)?;
		Profiles::<T>::insert(
			&who,
			Profile { kind, documents, deposit, registered_at: Self::now(), frozen: None },
		);
		// A returning account, or another account of a person, continues the kept history.
		if !Histories::<T>::contains_key(Self::history_holder(&who)) {
			let history = CreditHistory {
				last_score: score::score(&ScoreInputs::default()),
				..Default::default()
			};
			Histories::<T>::insert(Self::history_holder(&who), history);
		}
		Self::deposit_event(Event::Registered { who, kind, documents, deposit });
		Ok(())
	}

	pub(crate) fn do_deregister(who: T::AccountId) -> DispatchResult {
		let profile = Profiles::<T>::get(&who).ok_or(Error::<T>::NoProfile)?;
		ensure!(profile.frozen.is_none(), Error::<T>::AccountFrozen);
		// A flagged person's accounts stay until the council reviewed it (a confirmed flag
		// freezes them: leaving first would dodge it).
		ensure!(!Self::under_review(&who), Error::<T>::UnderReview);
		// Debt or a commitment (an open request, an undrawn line, a confirmed invoice) keeps
		// the profile: a product must be able to report on it until it ends.
		ensure!(Positions::<T>::iter_prefix(&who).next().is_none(), Error::<T>::DebtOutstanding);
		// So does booked debt service (an SME line applied for and not approved yet).
		ensure!(DebtService::<T>::iter_prefix(&who).next().is_none(), Error::<T>::DebtOutstanding);
		ensure!(GrantCount::<T>::get(&who).is_zero(), Error::<T>::GrantsOutstanding);

		T::Currency::release(
			&HoldReason::ProfileDeposit.into(),
			&who,
			profile.deposit,
			Precision::BestEffort,
		)?;
		Profiles::<T>::remove(&who);
		Attestations::<T>::remove(&who);
		PendingLinks::<T>::remove(&who);
		EnterpriseRevenue::<T>::remove(&who);
		Self::deposit_event(Event::Deregistered { who: who.clone(), deposit: profile.deposit });
		// The history stays; its score loses the attestation bonus, announced like any change.
		Self::rescore_after_attestations(&who);
		Ok(())
	}

	pub(crate) fn do_forget_history(who: T::AccountId) -> DispatchResult {
		// A person's history is shared by its accounts: it goes only when all have left.
		let accounts = Self::person_accounts(&who);
		for account in &accounts {
			ensure!(!Profiles::<T>::contains_key(account), Error::<T>::StillRegistered);
		}
		let holder = Self::history_holder(&who);
		let history = Histories::<T>::get(&holder).ok_or(Error::<T>::HistoryRetained)?;
		ensure!(history.open_positions.is_zero(), Error::<T>::HistoryRetained);
		ensure!(PersonFlags::<T>::get(&holder).is_empty(), Error::<T>::UnderReview);
		let delinquent = history.defaults > 0 || history.late != Default::default();
		if delinquent {
			let until = history.last_delinquency_at.saturating_add(T::HistoryRetention::get());
			ensure!(Self::now() >= until, Error::<T>::HistoryRetained);
		}
		Histories::<T>::remove(&holder);
		Activities::<T>::remove(&holder);
		if let Some(person) = AccountPerson::<T>::get(&who) {
			PersonAccounts::<T>::remove(person);
			for account in &accounts {
				AccountPerson::<T>::remove(account);
				HistoryHolder::<T>::remove(account);
			}
		}
		Self::deposit_event(Event::HistoryForgotten { who });
		Ok(())
	}

	pub(crate) fn do_attest(
		verifier: T::AccountId,
		subject: T::AccountId,
		claim: ClaimKind,
		claim_hash: H256,
		expires_at: Moment,
		detail: ClaimDetail,
	) -> DispatchResult {
		let ClaimDetail { identity, income_band } = detail;
		let info = Verifiers::<T>::get(&verifier).ok_or(Error::<T>::NotVerifier)?;
		ensure!(claim.attestable_by(info.kind), Error::<T>::ClaimNotAllowed);
		ensure!(verifier != subject, Error::<T>::SelfAttestation);
		ensure!(Profiles::<T>::contains_key(&subject), Error::<T>::NoProfile);
		let now = Self::now();
		ensure!(expires_at > now, Error::<T>::ExpiryNotInFuture);
		ensure!(
			claim.carries_identity() == identity.is_some(),
			Error::<T>::IdentityCommitmentMismatch
		);
		ensure!(
			claim.carries_income_band() == income_band.is_some(),
			Error::<T>::IncomeBandMismatch
		);
		if let Some(identity) = identity {
			Self::note_identity(&subject, identity)?;
		}

		let attestation = Attestation {
			verifier: verifier.clone(),
			claim,
			claim_hash,
			issued_at: now,
			expires_at,
			identity,
			income_band,
		};
		Attestations::<T>::try_mutate(&subject, |attestations| -> DispatchResult {
			// Replace this verifier's earlier attestation of the same claim, if any.
			if let Some(existing) =
				attestations.iter_mut().find(|a| a.verifier == verifier && a.claim == claim)
			{
				*existing = attestation;
				return Ok(());
			}
			// Expired attestations no longer count: they make room.
			if attestations.is_full() {
				attestations.retain(|a| a.is_valid_at(now));
			}
			attestations.try_push(attestation).map_err(|_| Error::<T>::TooManyAttestations)?;
			Ok(())
		})?;
		Self::deposit_event(Event::Attested {
			subject: subject.clone(),
			verifier: verifier.clone(),
			claim,
			claim_hash,
			expires_at,
		});
		if let Some(band) = income_band {
			Self::deposit_event(Event::IncomeAttested { subject: subject.clone(), verifier, band });
		}
		Self::rescore_after_attestations(&subject);
		Ok(())
	}

	pub(crate) fn do_revoke_attestation(
		subject: T::AccountId,
		verifier: T::AccountId,
		claim: ClaimKind,
	) -> DispatchResult {
		Attestations::<T>::try_mutate(&subject, |attestations| -> DispatchResult {
			let before = attestations.len();
			attestations.retain(|a| !(a.verifier == verifier && a.claim == claim));
			ensure!(attestations.len() < before, Error::<T>::AttestationNotFound);
			Ok(())
		})?;
		Self::deposit_event(Event::AttestationRevoked {
			subject: subject.clone(),
			verifier,
			claim,
		});
		Self::rescore_after_attestations(&subject);
		Ok(())
	}

	pub(crate) fn do_set_tier_table(tiers: BoundedVec<TierBand, T::MaxTiers>) -> DispatchResult {
		check_tier_table(&tiers, T::MaxExposureCap::get(), T::MaxRatePremiumBps::get()).map_err(
			|e| match e {
				TierTableError::Empty => Error::<T>::TierTableEmpty,
				TierTableError::MustStartAtMinScore => Error::<T>::TierTableMustStartAtMinScore,
				TierTableError::NotSorted => Error::<T>::TierTableNotSorted,
				TierTableError::ExposureCapTooHigh => Error::<T>::ExposureCapTooHigh,
				TierTableError::RatePremiumTooHigh => Error::<T>::RatePremiumTooHigh,
			},
		)?;
		let count = tiers.len() as u32;
		TierTable::<T>::put(tiers);
		Self::deposit_event(Event::TierTableSet { tiers: count });
		Ok(())
	}

	pub(crate) fn do_freeze(who: T::AccountId, reason: FreezeReason) -> DispatchResult {
		Profiles::<T>::try_mutate(&who, |profile| -> DispatchResult {
			let profile = profile.as_mut().ok_or(Error::<T>::NoProfile)?;
			ensure!(profile.frozen.is_none(), Error::<T>::AccountFrozen);
			profile.frozen = Some(reason);
			Ok(())
		})?;
		Self::deposit_event(Event::Frozen { who, reason });
		Ok(())
	}

	/// The deposit of a grant whose envelope is `envelope_len` bytes.
	pub fn grant_deposit(envelope_len: u32) -> DepositBalanceOf<T> {
		T::GrantDepositBase::get()
			.saturating_add(T::GrantDepositPerByte::get().saturating_mul(envelope_len.into()))
	}

	pub(crate) fn do_grant_access(
		owner: T::AccountId,
		institution: T::AccountId,
		until: Moment,
		key_envelope: BoundedVec<u8, T::MaxEnvelopeLength>,
	) -> DispatchResult {
		ensure!(Profiles::<T>::contains_key(&owner), Error::<T>::NoProfile);
		ensure!(owner != institution, Error::<T>::SelfGrant);
		let now = Self::now();
		ensure!(until > now, Error::<T>::GrantExpiryNotInFuture);
		ensure!(until.saturating_sub(now) <= T::MaxGrantDuration::get(), Error::<T>::GrantTooLong);

		let previous = Grants::<T>::get(&owner, &institution);
		if previous.is_none() {
			ensure!(GrantCount::<T>::get(&owner) < T::MaxGrants::get(), Error::<T>::TooManyGrants);
		}
		let deposit = Self::grant_deposit(key_envelope.len() as u32);
		let reason = HoldReason::AccessGrantDeposit.into();
		// Adjust the hold to the new deposit: hold more first, so a failing hold changes nothing.
		let held_before = previous.as_ref().map(|g| g.deposit).unwrap_or_default();
		if deposit > held_before {
			T::Currency::hold(&reason, &owner, deposit.saturating_sub(held_before))?;
		} else if held_before > deposit {
			T::Currency::release(
				&reason,
				&owner,
				held_before.saturating_sub(deposit),
				Precision::BestEffort,
			)?;
		}
		Grants::<T>::insert(
			&owner,
			&institution,
			AccessGrant { key_envelope, granted_at: now, until, deposit },
		);
		if previous.is_none() {
			GrantCount::<T>::mutate(&owner, |count| *count = count.saturating_add(1));
		}
		Self::deposit_event(Event::AccessGranted { owner, institution, until });
		Ok(())
	}

	pub(crate) fn do_revoke_access(
		owner: T::AccountId,
		institution: T::AccountId,
	) -> DispatchResult {
		let grant = Grants::<T>::take(&owner, &institution).ok_or(Error::<T>::GrantNotFound)?;
		T::Currency::release(
			&HoldReason::AccessGrantDeposit.into(),
			&owner,
			grant.deposit,
			Precision::BestEffort,
		)?;
		GrantCount::<T>::mutate_exists(&owner, |count| {
			*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
		});
		Self::deposit_event(Event::AccessRevoked { owner, institution });
		Ok(())
	}

	/// Why `who` may not borrow `extra` (an amount of an asset) now, if anything stops them;
	/// without `extra`, whether any positive amount could be borrowed.
	pub(crate) fn check_can_borrow(
		who: &T::AccountId,
		extra: Option<(AssetId, Balance)>,
	) -> Result<TierInfo, DispatchError> {
		let profile = Profiles::<T>::get(who).ok_or(Error::<T>::NoProfile)?;
		let now = Self::now();
		let verified = Self::counted_attestations(who)
			.iter()
			.any(|a| a.is_valid_at(now) && profile.kind.is_identity_claim(a.claim));
		ensure!(verified, Error::<T>::NotVerified);
		let attestations = Self::person_attestations(who);
		// One person, one cap: a freeze of any of the person's accounts stops its new credit.
		ensure!(!Self::person_frozen(who), Error::<T>::AccountFrozen);
		ensure!(!Self::under_review(who), Error::<T>::UnderReview);
		let history = Histories::<T>::get(Self::history_holder(who)).unwrap_or_default();
		let score = score::score(&Self::score_inputs(&history, &attestations, now));
		let (tier, band) = Self::tier_for(score).ok_or(Error::<T>::NoTierTable)?;
		let exposure = Self::exposure_value(who, extra, Valuation::FreshForCap, now)?;
		match extra {
			Some(_) => ensure!(exposure <= band.exposure_cap, Error::<T>::ExposureCapExceeded),
			None => ensure!(exposure < band.exposure_cap, Error::<T>::ExposureCapExceeded),
		}
		Ok(TierInfo {
			tier,
			score,
			exposure_cap: band.exposure_cap,
			rate_premium_bps: band.rate_premium_bps,
		})
	}

	/// The history of `who`, registered or not any more, for a hook reporting on a loan that
	/// already exists: what happens to a debt is recorded even after its borrower deregistered.
	pub(crate) fn history_of_known(who: &T::AccountId) -> Result<CreditHistory, DispatchError> {
		Histories::<T>::get(Self::history_holder(who)).ok_or_else(|| Error::<T>::NoProfile.into())
	}

	pub(crate) fn history_of_registered(
		who: &T::AccountId,
	) -> Result<CreditHistory, DispatchError> {
		ensure!(Profiles::<T>::contains_key(who), Error::<T>::NoProfile);
		Ok(Histories::<T>::get(Self::history_holder(who)).unwrap_or_default())
	}

	/// The summary a wallet shows, if `who` has a profile.
	pub fn profile_summary(
		who: &T::AccountId,
	) -> Option<ProfileSummary<T::AccountId, DepositBalanceOf<T>>> {
		let profile = Profiles::<T>::get(who)?;
		let history = Histories::<T>::get(Self::history_holder(who)).unwrap_or_default();
		let now = Self::now();
		let valid_claims = Self::valid_claims(&Self::counted_attestations(who), now);
		let score =
			score::score(&Self::score_inputs(&history, &Self::person_attestations(who), now));
		let tier = Self::tier_for(score);
		let verified = valid_claims.iter().any(|claim| profile.kind.is_identity_claim(*claim));
		let (outstanding, committed) = Self::shown_exposure(who, now);
		Some(ProfileSummary {
			kind: profile.kind,
			documents: profile.documents,
			deposit: profile.deposit,
			score,
			tier: tier.map(|(index, _)| index),
			exposure_cap: tier.map(|(_, band)| band.exposure_cap).unwrap_or_default(),
			rate_premium_bps: tier.map(|(_, band)| band.rate_premium_bps).unwrap_or_default(),
			outstanding,
			committed,
			positions: Self::positions_of(who),
			person: AccountPerson::<T>::get(who),
			person_accounts: Self::person_accounts(who),
			frozen: profile.frozen,
			open_flags: PersonFlags::<T>::get(Self::history_holder(who)).len() as u32,
			verified,
			valid_claims,
			eligible: Self::check_can_borrow(who, None).is_ok(),
			history,
		})
	}

	/// The grants `owner` has given, at most `MaxGrants`.
	pub fn grants_of(owner: &T::AccountId) -> Vec<GrantView<T::AccountId>> {
		let now = Self::now();
		Grants::<T>::iter_prefix(owner)
			.take(T::MaxGrants::get() as usize)
			.map(|(institution, grant)| GrantView {
				institution,
				granted_at: grant.granted_at,
				until: grant.until,
				active: now < grant.until,
				collection: None,
			})
			.chain(CollectionGrants::<T>::iter_prefix((owner,)).map(|((agent, case), grant)| {
				GrantView {
					institution: agent,
					granted_at: grant.granted_at,
					until: grant.until,
					active: now < grant.until,
					collection: Some(case),
				}
			}))
			.collect()
	}

	/// Checks the pallet's invariants.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;

		ensure!(
			Verifiers::<T>::count() as usize == Verifiers::<T>::iter().count(),
			"verifier counter does not match the verifiers"
		);
		ensure!(Verifiers::<T>::count() <= T::MaxVerifiers::get(), "too many verifiers");
		let table = TierTable::<T>::get();
		ensure!(
			check_tier_table(&table, T::MaxExposureCap::get(), T::MaxRatePremiumBps::get()).is_ok(),
			"the tier table is invalid"
		);

		for (who, profile) in Profiles::<T>::iter() {
			let history = Histories::<T>::get(Self::history_holder(&who))
				.ok_or("a profile has no history")?;
			ensure!(
				history.on_time_since_delinquency_ms <= history.on_time_ms,
				"more on-time instalments since the last delinquency than in all"
			);
			let first = history.first_activity.unwrap_or(history.credited_until);
			ensure!(
				history.on_time_ms <= history.credited_until.saturating_sub(first),
				"more on-time service credited than time since the first borrowing"
			);
			let held = T::Currency::balance_on_hold(&HoldReason::ProfileDeposit.into(), &who);
			ensure!(held == profile.deposit, "profile deposit differs from the held amount");
		}
		for (who, _) in Attestations::<T>::iter() {
			ensure!(Profiles::<T>::contains_key(&who), "attestations of an unregistered account");
		}

		let mut owners = Vec::new();
		for (owner, _, _) in Grants::<T>::iter() {
			if !owners.contains(&owner) {
				owners.push(owner);
			}
		}
		for (owner, count) in GrantCount::<T>::iter() {
			if !owners.contains(&owner) {
				owners.push(owner.clone());
			}
			ensure!(count <= T::MaxGrants::get(), "too many grants");
		}
		for owner in owners {
			let mut count = 0u32;
			let mut deposits = DepositBalanceOf::<T>::zero();
			for (_, grant) in Grants::<T>::iter_prefix(&owner) {
				count = count.saturating_add(1);
				deposits = deposits.saturating_add(grant.deposit);
			}
			ensure!(GrantCount::<T>::get(&owner) == count, "grant counter does not match");
			let held = T::Currency::balance_on_hold(&HoldReason::AccessGrantDeposit.into(), &owner);
			ensure!(held == deposits, "grant deposits differ from the held amount");
		}
		Self::try_state_persons()?;
		Self::try_state_flags()?;
		Self::try_state_capacity()?;
		Self::try_state_positions()
	}
}
