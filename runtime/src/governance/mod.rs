//! On-chain governance: OpenGov (referenda with conviction voting on custom tracks), a narrow risk
//! council for emergencies, the treasury, and the scheduler and preimages they need.
//!
//! - **Referenda** ([`tracks`]): anyone submits a call with a preimage and a submission deposit;
//!   a decision deposit starts the decision; XDI holders vote with conviction; an approved call is
//!   scheduled and dispatched with its track's origin ([`origins`]).
//! - **Risk council** (`pallet-collective` + `pallet-membership`): a 2/3 majority may, without a
//!   referendum, only freeze an account, unfreeze it after review, or pause a pool. Every other
//!   call rejects its origin. Members are set by root only: the council acts without a vote, so
//!   choosing it is as powerful as root.
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
	/// Cancelling (deposits refunded) has its own track; killing (deposits slashed) is root's.
	type CancelOrigin = EitherOf<EnsureRoot<AccountId>, origins::ReferendumCanceller>;
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

/// The risk council's members: root only (see [`tracks`]).
impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type SwapOrigin = EnsureRoot<AccountId>;
	type ResetOrigin = EnsureRoot<AccountId>;
	type PrimeOrigin = EnsureRoot<AccountId>;
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

#[cfg(test)]
mod tests {
	use super::*;
	use crate::genesis_config_presets::tests::genesis_of;
	use frame_support::{
		assert_ok,
		traits::{schedule::DispatchTime, StorePreimage, UnfilteredDispatchable},
	};
	use sp_keyring::Sr25519Keyring;
	use sp_runtime::DispatchError;

	fn track(origin: origins::Origin) -> RuntimeOrigin {
		origin.into()
	}

	fn local() -> sp_io::TestExternalities {
		genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
	}

	/// The calls that choose who may act on money without a referendum of their own.
	fn membership_calls() -> [RuntimeCall; 4] {
		let eve = Sr25519Keyring::Eve.to_account_id();
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		[
			RuntimeCall::OracleMembership(pallet_membership::Call::reset_members {
				members: vec![eve.clone()],
			}),
			RuntimeCall::OracleMembership(pallet_membership::Call::add_member {
				who: ferdie.clone().into(),
			}),
			RuntimeCall::RiskCouncilMembership(pallet_membership::Call::reset_members {
				members: vec![eve.clone()],
			}),
			RuntimeCall::RiskCouncilMembership(pallet_membership::Call::add_member {
				who: ferdie.into(),
			}),
		]
	}

	/// Alice submits a root referendum (a remark) and places its decision deposit.
	fn ongoing_root_referendum() -> u32 {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
		let index = pallet_referenda::ReferendumCount::<Runtime>::get();
		assert_ok!(Referenda::submit(
			RuntimeOrigin::signed(alice.clone()),
			Box::new(frame_system::RawOrigin::Root.into()),
			Preimage::bound(remark).unwrap(),
			DispatchTime::After(1),
		));
		assert_ok!(Referenda::place_decision_deposit(RuntimeOrigin::signed(alice), index));
		index
	}

	#[test]
	fn no_track_but_root_picks_the_oracle_feeders_or_the_risk_council() {
		local().execute_with(|| {
			use origins::Origin::*;
			for call in membership_calls() {
				for origin in
					[RiskAdmin, VerifierAdmin, Underwriter, Treasurer, ReferendumCanceller]
				{
					assert_eq!(
						call.clone()
							.dispatch_bypass_filter(track(origin.clone()))
							.map_err(|e| e.error),
						Err(DispatchError::BadOrigin),
						"{origin:?} must not dispatch {call:?}"
					);
				}
				// Two thirds of the council cannot reshape itself or the feeders either.
				let council = RuntimeOrigin::from(pallet_collective::RawOrigin::<
					AccountId,
					RiskCouncilInstance,
				>::Members(3, 3));
				assert_eq!(
					call.clone().dispatch_bypass_filter(council).map_err(|e| e.error),
					Err(DispatchError::BadOrigin)
				);
			}
			for call in membership_calls() {
				assert_ok!(call.dispatch_bypass_filter(RuntimeOrigin::root()));
			}
		});
	}

	#[test]
	fn no_member_hands_its_seat_to_another_account() {
		use sp_runtime::traits::Dispatchable;
		local().execute_with(|| {
			// Alice is a validator, a feeder and a council member on `local`.
			let alice = Sr25519Keyring::Alice.to_account_id();
			let eve: crate::Address = Sr25519Keyring::Eve.to_account_id().into();
			for call in [
				RuntimeCall::ValidatorSet(pallet_membership::Call::change_key { new: eve.clone() }),
				RuntimeCall::OracleMembership(pallet_membership::Call::change_key {
					new: eve.clone(),
				}),
				RuntimeCall::RiskCouncilMembership(pallet_membership::Call::change_key {
					new: eve.clone(),
				}),
			] {
				assert_eq!(
					call.dispatch(RuntimeOrigin::signed(alice.clone())).map_err(|e| e.error),
					Err(frame_system::Error::<Runtime>::CallFiltered.into())
				);
			}
			assert!(pallet_membership::Members::<Runtime, pallet_membership::Instance2>::get()
				.contains(&alice));
			assert!(pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get()
				.contains(&alice));
		});
	}

	#[test]
	fn only_the_canceller_track_and_root_cancel_referenda_and_only_root_kills() {
		local().execute_with(|| {
			use origins::Origin::*;
			let index = ongoing_root_referendum();
			for origin in [RiskAdmin, VerifierAdmin, Underwriter, Treasurer] {
				assert_eq!(
					Referenda::cancel(track(origin.clone()), index),
					Err(DispatchError::BadOrigin),
					"{origin:?} must not cancel"
				);
			}
			assert_eq!(
				Referenda::kill(track(ReferendumCanceller), index),
				Err(DispatchError::BadOrigin)
			);
			assert_ok!(Referenda::cancel(track(ReferendumCanceller), index));
			assert!(matches!(
				pallet_referenda::ReferendumInfoFor::<Runtime>::get(index),
				Some(pallet_referenda::ReferendumInfo::Cancelled(..))
			));

			let index = ongoing_root_referendum();
			assert_ok!(Referenda::kill(RuntimeOrigin::root(), index));
		});
	}

	#[test]
	fn a_cancellation_is_decided_on_its_own_track_with_roots_support() {
		use pallet_referenda::TracksInfo as _;
		let cancel = RuntimeCall::Referenda(pallet_referenda::Call::cancel { index: 0 });
		let origin: OriginCaller = origins::Origin::ReferendumCanceller.into();
		let id = tracks::TracksInfo::track_for(&origin).unwrap();
		let info = tracks::TracksInfo::info(id).unwrap();
		let root = tracks::TracksInfo::info(tracks::id::ROOT).unwrap();
		assert_eq!(info.min_support, root.min_support);
		assert_eq!(info.decision_deposit, root.decision_deposit);
		assert!(info.decision_period <= root.decision_period);
		// The call the track exists for is what it may dispatch.
		local().execute_with(|| {
			let index = ongoing_root_referendum();
			assert_eq!(index, 0);
			assert_ok!(cancel.dispatch_bypass_filter(track(origins::Origin::ReferendumCanceller)));
		});
	}
}
