//! # Credit records
//!
//! The credit spine of Xindai: who is verified, what they borrowed and repaid, and the one credit
//! score every lending product reads.
//!
//! ## Overview
//!
//! People and small/micro enterprises register a profile holding only a hash of their encrypted
//! off-chain documents: never personal data. Verifiers admitted by governance (KYC providers,
//! auditors, credit bureaus) attest claims about profiles, each with an expiry. Lending pallets
//! ask this pallet, through [`CreditRegistry`], whether an account may borrow and report every
//! borrowing, repayment, late payment, default and settlement; the account's history and score
//! follow automatically. Governance maps scores to tiers with an exposure cap and a rate premium.
//! Owners grant institutions time-limited access to their off-chain files and can audit each
//! access.
//!
//! **Monitoring** ([`monitor`], `flags.rs`): every credit event updates the person's activity
//! in a rolling window; a rule that trips (too many or too large new debts, borrow-repay
//! cycling, many withdrawn requests), or a verifier's report, raises a flag, and the person takes
//! no new credit until the risk council clears the flag or confirms it (freezing the account).
//! **Collection** ([`collection`]): the agent a defaulted loan's lenders assign gets a
//! time-limited grant to the borrower's contact file, shown among the borrower's grants.
//!
//! ## Terms
//!
//! - **Credit unit**: the smallest unit of the reference stablecoin USDX (6 decimals). Caps,
//!   tiers and the history's totals are in credit units.
//! - **Position**: what one product has lent an account in one asset ([`PositionKey`]), kept in
//!   [`Positions`] **in the asset's own units** exactly as the product reports it: principal
//!   `owed` and `committed` credit (open P2P requests, undrawn credit lines). Each product's
//!   `try_state` checks that its loans add up to its positions here, per borrower and in total
//!   (the sum of its positions). An account holds at most `MaxPositions` positions.
//! - **Person**: the accounts a KYC provider attested with one identity commitment (a salted
//!   hash it derives from the identity documents, never the identity): they share one credit
//!   history (the first account's; a second account continues it, never a fresh start) and one
//!   exposure cap, and a freeze of any of them stops the person's new credit; products refuse one
//!   person on both sides of a loan, an invoice or a share sale (see [`persons`]). At most
//!   `MaxAccountsPerPerson` accounts; links are permanent.
//! - **Exposure**: every position's debt and commitments (of all the person's accounts), valued in credit units **when it is
//!   checked**, at prices no older than `MaxPriceAge` (a missing or stale price refuses the
//!   borrowing: an unpriced debt must not slip past the cap); the reference stablecoin
//!   (`CreditAsset`) needs no price. The tier's cap bounds it.
//! - **On-time service**: principal outstanding × time, for loans paid on time, measured per
//!   loan by the product and credited once per span of time (see [`score`]): the score measures
//!   behaviour over time, never the number of calls.
//! - **Score**: 300–900, a pure function of the history and the valid attestations ([`score`]).
//! - **Tier**: the row of the tier table the score falls in: exposure cap and rate premium.
//! - **Valid attestation**: not expired. Revoked attestations are removed. Expired ones stop
//!   counting without any sweep.
//!
//! ## Roles
//!
//! | role | calls | origin |
//! |------|-------|--------|
//! | verifier admin (root or the verifier-admin track) | `add_verifier`, `remove_verifier`, `force_revoke_attestation` | `VerifierAdminOrigin` |
//! | risk admin (root or the risk-admin track) | `set_tier_table` | `RiskOrigin` |
//! | emergency (risk admin, or 2/3 of the risk council) | `freeze`, `unfreeze` | `FreezeOrigin` |
//! | risk council (review) | `clear_flag`, `confirm_flag` | `ReviewOrigin` |
//! | risk admin | `set_monitor_params` | `RiskOrigin` |
//! | verifier (not a collection agent) | `raise_flag` | signed, admitted |
//! | collection agent | `log_access` (with a collection grant) | signed, admitted |
//! | account owner | `register`, `update_documents`, `deregister`, `grant_access`, `revoke_access` | signed |
//! | verifier | `attest`, `revoke_attestation` | signed, admitted |
//! | institution | `log_access` | signed, holding a valid grant |
//! | lending pallets | [`CreditRegistry`] hooks | runtime wiring |
//!
//! ## Lifecycle
//!
//! ```text
//! register ──► Registered ──attest(KYC/KYB)──► Verified ──ensure_can_borrow──► borrowing
//!                 │  ▲                          │   ▲ note_borrowed / note_repaid / note_settled
//!                 │  └──── expiry / revoke ─────┘   │
//!                 │                                 └─ note_defaulted ─► Frozen (if configured)
//!                 └─ deregister (no open position, no grants, not frozen): deposit
//!                    back, history kept
//! ```
//!
//! ## Design
//!
//! - The credit history survives `deregister`: a bad history cannot be shed by registering again.
//! - Removing a verifier stops it from attesting; its earlier attestations stay until they
//!   expire, are revoked by it, or are revoked by the verifier admin.
//! - Deposits are fungible holds: [`HoldReason::ProfileDeposit`] for a profile,
//!   [`HoldReason::AccessGrantDeposit`] for each grant (base + per envelope byte).
//! - Complexity: every call and every [`CreditRegistry`] hook is O(1) in storage reads and writes,
//!   plus an in-memory pass over one profile's attestations (at most `MaxAttestations`).
//!   `ensure_can_borrow` reads the profile, the history, the attestations, the tier table and
//!   the account's positions with their prices (at most `MaxPositions`); `note_*` read the
//!   history, the attestations, one position and its product total, and write them back.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;
pub use xindai_primitives::capacity::{
	CapacityBasis, CapacityParams, CapacityView, IncomeBand, LoanPurpose, PurposeCategory,
	PurposeSet,
};
pub use xindai_primitives::collection::{CollectionAccess, CollectionCase};
pub use xindai_primitives::credit::{
	CreditProduct, CreditRegistry, EnterpriseRegistry, FilingSignal, PositionKey, ReportedPosition,
	TierInfo,
};

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
pub mod capacity;
pub mod collection;
mod flags;
mod impls;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod monitor;
pub mod persons;
mod positions;
mod registry;
pub mod score;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use impls::{GrantView, ProfileSummary};
pub use monitor::{Flag, FlagCause, FlagId, MonitorParams, RiskRule};
pub use score::ScoreBreakdown;
pub use types::*;

/// The balance type of the deposit currency.
pub type DepositBalanceOf<T> =
	<<T as Config>::Currency as frame_support::traits::fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

use frame_support::pallet_macros::import_section;

#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			Time,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use xindai_primitives::{Balance, Moment};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The currency deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ Inspect<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The chain's clock, in milliseconds since the Unix epoch.
		type Time: Time<Moment = Moment>;

		/// Admits and removes verifiers, and revokes any attestation.
		type VerifierAdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Sets the tier table.
		type RiskOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Freezes and unfreezes accounts (also the fast emergency path of a risk council).
		type FreezeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Reviews monitoring flags (the risk council): clears them, or confirms them and
		/// freezes the account.
		type ReviewOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Held from an account while it has a profile.
		#[pallet::constant]
		type ProfileDeposit: Get<DepositBalanceOf<Self>>;

		/// Held from an owner for each access grant.
		#[pallet::constant]
		type GrantDepositBase: Get<DepositBalanceOf<Self>>;

		/// Held from an owner for each byte of a grant's key envelope.
		#[pallet::constant]
		type GrantDepositPerByte: Get<DepositBalanceOf<Self>>;

		/// The most verifiers there can be.
		#[pallet::constant]
		type MaxVerifiers: Get<u32>;

		/// The longest verifier name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// The most attestations a profile can hold at once.
		#[pallet::constant]
		type MaxAttestations: Get<u32>;

		/// The most access grants an owner can have at once.
		#[pallet::constant]
		type MaxGrants: Get<u32>;

		/// The longest key envelope, in bytes.
		#[pallet::constant]
		type MaxEnvelopeLength: Get<u32>;

		/// The longest an access grant may last, in milliseconds.
		#[pallet::constant]
		type MaxGrantDuration: Get<Moment>;

		/// The most rows the tier table can have.
		#[pallet::constant]
		type MaxTiers: Get<u32>;

		/// Compile-time bound on any tier's exposure cap, in credit units.
		#[pallet::constant]
		type MaxExposureCap: Get<Balance>;

		/// Compile-time bound on any tier's rate premium, in basis points.
		#[pallet::constant]
		type MaxRatePremiumBps: Get<u16>;

		/// Whether a default freezes the borrower automatically.
		#[pallet::constant]
		type FreezeOnDefault: Get<bool>;

		/// The least principal (credit units) a loan must have had outstanding for its on-time
		/// service to count in the score (see `score.rs`). Smaller loans still reduce and record
		/// debt, but cannot farm the on-time bonus with dust.
		#[pallet::constant]
		type MinCountedRepayment: Get<Balance>;

		/// The reference stablecoin whose smallest unit is the credit unit: its amounts are
		/// credit units as they are, with no price.
		#[pallet::constant]
		type CreditAsset: Get<xindai_primitives::AssetId>;

		/// The price source other assets' positions are valued with (in credit units).
		type Prices: xindai_primitives::price::PriceProvider;

		/// Sets fresh prices of [`Config::Prices`] for the benchmarks' worst cases (positions in
		/// as many priced assets as an account may hold).
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkPrices: xindai_primitives::price::PriceFeeder;

		/// The oldest price (milliseconds) the exposure check values a position with.
		#[pallet::constant]
		type MaxPriceAge: Get<Moment>;

		/// The most positions (product × asset) one account may hold at once: bounds the
		/// exposure check's reads.
		#[pallet::constant]
		type MaxPositions: Get<u32>;

		/// How long (milliseconds) after its last late payment or default a history is kept
		/// after its owner deregistered, before the owner may erase it (`forget_history`); a
		/// history without any delinquency may be erased at once.
		#[pallet::constant]
		type HistoryRetention: Get<Moment>;

		/// The most accounts one person (one identity commitment) may have attested.
		#[pallet::constant]
		type MaxAccountsPerPerson: Get<u32>;

		/// The pools' current borrowing rates: the debt service of pool debt is a month of its
		/// interest (see [`capacity`]).
		type PoolRates: xindai_primitives::capacity::PoolRates;

		/// How long (milliseconds) after the end of its period an audited filing's revenue
		/// counts for the enterprise's repayment capacity (an old period audited late counts
		/// for no longer).
		#[pallet::constant]
		type RevenueValidity: Get<Moment>;

		/// Weight information for extrinsics in this pallet.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a profile.
		#[codec(index = 0)]
		ProfileDeposit,
		/// The deposit of an access grant.
		#[codec(index = 1)]
		AccessGrantDeposit,
	}

	/// Accredited verifiers.
	#[pallet::storage]
	pub type Verifiers<T: Config> = CountedStorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		VerifierInfo<T::MaxNameLength>,
		OptionQuery,
	>;

	/// Registered profiles.
	#[pallet::storage]
	pub type Profiles<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Profile<DepositBalanceOf<T>>, OptionQuery>;

	/// Credit histories. Created at first registration and kept for good.
	#[pallet::storage]
	pub type Histories<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CreditHistory, OptionQuery>;

	/// The attestations of each profile.
	/// What each product has lent each account, per asset, in the asset's units: removed when
	/// empty.
	#[pallet::storage]
	pub type Positions<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		PositionKey,
		ReportedPosition,
		OptionQuery,
	>;

	/// The person (identity commitment) each identity-attested account belongs to. Permanent:
	/// an account stays its person's after its attestation expires or is revoked.
	#[pallet::storage]
	pub type AccountPerson<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, H256>;

	/// The accounts of each person, in the order they were attested: the first holds the
	/// person's credit history.
	#[pallet::storage]
	pub type PersonAccounts<T: Config> = StorageMap<
		_,
		Identity,
		H256,
		BoundedVec<T::AccountId, T::MaxAccountsPerPerson>,
		ValueQuery,
	>;

	/// For every account of a person but its first: the first, whose history they share.
	#[pallet::storage]
	pub type HistoryHolder<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// Accounts an identity attestation named as another account of an existing person: they
	/// join it once they and an account of the person agree (one entry per account, replaced by
	/// a later attestation).
	#[pallet::storage]
	pub type PendingLinks<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, PendingLink>;

	#[pallet::storage]
	pub type Attestations<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<Attestation<T::AccountId>, T::MaxAttestations>,
		ValueQuery,
	>;

	/// Access grants: owner → institution → grant.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		AccessGrant<DepositBalanceOf<T>, T::MaxEnvelopeLength>,
		OptionQuery,
	>;

	/// Collection agents' access to defaulted borrowers' contact files: owner → (agent, case)
	/// → grant (see [`collection`]).
	#[pallet::storage]
	pub type CollectionGrants<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, CollectionCase>,
		),
		CollectionGrant,
	>;

	/// How many grants each owner has.
	#[pallet::storage]
	pub type GrantCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The tier table, by ascending `min_score`; the first row starts at the lowest score.
	#[pallet::storage]
	pub type TierTable<T: Config> = StorageValue<_, BoundedVec<TierBand, T::MaxTiers>, ValueQuery>;

	/// The thresholds of the monitoring rules (see [`monitor`]).
	#[pallet::storage]
	pub type MonitorParameters<T: Config> = StorageValue<_, MonitorParams, ValueQuery>;

	/// Each person's credit activity in the current monitoring window, keyed by the account
	/// holding the person's history: one entry per history, removed with it.
	#[pallet::storage]
	pub type Activities<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, monitor::Activity, ValueQuery>;

	/// Open flags, awaiting the risk council's review.
	#[pallet::storage]
	pub type Flags<T: Config> = StorageMap<_, Twox64Concat, FlagId, Flag<T::AccountId>>;

	/// The open flags of each person (keyed by the account holding its history).
	#[pallet::storage]
	pub type PersonFlags<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<FlagId, ConstU32<{ monitor::MAX_OPEN_FLAGS }>>,
		ValueQuery,
	>;

	/// The open reports of each verifier (`raise_flag`), withdrawn when it is removed.
	#[pallet::storage]
	pub type ReporterFlags<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<FlagId, ConstU32<{ monitor::MAX_OPEN_REPORTS }>>,
		ValueQuery,
	>;

	/// The id of the next flag.
	#[pallet::storage]
	pub type NextFlagId<T: Config> = StorageValue<_, FlagId, ValueQuery>;

	/// The repayment-capacity parameters (see [`capacity`]).
	#[pallet::storage]
	pub type CapacityParameters<T: Config> = StorageValue<_, CapacityParams, ValueQuery>;

	/// The purposes each product no longer lends for.
	#[pallet::storage]
	pub type ClosedPurposes<T: Config> =
		StorageMap<_, Twox64Concat, CreditProduct, PurposeSet, ValueQuery>;

	/// The audited revenue of each enterprise's latest attested filing.
	#[pallet::storage]
	pub type EnterpriseRevenue<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, RevenueRecord>;

	/// The monthly debt service the products booked for each account's loans and lines, per
	/// position, in the asset's units (pool debt has none booked: its service is priced when
	/// checked). At most one entry per position an account may hold.
	#[pallet::storage]
	pub type DebtService<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, PositionKey, Balance>;

	/// Why a score changed.
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
	pub enum ScoreChangeReason {
		/// An instalment was paid on time.
		RepaidOnTime,
		/// An instalment was paid late.
		RepaidLate {
			/// How many days late.
			days_late: u32,
		},
		/// A loan defaulted.
		Defaulted,
		/// An attestation was added, replaced or revoked.
		AttestationsChanged,
		/// The credit history grew older.
		HistoryAged,
		/// An auditor attested a financial filing.
		FilingAttested,
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A verifier was admitted.
		VerifierAdded { verifier: T::AccountId, kind: VerifierKind },
		/// A verifier was removed; its attestations stay until they expire or are revoked.
		VerifierRemoved { verifier: T::AccountId },
		/// A profile was registered.
		Registered {
			who: T::AccountId,
			kind: ProfileKind,
			documents: H256,
			deposit: DepositBalanceOf<T>,
		},
		/// A profile's document commitment changed.
		DocumentsUpdated { who: T::AccountId, documents: H256 },
		/// A profile was removed and its deposit returned; the credit history is kept.
		Deregistered { who: T::AccountId, deposit: DepositBalanceOf<T> },
		/// The owner of a deregistered account erased its credit history.
		HistoryForgotten { who: T::AccountId },
		/// `who` joined the person `identity`, who now has `accounts` accounts sharing one
		/// history and one exposure cap.
		IdentityLinked { who: T::AccountId, identity: H256, accounts: u32 },
		/// An identity attestation named `who` as an account of the existing person `identity`:
		/// it joins once it (`accept_person`) and an account of the person (`approve_account`)
		/// agree; until then the attestation does not verify it.
		IdentityLinkPending { who: T::AccountId, identity: H256 },
		/// `by` refused `who`'s joining its pending person.
		IdentityLinkRejected { who: T::AccountId, by: T::AccountId },
		/// A verifier attested a claim about a profile.
		Attested {
			subject: T::AccountId,
			verifier: T::AccountId,
			claim: ClaimKind,
			claim_hash: H256,
			expires_at: Moment,
		},
		/// An attestation was revoked.
		AttestationRevoked { subject: T::AccountId, verifier: T::AccountId, claim: ClaimKind },
		/// New debt was recorded (amounts in the position's asset).
		Borrowed { who: T::AccountId, position: PositionKey, amount: Balance, owed: Balance },
		/// A repayment was recorded (amounts in the position's asset).
		Repaid {
			who: T::AccountId,
			position: PositionKey,
			/// Principal repaid.
			amount: Balance,
			days_late: u32,
			/// Milliseconds of on-time service the payment added to the history (0: none).
			credited_ms: Moment,
			/// Principal still owed at the position.
			owed: Balance,
		},
		/// A product promised credit not paid out yet; it counts against the exposure cap.
		Committed { who: T::AccountId, position: PositionKey, amount: Balance, committed: Balance },
		/// A commitment ended (paid out, cancelled or expired).
		CommitmentReleased {
			who: T::AccountId,
			position: PositionKey,
			amount: Balance,
			committed: Balance,
		},
		/// A default was recorded: `amount` of principal written off.
		Defaulted { who: T::AccountId, position: PositionKey, amount: Balance, owed: Balance },
		/// A loan was settled in full.
		LoanSettled { who: T::AccountId },
		/// A score changed.
		ScoreChanged { who: T::AccountId, old: u16, new: u16, reason: ScoreChangeReason },
		/// Governance set a new tier table.
		TierTableSet { tiers: u32 },
		/// An account was frozen: it may not borrow.
		Frozen { who: T::AccountId, reason: FreezeReason },
		/// An account was unfrozen.
		Unfrozen { who: T::AccountId },
		/// An owner granted an institution access to their off-chain profile.
		AccessGranted { owner: T::AccountId, institution: T::AccountId, until: Moment },
		/// An owner revoked an institution's access.
		AccessRevoked { owner: T::AccountId, institution: T::AccountId },
		/// An institution accessed an owner's off-chain profile.
		ProfileAccessed { subject: T::AccountId, institution: T::AccountId },
		/// A monitoring rule or a verifier's report flagged `person` (the account holding its
		/// history) over `account`'s activity: no new credit until the risk council reviews it.
		FlagRaised {
			flag: FlagId,
			person: T::AccountId,
			account: T::AccountId,
			cause: FlagCause<T::AccountId>,
		},
		/// A removed verifier's open report was withdrawn.
		FlagWithdrawn { flag: FlagId, person: T::AccountId },
		/// The risk council cleared a flag (`reason`: hash of its written reasons).
		FlagCleared { flag: FlagId, person: T::AccountId, reason: H256 },
		/// The risk council confirmed a flag: `account` is frozen for suspected fraud.
		FlagConfirmed { flag: FlagId, person: T::AccountId, account: T::AccountId, reason: H256 },
		/// Governance set the monitoring rules' thresholds.
		MonitorParamsSet { params: MonitorParams },
		/// A credit bureau attested `subject`'s monthly income band (with the `Attested` event
		/// of its `IncomeVerified` claim).
		IncomeAttested { subject: T::AccountId, verifier: T::AccountId, band: IncomeBand },
		/// Governance set the repayment-capacity parameters.
		CapacityParamsSet { params: CapacityParams },
		/// Governance set the purposes `product` no longer lends for.
		PurposesClosed { product: CreditProduct, closed: PurposeSet },
		/// The monthly debt service booked for `who` at `position` is now `monthly` (asset
		/// units).
		DebtServiceChanged { who: T::AccountId, position: PositionKey, monthly: Balance },
		/// Lenders assigned `agent` to collect `owner`'s defaulted debt `case`: it may see the
		/// owner's contact file until `until` (the owner consented in the loan's terms).
		CollectionAccessGranted {
			owner: T::AccountId,
			agent: T::AccountId,
			case: CollectionCase,
			until: Moment,
		},
		/// A collection agent's access ended (the debt was repaid, or another agent assigned).
		CollectionAccessEnded { owner: T::AccountId, agent: T::AccountId, case: CollectionCase },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only enterprise profiles file financial reports.
		NotEnterprise,
		/// The account is already a verifier.
		AlreadyVerifier,
		/// The account is not a verifier.
		NotVerifier,
		/// There are `MaxVerifiers` verifiers already.
		TooManyVerifiers,
		/// The account already has a profile.
		AlreadyRegistered,
		/// The account has no profile.
		NoProfile,
		/// The account still owes debt or has credit committed to it (an open request, an
		/// undrawn line, a financed invoice as buyer).
		DebtOutstanding,
		/// A position's asset has no price fresh enough to value it: the exposure cap cannot be
		/// checked, so nothing more may be borrowed until the oracle is fed.
		PriceUnavailable,
		/// The account holds `MaxPositions` positions already.
		TooManyPositions,
		/// The account still has access grants; revoke them first.
		GrantsOutstanding,
		/// The account, or another account of its person, is registered: deregister first.
		StillRegistered,
		/// An identity claim (KYC, KYB) needs the verifier's identity commitment; other claims
		/// carry none.
		IdentityCommitmentMismatch,
		/// The account already belongs to another person.
		IdentityConflict,
		/// The person has `MaxAccountsPerPerson` accounts already.
		TooManyAccounts,
		/// The account is not waiting to join a person.
		NoPendingLink,
		/// The caller is not an account of the person the link names.
		NotOfThePerson,
		/// The account has a credit history of its own: it cannot join a person's history.
		HistoryConflict,
		/// The history has no record, or holds a delinquency younger than `HistoryRetention`, or
		/// open positions.
		HistoryRetained,
		/// The account is frozen.
		AccountFrozen,
		/// The account is not frozen.
		NotFrozen,
		/// This verifier's kind may not attest this claim.
		ClaimNotAllowed,
		/// A verifier cannot attest about itself.
		SelfAttestation,
		/// The expiry is not in the future.
		ExpiryNotInFuture,
		/// The profile holds `MaxAttestations` valid attestations already.
		TooManyAttestations,
		/// No such attestation.
		AttestationNotFound,
		/// The account has no valid identity attestation: KYC for a person, KYB for an enterprise.
		NotVerified,
		/// The borrowing would take the account's exposure over its tier's cap.
		ExposureCapExceeded,
		/// No tier table is set.
		NoTierTable,
		/// The tier table has no rows.
		TierTableEmpty,
		/// The tier table's first row must start at the lowest score (300).
		TierTableMustStartAtMinScore,
		/// The tier table's rows must have strictly increasing scores within 300–900.
		TierTableNotSorted,
		/// A tier's exposure cap is above `MaxExposureCap`.
		ExposureCapTooHigh,
		/// A tier's rate premium is above `MaxRatePremiumBps`.
		RatePremiumTooHigh,
		/// An owner cannot grant access to itself.
		SelfGrant,
		/// The grant's end is not in the future.
		GrantExpiryNotInFuture,
		/// The grant would last longer than `MaxGrantDuration`.
		GrantTooLong,
		/// The owner has `MaxGrants` grants already.
		TooManyGrants,
		/// No such grant.
		GrantNotFound,
		/// The caller holds no valid grant from this subject.
		NoValidGrant,
		/// A credit amount overflowed.
		AmountOverflow,
		/// The person has an open monitoring flag: no new credit until the risk council reviews
		/// it.
		UnderReview,
		/// The person has the most open flags there may be.
		TooManyFlags,
		/// The verifier has `MAX_OPEN_REPORTS` open reports already.
		TooManyReports,
		/// No such open flag.
		FlagNotFound,
		/// A monitoring parameter is outside its compile-time bounds (see `monitor::bounds`).
		MonitorParamsOutOfBounds,
		/// An income claim carries its band (`attest_income`); other claims carry none.
		IncomeBandMismatch,
		/// A repayment-capacity parameter is outside its compile-time bounds
		/// (`xindai_primitives::capacity::bounds`).
		CapacityParamsOutOfBounds,
		/// A closed set must name only existing purposes and leave at least one open.
		InvalidClosedPurposes,
		/// The product no longer lends for this purpose.
		PurposeClosed,
		/// The new monthly debt service would take the person's total over its limit from its
		/// attested income band.
		DebtServiceAboveIncomeLimit,
		/// The new monthly debt service would take the enterprise's total over its limit from
		/// its audited revenue.
		DebtServiceAboveRevenueLimit,
		/// The new monthly debt service would take the total over the limit for borrowers
		/// without a valid income attestation or audited revenue.
		DebtServiceAboveUnattestedLimit,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The tier table; empty means [`default_tier_table`].
		pub tier_table: alloc::vec::Vec<TierBand>,
		/// Verifiers admitted at genesis: account, kind, name.
		pub verifiers: alloc::vec::Vec<(T::AccountId, VerifierKind, alloc::vec::Vec<u8>)>,
		/// The repayment-capacity parameters; `None` means their defaults.
		pub capacity_params: Option<CapacityParams>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let table = if self.tier_table.is_empty() {
				default_tier_table().to_vec()
			} else {
				self.tier_table.clone()
			};
			let table: BoundedVec<TierBand, T::MaxTiers> =
				table.try_into().expect("genesis tier table longer than MaxTiers");
			check_tier_table(&table, T::MaxExposureCap::get(), T::MaxRatePremiumBps::get())
				.expect("genesis tier table invalid");
			TierTable::<T>::put(table);
			for (who, kind, name) in &self.verifiers {
				let name = name.clone().try_into().expect("genesis verifier name too long");
				Verifiers::<T>::insert(who, VerifierInfo { kind: *kind, name, admitted_at: 0 });
			}
			assert!(Verifiers::<T>::count() <= T::MaxVerifiers::get(), "too many verifiers");
			if let Some(params) = self.capacity_params {
				assert!(
					xindai_primitives::capacity::bounds::check(&params).is_ok(),
					"genesis capacity parameters out of bounds"
				);
				CapacityParameters::<T>::put(params);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxVerifiers::get() > 0, "MaxVerifiers must be positive");
			assert!(T::MaxAttestations::get() > 0, "MaxAttestations must be positive");
			assert!(T::MaxGrants::get() > 0, "MaxGrants must be positive");
			assert!(T::MaxTiers::get() > 0, "MaxTiers must be positive");
			assert!(T::MaxGrantDuration::get() > 0, "MaxGrantDuration must be positive");
			assert!(
				check_tier_table(
					&default_tier_table(),
					T::MaxExposureCap::get(),
					T::MaxRatePremiumBps::get()
				)
				.is_ok(),
				"the default tier table must be within the bounds"
			);
			assert!(
				xindai_primitives::capacity::bounds::check(&CapacityParams::default()).is_ok(),
				"the default capacity parameters must be within the bounds"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
