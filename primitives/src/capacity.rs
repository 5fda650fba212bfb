//! Credit applications as lenders read them: what the money is for ([`LoanPurpose`]) and whether
//! the borrower can carry the repayments ([`CapacityParams`], [`IncomeBand`]).
//!
//! ## Purpose
//! A P2P request and an SME credit line state a [`PurposeCategory`] and the hash of a free-text
//! description kept off chain. Governance may close categories per product ([`PurposeSet`]),
//! never all of them.
//!
//! ## Repayment capacity (debt service ratio)
//! Every loan or line books its **monthly debt service** with the credit registry when it is
//! applied for: the average monthly payment over its life, principal and interest,
//! [`monthly_service`] (a loan repaid within a month books all of it; a balloon is spread over
//! the term like an amortising loan's principal). Pool debt has no schedule: its service is the
//! interest a month of its principal costs at the pool's current rate plus the borrower's tier
//! premium. Pool borrowing itself is not an application (it is over-collateralised and bound by
//! its health factor): it is not checked, but what it costs counts against later applications.
//! When an accepted loan or line starts, the booked total is checked again. A new application is accepted only while the person's total service
//! (every account of the person, every product), the new one included, stays within its limit:
//! - an individual with a valid income attestation from a credit bureau: `income_ratio` of the
//!   lower bound of its [`IncomeBand`] (the band, never an exact income, is on chain);
//! - an enterprise with an audited filing that still counts: `revenue_ratio` of its monthly
//!   revenue (the filing's revenue over its period, per month);
//! - otherwise, or where that is less, the absolute `unattested_limit`: an attested income never
//!   leaves a borrower with less room than none.
//!
//! Amounts here are in credit units (the reference stablecoin's smallest unit) per month.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{traits::Zero, Permill};

use crate::{interest::Rate, AssetId, Balance, Moment, Seconds, SECONDS_PER_YEAR};

/// A month, for debt service: a twelfth of a 365-day year (30 days and 10 hours).
pub const MONTH_SECS: Seconds = SECONDS_PER_YEAR / 12;

/// A month in milliseconds.
pub const MONTH_MS: Moment = MONTH_SECS * 1_000;

/// One unit of the reference stablecoin (USDX has 6 decimals), in credit units.
pub const CREDIT_UNIT: Balance = 1_000_000;

/// What a loan or a credit line is for.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum PurposeCategory {
	/// Personal consumption (消费).
	PersonalConsumption,
	/// Education and training.
	Education,
	/// Medical expenses.
	Medical,
	/// Buying, building or repairing a home.
	Home,
	/// A business's working capital (stock, payroll, receivables).
	BusinessWorkingCapital,
	/// Equipment and other fixed assets.
	Equipment,
	/// Repaying other debt.
	Refinancing,
	/// Anything else (the description says what).
	Other,
}

impl PurposeCategory {
	/// Every category, in declaration order.
	pub const ALL: [PurposeCategory; 8] = [
		PurposeCategory::PersonalConsumption,
		PurposeCategory::Education,
		PurposeCategory::Medical,
		PurposeCategory::Home,
		PurposeCategory::BusinessWorkingCapital,
		PurposeCategory::Equipment,
		PurposeCategory::Refinancing,
		PurposeCategory::Other,
	];

	/// The category's bit in a [`PurposeSet`].
	const fn bit(self) -> u16 {
		1 << (self as u16)
	}
}

/// The stated purpose of a credit application.
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
pub struct LoanPurpose {
	/// The category lenders filter by.
	pub category: PurposeCategory,
	/// Hash of the free-text description, kept off chain (lenders who receive it can check it).
	pub description_hash: H256,
}

/// A set of purpose categories (a bit per category): the closed ones of a product.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub struct PurposeSet(pub u16);

impl PurposeSet {
	/// No category.
	pub const EMPTY: PurposeSet = PurposeSet(0);

	/// The set of `categories`.
	pub fn of(categories: &[PurposeCategory]) -> Self {
		PurposeSet(categories.iter().fold(0, |bits, c| bits | c.bit()))
	}

	/// Whether `category` is in the set.
	pub fn contains(self, category: PurposeCategory) -> bool {
		self.0 & category.bit() != 0
	}

	/// Whether the set names only categories that exist and leaves at least one out: what a
	/// product's closed set must be (a product with every purpose closed could lend to no one).
	pub fn is_valid_closed_set(self) -> bool {
		let all = PurposeSet::of(&PurposeCategory::ALL).0;
		self.0 & !all == 0 && self.0 != all
	}
}

/// A credit bureau's band of a person's monthly income (never the exact figure), in credit
/// units per month.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum IncomeBand {
	/// Under 1,000 USDX a month.
	Under1k,
	/// 1,000 to 3,000 USDX a month.
	From1kTo3k,
	/// 3,000 to 6,000 USDX a month.
	From3kTo6k,
	/// 6,000 to 12,000 USDX a month.
	From6kTo12k,
	/// 12,000 to 25,000 USDX a month.
	From12kTo25k,
	/// 25,000 to 50,000 USDX a month.
	From25kTo50k,
	/// 50,000 USDX a month or more.
	Over50k,
}

impl IncomeBand {
	/// The band's lower bound: what the limit is a share of (the least the person earns).
	pub const fn lower_bound(self) -> Balance {
		let units: Balance = match self {
			IncomeBand::Under1k => 0,
			IncomeBand::From1kTo3k => 1_000,
			IncomeBand::From3kTo6k => 3_000,
			IncomeBand::From6kTo12k => 6_000,
			IncomeBand::From12kTo25k => 12_000,
			IncomeBand::From25kTo50k => 25_000,
			IncomeBand::Over50k => 50_000,
		};
		units * CREDIT_UNIT
	}
}

/// Governance's repayment-capacity parameters.
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
pub struct CapacityParams {
	/// An individual's monthly debt service may be at most this share of its income band's
	/// lower bound. Within [`bounds::MIN_INCOME_RATIO`]..=[`bounds::MAX_INCOME_RATIO`].
	pub income_ratio: Permill,
	/// An enterprise's monthly debt service may be at most this share of its audited monthly
	/// revenue. Within [`bounds::MIN_REVENUE_RATIO`]..=[`bounds::MAX_REVENUE_RATIO`].
	pub revenue_ratio: Permill,
	/// The monthly debt service allowed without (or beyond what is allowed by) an income
	/// attestation or audited revenue, in credit units. At most
	/// [`bounds::MAX_UNATTESTED_LIMIT`].
	pub unattested_limit: Balance,
}

impl Default for CapacityParams {
	/// 40 % of income, 25 % of revenue, 300 USDX a month unattested.
	fn default() -> Self {
		Self {
			income_ratio: Permill::from_percent(40),
			revenue_ratio: Permill::from_percent(25),
			unattested_limit: 300 * CREDIT_UNIT,
		}
	}
}

/// Compile-time bounds of [`CapacityParams`]: no referendum can set a value outside them.
pub mod bounds {
	use super::*;

	/// The income ratio is at least 10 %.
	pub const MIN_INCOME_RATIO: Permill = Permill::from_percent(10);
	/// The income ratio is at most 60 %.
	pub const MAX_INCOME_RATIO: Permill = Permill::from_percent(60);
	/// The revenue ratio is at least 5 %.
	pub const MIN_REVENUE_RATIO: Permill = Permill::from_percent(5);
	/// The revenue ratio is at most 50 %.
	pub const MAX_REVENUE_RATIO: Permill = Permill::from_percent(50);
	/// The unattested limit is at most 2,000 USDX a month.
	pub const MAX_UNATTESTED_LIMIT: Balance = 2_000 * CREDIT_UNIT;

	/// The bound a parameter set breaks.
	#[derive(Clone, Copy, PartialEq, Eq, Debug)]
	pub enum Broken {
		/// `income_ratio` is outside its bounds.
		IncomeRatio,
		/// `revenue_ratio` is outside its bounds.
		RevenueRatio,
		/// `unattested_limit` is above its bound.
		UnattestedLimit,
	}

	/// Checks `params` against the bounds.
	pub fn check(params: &CapacityParams) -> Result<(), Broken> {
		if !(MIN_INCOME_RATIO..=MAX_INCOME_RATIO).contains(&params.income_ratio) {
			return Err(Broken::IncomeRatio);
		}
		if !(MIN_REVENUE_RATIO..=MAX_REVENUE_RATIO).contains(&params.revenue_ratio) {
			return Err(Broken::RevenueRatio);
		}
		if params.unattested_limit > MAX_UNATTESTED_LIMIT {
			return Err(Broken::UnattestedLimit);
		}
		Ok(())
	}
}

/// What a borrower's monthly debt service is measured against.
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
pub enum CapacityBasis {
	/// A credit bureau's income attestation, valid until `expires_at`.
	Income {
		/// The attested band.
		band: IncomeBand,
		/// When the attestation stops counting (milliseconds).
		expires_at: Moment,
	},
	/// The audited revenue of an enterprise's latest attested filing, counting until
	/// `expires_at`.
	Revenue {
		/// Revenue per month, in credit units.
		monthly_revenue: Balance,
		/// When the filing stops counting (milliseconds).
		expires_at: Moment,
	},
	/// Neither: the absolute unattested limit applies.
	Unattested,
}

/// A borrower's repayment capacity now, as a wallet shows it ("you can take on X a month").
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
pub struct CapacityView {
	/// What the limit is measured against.
	pub basis: CapacityBasis,
	/// The person's current monthly debt service, in credit units (latest prices).
	pub monthly_service: Balance,
	/// The most monthly debt service it may carry, in credit units.
	pub limit: Balance,
	/// `limit - monthly_service`, or 0: the largest new monthly service an application may add.
	pub room: Balance,
}

/// Ends the debt service a loan or line booked at `position` for `who` with the registry
/// `C`, once: `booked` is taken (left at zero), so a second call books nothing.
pub fn end_booked_service<AccountId, C: crate::credit::CreditRegistry<AccountId>>(
	who: &AccountId,
	position: crate::credit::PositionKey,
	booked: &mut Balance,
) {
	let monthly = core::mem::take(booked);
	if monthly > 0 {
		C::note_debt_service_ended(who, position, monthly);
	}
}

/// For a product's `try_state`: the registry `C` books exactly the monthly service of the
/// product's loans or lines, `booked` per (borrower, asset), per borrower and in total per
/// asset.
pub fn check_service_book<AccountId: Ord, C: crate::credit::CreditRegistry<AccountId>>(
	product: crate::credit::CreditProduct,
	booked: alloc::collections::BTreeMap<(AccountId, AssetId), Balance>,
) -> Result<(), &'static str> {
	use crate::credit::PositionKey;
	let mut totals = alloc::collections::BTreeMap::<AssetId, Balance>::new();
	for ((who, asset), monthly) in booked {
		if C::debt_service(&who, PositionKey::new(product, asset)) != monthly {
			return Err("the credit registry books another debt service than the loans");
		}
		let total = totals.entry(asset).or_default();
		*total = total.saturating_add(monthly);
	}
	for (asset, total) in totals {
		if C::debt_service_total(PositionKey::new(product, asset)) != total {
			return Err("the credit registry's debt service total differs from the loans");
		}
	}
	Ok(())
}

/// The current borrowing rate of each pool, for the debt service of pool debt (implemented by
/// the liquidity pools, wired in the runtime).
pub trait PoolRates {
	/// The annual borrowing rate of the pool of `asset` now, without a borrower's premium.
	fn borrow_rate(asset: AssetId) -> Option<Rate>;
}

impl PoolRates for () {
	fn borrow_rate(_: AssetId) -> Option<Rate> {
		None
	}
}

/// Which limit bounds a borrower's debt service.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BindingLimit {
	/// The share of the attested income band.
	Income,
	/// The share of the audited monthly revenue.
	Revenue,
	/// The absolute limit without (or above) an attestation.
	Unattested,
}

/// The limit `params` allow on `basis`, in credit units per month (rounded down: in the
/// protocol's favour), and which limit it is.
pub fn limit(params: &CapacityParams, basis: &CapacityBasis) -> (Balance, BindingLimit) {
	let (attested, kind) = match basis {
		CapacityBasis::Income { band, .. } => {
			(params.income_ratio.mul_floor(band.lower_bound()), BindingLimit::Income)
		},
		CapacityBasis::Revenue { monthly_revenue, .. } => {
			(params.revenue_ratio.mul_floor(*monthly_revenue), BindingLimit::Revenue)
		},
		CapacityBasis::Unattested => (0, BindingLimit::Unattested),
	};
	if attested > params.unattested_limit {
		(attested, kind)
	} else {
		(params.unattested_limit, BindingLimit::Unattested)
	}
}

/// The monthly debt service of a loan that repays `total` (principal and interest) over `term`
/// seconds: the average monthly payment, rounded up; all of `total` for a term of a month or
/// less (it is all due within a month). `None` for a zero term or on overflow.
pub fn monthly_service(total: Balance, term: Seconds) -> Option<Balance> {
	if term.is_zero() {
		return None;
	}
	let term = term.max(MONTH_SECS);
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		total,
		u128::from(MONTH_SECS),
		u128::from(term),
		sp_runtime::Rounding::Up,
	)
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn closed_sets_never_close_every_purpose() {
		assert!(PurposeSet::EMPTY.is_valid_closed_set());
		let all_but_other = PurposeSet::of(&PurposeCategory::ALL[..7]);
		assert!(all_but_other.is_valid_closed_set());
		assert!(all_but_other.contains(PurposeCategory::Home));
		assert!(!all_but_other.contains(PurposeCategory::Other));
		assert!(!PurposeSet::of(&PurposeCategory::ALL).is_valid_closed_set());
		// Bits of no category.
		assert!(!PurposeSet(1 << 8).is_valid_closed_set());
	}

	#[test]
	fn bounds_name_the_broken_one() {
		use bounds::*;
		assert_eq!(check(&CapacityParams::default()), Ok(()));
		let mut p =
			CapacityParams { income_ratio: Permill::from_percent(61), ..Default::default() };
		assert_eq!(check(&p), Err(Broken::IncomeRatio));
		p = CapacityParams { income_ratio: Permill::from_percent(9), ..Default::default() };
		assert_eq!(check(&p), Err(Broken::IncomeRatio));
		p = CapacityParams { revenue_ratio: Permill::from_percent(51), ..Default::default() };
		assert_eq!(check(&p), Err(Broken::RevenueRatio));
		p = CapacityParams { revenue_ratio: Permill::from_percent(4), ..Default::default() };
		assert_eq!(check(&p), Err(Broken::RevenueRatio));
		p = CapacityParams { unattested_limit: MAX_UNATTESTED_LIMIT + 1, ..Default::default() };
		assert_eq!(check(&p), Err(Broken::UnattestedLimit));
		p = CapacityParams {
			income_ratio: MAX_INCOME_RATIO,
			revenue_ratio: MIN_REVENUE_RATIO,
			unattested_limit: MAX_UNATTESTED_LIMIT,
		};
		assert_eq!(check(&p), Ok(()));
	}

	#[test]
	fn limits_of_each_basis() {
		let p = CapacityParams::default();
		let far = Moment::MAX;
		// 40 % of 6,000.
		let income = CapacityBasis::Income { band: IncomeBand::From6kTo12k, expires_at: far };
		assert_eq!(limit(&p, &income), (2_400 * CREDIT_UNIT, BindingLimit::Income));
		// The lowest band never leaves less room than no attestation.
		let low = CapacityBasis::Income { band: IncomeBand::Under1k, expires_at: far };
		assert_eq!(limit(&p, &low), (300 * CREDIT_UNIT, BindingLimit::Unattested));
		// 25 % of 40,000 a month.
		let revenue =
			CapacityBasis::Revenue { monthly_revenue: 40_000 * CREDIT_UNIT, expires_at: far };
		assert_eq!(limit(&p, &revenue), (10_000 * CREDIT_UNIT, BindingLimit::Revenue));
		assert_eq!(
			limit(&p, &CapacityBasis::Unattested),
			(300 * CREDIT_UNIT, BindingLimit::Unattested)
		);
	}

	#[test]
	fn monthly_service_averages_over_the_term() {
		// 12,000 over a year: 1,000 a month.
		assert_eq!(monthly_service(12_000, SECONDS_PER_YEAR), Some(1_000));
		// Rounded up.
		assert_eq!(monthly_service(12_001, SECONDS_PER_YEAR), Some(1_001));
		// A week's loan is all due within the month.
		assert_eq!(monthly_service(5_000, 7 * 24 * 3_600), Some(5_000));
		assert_eq!(monthly_service(5_000, 0), None);
		assert_eq!(monthly_service(Balance::MAX, 1), Some(Balance::MAX));
	}

	#[test]
	fn income_bands_rise() {
		let bounds: alloc::vec::Vec<_> = [
			IncomeBand::Under1k,
			IncomeBand::From1kTo3k,
			IncomeBand::From3kTo6k,
			IncomeBand::From6kTo12k,
			IncomeBand::From12kTo25k,
			IncomeBand::From25kTo50k,
			IncomeBand::Over50k,
		]
		.iter()
		.map(|b| b.lower_bound())
		.collect();
		assert!(bounds.windows(2).all(|w| w[0] < w[1]));
	}

	proptest! {
		/// The monthly service over the months of the term repays at least the total.
		#[test]
		fn monthly_service_covers_the_total(
			total in 0u128..=u64::MAX as u128,
			term in 1u64..=30 * SECONDS_PER_YEAR,
		) {
			let monthly = monthly_service(total, term).unwrap();
			let months = term.max(MONTH_SECS) as u128;
			prop_assert!(monthly * months >= total * MONTH_SECS as u128);
			prop_assert!(monthly <= total);
		}
	}
}
