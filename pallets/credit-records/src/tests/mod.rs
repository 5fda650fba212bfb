//! Tests of `pallet-credit-records`, one file per concern.

mod access;
mod attestations;
mod bad_input;
mod capacity;
mod collection;
mod filings;
mod history;
mod monitoring;
mod persons;
mod positions;
mod profiles;
mod risk;
mod verifiers;

use crate::{
	mock::*, types::*, Attestations, CreditRegistry, Error, Event, GrantCount, GrantView, Grants,
	Histories, HoldReason, Positions, Profiles, ScoreChangeReason, TierInfo, TierTable, Verifiers,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, ConstU32},
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{DispatchError, TokenError};

/// The score of a fresh profile: the base.
pub const BASE: u16 = 550;
/// The score of a fresh profile with one valid identity attestation.
pub const VERIFIED: u16 = 570;
/// The exposure cap of tier 2 (scores 550–649) in the default table.
pub const TIER_2_CAP: Balance = 10_000 * CREDIT_UNIT;

/// The identity commitment the KYC provider gives `who` for `claim` (identity claims only):
/// every account its own person unless a test links them.
pub fn person_of(who: AccountId, claim: ClaimKind) -> Option<H256> {
	claim.carries_identity().then(|| H256::from_low_u64_be(1_000 + who))
}

/// Registers `who` as an individual and has the KYC provider attest KYC for a year.
pub fn verified_individual(who: AccountId) {
	assert_ok!(CreditRecords::register(
		RuntimeOrigin::signed(who),
		ProfileKind::Individual,
		docs(1)
	));
	assert_ok!(CreditRecords::attest(
		RuntimeOrigin::signed(KYC),
		who,
		ClaimKind::KycBasic,
		docs(9),
		now() + 365 * DAY,
		person_of(who, ClaimKind::KycBasic),
	));
}

/// Registers `who` as a profile of `kind`, without any attestation.
pub fn register(who: AccountId, kind: ProfileKind) {
	assert_ok!(CreditRecords::register(RuntimeOrigin::signed(who), kind, docs(1)));
}

/// `verifier` attests `claim` about `subject`, valid for `days` days.
pub fn attest_for(verifier: AccountId, subject: AccountId, claim: ClaimKind, days: u64) {
	if claim == ClaimKind::IncomeVerified {
		assert_ok!(CreditRecords::attest_income(
			RuntimeOrigin::signed(verifier),
			subject,
			crate::IncomeBand::From3kTo6k,
			docs(9),
			now() + days * DAY,
		));
		return;
	}
	assert_ok!(CreditRecords::attest(
		RuntimeOrigin::signed(verifier),
		subject,
		claim,
		docs(9),
		now() + days * DAY,
		person_of(subject, claim),
	));
}

/// What is held from `who` for its profile.
pub fn profile_deposit_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::CreditRecords(HoldReason::ProfileDeposit), &who)
}

/// What is held from `who` for its access grants.
pub fn grant_deposit_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(
		&RuntimeHoldReason::CreditRecords(HoldReason::AccessGrantDeposit),
		&who,
	)
}

/// A key envelope of `len` bytes.
pub fn envelope(len: usize) -> BoundedVec<u8, ConstU32<64>> {
	vec![7u8; len].try_into().expect("envelope within MaxEnvelopeLength")
}

/// A tier table from `(min_score, exposure_cap, rate_premium_bps)` rows.
pub fn tier_table(rows: &[(u16, Balance, u16)]) -> BoundedVec<TierBand, ConstU32<8>> {
	rows.iter()
		.map(|&(min_score, exposure_cap, rate_premium_bps)| TierBand {
			min_score,
			exposure_cap,
			rate_premium_bps,
		})
		.collect::<Vec<_>>()
		.try_into()
		.expect("table within MaxTiers")
}

/// The current score of `who`.
pub fn score_of(who: AccountId) -> u16 {
	CreditRecords::score_breakdown(&who).score
}

/// The stored credit history of `who` (its person's, for an account of a person).
pub fn history_of(who: AccountId) -> CreditHistory {
	Histories::<Test>::get(CreditRecords::history_holder(&who)).expect("a history")
}

/// Whether a `ScoreChanged` event was emitted for `who` so far.
pub fn score_changed_for(who: AccountId) -> bool {
	credit_events().iter().any(|e| matches!(e, Event::ScoreChanged { who: w, .. } if *w == who))
}
