//! The pallet's storage types and the bounds on its risk parameters.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Permill;
pub use xindai_primitives::capacity::{LoanPurpose, PurposeCategory};
use xindai_primitives::{
	interest::Rate,
	overdue::{NoticeDays, NoticeState, DEFAULT_NOTICE_DAYS},
	service::ServiceClock,
	AssetId, Balance, Moment, Seconds,
};

pub use crate::schedule::{Instalment, RepaymentKind};
pub use xindai_primitives::collection::CollectionAssignment;

/// Identifies a loan, from request to settlement.
pub type LoanId = u32;

/// Identifies a listing of loan shares.
pub type ListingId = u32;

/// What a borrower asks for.
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
pub struct LoanTerms {
	/// The lent asset.
	pub asset: AssetId,
	/// How much is borrowed.
	pub principal: Balance,
	/// The annual interest rate.
	pub annual_rate: Rate,
	/// Number of instalments.
	pub instalments: u32,
	/// Seconds between instalments.
	pub period: Seconds,
	/// Annuity or interest-only with a balloon.
	pub kind: RepaymentKind,
	/// Collateral the borrower locks: asset and amount.
	pub collateral: Option<(AssetId, Balance)>,
	/// Unfunded at this time (milliseconds), the request expires.
	pub funding_deadline: Moment,
	/// The smallest amount one lender may fund (the last slice may be smaller).
	pub min_ticket: Balance,
	/// What the money is for (a category lenders filter by and the hash of a description).
	pub purpose: LoanPurpose,
}

/// Where a loan is in its life. See the crate docs for the state diagram.
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
pub enum LoanStatus {
	/// Open for funding.
	Funding,
	/// Disbursed and being repaid.
	Active,
	/// Fully repaid; collateral returned.
	Closed,
	/// Too long overdue: collateral went to lenders; payments still reach them.
	Defaulted,
	/// The collateral's value fell too far: it went to lenders; payments still reach them.
	Liquidated,
	/// Withdrawn by the borrower before full funding; lenders reclaim their money.
	Cancelled,
	/// Unfunded by its deadline; lenders reclaim their money.
	Expired,
}

impl LoanStatus {
	/// Whether the borrower still repays this loan.
	pub fn is_repayable(self) -> bool {
		matches!(self, LoanStatus::Active | LoanStatus::Defaulted | LoanStatus::Liquidated)
	}

	/// Whether it was disbursed.
	pub fn was_disbursed(self) -> bool {
		matches!(
			self,
			LoanStatus::Active
				| LoanStatus::Closed
				| LoanStatus::Defaulted
				| LoanStatus::Liquidated
		)
	}

	/// Whether lenders take their money back.
	pub fn is_refunding(self) -> bool {
		matches!(self, LoanStatus::Cancelled | LoanStatus::Expired)
	}

	/// The legal transitions: Funding → Active | Cancelled | Expired; Active → Closed |
	/// Defaulted | Liquidated; Liquidated → Defaulted (what the collateral did not cover can
	/// still default); Defaulted | Liquidated → Closed.
	pub fn can_become(self, next: LoanStatus) -> bool {
		use LoanStatus::*;
		matches!(
			(self, next),
			(Funding, Active)
				| (Funding, Cancelled)
				| (Funding, Expired)
				| (Active, Closed)
				| (Active, Defaulted)
				| (Active, Liquidated)
				| (Liquidated, Defaulted)
				| (Defaulted, Closed)
				| (Liquidated, Closed)
		)
	}
}

/// A loan and its money flows.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Loan<AccountId, DepositBalance> {
	/// Who borrows.
	pub borrower: AccountId,
	/// What was asked for.
	pub terms: LoanTerms,
	/// The native deposit held for the record.
	pub deposit: DepositBalance,
	/// Where it is.
	pub status: LoanStatus,
	/// Funded so far (= shares issued).
	pub funded: Balance,
	/// Refunded to lenders after cancellation or expiry.
	pub refunded: Balance,
	/// When the request was made and when the loan started (milliseconds).
	pub created_at: Moment,
	pub started_at: Option<Moment>,
	/// Paid in by the borrower for lenders (penalty, interest, principal).
	pub distributed: Balance,
	/// Paid out to lenders by `claim`.
	pub claimed: Balance,
	/// Principal prepaid beyond the schedule.
	pub prepaid: Balance,
	/// Principal covered by collateral taken for lenders (default, liquidation).
	pub recovered: Balance,
	/// Penalty interest accrued on overdue amounts, paid, and accrued up to when.
	pub penalty_accrued: Balance,
	pub penalty_paid: Balance,
	pub penalty_until: Moment,
	/// The borrower's collateral in custody.
	pub collateral_held: Balance,
	/// Collateral handed to lenders (default, liquidation) and what they claimed of it.
	pub collateral_for_lenders: Balance,
	pub collateral_claimed: Balance,
	/// Collateral returned to the borrower after a default or liquidation took what the debt
	/// (and the liquidator's reward) needed.
	pub collateral_returned: Balance,
	/// Principal committed to the borrower in the credit registry while the request is open
	/// (released when it starts, is cancelled or expires).
	pub committed: Balance,
	/// The monthly debt service booked for the loan in the credit registry (asset units): the
	/// average monthly payment of its schedule, from the request until the loan closes,
	/// defaults, or the request ends.
	pub monthly_service: Balance,
	/// The on-time service the loan has earned since the borrower's last on-time payment.
	pub service: ServiceClock,
	/// The overdue notices sent for the oldest unpaid instalment.
	pub notices: NoticeState,
}

/// A lender's stake in a loan: one share per unit funded.
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
pub struct LenderPosition {
	/// Shares held.
	pub shares: Balance,
	/// Of the repayments these shares are entitled to, what is accounted as received.
	pub claimed: Balance,
	/// The same for collateral handed to lenders.
	pub collateral_claimed: Balance,
	/// Shares offered for sale.
	pub listed: Balance,
}

/// Loan shares for sale.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Listing<AccountId, DepositBalance> {
	/// The loan.
	pub loan: LoanId,
	/// Who sells.
	pub seller: AccountId,
	/// Shares on offer.
	pub shares: Balance,
	/// The price of all of them, in the loan's asset.
	pub price: Balance,
	/// The native deposit the seller holds while the listing is open.
	pub deposit: DepositBalance,
}

/// Lateness, default and stop-loss parameters, set by the risk origin within [`bounds`].
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
pub struct RiskParams {
	/// Seconds after a due date before an instalment counts as late.
	pub grace_period: Seconds,
	/// Annual penalty rate on overdue amounts.
	pub penalty_rate: Rate,
	/// Days past due after which anyone may mark the loan defaulted.
	pub default_after_days: u32,
	/// The most a new loan may owe against its collateral (debt value / collateral value).
	pub max_initial_ltv: Permill,
	/// Above this loan-to-value, anyone may liquidate the collateral (at most 100%, as a
	/// `Permill`).
	pub liquidation_ltv: Permill,
	/// The liquidator's share of the collateral.
	pub liquidator_reward: Permill,
	/// Prices older than this (milliseconds) are stale.
	pub max_price_age: Moment,
	/// Days past due at which `notify_overdue` announces an unpaid instalment (ascending, then
	/// zeros; see `xindai_primitives::overdue`).
	pub notice_days: NoticeDays,
}

impl Default for RiskParams {
	fn default() -> Self {
		RiskParams {
			grace_period: 3 * 24 * 60 * 60,
			penalty_rate: Rate::from_rational(24, 100),
			default_after_days: 90,
			max_initial_ltv: Permill::from_percent(70),
			liquidation_ltv: Permill::from_percent(85),
			liquidator_reward: Permill::from_percent(5),
			max_price_age: 60 * 60 * 1_000,
			notice_days: DEFAULT_NOTICE_DAYS,
		}
	}
}

/// Compile-time bounds on [`RiskParams`].
pub mod bounds {
	use super::*;

	pub use xindai_primitives::credit::lateness_bounds::{
		MAX_DEFAULT_DAYS, MAX_GRACE_PERIOD, MAX_PENALTY_RATE, MIN_DEFAULT_DAYS,
	};
	/// Initial LTV at most 90%, and below the liquidation LTV.
	pub const MAX_INITIAL_LTV: Permill = Permill::from_percent(90);
	/// Liquidator reward at most 10%.
	pub const MAX_LIQUIDATOR_REWARD: Permill = Permill::from_percent(10);
	/// Price age between one minute and one day.
	pub const MIN_PRICE_AGE: Moment = 60_000;
	/// See [`MIN_PRICE_AGE`].
	pub const MAX_PRICE_AGE: Moment = 24 * 60 * 60 * 1_000;
}
