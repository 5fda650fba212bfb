//! The parachain's Cumulus pieces (package `xindai-parachain-runtime` only): how blocks are
//! validated by the relay chain, which relay block they build on, and what happens to the
//! relay's messages.
//!
//! # Consensus
//!
//! - Collators author with Aura, one block per 6 s slot (`BLOCK_PROCESSING_VELOCITY` 1), up to
//!   `UNINCLUDED_SEGMENT_CAPACITY` blocks ahead of the last one the relay included (asynchronous
//!   backing). [`ConsensusHook`] enforces both; `AuraUnincludedSegmentApi` tells the collator
//!   whether it may build.
//! - Finality comes from the relay chain: a parachain block is final when the relay block that
//!   included it is. There is no GRANDPA pallet, key or runtime API.
//! - Every block builds on a newer relay parent than its parent did
//!   (`RelayNumberStrictlyIncreases`), on the relay chain's tip (`RelayParentOffset` 0).
//! - A runtime upgrade is authorized by root (a referendum), `system.authorizeUpgrade(hash)`,
//!   and applied by anyone with `system.applyAuthorizedUpgrade(code)` (or by root in one step,
//!   `system.setCode`). `OnSetCode` = `ParachainSetCode` hands the code to the relay chain
//!   through `parachainSystem`: relay validators pre-check it, and the relay signals the go-ahead
//!   after its validation-upgrade delay, when the parachain switches code. (On the standalone
//!   chain the same calls switch the code in the next block.)
//!
//! # XCM: what is in and what is out
//!
//! In: the relay's downward messages (DMP) are received into `MessageQueue` without panicking,
//! within a bounded heap, and dropped one by one with a `ProcessingFailed { error: Unsupported }`
//! event by [`RefuseMessages`]. Out: executing XCM (no `XcmExecutor`, `pallet-xcm` or XCMP queue),
//! HRMP channels with other parachains, upward messages, reserve transfers and teleports.
//! Xindai's money is its own chain's assets; bringing DOT or stablecoins in by XCM is a later
//! runtime upgrade that replaces [`RefuseMessages`] with an executor.

use cumulus_primitives_core::AggregateMessageOrigin;
use frame_support::{
	parameter_types,
	traits::{ConstU32, EnqueueWithOrigin},
	weights::{Weight, WeightMeter},
};
use sp_runtime::Perbill;

use super::RuntimeBlockWeights;
use crate::{MessageQueue, ParachainInfo, Runtime, RuntimeEvent, MILLISECS_PER_BLOCK};

/// How many parachain blocks may be authored ahead of the last one the relay chain included.
pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
/// How many parachain blocks one relay chain block may include.
pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
/// The relay chain's slot, in milliseconds (6 s on Polkadot, Kusama, Paseo and the test relays).
pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6_000;

/// How many relay blocks behind the relay chain's tip a parachain block builds: none.
pub const RELAY_PARENT_OFFSET: u32 = 0;

/// Checks the unincluded segment and that blocks are not authored faster than the velocity.
pub type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

// One parachain block per relay slot: the parachain's block time is the relay's.
const _: () = assert!(MILLISECS_PER_BLOCK == RELAY_CHAIN_SLOT_DURATION_MILLIS as u64);

parameter_types! {
	/// A quarter of a block for the relay's downward messages.
	pub ReservedDmpWeight: Weight = RuntimeBlockWeights::get().max_block / 4;
	/// Nothing for messages from other parachains: there are no HRMP channels.
	pub const ReservedXcmpWeight: Weight = Weight::zero();
	/// Downward messages come from the relay chain.
	pub const RelayOrigin: AggregateMessageOrigin = AggregateMessageOrigin::Parent;
	/// At most 35 % of a block spent on the message queue.
	pub MessageQueueServiceWeight: Weight =
		Perbill::from_percent(35) * RuntimeBlockWeights::get().max_block;
}

impl cumulus_pallet_parachain_system::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = cumulus_pallet_parachain_system::weights::SubstrateWeight<Runtime>;
	type OnSystemEvent = ();
	type SelfParaId = ParachainInfo;
	type OutboundXcmpMessageSource = ();
	type DmpQueue = EnqueueWithOrigin<MessageQueue, RelayOrigin>;
	type ReservedDmpWeight = ReservedDmpWeight;
	type XcmpMessageHandler = ();
	type ReservedXcmpWeight = ReservedXcmpWeight;
	type CheckAssociatedRelayNumber = cumulus_pallet_parachain_system::RelayNumberStrictlyIncreases;
	type ConsensusHook = ConsensusHook;
	/// Build on the relay chain's tip: `RelayParentOffsetApi` reports the same.
	type RelayParentOffset = ConstU32<RELAY_PARENT_OFFSET>;
	/// V3 scheduling stays off until collators and the relay support it.
	type SchedulingSignatureVerifier = ();
}

impl staging_parachain_info::Config for Runtime {}

impl cumulus_pallet_aura_ext::Config for Runtime {}

impl cumulus_pallet_weight_reclaim::Config for Runtime {
	/// The crate keeps its benchmarked weights private; its `()` weights are the same numbers
	/// (benchmarked on polkadot-sdk's reference machine).
	type WeightInfo = ();
}

/// The processor of the relay's messages until the chain executes XCM: every message is
/// refused as `Unsupported`, which `MessageQueue` reports (`ProcessingFailed`) and drops.
pub struct RefuseMessages;

impl frame_support::traits::ProcessMessage for RefuseMessages {
	type Origin = AggregateMessageOrigin;

	fn process_message(
		_message: &[u8],
		_origin: Self::Origin,
		_meter: &mut WeightMeter,
		_id: &mut [u8; 32],
	) -> Result<bool, frame_support::traits::ProcessMessageError> {
		Err(frame_support::traits::ProcessMessageError::Unsupported)
	}
}

impl pallet_message_queue::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_message_queue::weights::SubstrateWeight<Runtime>;
	type MessageProcessor = RefuseMessages;
	type Size = u32;
	type QueueChangeHandler = ();
	type QueuePausedQuery = ();
	/// A page holds at most 103 KiB of messages: the relay's downward messages are at most that
	/// long, and `parachainSystem` drops longer ones (as Cumulus' templates and Asset Hub size it).
	type HeapSize = ConstU32<{ 103 * 1024 }>;
	/// Pages kept before the oldest stale one may be removed (by anyone, `reapPage`).
	type MaxStale = ConstU32<8>;
	type ServiceWeight = MessageQueueServiceWeight;
	type IdleMaxServiceWeight = MessageQueueServiceWeight;
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::traits::ProcessMessage;

	#[test]
	fn relay_messages_are_refused_not_panicked_on() {
		let mut meter = WeightMeter::new();
		let mut id = [0u8; 32];
		assert_eq!(
			RefuseMessages::process_message(b"any xcm", RelayOrigin::get(), &mut meter, &mut id),
			Err(frame_support::traits::ProcessMessageError::Unsupported)
		);
		assert_eq!(meter.consumed(), Weight::zero());
	}
}
