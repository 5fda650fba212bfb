//! Benchmarks of `pallet-credit-records` (frame-benchmarking v2), each at its worst case.

use super::*;
use crate::Pallet as CreditRecords;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOrigin, Get, Time,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::{traits::Saturating, FixedPointNumber};
use xindai_primitives::{
	credit::{CreditRegistry, PositionKey, ReportedPosition, MIN_SCORE},
	price::{Price, PriceFeeder},
	AssetId,
};

/// An account with enough funds for a profile and a grant with the largest envelope.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let needed = T::ProfileDeposit::get()
		.saturating_add(CreditRecords::<T>::grant_deposit(T::MaxEnvelopeLength::get()))
		.saturating_mul(10u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&who, needed);
	who
}

/// A registered individual.
fn registered<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = funded::<T>(name, index);
	CreditRecords::<T>::do_register(who.clone(), ProfileKind::Individual, H256::repeat_byte(1))
		.expect("a funded account can register");
	who
}

/// An admitted verifier of `kind`.
fn verifier<T: Config>(index: u32, kind: VerifierKind) -> T::AccountId {
	let who: T::AccountId = account("verifier", index, 0);
	let name = BoundedVec::try_from(vec![b'v'; T::MaxNameLength::get() as usize])
		.expect("exactly the bound");
	CreditRecords::<T>::do_add_verifier(who.clone(), kind, name).expect("room for a verifier");
	who
}

/// A moment a year after now.
fn in_a_year<T: Config>() -> u64 {
	T::Time::now().saturating_add(365 * MILLISECONDS_PER_DAY)
}

/// The identity commitment a KYC provider gives `who` for `claim` (identity claims only).
fn identity_of<T: Config>(who: T::AccountId, claim: ClaimKind) -> Option<H256> {
	claim.carries_identity().then(|| {
		<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash_of(&(
			b"bench-person",
			who,
		))
	})
}

/// A person's first account and a second account its identity attestation named (pending).
fn pending_second_account<T: Config>() -> (T::AccountId, T::AccountId) {
	let provider = verifier::<T>(0, VerifierKind::KycProvider);
	let person: T::AccountId = account("person", 0, 0);
	let identity = identity_of::<T>(person, ClaimKind::KycBasic);
	let first = registered::<T>("first", 0);
	let subject = registered::<T>("second", 0);
	for who in [&first, &subject] {
		CreditRecords::<T>::do_attest(
			provider.clone(),
			who.clone(),
			ClaimKind::KycBasic,
			H256::repeat_byte(2),
			in_a_year::<T>(),
			ClaimDetail { identity, income_band: None },
		)
		.expect("an identity attestation");
	}
	(first, subject)
}

/// Fills `subject`'s attestations to one short of the bound, from distinct credit bureaus
/// (claims that carry no identity, so the measured identity attestation links the account).
fn nearly_full_attestations<T: Config>(subject: &T::AccountId) {
	// Keep room for the verifier the benchmark itself admits.
	let room = T::MaxVerifiers::get().saturating_sub(Verifiers::<T>::count()).saturating_sub(1);
	let slots = T::MaxAttestations::get().saturating_sub(1).min(room);
	for i in 0..slots {
		let bureau = verifier::<T>(100 + i, VerifierKind::CreditBureau);
		CreditRecords::<T>::do_attest(
			bureau,
			subject.clone(),
			ClaimKind::IncomeVerified,
			H256::repeat_byte(2),
			in_a_year::<T>(),
			ClaimDetail { identity: None, income_band: Some(IncomeBand::From3kTo6k) },
		)
		.expect("room for an attestation");
	}
}

/// A person at its largest, for the checks that walk a person's credit: `MaxAccountsPerPerson`
/// accounts (see [`person_of`]).
fn largest_person<T: Config>() -> Result<(T::AccountId, vec::Vec<AssetId>), BenchmarkError> {
	person_of::<T>(T::MaxAccountsPerPerson::get())
}

/// A person of `accounts` registered accounts, the first KYC-attested with its attestations
/// full, each account owing every product in each of `MaxPositions` distinct priced assets and
/// with a P2P and an SME service booked in each: the most a person of that many accounts holds. Returns the
/// first account and the assets.
fn person_of<T: Config>(
	accounts: u32,
) -> Result<(T::AccountId, vec::Vec<AssetId>), BenchmarkError> {
	let person = H256::repeat_byte(7);
	let accounts: vec::Vec<T::AccountId> =
		(0..accounts).map(|i| registered::<T>("holder", i)).collect();
	for account in &accounts {
		AccountPerson::<T>::insert(account, person);
	}
	let bounded = BoundedVec::try_from(accounts.clone())
		.map_err(|_| BenchmarkError::Stop("at most MaxAccountsPerPerson accounts"))?;
	PersonAccounts::<T>::insert(person, bounded);
	let who = accounts[0].clone();
	nearly_full_attestations::<T>(&who);
	let kyc = verifier::<T>(99, VerifierKind::KycProvider);
	let detail = ClaimDetail { identity: Some(person), income_band: None };
	CreditRecords::<T>::do_attest(
		kyc,
		who.clone(),
		ClaimKind::KycBasic,
		H256::repeat_byte(3),
		in_a_year::<T>(),
		detail,
	)
	.map_err(|_| BenchmarkError::Stop("room for the KYC attestation"))?;

	let credit = T::CreditAsset::get();
	let assets: vec::Vec<AssetId> = (0..T::MaxPositions::get())
		.map(|i| credit.saturating_add(1_000).saturating_add(i))
		.collect();
	for asset in &assets {
		T::BenchmarkPrices::feed_price(*asset, Price::saturating_from_integer(1u32))
			.map_err(|_| BenchmarkError::Stop("the benchmark prices are set"))?;
	}
	// `MaxPositions` bounds the assets an account borrows in; in each, every product may hold
	// a position, and the two that book service (P2P, SME) a service.
	let products = [CreditProduct::Pools, CreditProduct::P2pLoans, CreditProduct::SmeFinance];
	for account in &accounts {
		for asset in &assets {
			for product in products {
				Positions::<T>::insert(
					account,
					PositionKey::new(product, *asset),
					ReportedPosition { owed: 1_000, committed: 0 },
				);
			}
			for product in [CreditProduct::P2pLoans, CreditProduct::SmeFinance] {
				DebtService::<T>::insert(account, PositionKey::new(product, *asset), 1_000);
			}
		}
	}
	Ok((who, assets))
}

/// What a credit application asks of the registry's capacity book: the check of a monthly
/// service of 1,000 units of `asset` at SME finance, then its booking.
fn apply_for_service<T: Config>(
	who: &T::AccountId,
	asset: AssetId,
) -> Result<(), sp_runtime::DispatchError> {
	let purpose = LoanPurpose {
		category: PurposeCategory::Education,
		description_hash: H256::repeat_byte(5),
	};
	let checked = CreditRecords::<T>::check_repayment_capacity(
		who,
		CreditProduct::SmeFinance,
		&purpose,
		asset,
		1_000,
	);
	let applied = PositionKey::new(CreditProduct::SmeFinance, asset);
	<CreditRecords<T> as CreditRegistry<T::AccountId>>::note_debt_service(who, applied, 1_000);
	checked
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_verifier() -> Result<(), BenchmarkError> {
		let origin = T::VerifierAdminOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("verifier", 0, 0);
		let name = BoundedVec::try_from(vec![b'v'; T::MaxNameLength::get() as usize])
			.map_err(|_| BenchmarkError::Stop("name bound"))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), VerifierKind::KycProvider, name);

		assert!(Verifiers::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_verifier() -> Result<(), BenchmarkError> {
		let origin = T::VerifierAdminOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let who = verifier::<T>(0, VerifierKind::Auditor);
		// Worst case: its `MAX_OPEN_REPORTS` open reports are withdrawn.
		let per_person = crate::monitor::MAX_OPEN_FLAGS;
		for index in 0..crate::monitor::MAX_OPEN_REPORTS {
			if index % per_person == 0 {
				registered::<T>("subject", index / per_person);
			}
			let subject: T::AccountId = account("subject", index / per_person, 0);
			CreditRecords::<T>::do_raise_flag(who.clone(), subject, index as u16, H256::zero())
				.map_err(|_| BenchmarkError::Stop("report"))?;
		}

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Verifiers::<T>::contains_key(&who));
		assert!(Flags::<T>::iter_keys().next().is_none());
		Ok(())
	}

	#[benchmark]
	fn register() {
		let who = funded::<T>("owner", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), ProfileKind::Enterprise, H256::repeat_byte(1));

		assert!(Profiles::<T>::contains_key(&who));
	}

	#[benchmark]
	fn update_documents() {
		let who = registered::<T>("owner", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), H256::repeat_byte(7));

		assert_eq!(Profiles::<T>::get(&who).map(|p| p.documents), Some(H256::repeat_byte(7)));
	}

	#[benchmark]
	fn deregister() {
		let who = registered::<T>("owner", 0);
		nearly_full_attestations::<T>(&who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Profiles::<T>::contains_key(&who));
	}

	#[benchmark]
	fn forget_history() {
		let who = registered::<T>("owner", 0);
		assert!(Pallet::<T>::do_deregister(who.clone()).is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Histories::<T>::contains_key(&who));
	}

	/// A pending second account of a person, the person's side agreed: the account's
	/// acceptance joins it (its own history gives way).
	#[benchmark]
	fn accept_person() {
		let (first, subject) = pending_second_account::<T>();
		assert!(CreditRecords::<T>::consent_to_link(&first, &subject, false).is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(subject.clone()));

		assert!(crate::AccountPerson::<T>::contains_key(&subject));
	}

	#[benchmark]
	fn approve_account() {
		let (first, subject) = pending_second_account::<T>();
		assert!(CreditRecords::<T>::consent_to_link(&subject, &subject, true).is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(first), subject.clone());

		assert!(crate::AccountPerson::<T>::contains_key(&subject));
	}

	#[benchmark]
	fn reject_link() {
		let (first, subject) = pending_second_account::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(first), subject.clone());

		assert!(!crate::PendingLinks::<T>::contains_key(&subject));
	}

	/// The heaviest attestation: the subject's first identity attestation names a person who
	/// has accounts already (the link waits for both sides' consent).
	#[benchmark]
	fn attest() {
		let provider = verifier::<T>(0, VerifierKind::KycProvider);
		let person: T::AccountId = account("person", 0, 0);
		let identity = identity_of::<T>(person, ClaimKind::KycBasic);
		let sibling = registered::<T>("sibling", 0);
		CreditRecords::<T>::do_attest(
			provider.clone(),
			sibling,
			ClaimKind::KycBasic,
			H256::repeat_byte(2),
			in_a_year::<T>(),
			ClaimDetail { identity, income_band: None },
		)
		.expect("the person's first account");
		let subject = registered::<T>("owner", 0);
		nearly_full_attestations::<T>(&subject);
		let expires_at = in_a_year::<T>();
		let before = Attestations::<T>::get(&subject).len();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(provider),
			subject.clone(),
			ClaimKind::KycFull,
			H256::repeat_byte(3),
			expires_at,
			identity,
		);

		assert_eq!(Attestations::<T>::get(&subject).len(), before + 1);
		assert!(crate::PendingLinks::<T>::contains_key(&subject));
	}

	/// An identity attestation that makes the subject its person's first account: the link is
	/// written both ways and the identity's points move the score (the most an attestation
	/// writes; [`attest`](Self::attest) is the most it reads).
	#[benchmark]
	fn attest_first_identity() {
		let provider = verifier::<T>(0, VerifierKind::KycProvider);
		let subject = registered::<T>("owner", 0);
		nearly_full_attestations::<T>(&subject);
		let identity = identity_of::<T>(subject.clone(), ClaimKind::KycFull);
		let before = Attestations::<T>::get(&subject).len();

		#[extrinsic_call]
		attest(
			RawOrigin::Signed(provider),
			subject.clone(),
			ClaimKind::KycFull,
			H256::repeat_byte(3),
			in_a_year::<T>(),
			identity,
		);

		assert_eq!(Attestations::<T>::get(&subject).len(), before + 1);
		assert!(crate::AccountPerson::<T>::contains_key(&subject));
	}

	#[benchmark]
	fn revoke_attestation() {
		let subject = registered::<T>("owner", 0);
		nearly_full_attestations::<T>(&subject);
		let provider = verifier::<T>(0, VerifierKind::KycProvider);
		CreditRecords::<T>::do_attest(
			provider.clone(),
			subject.clone(),
			ClaimKind::KycFull,
			H256::repeat_byte(3),
			in_a_year::<T>(),
			ClaimDetail {
				identity: identity_of::<T>(subject.clone(), ClaimKind::KycFull),
				income_band: None,
			},
		)
		.expect("room for an attestation");

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), subject.clone(), ClaimKind::KycFull);

		assert!(!Attestations::<T>::get(&subject).iter().any(|a| a.verifier == provider));
	}

	#[benchmark]
	fn force_revoke_attestation() -> Result<(), BenchmarkError> {
		let origin = T::VerifierAdminOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let subject = registered::<T>("owner", 0);
		nearly_full_attestations::<T>(&subject);
		let provider = verifier::<T>(0, VerifierKind::KycProvider);
		CreditRecords::<T>::do_attest(
			provider.clone(),
			subject.clone(),
			ClaimKind::KycFull,
			H256::repeat_byte(3),
			in_a_year::<T>(),
			ClaimDetail {
				identity: identity_of::<T>(subject.clone(), ClaimKind::KycFull),
				income_band: None,
			},
		)
		.map_err(|_| BenchmarkError::Stop("attest"))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, subject.clone(), provider.clone(), ClaimKind::KycFull);

		assert!(!Attestations::<T>::get(&subject).iter().any(|a| a.verifier == provider));
		Ok(())
	}

	#[benchmark]
	fn set_tier_table(t: Linear<1, { T::MaxTiers::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let tiers: BoundedVec<TierBand, T::MaxTiers> = (0..t)
			.map(|i| TierBand {
				min_score: MIN_SCORE + i as u16,
				exposure_cap: 0,
				rate_premium_bps: 0,
			})
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.map_err(|_| BenchmarkError::Stop("tier bound"))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, tiers);

		assert_eq!(TierTable::<T>::get().len() as u32, t);
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let origin =
			T::FreezeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = registered::<T>("owner", 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), FreezeReason::RiskReview);

		assert!(Profiles::<T>::get(&who).and_then(|p| p.frozen).is_some());
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let origin =
			T::FreezeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = registered::<T>("owner", 0);
		CreditRecords::<T>::do_freeze(who.clone(), FreezeReason::RiskReview)
			.map_err(|_| BenchmarkError::Stop("freeze"))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Profiles::<T>::get(&who).and_then(|p| p.frozen).is_none());
		Ok(())
	}

	#[benchmark]
	fn grant_access() {
		let owner = registered::<T>("owner", 0);
		let institution: T::AccountId = account("institution", 0, 0);
		let envelope = BoundedVec::try_from(vec![7u8; T::MaxEnvelopeLength::get() as usize])
			.expect("exactly the bound");
		let until = T::Time::now().saturating_add(T::MaxGrantDuration::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), institution.clone(), until, envelope);

		assert!(Grants::<T>::contains_key(&owner, &institution));
	}

	#[benchmark]
	fn revoke_access() {
		let owner = registered::<T>("owner", 0);
		let institution: T::AccountId = account("institution", 0, 0);
		let envelope = BoundedVec::try_from(vec![7u8; T::MaxEnvelopeLength::get() as usize])
			.expect("exactly the bound");
		let until = T::Time::now().saturating_add(T::MaxGrantDuration::get());
		CreditRecords::<T>::do_grant_access(owner.clone(), institution.clone(), until, envelope)
			.expect("a registered owner can grant");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), institution.clone());

		assert!(!Grants::<T>::contains_key(&owner, &institution));
	}

	#[benchmark]
	fn log_access() {
		let owner = registered::<T>("owner", 0);
		let institution: T::AccountId = account("institution", 0, 0);
		let envelope = BoundedVec::try_from(vec![7u8; T::MaxEnvelopeLength::get() as usize])
			.expect("exactly the bound");
		let until = T::Time::now().saturating_add(T::MaxGrantDuration::get());
		CreditRecords::<T>::do_grant_access(owner.clone(), institution.clone(), until, envelope)
			.expect("a registered owner can grant");

		#[extrinsic_call]
		_(RawOrigin::Signed(institution), owner);
	}

	#[benchmark]
	fn raise_flag() {
		let reporter = verifier::<T>(0, VerifierKind::CreditBureau);
		let subject = registered::<T>("owner", 0);
		// Worst case: the last free slot of the person's open flags.
		for code in 1..crate::monitor::MAX_OPEN_FLAGS {
			CreditRecords::<T>::do_raise_flag(
				reporter.clone(),
				subject.clone(),
				code as u16,
				H256::zero(),
			)
			.expect("room for a flag");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(reporter), subject.clone(), 0, H256::repeat_byte(3));

		assert_eq!(PersonFlags::<T>::get(&subject).len() as u32, crate::monitor::MAX_OPEN_FLAGS);
	}

	#[benchmark]
	fn clear_flag() -> Result<(), BenchmarkError> {
		let origin =
			T::ReviewOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let reporter = verifier::<T>(0, VerifierKind::CreditBureau);
		let subject = registered::<T>("owner", 0);
		for code in 0..crate::monitor::MAX_OPEN_FLAGS {
			CreditRecords::<T>::do_raise_flag(
				reporter.clone(),
				subject.clone(),
				code as u16,
				H256::zero(),
			)
			.map_err(|_| BenchmarkError::Stop("raise"))?;
		}
		let last = NextFlagId::<T>::get() - 1;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, last, H256::repeat_byte(4));

		assert!(!Flags::<T>::contains_key(last));
		Ok(())
	}

	#[benchmark]
	fn confirm_flag() -> Result<(), BenchmarkError> {
		let origin =
			T::ReviewOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let reporter = verifier::<T>(0, VerifierKind::CreditBureau);
		let subject = registered::<T>("owner", 0);
		for code in 0..crate::monitor::MAX_OPEN_FLAGS {
			CreditRecords::<T>::do_raise_flag(
				reporter.clone(),
				subject.clone(),
				code as u16,
				H256::zero(),
			)
			.map_err(|_| BenchmarkError::Stop("raise"))?;
		}
		let last = NextFlagId::<T>::get() - 1;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, last, H256::repeat_byte(4));

		assert!(Profiles::<T>::get(&subject).and_then(|p| p.frozen).is_some());
		Ok(())
	}

	#[benchmark]
	fn set_monitor_params() -> Result<(), BenchmarkError> {
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = MonitorParams { max_borrowings: 20, ..MonitorParams::DEFAULT };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		assert_eq!(MonitorParameters::<T>::get(), params);
		Ok(())
	}

	#[benchmark]
	fn attest_income() {
		let subject = registered::<T>("owner", 0);
		nearly_full_attestations::<T>(&subject);
		let bureau = verifier::<T>(1, VerifierKind::CreditBureau);
		let before = Attestations::<T>::get(&subject).len();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(bureau),
			subject.clone(),
			IncomeBand::From6kTo12k,
			H256::repeat_byte(3),
			in_a_year::<T>(),
		);

		assert_eq!(Attestations::<T>::get(&subject).len(), before + 1);
	}

	#[benchmark]
	fn set_capacity_params() -> Result<(), BenchmarkError> {
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = CapacityParams { unattested_limit: 1, ..CapacityParams::default() };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);

		assert_eq!(CapacityParameters::<T>::get(), params);
		Ok(())
	}

	#[benchmark]
	fn set_closed_purposes() -> Result<(), BenchmarkError> {
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let closed = PurposeSet::of(&[PurposeCategory::PersonalConsumption]);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, CreditProduct::P2pLoans, closed);

		assert_eq!(ClosedPurposes::<T>::get(CreditProduct::P2pLoans), closed);
		Ok(())
	}

	/// The capacity check of a credit application and the booking of its service, for a person
	/// at its largest ([`largest_person`]). Products add this to their calls' weights
	/// ([`CreditRegistry::repayment_capacity_weight`]).
	#[benchmark]
	fn repayment_capacity_check() -> Result<(), BenchmarkError> {
		let (who, assets) = largest_person::<T>()?;
		let checked;

		#[block]
		{
			checked = apply_for_service::<T>(&who, assets[0]);
		}

		assert_eq!(checked, Ok(()));
		// The person's SME service in that asset, booked already, grows by the new one.
		let applied = PositionKey::new(CreditProduct::SmeFinance, assets[0]);
		assert_eq!(DebtService::<T>::get(&who, applied), Some(2_000));
		Ok(())
	}

	/// [`repayment_capacity_check`](Self::repayment_capacity_check) for a person of one account
	/// at its largest: what a call is charged after the check when the borrower has no other
	/// account ([`CreditRegistry::repayment_capacity_weight_for`]).
	#[benchmark]
	fn repayment_capacity_check_one_account() -> Result<(), BenchmarkError> {
		let (who, assets) = person_of::<T>(1)?;
		let checked;

		#[block]
		{
			checked = apply_for_service::<T>(&who, assets[0]);
		}

		assert_eq!(checked, Ok(()));
		// The person's SME service in that asset, booked already, grows by the new one.
		let applied = PositionKey::new(CreditProduct::SmeFinance, assets[0]);
		assert_eq!(DebtService::<T>::get(&who, applied), Some(2_000));
		Ok(())
	}

	/// The eligibility and exposure-cap check of new credit (`ensure_can_borrow`) for a person
	/// at its largest ([`largest_person`]): every position of every account priced. Products
	/// add this to the weights of the calls that run it
	/// ([`CreditRegistry::exposure_check_weight`]).
	#[benchmark]
	fn exposure_check() -> Result<(), BenchmarkError> {
		let (who, assets) = largest_person::<T>()?;
		let checked;

		#[block]
		{
			checked = <CreditRecords<T> as CreditRegistry<T::AccountId>>::ensure_can_borrow(
				&who, assets[0], 1_000,
			);
		}

		assert!(checked.is_ok());
		Ok(())
	}

	/// [`exposure_check`](Self::exposure_check) for a person of one account at its largest
	/// ([`CreditRegistry::exposure_check_weight_for`]).
	#[benchmark]
	fn exposure_check_one_account() -> Result<(), BenchmarkError> {
		let (who, assets) = person_of::<T>(1)?;
		let checked;

		#[block]
		{
			checked = <CreditRecords<T> as CreditRegistry<T::AccountId>>::ensure_can_borrow(
				&who, assets[0], 1_000,
			);
		}

		assert!(checked.is_ok());
		Ok(())
	}

	impl_benchmark_test_suite!(
		CreditRecords,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
