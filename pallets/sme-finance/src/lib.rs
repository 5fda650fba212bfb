//! # SME finance
//!
//! Credit for small and micro enterprises: audited financial filings that feed the credit score,
//! credit lines released in milestone tranches, funded by a financier or by a liquidity pool,
//! and financing of invoices their buyers confirmed on chain.
//!
//! ## Overview
//!
//! - **Filings** ([`Pallet::file_report`], [`Pallet::attest_report`]): an enterprise with a valid
//!   KYB attestation files a report per [`types::ReportingPeriod`]: a commitment (hash) to the
//!   full statements, which stay off chain, and key figures ([`types::FinancialMetrics`]). An
//!   admitted auditor attests it, naming the commitment and figures it reviewed; the credit registry then counts it in the enterprise's score
//!   (`EnterpriseRegistry::note_attested_filing`: +8 per audited filing, +4 more if profitable,
//!   at most +48 in all; see credit-records' `score.rs`). An attested filing cannot change.
//! - **Credit lines** ([`Pallet::apply_credit_line`] … [`Pallet::close_line`]): the enterprise
//!   applies for a limit split into milestones, each with the kind of verifier who attests it.
//!   The `UnderwriterOrigin` approves it with a source: a named financier, who then deposits the
//!   limit into custody ([`Pallet::fund_credit_line`]), or the pool of the line's asset, which
//!   commits a credit facility within its governance-set facility cap (the pool's lenders earn
//!   the line's interest; see `xindai_primitives::facility`). Each attested milestone releases
//!   its tranche — in order, before maturity, never while the line is overdue. Interest accrues
//!   on what was drawn and falls due every `InterestPeriod`; everything is due at maturity
//!   ([`accrual`]). Repayments go to the source at once. A line overdue by `default_after_days`
//!   can be marked defaulted: the undrawn part returns to the source, a pool writes the drawn
//!   principal off, and the credit registry records the default.
//! - **Invoices** ([`Pallet::submit_invoice`] … [`Pallet::repay_recourse`]): the enterprise
//!   submits an invoice (one per document hash, ever), the buyer confirms or rejects it; the
//!   enterprise offers it for financing on its terms (least advance, most fee, optionally one
//!   named financier, [`Pallet::offer_invoice`]); a financier meeting them advances part of it;
//!   the buyer pays the pallet-routed split at maturity (financier: advance + fee; enterprise:
//!   the rest). A buyer still unpaid
//!   `default_after_days` after the due date is recorded as defaulted and the financier may
//!   claim recourse: the enterprise owes it the advance.
//!
//! Every payment and default reaches the credit registry: lines report the enterprise's
//! repayments with their days late; invoices report the buyer's.
//!
//! ## Roles
//!
//! | role | calls | origin |
//! |------|-------|--------|
//! | enterprise | `file_report`, `apply_credit_line`, `repay_line`, `close_line`, `submit_invoice`, `cancel_invoice`, `offer_invoice`, `repay_recourse` | signed, KYB-verified enterprise |
//! | auditor | `attest_report` | signed, admitted `Auditor` |
//! | milestone verifier | `attest_milestone` | signed, admitted verifier of the milestone's kind |
//! | underwriter | `approve_credit_line`, `close_line`, `assign_line_collector` (pool lines) | `UnderwriterOrigin` |
//! | financier | `fund_credit_line`, `finance_invoice`, `claim_recourse`, `assign_line_collector` (its lines) | signed, verified |
//! | collection agent | `repay_line` (what it recovered) | signed |
//! | buyer | `confirm_invoice`, `reject_invoice`, `pay_invoice` | signed, verified (to confirm) |
//! | anyone | `mark_line_default`, `repay_line`, `close_line` after maturity | signed |
//! | risk admin | `set_params` | `RiskOrigin` |
//!
//! ## Lifecycle of a credit line
//!
//! ```text
//! apply_credit_line ─► Applied ─approve (Pool: facility committed)──────────────► Active
//!                        │   └─approve (Financier)─► AwaitingFunds ─fund_credit_line─┘  │
//!                        │                             │                               │
//!           close_line   ▼            close_line       ▼      attest_milestone: tranche ┤ (in order,
//!                     removed ◄────────────────────────┘      repay_line              ─┤  not overdue)
//!                                                                                      │
//!        close_line / matured: undrawn → source ┌───────────────────────────────────────┤
//!                                               ▼                                       │ overdue ≥
//!                                            Closing ──repay all──► removed ◄─repay all─┤ default days
//!                                                                                       ▼
//!                                                          Defaulted (undrawn → source, pool writes off)
//! ```
//!
//! ## Lifecycle of an invoice
//!
//! ```text
//!                                          (offer_invoice: the enterprise's terms)
//! submit_invoice ─► Submitted ──confirm_invoice──► Confirmed ──finance_invoice──► Financed
//!                     │  │                            │                            │   │
//!      reject_invoice │  │ cancel_invoice  pay_invoice│   pay_invoice: financier   │   │ unpaid
//!                     ▼  ▼                            ▼   advance + fee, rest      │   │ default days
//!                    removed                   paid, removed ◄─ to the enterprise ─┘   ▼  after due
//!                                                     ▲                           Recourse
//!                                                     └──── pay_invoice / repay_recourse (all) ┘
//! ```
//!
//! ## Design
//!
//! - Custody: the pallet account holds the undrawn limits of financier-funded lines; `try_state`
//!   checks its balance of every asset equals their sum. Pool-funded lines draw straight from the
//!   pool; repayments go straight to the source, so nothing waits to be claimed.
//! - Bounded work: milestones, filings, lines and open invoices per enterprise are bounded; a
//!   line's accrual walks at most `MaxTerm / InterestPeriod + 2` due dates.
//! - Rounding favours the lender: interest rounds up; advances and payouts round down.

#![cfg_attr(not(feature = "std"), no_std)]
// `apply_credit_line` and `submit_invoice` take their terms as separate parameters, so that
// Polkadot.js Apps shows each one as its own field.
#![allow(clippy::too_many_arguments)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

pub mod accrual;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod impls;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use impls::{FilingView, InvoiceView, LineView, MilestoneView};

/// What benchmarks need from the runtime: assets, enterprises, verifiers and a pool facility.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Creates `asset` (if missing) and gives `who` plenty of it and of the native token.
	fn create_asset_and_fund(asset: xindai_primitives::AssetId, who: &AccountId);
	/// Makes `who` a KYB-verified enterprise able to borrow.
	fn make_enterprise(who: &AccountId);
	/// Makes `who` a verified (KYC) account.
	fn make_verified(who: &AccountId);
	/// Admits `who` as a verifier of `kind`.
	fn make_verifier(who: &AccountId, kind: xindai_primitives::credit::VerifierKind);
	/// Gives the pool of `asset` cash and a facility cap of at least `cap`.
	fn fund_pool(asset: xindai_primitives::AssetId, cap: xindai_primitives::Balance);
	/// Sets a fresh price for `asset`.
	fn set_price(asset: xindai_primitives::AssetId, price: xindai_primitives::price::Price);
	/// Sets the chain's clock (milliseconds).
	fn set_time(now: xindai_primitives::Moment);
}

use frame_support::pallet_macros::import_section;

#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::types::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, fungibles, Time},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::Permill;
	use xindai_primitives::{
		collection::{CollectionAccess, CollectionAssignment},
		credit::{CreditRegistry, EnterpriseRegistry},
		facility::CreditFacilities,
		interest::Rate,
		AssetId, Balance, Moment, Seconds,
	};

	/// The balance type of the native deposits.
	pub type DepositBalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A credit line of this runtime.
	pub type LineOf<T> = CreditLine<
		<T as frame_system::Config>::AccountId,
		DepositBalanceOf<T>,
		<T as Config>::MaxMilestones,
	>;

	/// An invoice of this runtime.
	pub type InvoiceOf<T> = Invoice<<T as frame_system::Config>::AccountId, DepositBalanceOf<T>>;

	/// The milestones of an application.
	pub type MilestoneSpecsOf<T> = BoundedVec<MilestoneSpec, <T as Config>::MaxMilestones>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The lent and invoiced assets.
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ fungibles::Mutate<Self::AccountId>;

		/// The native token, for record deposits.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The chain's clock, in milliseconds.
		type Time: Time<Moment = Moment>;

		/// The credit registry: eligibility and history.
		type Credit: CreditRegistry<Self::AccountId>;

		/// The credit registry: KYB, verifier kinds and audited filings.
		type Enterprises: EnterpriseRegistry<Self::AccountId>;

		/// Liquidity pools lending to credit lines.
		type Facilities: CreditFacilities<Self::AccountId>;

		/// The credit registry's collection access for defaulted lines.
		type Collections: CollectionAccess<Self::AccountId>;

		/// How long (milliseconds) an assigned collection agent's access lasts (renewable).
		#[pallet::constant]
		type CollectionAccessPeriod: Get<Moment>;

		/// Approves credit lines (the governance underwriter track).
		type UnderwriterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Sets the lateness, default and invoice-financing parameters.
		type RiskOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Holds financiers' undrawn limits.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The native deposit held by each filing, line and open invoice.
		#[pallet::constant]
		type RecordDeposit: Get<DepositBalanceOf<Self>>;

		/// The most milestones a line may have.
		#[pallet::constant]
		type MaxMilestones: Get<u32>;

		/// The most filings one enterprise may keep.
		#[pallet::constant]
		type MaxFilings: Get<u32>;

		/// The most lines one enterprise may have open.
		#[pallet::constant]
		type MaxLinesPerEnterprise: Get<u32>;

		/// The most open invoices one enterprise may have.
		#[pallet::constant]
		type MaxOpenInvoices: Get<u32>;

		/// The highest annual rate a line may carry.
		#[pallet::constant]
		type MaxAnnualRate: Get<Rate>;

		/// The shortest and longest line term (seconds).
		#[pallet::constant]
		type MinTerm: Get<Seconds>;
		#[pallet::constant]
		type MaxTerm: Get<Seconds>;

		/// Seconds between interest due dates of a line.
		#[pallet::constant]
		type InterestPeriod: Get<Seconds>;

		/// The longest time from submission to an invoice's due date (milliseconds).
		#[pallet::constant]
		type MaxInvoiceTerm: Get<Moment>;

		/// How long after an invoice ended (milliseconds, from its due date or its end if later)
		/// its document hash stays refused for a new invoice, before it may be pruned.
		#[pallet::constant]
		type InvoiceHashRetention: Get<Moment>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up assets, accounts and pools for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why the pallet holds native tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a filing, credit line or invoice.
		RecordDeposit,
	}

	/// Financial filings per enterprise and period.
	#[pallet::storage]
	pub type Filings<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		ReportingPeriod,
		Filing<T::AccountId>,
	>;

	/// How many filings each enterprise keeps.
	#[pallet::storage]
	pub type FilingCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Credit lines, from application until repaid and closed.
	#[pallet::storage]
	pub type Lines<T: Config> = StorageMap<_, Blake2_128Concat, LineId, LineOf<T>>;

	/// The collection agent assigned to each defaulted line (removed with the line).
	#[pallet::storage]
	pub type LineCollections<T: Config> =
		StorageMap<_, Blake2_128Concat, LineId, CollectionAssignment<T::AccountId>>;

	/// The lines of each enterprise.
	#[pallet::storage]
	pub type EnterpriseLines<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<LineId, T::MaxLinesPerEnterprise>,
		ValueQuery,
	>;

	/// The next line id.
	#[pallet::storage]
	pub type NextLineId<T: Config> = StorageValue<_, LineId, ValueQuery>;

	/// Open invoices.
	#[pallet::storage]
	pub type Invoices<T: Config> = StorageMap<_, Blake2_128Concat, InvoiceId, InvoiceOf<T>>;

	/// Every invoice hash submitted, with its invoice: one invoice per document while it is open
	/// and for `InvoiceHashRetention` after it ended; then anyone may prune the record.
	#[pallet::storage]
	pub type InvoiceHashes<T: Config> = StorageMap<_, Identity, H256, InvoiceHashRecord>;

	/// The open invoices of each enterprise.
	#[pallet::storage]
	pub type EnterpriseInvoices<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<InvoiceId, T::MaxOpenInvoices>,
		ValueQuery,
	>;

	/// The next invoice id.
	#[pallet::storage]
	pub type NextInvoiceId<T: Config> = StorageValue<_, InvoiceId, ValueQuery>;

	/// Lateness, default and invoice-financing parameters.
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, SmeParams, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An enterprise filed (or replaced an unattested) report.
		ReportFiled { enterprise: T::AccountId, period: ReportingPeriod, commitment: H256 },
		/// An auditor attested a report; the enterprise's score counts it.
		ReportAttested { enterprise: T::AccountId, period: ReportingPeriod, auditor: T::AccountId },
		/// An enterprise applied for a credit line.
		LineApplied { line: LineId, enterprise: T::AccountId, terms: LineTerms },
		/// The underwriter approved a line with its source.
		LineApproved { line: LineId, source: LineSource<T::AccountId> },
		/// The line is funded: milestones may release tranches until `maturity`.
		LineActivated { line: LineId, maturity: Moment },
		/// A milestone was attested and its tranche paid to the enterprise.
		TrancheReleased { line: LineId, milestone: u32, amount: Balance, verifier: T::AccountId },
		/// A payment on a line: interest then principal, and its lateness.
		LineRepaid {
			line: LineId,
			payer: T::AccountId,
			interest: Balance,
			principal: Balance,
			days_late: u32,
		},
		/// No new tranches: `undrawn` went back to the source.
		LineClosing { line: LineId, undrawn: Balance },
		/// The line is repaid and closed (or withdrawn before funding).
		LineClosed { line: LineId },
		/// The credit registry refused a report that could not hold back a payment: the
		/// history may be missing this event.
		CreditReportFailed { error: DispatchError },
		/// The line defaulted: `undrawn` went back to the source; `outstanding` is owed still.
		LineDefaulted { line: LineId, outstanding: Balance, undrawn: Balance },
		/// An enterprise submitted an invoice.
		InvoiceSubmitted {
			invoice: InvoiceId,
			enterprise: T::AccountId,
			buyer: T::AccountId,
			asset: AssetId,
			amount: Balance,
			due_at: Moment,
			invoice_hash: H256,
		},
		/// The buyer confirmed it owes the invoice.
		InvoiceConfirmed { invoice: InvoiceId },
		/// The enterprise offered the invoice for financing on these terms.
		InvoiceOffered { invoice: InvoiceId, offer: FinancingOffer<T::AccountId> },
		/// The buyer rejected the invoice.
		InvoiceRejected { invoice: InvoiceId },
		/// The enterprise withdrew an unconfirmed invoice.
		InvoiceCancelled { invoice: InvoiceId },
		/// The record of an ended invoice's document hash was pruned after its retention.
		InvoiceHashForgotten { invoice_hash: H256, invoice: InvoiceId },
		/// A financier advanced part of the invoice to the enterprise.
		InvoiceFinanced {
			invoice: InvoiceId,
			financier: T::AccountId,
			advance: Balance,
			fee: Balance,
		},
		/// The buyer paid: the financier's and the enterprise's shares.
		InvoicePaid {
			invoice: InvoiceId,
			to_financier: Balance,
			to_enterprise: Balance,
			days_late: u32,
		},
		/// The buyer defaulted: the enterprise owes the financier `owed`.
		RecourseClaimed { invoice: InvoiceId, owed: Balance },
		/// The enterprise paid recourse; `owed` is left.
		RecourseRepaid { invoice: InvoiceId, amount: Balance, owed: Balance },
		/// The parameters changed.
		ParamsSet { params: SmeParams },
		/// A line's oldest unpaid due date, or a recourse, is `days_past_due` days past due (one
		/// of the governance thresholds, each announced once); `amount_due` is what is due now.
		OverdueNotice {
			target: OverdueTarget,
			borrower: T::AccountId,
			days_past_due: u32,
			amount_due: Balance,
		},
		/// The source of a defaulted line assigned `agent` to collect it: it may see the
		/// enterprise's contact file until `access_until`.
		LineCollectorAssigned { line: LineId, agent: T::AccountId, access_until: Moment },
		/// The assigned collection agent paid `amount` on the line (`recovered` in all).
		LineCollectionRecovered {
			line: LineId,
			agent: T::AccountId,
			amount: Balance,
			recovered: Balance,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only KYB-verified enterprises may do this.
		NotVerifiedEnterprise,
		/// The caller is not an admitted verifier of the required kind.
		NotVerifier,
		/// Verifiers cannot attest their own filings or lines.
		SelfAttestation,
		/// The reporting period is not a year 2000–2100 with quarter 0–4.
		InvalidPeriod,
		/// A reported figure is out of bounds.
		MetricsOutOfBounds,
		/// No such filing.
		FilingNotFound,
		/// The filing was attested: it cannot change or be attested again.
		FilingLocked,
		/// The enterprise keeps too many filings.
		TooManyFilings,
		/// No milestones, or more than `MaxMilestones`.
		BadMilestones,
		/// A milestone's amount is below the asset's minimum balance (custody and payouts would
		/// leave dust).
		MilestoneTooSmall,
		/// The milestones do not add up to the limit.
		MilestonesMismatchLimit,
		/// The limit is zero.
		ZeroLimit,
		/// The rate is above `MaxAnnualRate`.
		RateTooHigh,
		/// The term is outside `MinTerm..=MaxTerm`.
		TermOutOfBounds,
		/// The enterprise has too many lines.
		TooManyLines,
		/// No such line.
		LineNotFound,
		/// The line is not in a state that allows this.
		WrongLineStatus,
		/// Only the line's financier may fund it.
		NotFinancier,
		/// Only the line's enterprise (or the underwriter) may do this.
		NotEnterprise,
		/// Milestones are attested in order: this is not the next one.
		MilestoneOutOfOrder,
		/// No such milestone, or it was attested already.
		MilestoneNotPending,
		/// The line has overdue payments: no tranche until they are paid.
		LineOverdue,
		/// The line has matured.
		LineMatured,
		/// Nothing is owed on the line.
		NothingOwed,
		/// The line is not overdue long enough to default.
		NotOverdueEnough,
		/// The amount is zero.
		ZeroAmount,
		/// The buyer and the enterprise are the same account.
		SelfInvoice,
		/// The due date is in the past or beyond `MaxInvoiceTerm`.
		DueDateOutOfBounds,
		/// An invoice with this hash was submitted before (and is open, or ended less than
		/// `InvoiceHashRetention` ago).
		DuplicateInvoice,
		/// No record of this invoice hash.
		UnknownInvoiceHash,
		/// The invoice of this hash is open, or its retention has not passed.
		InvoiceHashRetained,
		/// The enterprise has too many open invoices.
		TooManyInvoices,
		/// No such open invoice.
		InvoiceNotFound,
		/// The invoice is not in a state that allows this.
		WrongInvoiceStatus,
		/// Only the invoice's buyer may do this.
		NotBuyer,
		/// Only verified (KYC/KYB) accounts may confirm, finance or fund.
		NotVerified,
		/// The enterprise and the buyer cannot finance their own invoice.
		OwnInvoice,
		/// The advance rate is zero or above the maximum.
		AdvanceRateOutOfBounds,
		/// The fee is above the maximum, or advance + fee exceed the invoice.
		FeeOutOfBounds,
		/// The invoice is due already.
		InvoiceDue,
		/// The buyer is not late enough for recourse.
		NotLateEnough,
		/// Grace period above its bound.
		GracePeriodTooLong,
		/// Penalty rate above its bound.
		PenaltyRateTooHigh,
		/// Default threshold outside its bounds.
		DefaultDaysOutOfBounds,
		/// Advance or fee bound above its ceiling.
		InvoiceLimitsOutOfBounds,
		/// Overdue notice days not ascending within 1..=365 (then zeros).
		NoticeDaysInvalid,
		/// Nothing of the line or the recourse is past due.
		NothingOverdue,
		/// Every notice the overdue amount has reached was sent already.
		NoNoticeDue,
		/// The invoice is not offered for financing.
		NotOffered,
		/// The financing does not meet the enterprise's terms.
		TermsNotMet,
		/// The auditor attests other figures than those filed.
		FilingMismatch,
		/// An amount overflowed.
		Overflow,
		/// Only the line's source (its financier, or the underwriter for a pool-funded line)
		/// may do this.
		NotLineSource,
		/// The account is not an admitted collection agent.
		NotCollectionAgent,
		/// Access to this debt's borrower was granted `MAX_RENEWALS + 1` times already (to any
		/// agent): no more.
		RenewalsExhausted,
		/// The invoice's asset does not exist.
		UnknownAsset,
		/// The invoice is below its asset's minimum balance: paying it to an enterprise that
		/// holds none of the asset would fail for good.
		InvoiceBelowMinimum,
		/// Financing at these rates would move an amount below the asset's minimum balance (the
		/// advance, the financier's share of the payment, or the enterprise's rest), which an
		/// account holding none of the asset cannot receive.
		FinancingBelowMinimum,
		/// This repayment would leave less than the asset's minimum balance owed under recourse,
		/// which no later payment could settle: pay all of it, or leave at least the minimum.
		RecourseDustLeft,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::InterestPeriod::get() > 0, "InterestPeriod must be positive");
			assert!(T::MinTerm::get() <= T::MaxTerm::get(), "MinTerm above MaxTerm");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
