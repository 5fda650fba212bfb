//! The pallet's storage types and the compile-time bounds on its risk parameters.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use scale_info::TypeInfo;
use sp_core::{Get, H256};
use sp_runtime::Permill;
pub use xindai_primitives::capacity::{LoanPurpose, PurposeCategory};
use xindai_primitives::{
	credit::VerifierKind,
	interest::Rate,
	overdue::{NoticeDays, NoticeState, DEFAULT_NOTICE_DAYS},
	service::ServiceClock,
	AssetId, Balance, Moment, Seconds,
};

use crate::accrual::Outstanding;

/// Identifies a credit line.
pub type LineId = u64;

/// Identifies an invoice.
pub type InvoiceId = u64;

/// The period a financial report covers: a quarter of a year, or the whole year.
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
pub struct ReportingPeriod {
	/// The calendar year, 2000 to 2100.
	pub year: u16,
	/// 1 to 4 for a quarter; 0 for the full year.
	pub quarter: u8,
}

impl ReportingPeriod {
	/// The months the period covers: 3 for a quarter, 12 for a full year.
	pub fn months(&self) -> u8 {
		if self.quarter == 0 {
			12
		} else {
			3
		}
	}

	/// When the period ends (milliseconds since the Unix epoch, UTC): the first instant after
	/// it. A full year and its fourth quarter end together.
	pub fn end_ms(&self) -> Moment {
		let year = u64::from(self.year);
		let (year, month) = match self.quarter {
			1 => (year, 4),
			2 => (year, 7),
			3 => (year, 10),
			_ => (year.saturating_add(1), 1),
		};
		days_from_civil(year, month, 1).saturating_mul(24 * 60 * 60 * 1_000)
	}
}

/// Days from 1970-01-01 to the date `year`-`month`-`day` of the proleptic Gregorian calendar,
/// for years from 1970 on (Howard Hinnant's `days_from_civil`, unsigned).
fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
	let y = if month <= 2 { year.saturating_sub(1) } else { year };
	let era = y / 400;
	let year_of_era = y - era * 400;
	let month_from_march = (month + 9) % 12;
	let day_of_year = (153 * month_from_march + 2) / 5 + day.saturating_sub(1);
	let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
	(era * 146_097 + day_of_era).saturating_sub(719_468)
}

/// Key figures of a financial report, in credit units (USDX smallest units) where money.
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
pub struct FinancialMetrics {
	/// Revenue over the period.
	pub revenue: Balance,
	/// Net profit over the period; negative for a loss.
	pub net_profit: i128,
	/// Trade receivables at the period's end.
	pub receivables: Balance,
	/// Trade payables at the period's end.
	pub payables: Balance,
	/// Employees at the period's end.
	pub employees: u32,
}

/// An auditor's attestation of a filing.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Audit<AccountId> {
	/// The auditor.
	pub auditor: AccountId,
	/// When (milliseconds).
	pub at: Moment,
}

/// A financial report: a commitment to the full (encrypted, off-chain) statements and its key
/// figures.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Filing<AccountId> {
	/// Hash of the full statements.
	pub commitment: H256,
	/// The key figures.
	pub metrics: FinancialMetrics,
	/// When it was filed (milliseconds).
	pub filed_at: Moment,
	/// The auditor's attestation, once given.
	pub audit: Option<Audit<AccountId>>,
}

/// A milestone of a credit line as the enterprise declares it.
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
pub struct MilestoneSpec {
	/// Hash of the milestone's description (off-chain).
	pub description: H256,
	/// The tranche it releases.
	pub amount: Balance,
	/// The kind of verifier who attests it is reached.
	pub verifier: VerifierKind,
}

/// A milestone and its release.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Milestone<AccountId> {
	/// What was declared.
	pub spec: MilestoneSpec,
	/// Who attested it and when; `None` while pending.
	pub attested: Option<Audit<AccountId>>,
}

/// Where a credit line's money comes from.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum LineSource<AccountId> {
	/// A named financier, who deposits the limit into the pallet's custody.
	Financier(AccountId),
	/// The liquidity pool of the line's asset, through a credit facility within the pool's
	/// governance-set facility cap.
	Pool,
}

/// Where a credit line stands.
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
pub enum LineStatus {
	/// Applied for; waiting for the underwriter.
	Applied,
	/// Approved with a financier; waiting for its deposit of the limit.
	AwaitingFunds,
	/// Funded: milestones release tranches, interest accrues on what was drawn.
	Active,
	/// Closed to new tranches; what was drawn is being repaid.
	Closing,
	/// Defaulted: the undrawn part went back to the source, the rest is owed still.
	Defaulted,
}

/// The terms an enterprise applies for.
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
pub struct LineTerms {
	/// The lent asset.
	pub asset: AssetId,
	/// The most that may be drawn: Σ milestone amounts.
	pub limit: Balance,
	/// Annual interest rate on drawn principal.
	pub annual_rate: Rate,
	/// Seconds from funding to maturity, when everything drawn is due.
	pub term: Seconds,
	/// What the line is for (a category lenders filter by and the hash of a description).
	pub purpose: LoanPurpose,
}

/// A credit line.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxMilestones))]
#[codec(mel_bound(AccountId: MaxEncodedLen, DepositBalance: MaxEncodedLen))]
pub struct CreditLine<AccountId, DepositBalance, MaxMilestones: Get<u32>> {
	/// The borrowing enterprise.
	pub enterprise: AccountId,
	/// The terms.
	pub terms: LineTerms,
	/// The milestones, released in order.
	pub milestones: BoundedVec<Milestone<AccountId>, MaxMilestones>,
	/// Where it stands.
	pub status: LineStatus,
	/// Where the money comes from, once approved.
	pub source: Option<LineSource<AccountId>>,
	/// The native deposit held for the record.
	pub deposit: DepositBalance,
	/// Σ released tranches.
	pub released: Balance,
	/// Undrawn funds still committed (financier: in custody; pool: the facility's commitment).
	pub undrawn: Balance,
	/// Principal, interest and lateness of what was drawn.
	pub outstanding: Outstanding,
	/// Funding and maturity (milliseconds); zero before funding.
	pub started_at: Moment,
	pub maturity: Moment,
	/// Interest and principal paid so far.
	pub interest_paid: Balance,
	pub principal_repaid: Balance,
	/// Credit units of the undrawn part committed to the enterprise in the credit registry
	/// (from activation until drawn, closed or defaulted).
	pub committed: Balance,
	/// The monthly debt service booked for the line in the credit registry (asset units): the
	/// limit and its simple interest over the term, averaged over its months; from the
	/// application until the line is removed or defaults.
	pub monthly_service: Balance,
	/// The on-time service the drawn principal has earned since the enterprise's last on-time
	/// payment.
	pub service: ServiceClock,
	/// The due date whose lateness was last reported: a due date is reported late once.
	pub late_reported_for: Option<Moment>,
	/// The overdue notices sent for the line's oldest unpaid due date.
	pub notices: NoticeState,
}

impl<AccountId, DepositBalance, MaxMilestones: Get<u32>>
	CreditLine<AccountId, DepositBalance, MaxMilestones>
{
	/// The index of the next milestone to release, if any is pending.
	pub fn next_milestone(&self) -> Option<u32> {
		self.milestones.iter().position(|m| m.attested.is_none()).map(|i| i as u32)
	}
}

/// Where an invoice stands. Paid, rejected, cancelled and settled invoices leave storage (their
/// hash stays used).
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
pub enum InvoiceStatus {
	/// Submitted by the enterprise; waiting for the buyer.
	Submitted,
	/// The buyer acknowledged it owes the amount by the due date.
	Confirmed,
	/// A financier advanced part of it to the enterprise.
	Financed,
	/// The buyer defaulted: the enterprise owes the financier the advance.
	Recourse,
}

/// The financing of an invoice.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Financing<AccountId> {
	/// Who advanced the money.
	pub financier: AccountId,
	/// Advanced to the enterprise.
	pub advance: Balance,
	/// The financier's fee, paid out of the buyer's payment.
	pub fee: Balance,
	/// Under recourse: what the enterprise still owes the financier, and since when.
	pub recourse_owed: Balance,
	pub recourse_since: Moment,
	/// Whether the enterprise's late recourse payment was reported (once per recourse).
	pub late_reported: bool,
	/// The overdue notices sent for the recourse.
	pub notices: NoticeState,
	/// When the invoice was financed (milliseconds): the buyer's on-time service runs from it.
	pub financed_at: Moment,
}

/// What an overdue notice is about.
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
pub enum OverdueTarget {
	/// A credit line's oldest unpaid due date.
	Line(LineId),
	/// An invoice's recourse owed by the enterprise.
	Recourse(InvoiceId),
}

/// A submitted invoice document's hash: it cannot be submitted again while its invoice is open,
/// nor for the retention period after the invoice ended.
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
pub struct InvoiceHashRecord {
	/// The invoice submitted with this hash.
	pub invoice: InvoiceId,
	/// When the record may be forgotten (`forget_invoice_hash`): `None` while the invoice is
	/// open, then its due date (or its end, if later) plus `InvoiceHashRetention`.
	pub forget_after: Option<Moment>,
}

/// An invoice from an enterprise to a buyer.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Invoice<AccountId, DepositBalance> {
	/// Who issued it (is paid).
	pub enterprise: AccountId,
	/// Who owes it.
	pub buyer: AccountId,
	/// The asset and the amount owed.
	pub asset: AssetId,
	pub amount: Balance,
	/// When the buyer must pay (milliseconds).
	pub due_at: Moment,
	/// Hash of the invoice document: one invoice per hash, ever.
	pub invoice_hash: H256,
	/// Where it stands.
	pub status: InvoiceStatus,
	/// The terms on which the enterprise offers it for financing, once offered.
	pub offer: Option<FinancingOffer<AccountId>>,
	/// The financing, once financed.
	pub financing: Option<Financing<AccountId>>,
	/// The native deposit held for the record.
	pub deposit: DepositBalance,
	/// When the buyer confirmed it (milliseconds; 0 before): the buyer's debt runs from then.
	pub confirmed_at: Moment,
}

/// The terms on which an enterprise accepts financing of an invoice.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct FinancingOffer<AccountId> {
	/// The smallest share of the invoice the enterprise accepts as advance.
	pub min_advance_rate: Permill,
	/// The largest fee (share of the invoice) it accepts.
	pub max_fee_rate: Permill,
	/// The only financier it accepts, if it negotiated with one.
	pub financier: Option<AccountId>,
}

/// Lateness, default and invoice-financing parameters, set by the risk origin within
/// [`bounds`].
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
pub struct SmeParams {
	/// Seconds after a due date before a payment counts as late.
	pub grace_period: Seconds,
	/// Annual penalty rate on top of a line's rate, on principal unpaid after maturity + grace.
	pub penalty_rate: Rate,
	/// Days past due after which a line may be marked defaulted and a financier may claim
	/// recourse on an unpaid invoice.
	pub default_after_days: u32,
	/// The largest share of an invoice a financier may advance.
	pub max_advance_rate: Permill,
	/// The largest fee (share of the invoice) a financier may charge.
	pub max_fee_rate: Permill,
	/// Days past due at which `notify_overdue` announces a line's unpaid due date or an unpaid
	/// recourse (ascending, then zeros; see `xindai_primitives::overdue`).
	pub notice_days: NoticeDays,
}

impl Default for SmeParams {
	fn default() -> Self {
		SmeParams {
			grace_period: 3 * 24 * 60 * 60,
			penalty_rate: Rate::from_rational(12, 100),
			default_after_days: 90,
			max_advance_rate: Permill::from_percent(90),
			max_fee_rate: Permill::from_percent(5),
			notice_days: DEFAULT_NOTICE_DAYS,
		}
	}
}

/// Compile-time bounds on [`SmeParams`].
pub mod bounds {
	use super::*;

	pub use xindai_primitives::credit::lateness_bounds::{
		MAX_DEFAULT_DAYS, MAX_GRACE_PERIOD, MAX_PENALTY_RATE, MIN_DEFAULT_DAYS,
	};
	/// Advance rate at most 95% (the enterprise keeps a stake in its buyer paying).
	pub const MAX_ADVANCE_RATE: Permill = Permill::from_percent(95);
	/// Fee at most 10% of the invoice.
	pub const MAX_FEE_RATE: Permill = Permill::from_percent(10);
	/// Reported money figures at most 10^12 USDX (10^18 credit units).
	pub const MAX_REPORTED: Balance = 1_000_000_000_000_000_000;
	/// At most ten million employees.
	pub const MAX_EMPLOYEES: u32 = 10_000_000;
	/// Reporting years from 2000 to 2100.
	pub const MIN_YEAR: u16 = 2000;
	/// See [`MIN_YEAR`].
	pub const MAX_YEAR: u16 = 2100;
}

/// Checks the figures of a report against [`bounds`]: `true` when every one is in range.
pub fn metrics_in_bounds(metrics: &FinancialMetrics) -> bool {
	use bounds::*;
	let max = MAX_REPORTED as i128;
	metrics.revenue <= MAX_REPORTED
		&& metrics.receivables <= MAX_REPORTED
		&& metrics.payables <= MAX_REPORTED
		&& (-max..=max).contains(&metrics.net_profit)
		&& metrics.employees <= MAX_EMPLOYEES
}

/// Whether `period` is a real reporting period.
pub fn period_is_valid(period: &ReportingPeriod) -> bool {
	(bounds::MIN_YEAR..=bounds::MAX_YEAR).contains(&period.year) && period.quarter <= 4
}
