//! The shared vocabulary of credit: how lending pallets ask the credit registry whether someone
//! may borrow, and how they report what happened to each loan.
//!
//! Products report debt to a [`CreditRegistry`] **in the lent asset's own units**, per
//! [`PositionKey`] (product and asset): the registry keeps each borrower's book exactly as the
//! products keep their loans, so the two can be checked for equality (`try_state`), and prices
//! moving between borrowing and repaying cannot make the recorded debt drift. The registry values
//! the book in the **credit unit** (the smallest unit of the reference stablecoin, USDX, 6
//! decimals) when it checks the exposure cap, at fresh prices. Caps, tier tables and the score's
//! volumes are in credit units.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult};

pub use crate::service::Repayment;
use crate::{AssetId, Balance, Moment};

/// A credit score. Xindai scores range from [`MIN_SCORE`] to [`MAX_SCORE`].
pub type Score = u16;

/// The lowest possible score.
pub const MIN_SCORE: Score = 300;

/// The highest possible score.
pub const MAX_SCORE: Score = 900;

/// Basis points: 1/100 of a percent (10_000 = 100%).
pub type BasisPoints = u16;

/// What the credit registry tells a lending product about a borrower's tier.
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
pub struct TierInfo {
	/// The tier's index in the governance tier table: 0 is the riskiest.
	pub tier: u8,
	/// The borrower's score that put them in this tier.
	pub score: Score,
	/// The most the borrower may owe across all products, in credit units.
	pub exposure_cap: Balance,
	/// Added to a product's base interest rate for this borrower, in basis points per year.
	pub rate_premium_bps: BasisPoints,
}

/// The lending products that report to the credit registry: each keeps its own book of what
/// its borrowers owe.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum CreditProduct {
	/// Borrowing from liquidity pools.
	Pools,
	/// Peer-to-peer loans.
	P2pLoans,
	/// SME finance: credit lines, financed invoices (the buyer's debt) and recourse (the
	/// enterprise's debt when its buyer defaulted).
	SmeFinance,
}

/// Where a debt sits: a product and the asset it was lent in.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct PositionKey {
	/// The product that lent.
	pub product: CreditProduct,
	/// The asset lent (owed and committed amounts are in its units).
	pub asset: AssetId,
}

impl PositionKey {
	/// The position of `product` in `asset`.
	pub const fn new(product: CreditProduct, asset: AssetId) -> Self {
		Self { product, asset }
	}
}

/// What the registry has recorded for one position (or one product's total in an asset), in
/// the asset's own units.
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
pub struct ReportedPosition {
	/// Principal owed (never interest or penalty: those are the product's to collect).
	pub owed: Balance,
	/// Credit promised and not paid out yet.
	pub committed: Balance,
}

impl ReportedPosition {
	/// Nothing owed and nothing promised.
	pub fn is_empty(&self) -> bool {
		self.owed == 0 && self.committed == 0
	}
}

/// Milliseconds in a day: the unit of lateness reported to the credit registry.
pub const DAY_MS: Moment = 24 * 60 * 60 * 1_000;

/// Whole days (rounded up) a payment at `paid_at` comes after its due date `due_at`; 0 within
/// the `grace` period (milliseconds). What every lending pallet reports as `days_late`.
pub fn days_late(due_at: Moment, paid_at: Moment, grace: Moment) -> u32 {
	if paid_at <= due_at.saturating_add(grace) {
		return 0;
	}
	u32::try_from(paid_at.saturating_sub(due_at).div_ceil(DAY_MS)).unwrap_or(u32::MAX)
}

/// Compile-time bounds on lateness parameters every lending product shares (P2P loans, SME
/// finance): no referendum can set a value outside them.
pub mod lateness_bounds {
	use crate::{interest::Rate, Seconds};

	/// Grace period at most 30 days.
	pub const MAX_GRACE_PERIOD: Seconds = 30 * 24 * 60 * 60;
	/// Penalty rate at most 50% a year.
	pub const MAX_PENALTY_RATE: Rate = Rate::from_rational(50, 100);
	/// Default between 30 and 365 days past due.
	pub const MIN_DEFAULT_DAYS: u32 = 30;
	/// See [`MIN_DEFAULT_DAYS`].
	pub const MAX_DEFAULT_DAYS: u32 = 365;

	/// The lateness bound a parameter set breaks.
	#[derive(Clone, Copy, PartialEq, Eq, Debug)]
	pub enum Broken {
		/// The grace period is above [`MAX_GRACE_PERIOD`].
		GracePeriod,
		/// The penalty rate is above [`MAX_PENALTY_RATE`].
		PenaltyRate,
		/// The default threshold is outside [`MIN_DEFAULT_DAYS`]..=[`MAX_DEFAULT_DAYS`].
		DefaultDays,
	}

	/// Checks a product's grace period (seconds), penalty rate and default threshold (days).
	pub fn check(
		grace_period: Seconds,
		penalty_rate: Rate,
		default_days: u32,
	) -> Result<(), Broken> {
		if grace_period > MAX_GRACE_PERIOD {
			return Err(Broken::GracePeriod);
		}
		if penalty_rate > MAX_PENALTY_RATE {
			return Err(Broken::PenaltyRate);
		}
		if !(MIN_DEFAULT_DAYS..=MAX_DEFAULT_DAYS).contains(&default_days) {
			return Err(Broken::DefaultDays);
		}
		Ok(())
	}
}

/// The credit registry (implemented by `pallet-credit-records`), as lending pallets see it.
///
/// Every lending pallet calls [`ensure_can_borrow`](Self::ensure_can_borrow) before it lends and
/// the `note_*` hooks as the loan lives, so the borrower's history and score follow every product.
/// Implementations keep each call bounded in storage reads and writes (a borrower has a bounded
/// number of positions).
///
/// ## What products report
///
/// - Exposure, per [`PositionKey`] and in the asset's units:
///   [`note_borrowed`](Self::note_borrowed) when debt is created (principal only); credit a
///   product has promised but not yet paid out (an open P2P request, the undrawn part of a
///   credit line) is **committed** exposure ([`note_committed`](Self::note_committed) /
///   [`note_commitment_released`](Self::note_commitment_released)), counted against the cap like
///   debt. A commitment turning into debt is released first, then checked again with
///   [`ensure_can_borrow`](Self::ensure_can_borrow) (the borrower may have been frozen, or lost
///   its KYC, in between). What a product reports must equal what its loans say is owed:
///   each product's `try_state` compares them with [`position`](Self::position) and
///   [`product_total`](Self::product_total).
/// - Behaviour: [`note_repaid`](Self::note_repaid) with a [`Repayment`] (its `amount` the
///   principal repaid): on-time payments carry the [`Service`](crate::service::Service) they
///   complete, measured by the loan's [`ServiceClock`](crate::service::ServiceClock) (principal ×
///   time, never calls); a late payment is reported at most once per due date.
pub trait CreditRegistry<AccountId> {
	/// Whether `who` may take on `amount` more debt in `asset`: a profile exists, the identity
	/// is verified (KYC for individuals, KYB for enterprises), the account is not frozen, and its
	/// exposure (debt and commitments of every position, valued at fresh prices) plus the new
	/// amount stays within its tier's cap. Each failure is its own error. On success, returns the
	/// borrower's tier (so a lender learns the rate premium without asking again).
	fn ensure_can_borrow(
		who: &AccountId,
		asset: AssetId,
		amount: Balance,
	) -> Result<TierInfo, DispatchError>;

	/// Whether `who` has a profile with a valid identity attestation (KYC for individuals, KYB
	/// for enterprises), frozen or not: what lenders and buyers of loan shares must be.
	fn is_verified(who: &AccountId) -> bool;

	/// Whether `who` may take on an obligation that is not debt yet (an invoice advance it owes
	/// back under recourse): a profile, a valid identity attestation, not frozen and no open
	/// monitoring flag (each failure its own error). No exposure is valued: nothing is booked.
	fn ensure_in_good_standing(who: &AccountId) -> DispatchResult;

	/// `who` received `amount` of new debt (principal) at `position`. New lending calls
	/// [`ensure_can_borrow`](Self::ensure_can_borrow) first; debt arising from an earlier
	/// obligation (recourse) is booked on the history even of an account that deregistered.
	fn note_borrowed(who: &AccountId, position: PositionKey, amount: Balance) -> DispatchResult;

	/// A product promised `who` up to `amount` of credit at `position` it has not paid out yet:
	/// counted as exposure until released. Call [`ensure_can_borrow`](Self::ensure_can_borrow)
	/// first.
	fn note_committed(who: &AccountId, position: PositionKey, amount: Balance) -> DispatchResult;

	/// A commitment of `amount` at `position` ended: paid out (then noted as borrowed),
	/// cancelled or expired. Never fails for want of a profile.
	fn note_commitment_released(
		who: &AccountId,
		position: PositionKey,
		amount: Balance,
	) -> DispatchResult;

	/// `who` paid on a loan at `position`: see [`Repayment`] (amounts in the asset's units).
	fn note_repaid(who: &AccountId, position: PositionKey, repayment: Repayment) -> DispatchResult;

	/// A loan of `who` at `position` defaulted, writing off `amount` of principal (what
	/// collateral did not cover).
	fn note_defaulted(who: &AccountId, position: PositionKey, amount: Balance) -> DispatchResult;

	/// `who` withdrew a credit request before it was funded (what the registry's monitoring
	/// counts: many requests opened and withdrawn). Never fails.
	fn note_request_withdrawn(who: &AccountId);

	/// A loan of `who` was settled in full.
	fn note_settled(who: &AccountId) -> DispatchResult;

	/// The tier of `who`, if they have a profile.
	fn tier(who: &AccountId) -> Option<TierInfo>;

	/// Whether `a` and `b` are one person: the same account, or accounts attested with the same
	/// identity commitment. A product refuses one person on both sides of a deal.
	fn same_person(a: &AccountId, b: &AccountId) -> bool;

	/// Whether every position and every booked debt service of `who` has a price fresh enough
	/// for [`ensure_can_borrow`](Self::ensure_can_borrow) and
	/// [`ensure_debt_service_within_limit`](Self::ensure_debt_service_within_limit) now: a
	/// product that would end a request on a refusal checks this first, so a passing oracle
	/// delay only fails the call.
	fn exposure_priced(who: &AccountId) -> bool;

	/// What the registry recorded for `who` at `position`.
	fn position(who: &AccountId, position: PositionKey) -> ReportedPosition;

	/// What the registry recorded for all borrowers of one product in one asset. Adds up every
	/// recorded position (no running total is stored): for a product's `try_state` and tests,
	/// never for a call.
	fn product_total(position: PositionKey) -> ReportedPosition;

	/// Whether `who` may apply for credit at `product` for `purpose`, adding `monthly_service`
	/// (in `asset`'s units per month, see [`crate::capacity::monthly_service`]) to its person's
	/// debt service: the purpose is open for the product, and the person's monthly debt
	/// service across every product, the new one included, stays within its limit (income,
	/// audited revenue or the unattested limit: each refusal its own error). Prices must be
	/// fresh. Call [`note_debt_service`](Self::note_debt_service) once the application is
	/// accepted.
	fn ensure_repayment_capacity(
		who: &AccountId,
		product: CreditProduct,
		purpose: &crate::capacity::LoanPurpose,
		asset: AssetId,
		monthly_service: Balance,
	) -> DispatchResult;

	/// An application of `who` at `position` was accepted: `monthly` (asset units per month)
	/// counts as its debt service until [`note_debt_service_ended`](Self::note_debt_service_ended).
	fn note_debt_service(who: &AccountId, position: PositionKey, monthly: Balance);

	/// A loan or line of `who` at `position` no longer needs its `monthly` service (repaid,
	/// closed, withdrawn, expired or written off). Never fails.
	fn note_debt_service_ended(who: &AccountId, position: PositionKey, monthly: Balance);

	/// Whether the debt service `who`'s person has booked (every application it made, the one
	/// about to start included) is still within its limit: checked again when an accepted
	/// loan or line starts. Refusals as [`ensure_repayment_capacity`](Self::ensure_repayment_capacity).
	fn ensure_debt_service_within_limit(who: &AccountId) -> DispatchResult;

	/// The weight of the repayment-capacity work one call does at worst: an
	/// [`ensure_repayment_capacity`](Self::ensure_repayment_capacity) followed by
	/// [`note_debt_service`](Self::note_debt_service), or an
	/// [`ensure_debt_service_within_limit`](Self::ensure_debt_service_within_limit), for a person
	/// with the most accounts, each holding the most positions and booked services. A product's
	/// call weight adds it to its own benchmarked weight, which does not include it.
	fn repayment_capacity_weight() -> frame_support::weights::Weight;

	/// The weight of one [`ensure_can_borrow`](Self::ensure_can_borrow) at worst: a person with
	/// the most accounts, each holding the most positions, every one priced. A product's call
	/// weight adds it to its own benchmarked weight (whose setup is a small borrower).
	fn exposure_check_weight() -> frame_support::weights::Weight;

	/// The weight of the repayment-capacity work of a call for `who`'s person as it is: that of
	/// a person of one account when `who` has no other, else
	/// [`repayment_capacity_weight`](Self::repayment_capacity_weight). A product charges
	/// the worst case up front and this after the call (the check read what this reads).
	fn repayment_capacity_weight_for(_who: &AccountId) -> frame_support::weights::Weight {
		Self::repayment_capacity_weight()
	}

	/// The weight of an [`ensure_can_borrow`](Self::ensure_can_borrow) of `who`'s person as it
	/// is: that of a person of one account when `who` has no other, else
	/// [`exposure_check_weight`](Self::exposure_check_weight). Charged after the call, as
	/// [`repayment_capacity_weight_for`](Self::repayment_capacity_weight_for).
	fn exposure_check_weight_for(_who: &AccountId) -> frame_support::weights::Weight {
		Self::exposure_check_weight()
	}

	/// Both checks' weights for `who`'s person as it is: what a call that runs the capacity
	/// and the exposure check (a credit application) is charged for them after it.
	fn capacity_and_exposure_weight_for(who: &AccountId) -> frame_support::weights::Weight {
		Self::repayment_capacity_weight_for(who)
			.saturating_add(Self::exposure_check_weight_for(who))
	}

	/// The monthly debt service booked for `who` at `position` (asset units).
	fn debt_service(who: &AccountId, position: PositionKey) -> Balance;

	/// The monthly debt service booked for all borrowers at `position` (asset units). Adds up
	/// every booked service (no running total is stored): for a product's `try_state` and
	/// tests, never for a call.
	fn debt_service_total(position: PositionKey) -> Balance;
}

/// The kinds of accredited verifier. Credit records admits verifiers of a kind; other pallets ask
/// about them (milestones and audits in SME finance are attested by a verifier of a declared kind).
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
pub enum VerifierKind {
	/// Identity checks of people and businesses: KYC and KYB.
	KycProvider,
	/// Audits of financial statements.
	Auditor,
	/// Income and credit-file checks.
	CreditBureau,
	/// Third-party debt collection: lenders of a defaulted loan may assign one, which then
	/// sees the borrower's contact file for a limited time (and attests no claims).
	CollectionAgent,
}

/// What an auditor's attestation of an enterprise's financial filing tells the credit registry.
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
pub struct FilingSignal {
	/// The filing reports a net profit.
	pub profitable: bool,
	/// The filing's revenue per month of its period, in credit units (rounded down): what an
	/// enterprise's repayment capacity is measured against.
	pub monthly_revenue: Balance,
	/// When the filing's period ended (milliseconds since the Unix epoch): the registry keeps
	/// the revenue of the latest period, and counts it for a while after the period's end.
	pub period_end: crate::Moment,
}

/// The credit registry as enterprise-finance pallets see it (implemented by
/// `pallet-credit-records`): KYB status, verifier roles, and audited filings feeding the score.
pub trait EnterpriseRegistry<AccountId> {
	/// Whether `who` has an enterprise profile with a valid KYB attestation (frozen or not).
	fn is_verified_enterprise(who: &AccountId) -> bool;

	/// Whether `who` is an admitted verifier of `kind`.
	fn is_verifier_of(who: &AccountId, kind: VerifierKind) -> bool;

	/// An auditor attested a financial filing of the enterprise `who`. The score counts attested
	/// filings (and profitable ones) within a bounded bonus.
	fn note_attested_filing(who: &AccountId, signal: FilingSignal) -> DispatchResult;
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn lateness_bounds_name_the_broken_one() {
		use lateness_bounds::*;
		let rate = crate::interest::Rate::from_rational(1, 10);
		assert_eq!(check(MAX_GRACE_PERIOD, MAX_PENALTY_RATE, MIN_DEFAULT_DAYS), Ok(()));
		assert_eq!(check(MAX_GRACE_PERIOD + 1, rate, 90), Err(Broken::GracePeriod));
		assert_eq!(
			check(0, MAX_PENALTY_RATE + crate::interest::Rate::from_inner(1), 90),
			Err(Broken::PenaltyRate)
		);
		assert_eq!(check(0, rate, MIN_DEFAULT_DAYS - 1), Err(Broken::DefaultDays));
		assert_eq!(check(0, rate, MAX_DEFAULT_DAYS + 1), Err(Broken::DefaultDays));
	}

	#[test]
	fn days_late_counts_whole_days_after_grace() {
		let due = 10 * DAY_MS;
		assert_eq!(days_late(due, due, DAY_MS), 0);
		assert_eq!(days_late(due, due + DAY_MS, DAY_MS), 0);
		assert_eq!(days_late(due, due + DAY_MS + 1, DAY_MS), 2);
		assert_eq!(days_late(due, due + 1, 0), 1);
		assert_eq!(days_late(due, due - 1, 0), 0);
		assert_eq!(days_late(0, Moment::MAX, 0), u32::MAX);
	}
}
