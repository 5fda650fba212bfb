//! On-chain governance: OpenGov (referenda with conviction voting on custom tracks), a narrow risk
//! council for emergencies, the treasury, and the scheduler and preimages they need.
//!
//! - **Referenda** ([`tracks`]): anyone submits a call with a preimage and a submission deposit;
//!   a decision deposit starts the decision; XDI holders vote with conviction; an approved call is
//!   scheduled and dispatched with its track's origin ([`origins`]).
//! - **Risk council** (`pallet-collective` + `pallet-membership`): a 2/3 majority may, without a
//!   referendum, only freeze an account, unfreeze it after review, or pause a pool. Every other
//!   call rejects its origin. Members are set by root or the risk-admin track.
//! - **Treasury**: receives transaction fees and protocol reserves; spends pass on the treasurer
//!   track (at most [`MAX_TREASURER_SPEND`] per spend) or root.
//! - **Bounds**: each domain pallet checks its parameters against compile-time bounds, so an
//!   enacted referendum with an absurd value fails with the pallet's bound error and changes
//!   nothing.

pub mod origins;
pub mod tracks;

use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, tokens::pay::PayFromAccount,
		tokens::UnityAssetBalanceConversion, ConstU32, EitherOf, EqualPrivilegeOnly,
		LinearStoragePrice, TotalIssuanceOf,
	},
	weights::Weight,
	PalletId,
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess, EnsureSigned, EnsureWithSuccess};
use sp_runtime::{traits::IdentityLookup, Perbill};

use crate::{
	configs::{deposit, RuntimeBlockWeights},
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Referenda, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System, Treasury, DAYS,
	XDI,
};

/// Blocks per period, `prod` on a real chain and `fast` with the `fast-runtime` feature.
macro_rules! prod_or_fast {
	($prod:expr, $fast:expr) => {
		if cfg!(feature = "fast-runtime") {
			$fast
		} else {
			$prod
		}
	};
}

parameter_types! {
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

parameter_types! {
	pub const PreimageBaseDeposit: Balance = deposit(2, 64);
	pub const PreimageByteDeposit: Balance = deposit(0, 1);
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

parameter_types! {
	pub const VoteLockingPeriod: BlockNumber = prod_or_fast!(7 * DAYS, 10);
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_conviction_voting::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type Polls = Referenda;
	type MaxTurnout = TotalIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<512>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

parameter_types! {
	pub const SubmissionDeposit: Balance = 10 * XDI;
	pub const UndecidingTimeout: BlockNumber = prod_or_fast!(14 * DAYS, 50);
	pub const AlarmInterval: BlockNumber = 1;
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_referenda::weights::SubstrateWeight<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = EnsureSigned<AccountId>;
	type CancelOrigin = EitherOf<EnsureRoot<AccountId>, origins::RiskAdmin>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Slash = Treasury;
	type Votes = pallet_conviction_voting::VotesOf<Runtime>;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = AlarmInterval;
	type Tracks = tracks::TracksInfo;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

/// The risk council's collective instance.
pub type RiskCouncilInstance = pallet_collective::Instance1;

parameter_types! {
	pub const CouncilMotionDuration: BlockNumber = prod_or_fast!(DAYS, 20);
	pub MaxCouncilProposalWeight: Weight =
		Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<RiskCouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<20>;
	type MaxMembers = ConstU32<9>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	// Members are managed by `RiskCouncilMembership`.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

/// Root or the risk-admin track.
pub type RootOrRiskAdmin = EitherOf<EnsureRoot<AccountId>, origins::RiskAdmin>;

/// Root or the underwriter track: approves SME credit lines.
pub type RootOrUnderwriter = EitherOf<EnsureRoot<AccountId>, origins::Underwriter>;

/// Root or the verifier-admin track.
pub type RootOrVerifierAdmin = EitherOf<EnsureRoot<AccountId>, origins::VerifierAdmin>;

/// Two thirds of the risk council.
pub type RiskCouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, RiskCouncilInstance, 2, 3>;

/// What may freeze or unfreeze an account or pause a pool: root, the risk-admin track, or two
/// thirds of the risk council.
pub type EmergencyOrigin = EitherOf<RootOrRiskAdmin, RiskCouncilTwoThirds>;

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = RootOrRiskAdmin;
	type RemoveOrigin = RootOrRiskAdmin;
	type SwapOrigin = RootOrRiskAdmin;
	type ResetOrigin = RootOrRiskAdmin;
	type PrimeOrigin = RootOrRiskAdmin;
	type MembershipInitialized = crate::RiskCouncil;
	type MembershipChanged = crate::RiskCouncil;
	type MaxMembers = ConstU32<9>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

/// The most one treasurer-track spend may pay out.
pub const MAX_TREASURER_SPEND: Balance = 100_000 * XDI;

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"xdi/trsy");
	pub const SpendPeriod: BlockNumber = prod_or_fast!(6 * DAYS, 10);
	pub const PayoutPeriod: BlockNumber = prod_or_fast!(30 * DAYS, 100);
	pub const MaxTreasurerSpend: Balance = MAX_TREASURER_SPEND;
	pub const MaxRootSpend: Balance = Balance::MAX;
	pub TreasuryAccount: AccountId = Treasury::account_id();
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = EitherOf<EnsureRoot<AccountId>, origins::Treasurer>;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	/// Nothing is burned: unspent funds stay for later spends.
	type Burn = ();
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = ConstU32<100>;
	type SpendOrigin = EitherOf<
		EnsureRootWithSuccess<AccountId, MaxRootSpend>,
		EnsureWithSuccess<origins::Treasurer, AccountId, MaxTreasurerSpend>,
	>;
	/// Spends are in XDI only.
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = PayoutPeriod;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type BlockNumberProvider = System;
}

impl origins::pallet_custom_origins::Config for Runtime {}
