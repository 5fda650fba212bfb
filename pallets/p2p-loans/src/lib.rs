//! # P2P loans
//!
//! Lending between people, from application to settlement: a borrower asks, many lenders fund
//! slices, the loan is disbursed, repaid in instalments with late penalties, and closes with the
//! collateral released — or defaults or is liquidated with the collateral going to the lenders.
//! Lenders can sell their shares to other verified accounts.
//!
//! ## Overview
//!
//! - **Request** ([`Pallet::create_request`]): asset, principal, annual rate, number and period of
//!   instalments, amortising or bullet, optional collateral (moved into custody), a funding
//!   deadline and a minimum ticket. The borrower must pass the credit registry's check; the
//!   record holds a native deposit; open requests per borrower are bounded.
//! - **Funding** ([`Pallet::fund`]): verified accounts other than the borrower fund slices. The
//!   slice that completes the principal disburses it, fixes the schedule and starts the loan.
//!   A request cancelled by its borrower, or unfunded by its deadline, returns each lender's
//!   money ([`Pallet::claim_refund`], or a bounded sweep in `on_idle`) and the collateral.
//! - **Schedule** ([`schedule`]): annuity or interest-only then balloon, pure fixed-point maths.
//! - **Repayment** ([`Pallet::repay`]): pays penalty, then the oldest due instalments and the
//!   current one (interest then principal), then prepays principal from the last instalments (interest is recomputed
//!   for periods not yet started). Each completed instalment reports its days late to the credit
//!   registry. Repayments reach lenders through their shares: `claim` pays each lender
//!   `shares × paid-in / principal` less what it already received — O(1) whatever the number of
//!   lenders.
//! - **Lateness and default**: after the grace period, overdue amounts accrue penalty interest.
//!   Once the oldest unpaid instalment is `default_after_days` past due, anyone may
//!   [`Pallet::mark_default`]: the collateral goes to the lenders (claimable pro rata), its value
//!   is credited against the principal, and the rest is reported as a default (credit records
//!   freezes the borrower). Payments after default still reach lenders.
//! - **Stop-loss** ([`Pallet::liquidate`]): when fresh prices put the loan-to-value above the
//!   liquidation LTV, anyone may liquidate: the caller earns the liquidator reward, the rest of
//!   the collateral goes to the lenders; the debt it does not cover remains owed.
//! - **Settlement**: the payment that clears everything returns the collateral and the deposit and
//!   reports the loan settled.
//! - **Secondary market** ([`Pallet::list_shares`], [`Pallet::buy_shares`]): what the sold shares
//!   had earned up to the sale goes to the seller; the buyer receives later repayments.
//! - **Collection** ([`Pallet::vote_collector`]): every loan's terms carry the borrower's consent
//!   to collection on default. Lenders of a defaulted loan vote with their shares for an
//!   admitted collection agent; a majority assigns it, and the credit registry gives it
//!   time-limited access to the borrower's contact file. The agent pays what it recovers with
//!   `repay` (recorded as `CollectionRecovered`); repayment in full ends its access.
//!
//! ## Roles
//!
//! | role | calls | origin |
//! |------|-------|--------|
//! | borrower | `create_request`, `cancel_request`, `repay` | signed, passing the credit check |
//! | lender | `fund`, `claim_refund`, `claim`, `list_shares`, `cancel_listing`, `vote_collector` | signed, verified |
//! | collection agent | `repay` (what it recovered) | signed |
//! | buyer | `buy_shares` | signed, verified |
//! | anyone | `mark_default`, `liquidate`, `claim_refund` | signed |
//! | risk admin | `set_risk_params` | `RiskOrigin` |
//!
//! ## Lifecycle of a loan
//!
//! ```text
//!                 fund (not full)
//!                   ┌──────┐
//!                   ▼      │
//! create_request ─► Funding ──fund (full): disburse──► Active ──repay (all)──► Closed
//!                   │    │                              │  │                     ▲
//!    cancel_request │    │ deadline passed              │  │ LTV > liquidation   │
//!                   ▼    ▼                              │  ▼                     │
//!            Cancelled  Expired            mark_default │  Liquidated ─repay all─┤
//!             (lenders claim refunds)                   ▼                        │
//!                                                   Defaulted ────repay all──────┘
//! ```
//!
//! ## Design
//!
//! - Custody: one pallet account holds escrowed funding, collateral and unclaimed repayments;
//!   `try_state` checks its balance of every asset equals their sum.
//! - Bounded work: a call touches at most `MaxInstalments` instalments; `fund`, `repay` and
//!   `claim` are O(1) in the number of lenders; `on_idle` examines at most `SweepBatch` loans
//!   and refunds at most `SweepBatch` lenders per block.
//! - Rounding favours lenders: interest rounds up; payouts to lenders round down and never exceed
//!   what was paid in.

#![cfg_attr(not(feature = "std"), no_std)]
// `create_request` takes the request's terms as separate parameters, so that Polkadot.js Apps
// shows each one as its own field; the call macro then generates functions with as many.
#![allow(clippy::too_many_arguments)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod impls;
#[cfg(test)]
mod mock;
pub mod schedule;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use impls::{InstalmentState, InstalmentView, LoanView, PositionView};

use frame_support::pallet_macros::import_section;

/// What benchmarks need from the runtime: assets, prices and verified accounts.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Creates `asset` (if missing) and gives `who` plenty of it and of the native token.
	fn create_asset_and_fund(asset: xindai_primitives::AssetId, who: &AccountId);
	/// Sets a fresh price for `asset`.
	fn set_price(asset: xindai_primitives::AssetId, price: xindai_primitives::price::Price);
	/// Makes `who` verified and able to borrow.
	fn make_eligible(who: &AccountId);
	/// Sets the chain's clock (milliseconds).
	fn set_time(now: xindai_primitives::Moment);
	/// Admits `who` as a collection agent.
	fn make_collection_agent(who: &AccountId);
}

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
	use xindai_primitives::{
		collection::CollectionAccess, credit::CreditRegistry, interest::Rate, price::PriceProvider,
		AssetId, Balance, Moment, Seconds,
	};

	/// The balance type of the native deposit.
	pub type DepositBalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

	/// A loan of this runtime.
	pub type LoanOf<T> = Loan<<T as frame_system::Config>::AccountId, DepositBalanceOf<T>>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The lent and collateral assets.
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ fungibles::Mutate<Self::AccountId>;

		/// The native token, for request deposits.
		type Currency: fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The chain's clock, in milliseconds.
		type Time: Time<Moment = Moment>;

		/// Prices in credit units, with their age.
		type Prices: PriceProvider;

		/// The credit registry.
		type Credit: CreditRegistry<Self::AccountId>;

		/// The credit registry's collection access: who is a collection agent, and their
		/// time-limited access to a defaulted borrower's contact file.
		type Collections: CollectionAccess<Self::AccountId>;

		/// How long (milliseconds) an assigned collection agent's access lasts (a majority may
		/// renew it).
		#[pallet::constant]
		type CollectionAccessPeriod: Get<Moment>;

		/// Sets the lateness, default and stop-loss parameters.
		type RiskOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Holds escrowed funding, collateral and unclaimed repayments.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The native deposit a request holds until its record is pruned (`prune_loan`).
		#[pallet::constant]
		type RequestDeposit: Get<DepositBalanceOf<Self>>;

		/// The native deposit a listing of loan shares holds while it is open.
		#[pallet::constant]
		type ListingDeposit: Get<DepositBalanceOf<Self>>;

		/// The most instalments a loan may have.
		#[pallet::constant]
		type MaxInstalments: Get<u32>;

		/// The shortest and longest period between instalments (seconds).
		#[pallet::constant]
		type MinPeriod: Get<Seconds>;
		#[pallet::constant]
		type MaxPeriod: Get<Seconds>;

		/// The highest annual rate a loan may carry.
		#[pallet::constant]
		type MaxAnnualRate: Get<Rate>;

		/// The longest funding window (milliseconds from the request).
		#[pallet::constant]
		type MaxFundingWindow: Get<Moment>;

		/// The most open requests one borrower may have.
		#[pallet::constant]
		type MaxOpenRequests: Get<u32>;

		/// The most loans one account may hold shares of.
		#[pallet::constant]
		type MaxLoansPerLender: Get<u32>;

		/// The most open listings per loan.
		#[pallet::constant]
		type MaxListingsPerLoan: Get<u32>;

		/// The most loans `on_idle` examines, and lenders it refunds, per block.
		#[pallet::constant]
		type SweepBatch: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up assets, prices and accounts for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why the pallet holds native tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a loan request, held until its record is pruned.
		RequestDeposit,
		/// The deposit of a listing of loan shares.
		ListingDeposit,
	}

	/// Every loan, from request on.
	#[pallet::storage]
	pub type Loans<T: Config> = StorageMap<_, Blake2_128Concat, LoanId, LoanOf<T>>;

	/// The schedule of each started loan.
	#[pallet::storage]
	pub type Schedules<T: Config> =
		StorageMap<_, Blake2_128Concat, LoanId, BoundedVec<Instalment, T::MaxInstalments>>;

	/// Lenders' shares in each loan.
	#[pallet::storage]
	pub type Positions<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		LoanId,
		Blake2_128Concat,
		T::AccountId,
		LenderPosition,
	>;

	/// The loans each account holds shares of.
	#[pallet::storage]
	pub type LenderLoans<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<LoanId, T::MaxLoansPerLender>,
		ValueQuery,
	>;

	/// Open requests per borrower.
	#[pallet::storage]
	pub type OpenRequests<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The next loan id.
	#[pallet::storage]
	pub type NextLoanId<T: Config> = StorageValue<_, LoanId, ValueQuery>;

	/// Shares for sale.
	#[pallet::storage]
	pub type Listings<T: Config> =
		StorageMap<_, Blake2_128Concat, ListingId, Listing<T::AccountId, DepositBalanceOf<T>>>;

	/// Open listings per loan.
	#[pallet::storage]
	pub type ListingCount<T: Config> = StorageMap<_, Blake2_128Concat, LoanId, u32, ValueQuery>;

	/// The next listing id.
	#[pallet::storage]
	pub type NextListingId<T: Config> = StorageValue<_, ListingId, ValueQuery>;

	/// Lateness, default and stop-loss parameters.
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, RiskParams, ValueQuery>;

	/// Loans whose lenders `on_idle` is refunding.
	#[pallet::storage]
	pub type PendingRefunds<T: Config> = StorageMap<_, Blake2_128Concat, LoanId, ()>;

	/// What the pallet owed an account but could not pay it (its account could not receive the
	/// asset then: a lender's payout at pruning, a borrower's returning collateral), per asset:
	/// held in custody until withdrawn (`withdraw_unclaimed`).
	#[pallet::storage]
	pub type Unclaimed<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		AssetId,
		Balance,
		ValueQuery,
	>;

	/// The requests open for funding: the bounded index the sweep and the views walk, so their
	/// work grows with what is open, never with the loan history.
	#[pallet::storage]
	pub type FundingLoans<T: Config> = StorageMap<_, Blake2_128Concat, LoanId, ()>;

	/// Where `on_idle`'s scan for expired requests resumes (a raw `FundingLoans` key).
	#[pallet::storage]
	pub type SweepCursor<T: Config> = StorageValue<_, BoundedVec<u8, ConstU32<128>>>;

	/// Each lender's vote for a collection agent of a defaulted loan, with its weight (shares).
	#[pallet::storage]
	pub type CollectorVotes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		LoanId,
		Blake2_128Concat,
		T::AccountId,
		(T::AccountId, Balance),
	>;

	/// The shares voting for each collection agent of a loan (removed at zero).
	#[pallet::storage]
	pub type CollectorSupport<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, LoanId, Blake2_128Concat, T::AccountId, Balance>;

	/// The collection agent assigned to a defaulted loan.
	#[pallet::storage]
	pub type Collections<T: Config> =
		StorageMap<_, Blake2_128Concat, LoanId, CollectionAssignment<T::AccountId>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A borrower asked for a loan.
		RequestCreated { loan: LoanId, borrower: T::AccountId, terms: LoanTerms },
		/// The borrower withdrew the request; lenders reclaim their money.
		RequestCancelled { loan: LoanId },
		/// The request was not funded in time; lenders reclaim their money.
		RequestExpired { loan: LoanId },
		/// A lender funded part of a request.
		Funded { loan: LoanId, lender: T::AccountId, amount: Balance, funded: Balance },
		/// Fully funded: the principal went to the borrower and the schedule started.
		LoanStarted { loan: LoanId, borrower: T::AccountId, principal: Balance },
		/// A lender got its funding back.
		Refunded { loan: LoanId, lender: T::AccountId, amount: Balance },
		/// The borrower paid: penalty, interest and principal parts, and principal prepaid.
		Repaid {
			loan: LoanId,
			amount: Balance,
			penalty: Balance,
			interest: Balance,
			principal: Balance,
			prepaid: Balance,
		},
		/// An instalment was completed, `days_late` days after its due date (0 within grace).
		InstalmentPaid { loan: LoanId, index: u32, days_late: u32 },
		/// Fully repaid: collateral and deposit returned.
		LoanClosed { loan: LoanId },
		/// An instalment of `loan` is `days_past_due` days past due (one of the governance
		/// thresholds, each announced once per due date); `amount_due` is what is due now
		/// (instalments due and the penalty accrued).
		OverdueNotice {
			loan: LoanId,
			borrower: T::AccountId,
			days_past_due: u32,
			amount_due: Balance,
		},
		/// An ended loan's record was removed (`complete`), or `lenders_paid` more of its
		/// lenders were paid out and removed on the way there.
		LoanPruned { loan: LoanId, lenders_paid: u32, complete: bool },
		/// A lender took its share of repayments and of collateral handed to lenders.
		Claimed { loan: LoanId, lender: T::AccountId, amount: Balance, collateral: Balance },
		/// The loan defaulted; the collateral its debt needed went to the lenders, the rest back
		/// to the borrower.
		Defaulted {
			loan: LoanId,
			outstanding: Balance,
			collateral_to_lenders: Balance,
			collateral_returned: Balance,
		},
		/// The collateral was liquidated for the lenders: what the debt and the reward needed;
		/// the rest went back to the borrower. `outstanding` remains owed.
		Liquidated {
			loan: LoanId,
			liquidator: T::AccountId,
			reward: Balance,
			collateral_to_lenders: Balance,
			collateral_returned: Balance,
			outstanding: Balance,
		},
		/// A fully funded request was not disbursed: the borrower may not borrow it any more
		/// (`error`); the request is cancelled and its lenders refunded.
		DisbursementRefused { loan: LoanId, error: DispatchError },
		/// The automatic refund of `lender`'s funding failed (e.g. the asset is frozen); the
		/// lender keeps its claim (`claim_refund`).
		RefundFailed { loan: LoanId, lender: T::AccountId, error: DispatchError },
		/// A payout to `to` failed (`error`: its account could not receive the asset): a
		/// lender's payout at pruning, or collateral returning to a borrower. The amount waits
		/// in custody as its unclaimed balance of `asset` (`withdraw_unclaimed`).
		PayoutSetAside {
			loan: LoanId,
			to: T::AccountId,
			asset: AssetId,
			amount: Balance,
			error: DispatchError,
		},
		/// An account withdrew what was set aside for it.
		UnclaimedWithdrawn { who: T::AccountId, asset: AssetId, amount: Balance },
		/// The credit registry refused a report that could not hold back a payment or a
		/// request's end: the borrower's history may be missing this event.
		CreditReportFailed { error: DispatchError },
		/// Shares were put up for sale.
		SharesListed {
			listing: ListingId,
			loan: LoanId,
			seller: T::AccountId,
			shares: Balance,
			price: Balance,
		},
		/// A listing was withdrawn.
		ListingCancelled { listing: ListingId },
		/// Shares changed hands.
		SharesSold {
			listing: ListingId,
			loan: LoanId,
			seller: T::AccountId,
			buyer: T::AccountId,
			shares: Balance,
			paid: Balance,
		},
		/// The risk parameters changed.
		RiskParamsSet { params: RiskParams },
		/// A lender voted for `agent` to collect a defaulted loan with its `shares`; `support`
		/// is all the shares voting for the agent now.
		CollectorVoted {
			loan: LoanId,
			lender: T::AccountId,
			agent: T::AccountId,
			shares: Balance,
			support: Balance,
		},
		/// Lenders holding a majority of the loan assigned `agent` to collect it: it may see
		/// the borrower's contact file until `access_until`.
		CollectorAssigned { loan: LoanId, agent: T::AccountId, access_until: Moment },
		/// The assigned collection agent paid `amount` on the loan (`recovered` in all).
		CollectionRecovered {
			loan: LoanId,
			agent: T::AccountId,
			amount: Balance,
			recovered: Balance,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such loan.
		LoanNotFound,
		/// The principal is zero.
		ZeroPrincipal,
		/// Instalments must be between 1 and `MaxInstalments`.
		InstalmentsOutOfBounds,
		/// The period is outside `MinPeriod..=MaxPeriod`.
		PeriodOutOfBounds,
		/// The rate is above `MaxAnnualRate`.
		RateTooHigh,
		/// The deadline is in the past or beyond the funding window.
		DeadlineOutOfBounds,
		/// The minimum ticket is zero or above the principal.
		BadMinTicket,
		/// The collateral amount is zero.
		ZeroCollateral,
		/// The collateral does not cover the principal at the maximum initial LTV.
		CollateralTooLow,
		/// The borrower has too many open requests.
		TooManyOpenRequests,
		/// The loan is not open for funding.
		NotFunding,
		/// The funding deadline has passed.
		DeadlinePassed,
		/// Borrowers cannot fund or buy their own loan.
		OwnLoan,
		/// Only verified (KYC/KYB) accounts may lend or buy shares.
		NotVerified,
		/// Below the minimum ticket (only the last slice may be smaller).
		BelowMinTicket,
		/// More than the request still needs.
		OverFunded,
		/// Only the borrower may do this.
		NotBorrower,
		/// Nothing to refund: not cancelled, not expired, or no stake.
		NothingToRefund,
		/// The loan is not being repaid.
		NotRepayable,
		/// The amount is zero.
		ZeroAmount,
		/// Not in default territory yet.
		NotOverdueEnough,
		/// The loan has no collateral.
		NoCollateral,
		/// The loan-to-value is within bounds.
		LtvHealthy,
		/// An asset has never been priced.
		NoPrice,
		/// A price is older than the limit.
		PriceStale,
		/// Nothing to claim.
		NothingToClaim,
		/// No stake in the loan, or fewer unlisted shares than asked.
		InsufficientShares,
		/// The loan's shares cannot be traded now.
		NotTradable,
		/// Too many listings for this loan.
		TooManyListings,
		/// The seller already has a listing of this loan's shares: cancel it to list anew.
		AlreadyListed,
		/// The loan has not ended: only a closed, cancelled or expired loan can be pruned.
		NotPrunable,
		/// Listings of the loan are still open: anyone may cancel them now that it has ended.
		ListingsOpen,
		/// The account holds shares of too many loans.
		TooManyLoans,
		/// No such listing.
		ListingNotFound,
		/// Only the seller may do this.
		NotSeller,
		/// Grace period above its bound.
		GracePeriodTooLong,
		/// Penalty rate above its bound.
		PenaltyRateTooHigh,
		/// Default threshold outside its bounds.
		DefaultDaysOutOfBounds,
		/// Initial LTV above its bound or not below the liquidation LTV.
		InitialLtvOutOfBounds,
		/// Liquidator reward above its bound.
		LiquidatorRewardTooHigh,
		/// Price age outside its bounds.
		PriceAgeOutOfBounds,
		/// Overdue notice days not ascending within 1..=365 (then zeros).
		NoticeDaysInvalid,
		/// No instalment of the loan is past due.
		NothingOverdue,
		/// Every notice the loan's overdue instalment has reached was sent already.
		NoNoticeDue,
		/// An amount overflowed.
		Overflow,
		/// Only a defaulted loan goes to collection.
		NotDefaulted,
		/// The account is not an admitted collection agent.
		NotCollectionAgent,
		/// Access to this debt's borrower was granted `MAX_RENEWALS + 1` times already (to any
		/// agent): no more.
		RenewalsExhausted,
		/// A listing's price must be positive: shares listed for nothing go to the first buyer.
		ZeroPrice,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::sweep(remaining)
		}

		fn integrity_test() {
			assert!(T::MinPeriod::get() > 0, "MinPeriod must be positive");
			assert!(T::MinPeriod::get() <= T::MaxPeriod::get(), "MinPeriod above MaxPeriod");
			assert!(T::MaxInstalments::get() > 0, "MaxInstalments must be positive");
			assert!(T::MaxOpenRequests::get() > 0, "MaxOpenRequests must be positive");
			assert!(T::MaxLoansPerLender::get() > 0, "MaxLoansPerLender must be positive");
			assert!(T::MaxListingsPerLoan::get() > 0, "MaxListingsPerLoan must be positive");
			assert!(T::SweepBatch::get() > 0, "SweepBatch must be positive");
			assert!(T::MaxFundingWindow::get() > 0, "MaxFundingWindow must be positive");
			assert!(
				T::CollectionAccessPeriod::get() > 0,
				"CollectionAccessPeriod must be positive"
			);
			assert!(
				Self::ensure_valid_params(&RiskParams::default()).is_ok(),
				"the default risk parameters must be within the bounds"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
