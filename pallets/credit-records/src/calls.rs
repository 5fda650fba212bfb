//! The pallet's dispatchable calls, each with its origin, effects and errors; their logic is in
//! `impls.rs`, `persons.rs` and `positions.rs`. A `pallet_section` imported into the pallet
//! module (`lib.rs`), so that every call reads as part of the pallet.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Admit `verifier` as an accredited verifier of `kind`.
		///
		/// The dispatch origin must be `VerifierAdminOrigin`.
		///
		/// - `name`: the verifier's public name, at most `MaxNameLength` bytes.
		///
		/// Emits `VerifierAdded`. Errors: `AlreadyVerifier`, `TooManyVerifiers`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(0)]
		pub fn add_verifier(
			origin: OriginFor<T>,
			verifier: T::AccountId,
			kind: VerifierKind,
			name: BoundedVec<u8, T::MaxNameLength>,
		) -> DispatchResult {
			T::VerifierAdminOrigin::ensure_origin(origin)?;
			Self::do_add_verifier(verifier, kind, name)
		}

		/// Remove `verifier`. Its attestations stay valid until they expire or are revoked; its
		/// open reports (`raise_flag`) are withdrawn; a collection agent's access ends.
		///
		/// The dispatch origin must be `VerifierAdminOrigin`.
		///
		/// Emits `FlagWithdrawn` per open report, `VerifierRemoved`. Errors: `NotVerifier`.
		///
		/// ## Complexity
		/// O(`MAX_OPEN_REPORTS`).
		#[pallet::call_index(1)]
		pub fn remove_verifier(origin: OriginFor<T>, verifier: T::AccountId) -> DispatchResult {
			T::VerifierAdminOrigin::ensure_origin(origin)?;
			ensure!(Verifiers::<T>::contains_key(&verifier), Error::<T>::NotVerifier);
			Verifiers::<T>::remove(&verifier);
			Self::withdraw_reports(&verifier);
			Self::deposit_event(Event::VerifierRemoved { verifier });
			Ok(())
		}

		/// Register a profile of `kind` holding `documents`, the hash of (or commitment to) the
		/// caller's encrypted off-chain document bundle. Holds `ProfileDeposit`.
		///
		/// The dispatch origin must be signed.
		///
		/// Emits `Registered`. Errors: `AlreadyRegistered`; the hold's error if the deposit
		/// cannot be held.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(2)]
		pub fn register(
			origin: OriginFor<T>,
			kind: ProfileKind,
			documents: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(who, kind, documents)
		}

		/// Replace the caller's document commitment (e.g. after updating the off-chain bundle).
		///
		/// The dispatch origin must be signed by a registered account.
		///
		/// Emits `DocumentsUpdated`. Errors: `NoProfile`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(3)]
		pub fn update_documents(origin: OriginFor<T>, documents: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Profiles::<T>::try_mutate(&who, |profile| -> DispatchResult {
				let profile = profile.as_mut().ok_or(Error::<T>::NoProfile)?;
				profile.documents = documents;
				Ok(())
			})?;
			Self::deposit_event(Event::DocumentsUpdated { who, documents });
			Ok(())
		}

		/// Remove the caller's profile and attestations and release its deposit. The credit
		/// history is kept.
		///
		/// The dispatch origin must be signed by a registered account with no debt, no access
		/// grants, and not frozen.
		///
		/// Emits `Deregistered`. Errors: `NoProfile`, `DebtOutstanding`, `GrantsOutstanding`,
		/// `AccountFrozen`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(4)]
		pub fn deregister(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deregister(who)
		}

		/// Attest `claim` about `subject`, with `claim_hash` the hash of the off-chain evidence,
		/// valid until `expires_at` (milliseconds since the Unix epoch). Replaces an earlier
		/// attestation of the same claim by the same verifier; expired attestations make room.
		/// An identity claim (KYC, KYB) carries `identity`, the verifier's commitment of the
		/// person: the account joins that person, whose accounts share one credit history and
		/// one exposure cap (a second account continues the person's history, never a fresh
		/// one).
		///
		/// The dispatch origin must be signed by a verifier whose kind may attest `claim`.
		///
		/// Emits `Attested`, `IdentityLinked` when the account joins a person, and `ScoreChanged`
		/// if the score moved. Errors: `NotVerifier`, `ClaimNotAllowed`, `SelfAttestation`,
		/// `NoProfile`, `ExpiryNotInFuture`, `TooManyAttestations`, `IdentityCommitmentMismatch`,
		/// `IdentityConflict`, `TooManyAccounts`, `HistoryConflict`, `IncomeBandMismatch` (an
		/// income claim is attested with `attest_income`).
		///
		/// ## Complexity
		/// O(1) reads and writes; O(`MaxAttestations`) in memory. Charged the heavier of the
		/// benchmarks of a pending identity link (`attest`) and of a person's first account
		/// (`attest_first_identity`).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::attest().max(T::WeightInfo::attest_first_identity()))]
		pub fn attest(
			origin: OriginFor<T>,
			subject: T::AccountId,
			claim: ClaimKind,
			claim_hash: H256,
			expires_at: Moment,
			identity: Option<H256>,
		) -> DispatchResult {
			let verifier = ensure_signed(origin)?;
			let detail = ClaimDetail { identity, income_band: None };
			Self::do_attest(verifier, subject, claim, claim_hash, expires_at, detail)
		}

		/// Revoke the caller's attestation of `claim` about `subject`.
		///
		/// The dispatch origin must be signed by the verifier that issued it.
		///
		/// Emits `AttestationRevoked`, and `ScoreChanged` if the score moved. Errors:
		/// `AttestationNotFound`.
		///
		/// ## Complexity
		/// O(1) reads and writes; O(`MaxAttestations`) in memory.
		#[pallet::call_index(6)]
		pub fn revoke_attestation(
			origin: OriginFor<T>,
			subject: T::AccountId,
			claim: ClaimKind,
		) -> DispatchResult {
			let verifier = ensure_signed(origin)?;
			Self::do_revoke_attestation(subject, verifier, claim)
		}

		/// Revoke `verifier`'s attestation of `claim` about `subject` (e.g. after the verifier
		/// was found unreliable).
		///
		/// The dispatch origin must be `VerifierAdminOrigin`.
		///
		/// Emits `AttestationRevoked`, and `ScoreChanged` if the score moved. Errors:
		/// `AttestationNotFound`.
		///
		/// ## Complexity
		/// O(1) reads and writes; O(`MaxAttestations`) in memory.
		#[pallet::call_index(7)]
		pub fn force_revoke_attestation(
			origin: OriginFor<T>,
			subject: T::AccountId,
			verifier: T::AccountId,
			claim: ClaimKind,
		) -> DispatchResult {
			T::VerifierAdminOrigin::ensure_origin(origin)?;
			Self::do_revoke_attestation(subject, verifier, claim)
		}

		/// Set the tier table: rows by strictly increasing `min_score`, the first at 300, every
		/// cap at most `MaxExposureCap` and premium at most `MaxRatePremiumBps`.
		///
		/// The dispatch origin must be `RiskOrigin`.
		///
		/// Emits `TierTableSet`. Errors: `TierTableEmpty`, `TierTableMustStartAtMinScore`,
		/// `TierTableNotSorted`, `ExposureCapTooHigh`, `RatePremiumTooHigh`.
		///
		/// ## Complexity
		/// O(`MaxTiers`) in memory, one write.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_tier_table(tiers.len() as u32))]
		pub fn set_tier_table(
			origin: OriginFor<T>,
			tiers: BoundedVec<TierBand, T::MaxTiers>,
		) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			Self::do_set_tier_table(tiers)
		}

		/// Freeze `who`: they may not borrow until unfrozen. Repayments still count.
		///
		/// The dispatch origin must be `FreezeOrigin`.
		///
		/// Emits `Frozen`. Errors: `NoProfile`, `AccountFrozen` (already frozen).
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(9)]
		pub fn freeze(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: FreezeReason,
		) -> DispatchResult {
			T::FreezeOrigin::ensure_origin(origin)?;
			Self::do_freeze(who, reason)
		}

		/// Unfreeze `who`.
		///
		/// The dispatch origin must be `FreezeOrigin`.
		///
		/// Emits `Unfrozen`. Errors: `NoProfile`, `NotFrozen`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(10)]
		pub fn unfreeze(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::FreezeOrigin::ensure_origin(origin)?;
			Profiles::<T>::try_mutate(&who, |profile| -> DispatchResult {
				let profile = profile.as_mut().ok_or(Error::<T>::NoProfile)?;
				ensure!(profile.frozen.is_some(), Error::<T>::NotFrozen);
				profile.frozen = None;
				Ok(())
			})?;
			Self::deposit_event(Event::Unfrozen { who });
			Ok(())
		}

		/// Grant `institution` access to the caller's off-chain profile until `until`
		/// (milliseconds since the Unix epoch). `key_envelope` is the caller's document key
		/// encrypted to the institution. Replaces an earlier grant to the same institution.
		/// Holds `GrantDepositBase + GrantDepositPerByte × envelope length`.
		///
		/// The dispatch origin must be signed by a registered account.
		///
		/// Emits `AccessGranted`. Errors: `NoProfile`, `SelfGrant`, `GrantExpiryNotInFuture`,
		/// `GrantTooLong`, `TooManyGrants`; the hold's error if the deposit cannot be held.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(11)]
		pub fn grant_access(
			origin: OriginFor<T>,
			institution: T::AccountId,
			until: Moment,
			key_envelope: BoundedVec<u8, T::MaxEnvelopeLength>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_grant_access(owner, institution, until, key_envelope)
		}

		/// Revoke `institution`'s access to the caller's profile (expired or not) and release
		/// the grant's deposit.
		///
		/// The dispatch origin must be signed by the owner.
		///
		/// Emits `AccessRevoked`. Errors: `GrantNotFound`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(12)]
		pub fn revoke_access(origin: OriginFor<T>, institution: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_revoke_access(owner, institution)
		}

		/// Record that the caller accessed `subject`'s off-chain profile, so the owner can audit
		/// who looked.
		///
		/// The dispatch origin must be signed by an institution holding a valid grant from
		/// `subject`, or a collection agent holding a valid collection grant on it.
		///
		/// Emits `ProfileAccessed`. Errors: `NoValidGrant`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(13)]
		pub fn log_access(origin: OriginFor<T>, subject: T::AccountId) -> DispatchResult {
			let institution = ensure_signed(origin)?;
			let granted = Grants::<T>::get(&subject, &institution)
				.is_some_and(|grant| Self::now() < grant.until);
			ensure!(
				granted || Self::has_collection_access(&subject, &institution),
				Error::<T>::NoValidGrant
			);
			Self::deposit_event(Event::ProfileAccessed { subject, institution });
			Ok(())
		}

		/// Erase the caller's credit history, once it (and every other account of its person)
		/// has deregistered: at once for a history without any late payment or default, else
		/// `HistoryRetention` after the last one. A history with an open position is kept. The
		/// person's links go with it. (A bad history cannot be shed sooner by deregistering and
		/// registering again, or by another account: both continue the kept history.)
		///
		/// The dispatch origin must be signed by one of the history's (deregistered) accounts.
		///
		/// Emits `HistoryForgotten`. Errors: `StillRegistered`, `HistoryRetained`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(14)]
		pub fn forget_history(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_forget_history(who)
		}

		/// Agree to join the person an identity attestation named for the caller (its own side
		/// of the consent; an account of the person approves the other).
		///
		/// The dispatch origin must be signed by the account with a pending link.
		///
		/// Emits `IdentityLinked` once both sides agreed. Errors: `NoPendingLink`,
		/// `TooManyAccounts`, `HistoryConflict`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(15)]
		pub fn accept_person(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::consent_to_link(&who, &who, true)
		}

		/// Approve `account` joining the caller's person (the person's side of the consent).
		///
		/// The dispatch origin must be signed by an account of the person the link names.
		///
		/// Emits `IdentityLinked` once both sides agreed. Errors: `NoPendingLink`,
		/// `NotOfThePerson`, `TooManyAccounts`, `HistoryConflict`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(16)]
		pub fn approve_account(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::consent_to_link(&who, &account, false)
		}

		/// Refuse `account` joining the person: by the account itself or an account of the
		/// person. Its identity attestation keeps counting for nothing.
		///
		/// The dispatch origin must be signed by `account` or an account of the person.
		///
		/// Emits `IdentityLinkRejected`. Errors: `NoPendingLink`, `NotOfThePerson`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(17)]
		pub fn reject_link(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_link(&who, &account)
		}

		/// Report `subject` for review: an admitted verifier (KYC provider, auditor or credit
		/// bureau) raises a flag on the subject's person with its `reason_code` and the hash of
		/// its off-chain `evidence`. The person takes no new credit until the risk council
		/// reviews the flag. A verifier has at most `MAX_OPEN_REPORTS` open reports; removing it
		/// withdraws them.
		///
		/// The dispatch origin must be signed by an admitted verifier other than a collection
		/// agent.
		///
		/// Emits `FlagRaised`. Errors: `NotVerifier`, `SelfAttestation`, `NoProfile` (the
		/// subject has neither a profile nor a history), `TooManyFlags`, `TooManyReports`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(18)]
		pub fn raise_flag(
			origin: OriginFor<T>,
			subject: T::AccountId,
			reason_code: u16,
			evidence: H256,
		) -> DispatchResult {
			let reporter = ensure_signed(origin)?;
			Self::do_raise_flag(reporter, subject, reason_code, evidence)
		}

		/// Clear `flag` after review: a false alarm. The person may take new credit again (once
		/// no other flag is open); for a rule's flag the monitoring window's counters start
		/// afresh. `reason` is the hash of the council's written reasons.
		///
		/// The dispatch origin must be `ReviewOrigin` (the risk council).
		///
		/// Emits `FlagCleared`. Errors: `FlagNotFound`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(19)]
		pub fn clear_flag(origin: OriginFor<T>, flag: FlagId, reason: H256) -> DispatchResult {
			T::ReviewOrigin::ensure_origin(origin)?;
			Self::do_clear_flag(flag, reason)
		}

		/// Confirm `flag` after review: every registered account of the flagged person is frozen
		/// for suspected fraud (`unfreeze` lifts it) and the flag is closed. (A flagged person's
		/// accounts cannot deregister while the flag is open.)
		///
		/// The dispatch origin must be `ReviewOrigin` (the risk council).
		///
		/// Emits `Frozen` per account not frozen yet, then `FlagConfirmed`. Errors:
		/// `FlagNotFound`, `NoProfile` (none of the person's accounts is registered: the flag
		/// stays open, and with it the stop on new credit).
		///
		/// ## Complexity
		/// O(`MaxAccountsPerPerson`).
		#[pallet::call_index(20)]
		pub fn confirm_flag(origin: OriginFor<T>, flag: FlagId, reason: H256) -> DispatchResult {
			T::ReviewOrigin::ensure_origin(origin)?;
			Self::do_confirm_flag(flag, reason)
		}

		/// Set the monitoring rules' thresholds, each within its compile-time bound
		/// (`monitor::bounds`).
		///
		/// The dispatch origin must be `RiskOrigin`.
		///
		/// Emits `MonitorParamsSet`. Errors: `MonitorParamsOutOfBounds`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(21)]
		pub fn set_monitor_params(origin: OriginFor<T>, params: MonitorParams) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			Self::do_set_monitor_params(params)
		}

		/// Attest `subject`'s monthly income as a band (never the exact figure), with
		/// `claim_hash` the hash of the off-chain evidence, valid until `expires_at`: the
		/// `IncomeVerified` claim its repayment capacity is measured against (the most recently
		/// issued valid one of the person's accounts counts). Replaces the caller's earlier
		/// income attestation of `subject`.
		///
		/// The dispatch origin must be signed by a credit bureau.
		///
		/// Emits `Attested`, `IncomeAttested`, and `ScoreChanged` if the score moved. Errors:
		/// `NotVerifier`, `ClaimNotAllowed`, `SelfAttestation`, `NoProfile`, `ExpiryNotInFuture`,
		/// `TooManyAttestations`.
		///
		/// ## Complexity
		/// O(1) reads and writes; O(`MaxAttestations`) in memory.
		#[pallet::call_index(22)]
		pub fn attest_income(
			origin: OriginFor<T>,
			subject: T::AccountId,
			band: IncomeBand,
			claim_hash: H256,
			expires_at: Moment,
		) -> DispatchResult {
			let verifier = ensure_signed(origin)?;
			let detail = ClaimDetail { identity: None, income_band: Some(band) };
			Self::do_attest(
				verifier,
				subject,
				ClaimKind::IncomeVerified,
				claim_hash,
				expires_at,
				detail,
			)
		}

		/// Set the repayment-capacity parameters (the debt service ratios of income and of
		/// revenue, the unattested limit), each within its compile-time bound
		/// (`xindai_primitives::capacity::bounds`). Applications already accepted keep their
		/// service; new ones are checked against the new limits.
		///
		/// The dispatch origin must be `RiskOrigin`.
		///
		/// Emits `CapacityParamsSet`. Errors: `CapacityParamsOutOfBounds`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(23)]
		pub fn set_capacity_params(origin: OriginFor<T>, params: CapacityParams) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			Self::do_set_capacity_params(params)
		}

		/// Close the purposes in `closed` for new applications at `product` (and reopen every
		/// other one). At least one purpose stays open.
		///
		/// The dispatch origin must be `RiskOrigin`.
		///
		/// Emits `PurposesClosed`. Errors: `InvalidClosedPurposes`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(24)]
		pub fn set_closed_purposes(
			origin: OriginFor<T>,
			product: CreditProduct,
			closed: PurposeSet,
		) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			Self::do_set_closed_purposes(product, closed)
		}
	}
}
