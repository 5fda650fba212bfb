//! Plain data of the credit records: profiles, verifiers, attestations, grants, credit history and
//! the tier table. Nothing here knows about storage or `Config`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;
use xindai_primitives::{
	credit::{BasisPoints, Score, MIN_SCORE},
	Balance, Moment,
};

/// Milliseconds in a day, to turn timestamps into days.
pub const MILLISECONDS_PER_DAY: Moment = 24 * 60 * 60 * 1_000;

/// Who a profile belongs to: a person, or a small/micro enterprise.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum ProfileKind {
	/// A natural person; borrowing needs a valid KYC attestation.
	Individual,
	/// A small or micro enterprise; borrowing needs a valid KYB attestation.
	Enterprise,
}

/// The kinds of verifier; defined in primitives so other pallets can ask about verifiers.
pub use xindai_primitives::credit::VerifierKind;

/// A claim a verifier attests about a profile.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum ClaimKind {
	/// Basic identity check of a person.
	KycBasic,
	/// Full identity check of a person (documents, liveness, address).
	KycFull,
	/// Identity check of a business and its beneficial owners.
	Kyb,
	/// The enterprise's financial statements were audited.
	AuditedFinancials,
	/// The person's income was verified.
	IncomeVerified,
}

impl ClaimKind {
	/// Whether the claim carries an income band (only `IncomeVerified`).
	pub fn carries_income_band(self) -> bool {
		self == ClaimKind::IncomeVerified
	}

	/// Whether the claim identifies a person or an enterprise (KYC, KYB): its attestation
	/// carries the identity commitment that links all accounts of one person.
	pub fn carries_identity(self) -> bool {
		matches!(self, ClaimKind::KycBasic | ClaimKind::KycFull | ClaimKind::Kyb)
	}

	/// Whether a verifier of `kind` may attest this claim.
	pub fn attestable_by(self, kind: VerifierKind) -> bool {
		matches!(
			(kind, self),
			(VerifierKind::KycProvider, ClaimKind::KycBasic)
				| (VerifierKind::KycProvider, ClaimKind::KycFull)
				| (VerifierKind::KycProvider, ClaimKind::Kyb)
				| (VerifierKind::Auditor, ClaimKind::AuditedFinancials)
				| (VerifierKind::CreditBureau, ClaimKind::IncomeVerified)
		)
	}
}

impl ProfileKind {
	/// Whether `claim` verifies the identity of a profile of this kind, as borrowing requires.
	pub fn is_identity_claim(self, claim: ClaimKind) -> bool {
		match self {
			ProfileKind::Individual => matches!(claim, ClaimKind::KycBasic | ClaimKind::KycFull),
			ProfileKind::Enterprise => claim == ClaimKind::Kyb,
		}
	}
}

/// Why an account was frozen.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum FreezeReason {
	/// Frozen automatically when a loan defaulted.
	Default,
	/// Suspected fraud or identity theft.
	SuspectedFraud,
	/// A compliance or sanctions hold.
	Compliance,
	/// A manual risk review.
	RiskReview,
}

/// An accredited verifier.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(NameLimit))]
pub struct VerifierInfo<NameLimit: Get<u32>> {
	/// What it is accredited as.
	pub kind: VerifierKind,
	/// Its public name (e.g. the company's), for wallets.
	pub name: BoundedVec<u8, NameLimit>,
	/// When governance admitted it.
	pub admitted_at: Moment,
}

/// A registered profile. Holds only a commitment to the owner's encrypted off-chain documents.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Profile<DepositBalance> {
	/// Person or enterprise.
	pub kind: ProfileKind,
	/// Hash of (or commitment to) the encrypted document bundle kept off chain.
	pub documents: H256,
	/// Held from the owner while the profile exists.
	pub deposit: DepositBalance,
	/// When the profile was registered.
	pub registered_at: Moment,
	/// Set while the account may not borrow.
	pub frozen: Option<FreezeReason>,
}

/// A verifier's statement about a profile, valid until `expires_at`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Attestation<AccountId> {
	/// Who attested.
	pub verifier: AccountId,
	/// What was attested.
	pub claim: ClaimKind,
	/// Hash of the verifier's off-chain evidence (report, certificate).
	pub claim_hash: H256,
	/// When it was issued.
	pub issued_at: Moment,
	/// From this moment on it no longer counts.
	pub expires_at: Moment,
	/// For identity claims (KYC, KYB): the verifier's identity commitment of the person or
	/// enterprise (a salted hash it derives from the identity documents, never the identity).
	pub identity: Option<H256>,
	/// For an income claim (`IncomeVerified`): the band of the person's monthly income.
	pub income_band: Option<xindai_primitives::capacity::IncomeBand>,
}

impl<AccountId> Attestation<AccountId> {
	/// Whether the attestation counts at `now`.
	pub fn is_valid_at(&self, now: Moment) -> bool {
		now < self.expires_at
	}
}

/// What an attestation carries besides its claim: the identity commitment of an identity claim,
/// the income band of an income claim.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ClaimDetail {
	/// For KYC and KYB claims.
	pub identity: Option<H256>,
	/// For `IncomeVerified`.
	pub income_band: Option<xindai_primitives::capacity::IncomeBand>,
}

/// The audited revenue of an enterprise's latest attested filing, as its repayment capacity
/// counts it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct RevenueRecord {
	/// Revenue per month of the filing's period, in credit units.
	pub monthly_revenue: Balance,
	/// When the filing's period ended (milliseconds).
	pub period_end: Moment,
	/// When the filing stops counting (its period's end plus `RevenueValidity`).
	pub expires_at: Moment,
}

/// An account waiting to join a person: both the account and an account of the person must
/// agree.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct PendingLink {
	/// The person an identity attestation named.
	pub identity: H256,
	/// The account agreed (`accept_person`).
	pub accepted: bool,
	/// An account of the person agreed (`approve_account`).
	pub approved: bool,
}

/// An owner's consent for an institution to read their off-chain profile.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(EnvelopeLimit))]
pub struct AccessGrant<DepositBalance, EnvelopeLimit: Get<u32>> {
	/// The owner's document key, encrypted to the institution's public key.
	pub key_envelope: BoundedVec<u8, EnvelopeLimit>,
	/// When it was granted.
	pub granted_at: Moment,
	/// From this moment on the grant is inert.
	pub until: Moment,
	/// Held from the owner until the grant is revoked.
	pub deposit: DepositBalance,
}

/// A collection agent's access to a defaulted borrower's contact file (see `collection.rs`).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct CollectionGrant {
	/// When the agent was assigned.
	pub granted_at: Moment,
	/// From this moment on the grant is inert.
	pub until: Moment,
}

/// Late instalments, by how late they were.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct LateBuckets {
	/// 1–30 days late.
	pub days_1_30: u32,
	/// 31–60 days late.
	pub days_31_60: u32,
	/// 61–90 days late.
	pub days_61_90: u32,
	/// More than 90 days late.
	pub over_90: u32,
}

impl LateBuckets {
	/// Counts one instalment paid `days_late` (> 0) days late.
	pub fn record(&mut self, days_late: u32) {
		let bucket = match days_late {
			0..=30 => &mut self.days_1_30,
			31..=60 => &mut self.days_31_60,
			61..=90 => &mut self.days_61_90,
			_ => &mut self.over_90,
		};
		*bucket = bucket.saturating_add(1);
	}

	/// All late instalments.
	pub fn total(&self) -> u32 {
		self.days_1_30
			.saturating_add(self.days_31_60)
			.saturating_add(self.days_61_90)
			.saturating_add(self.over_90)
	}
}

/// An account's credit history across every lending product. Kept when the profile is
/// deregistered, so a bad history cannot be shed by registering again.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct CreditHistory {
	/// On-time service credited, in milliseconds: time during which the account had at least
	/// `MinCountedRepayment` of principal outstanding and paid on time. Time served on several
	/// loans at once counts once: never more than the time since the first borrowing.
	pub on_time_ms: Moment,
	/// Instalments paid late, by lateness (at most one per due date).
	pub late: LateBuckets,
	/// Loans that defaulted.
	pub defaults: u32,
	/// Loans settled in full.
	pub settled: u32,
	/// On-time service credited since the last late payment or default, in milliseconds.
	pub on_time_since_delinquency_ms: Moment,
	/// Total borrowed, in credit units (each borrowing valued at the price of its time).
	pub borrowed: Balance,
	/// Total principal repaid, in credit units (valued at the price of its time).
	pub repaid: Balance,
	/// Principal × time served on time, in credit-unit-days.
	pub served_volume: Balance,
	/// Up to when on-time service has been credited (milliseconds; 0 before any).
	pub credited_until: Moment,
	/// When the last late payment or default was recorded (milliseconds; 0 without any): only
	/// service after it counts towards recovery.
	pub last_delinquency_at: Moment,
	/// Total principal written off in defaults, in credit units (valued at the price of its
	/// time).
	pub defaulted: Balance,
	/// Positions open in [`Positions`](crate::Positions) (debt or commitments of one product
	/// in one asset): a history with open positions cannot be deregistered.
	pub open_positions: u32,
	/// When the account first borrowed.
	pub first_activity: Option<Moment>,
	/// The score last announced in a `ScoreChanged` event.
	pub last_score: Score,
	/// Financial filings attested by an auditor (enterprises).
	pub attested_filings: u32,
	/// Of them, those reporting a net profit.
	pub profitable_filings: u32,
}

/// One row of the governance tier table: scores from `min_score` up to the next row's.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct TierBand {
	/// Lowest score in this tier.
	pub min_score: Score,
	/// The most a borrower of this tier may owe across all products, in credit units.
	pub exposure_cap: Balance,
	/// Added to a product's base rate for this tier, in basis points per year.
	pub rate_premium_bps: BasisPoints,
}

/// One USDX in credit units (USDX has 6 decimals).
pub const CREDIT_UNIT: Balance = 1_000_000;

/// The tier table a new chain starts with (governance changes it with `set_tier_table`).
///
/// | tier | scores  | exposure cap  | rate premium |
/// |------|---------|---------------|--------------|
/// | 0    | 300–449 | 0 (no credit) | 15.00%       |
/// | 1    | 450–549 | 1,000 USDX    | 8.00%        |
/// | 2    | 550–649 | 10,000 USDX   | 4.00%        |
/// | 3    | 650–749 | 50,000 USDX   | 2.00%        |
/// | 4    | 750–900 | 250,000 USDX  | 0.50%        |
pub fn default_tier_table() -> [TierBand; 5] {
	[
		TierBand { min_score: MIN_SCORE, exposure_cap: 0, rate_premium_bps: 1_500 },
		TierBand { min_score: 450, exposure_cap: 1_000 * CREDIT_UNIT, rate_premium_bps: 800 },
		TierBand { min_score: 550, exposure_cap: 10_000 * CREDIT_UNIT, rate_premium_bps: 400 },
		TierBand { min_score: 650, exposure_cap: 50_000 * CREDIT_UNIT, rate_premium_bps: 200 },
		TierBand { min_score: 750, exposure_cap: 250_000 * CREDIT_UNIT, rate_premium_bps: 50 },
	]
}

/// The index of the tier `score` falls in: the last band whose `min_score` is at most `score`.
/// `None` only for an empty table or one not starting at the lowest score.
pub fn tier_of(table: &[TierBand], score: Score) -> Option<(u8, TierBand)> {
	table
		.iter()
		.enumerate()
		.take_while(|(_, band)| band.min_score <= score)
		.last()
		.and_then(|(index, band)| u8::try_from(index).ok().map(|index| (index, *band)))
}

/// Why a tier table is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TierTableError {
	/// No rows.
	Empty,
	/// The first row does not start at the lowest score, so some scores would have no tier.
	MustStartAtMinScore,
	/// Rows are not in strictly increasing `min_score` order, or a row starts above the highest
	/// score.
	NotSorted,
	/// A cap is above the compile-time bound.
	ExposureCapTooHigh,
	/// A premium is above the compile-time bound.
	RatePremiumTooHigh,
}

/// Checks a tier table against the bounds.
pub fn check_tier_table(
	table: &[TierBand],
	max_exposure_cap: Balance,
	max_rate_premium_bps: BasisPoints,
) -> Result<(), TierTableError> {
	let first = table.first().ok_or(TierTableError::Empty)?;
	if first.min_score != MIN_SCORE {
		return Err(TierTableError::MustStartAtMinScore);
	}
	if table.windows(2).any(|pair| matches!(pair, [a, b] if a.min_score >= b.min_score))
		|| table.iter().any(|band| band.min_score > xindai_primitives::credit::MAX_SCORE)
	{
		return Err(TierTableError::NotSorted);
	}
	if table.iter().any(|band| band.exposure_cap > max_exposure_cap) {
		return Err(TierTableError::ExposureCapTooHigh);
	}
	if table.iter().any(|band| band.rate_premium_bps > max_rate_premium_bps) {
		return Err(TierTableError::RatePremiumTooHigh);
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn late_buckets_split_at_30_60_90_days() {
		let mut late = LateBuckets::default();
		for days in [1, 30, 31, 60, 61, 90, 91, 400] {
			late.record(days);
		}
		assert_eq!(late, LateBuckets { days_1_30: 2, days_31_60: 2, days_61_90: 2, over_90: 2 });
		assert_eq!(late.total(), 8);
	}

	#[test]
	fn tiers_are_found_by_score() {
		let table = default_tier_table();
		assert_eq!(tier_of(&table, 300).map(|t| t.0), Some(0));
		assert_eq!(tier_of(&table, 449).map(|t| t.0), Some(0));
		assert_eq!(tier_of(&table, 450).map(|t| t.0), Some(1));
		assert_eq!(tier_of(&table, 900).map(|t| t.0), Some(4));
		assert_eq!(tier_of(&[], 600), None);
	}

	#[test]
	fn the_default_table_is_valid() {
		assert_eq!(check_tier_table(&default_tier_table(), 250_000 * CREDIT_UNIT, 1_500), Ok(()));
	}

	#[test]
	fn bad_tier_tables_are_refused() {
		let band =
			|min_score, cap, bps| TierBand { min_score, exposure_cap: cap, rate_premium_bps: bps };
		assert_eq!(check_tier_table(&[], 10, 10), Err(TierTableError::Empty));
		assert_eq!(
			check_tier_table(&[band(400, 0, 0)], 10, 10),
			Err(TierTableError::MustStartAtMinScore)
		);
		assert_eq!(
			check_tier_table(&[band(300, 0, 0), band(300, 0, 0)], 10, 10),
			Err(TierTableError::NotSorted)
		);
		assert_eq!(
			check_tier_table(&[band(300, 0, 0), band(901, 0, 0)], 10, 10),
			Err(TierTableError::NotSorted)
		);
		assert_eq!(
			check_tier_table(&[band(300, 11, 0)], 10, 10),
			Err(TierTableError::ExposureCapTooHigh)
		);
		assert_eq!(
			check_tier_table(&[band(300, 0, 11)], 10, 10),
			Err(TierTableError::RatePremiumTooHigh)
		);
	}
}
