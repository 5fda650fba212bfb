//! The real runtime in memory, and how a block of a plan is played on it.
//!
//! A block is built the way the node builds one: `Executive::initialize_block` with an Aura
//! pre-runtime digest for the block's slot, the timestamp inherent through
//! `Executive::apply_extrinsic`, the calls, then `Executive::finalize_block` (`on_idle` with the
//! weight left, `on_finalize`). The calls are dispatched directly from their actor's origin (the
//! base call filter applies, fees and signatures do not): that is how privileged origins are
//! reached, and what lets every call's actual weight be compared with its pre-dispatch weight.
//! Their weights are registered with the block, and a block takes calls only while their
//! pre-dispatch weights fit its normal-class limit, as the block builder does.

use std::{
	collections::BTreeMap,
	panic::{catch_unwind, AssertUnwindSafe},
};

use codec::Encode;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::GetCallMetadata,
	weights::Weight,
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_runtime::{
	traits::{Dispatchable, Header as _},
	Digest, DigestItem,
};
use xindai_runtime::{Executive, Runtime, RuntimeCall, System, UncheckedExtrinsic, SLOT_DURATION};

use crate::{
	invariants,
	plan::{BlockPlan, Step},
};

/// The header type of the runtime's blocks.
pub type Header = <xindai_runtime::Block as sp_runtime::traits::Block>::Header;

/// The timestamp of the fuzzer's first block: 2027-01-01, a slot boundary.
pub const GENESIS_TIME_MS: u64 = 1_798_761_600_000;

/// A check that failed, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
	/// The index of the block (in the plan) that failed.
	pub block: usize,
	/// Which check failed: `panic`, `weight`, `block-weight`, `try-state`, `conservation`, ….
	pub check: String,
	/// What it saw.
	pub detail: String,
}

impl core::fmt::Display for Failure {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "block {}: {} failed: {}", self.block, self.check, self.detail)
	}
}

/// The calls of a block that were refused: their index in the block and `pallet.call: error`.
pub type Refusals = Vec<(usize, String)>;

/// What the calls of a run did, by `pallet.call`: (dispatched, succeeded).
pub type CallStats = BTreeMap<String, (u32, u32)>;

/// The runtime's state and the chain's position.
pub struct Chain {
	ext: sp_io::TestExternalities,
	now: u64,
	number: u32,
	parent_hash: sp_core::H256,
	/// The blocks played, including the setup's.
	pub blocks_played: usize,
	/// Per call, how often it was dispatched and how often it succeeded.
	pub stats: CallStats,
}

impl Chain {
	/// The genesis state of the `development` preset, before any block.
	pub fn genesis() -> Result<Self, String> {
		let storage = xindai_runtime::genesis_config_presets::preset_storage(
			sp_genesis_builder::DEV_RUNTIME_PRESET,
		)?;
		let mut ext = sp_io::TestExternalities::new(storage);
		let parent_hash = ext.execute_with(|| System::block_hash(0));
		Ok(Self {
			ext,
			now: GENESIS_TIME_MS - SLOT_DURATION,
			number: 0,
			parent_hash,
			blocks_played: 0,
			stats: CallStats::new(),
		})
	}

	/// Runs `f` against the current state (to read it, or to generate a block from it).
	pub fn read<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}

	/// The current timestamp (milliseconds).
	pub fn now(&self) -> u64 {
		self.now
	}

	/// Plays `plan` as the next block (`index` is its place in the scenario, for reports), then
	/// checks every invariant. A panic anywhere is a failure too.
	/// Returns the calls that failed (their index in the block and error): ordinary for random
	/// calls, a bug in the setup's.
	pub fn play(
		&mut self,
		index: usize,
		plan: &BlockPlan,
	) -> Result<Vec<(usize, String)>, Failure> {
		let fail =
			|check: &str, detail: String| Failure { block: index, check: check.into(), detail };
		let advance = plan.advance_ms.max(SLOT_DURATION) / SLOT_DURATION * SLOT_DURATION;
		let now = self.now.saturating_add(advance);
		let number = self.number + 1;
		let parent_hash = self.parent_hash;
		let stats = &mut self.stats;
		let outcome = catch_unwind(AssertUnwindSafe(|| {
			self.ext.execute_with(|| {
				let (header, refused) = build_block(number, parent_hash, now, &plan.steps, stats)
					.map_err(|(check, detail)| fail(check, detail))?;
				invariants::check_all(number).map_err(|(check, detail)| fail(check, detail))?;
				Ok((header.hash(), refused))
			})
		}));
		match outcome {
			Ok(Ok((hash, refused))) => {
				self.now = now;
				self.number = number;
				self.parent_hash = hash;
				self.blocks_played += 1;
				Ok(refused)
			},
			Ok(Err(failure)) => Err(failure),
			Err(panic) => Err(fail("panic", panic_message(&*panic))),
		}
	}
}

/// Builds block `number` on `parent_hash` at `now` with `steps`, inside the externalities.
fn build_block(
	number: u32,
	parent_hash: sp_core::H256,
	now: u64,
	steps: &[Step],
	stats: &mut CallStats,
) -> Result<(Header, Refusals), (&'static str, String)> {
	let slot = Slot::from(now / SLOT_DURATION);
	let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
	let header = Header::new(number, Default::default(), Default::default(), parent_hash, digest);
	let _mode = Executive::initialize_block(&header);

	let inherent =
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }));
	match Executive::apply_extrinsic(inherent) {
		Ok(Ok(())) => {},
		other => return Err(("inherent", format!("timestamp inherent: {other:?}"))),
	}

	let limits = <Runtime as frame_system::Config>::BlockWeights::get();
	let normal_limit = limits.get(DispatchClass::Normal).max_total.unwrap_or(limits.max_block);
	let mut planned = Weight::zero();
	let mut refused = Vec::new();
	for (i, step) in steps.iter().enumerate() {
		let info = step.call.get_dispatch_info();
		let pre = info.call_weight.saturating_add(info.extension_weight);
		if info.class == DispatchClass::Normal && planned.saturating_add(pre).any_gt(normal_limit) {
			// The block builder would leave it for a later block; the plan's later calls too.
			break;
		}
		planned = planned.saturating_add(pre);
		let meta = step.call.get_call_metadata();
		let name = format!("{}.{}", meta.pallet_name, meta.function_name);
		let result = step.call.clone().dispatch(step.actor.origin());
		let (post, ok) = match &result {
			Ok(post) => (post, true),
			Err(err) => (&err.post_info, false),
		};
		let actual = post.actual_weight.unwrap_or(info.call_weight);
		if actual.any_gt(info.call_weight) {
			return Err((
				"weight",
				format!(
					"step {i} {name} by {:?}: actual weight {actual:?} above its pre-dispatch \
					 weight {:?} ({result:?})",
					step.actor, info.call_weight
				),
			));
		}
		System::register_extra_weight_unchecked(
			actual.saturating_add(info.extension_weight),
			info.class,
		);
		if let Err(err) = &result {
			refused.push((i, format!("{name}: {:?}", err.error)));
		}
		let entry = stats.entry(name).or_default();
		entry.0 += 1;
		entry.1 += u32::from(ok);
	}

	let header = Executive::finalize_block();
	let used = System::block_weight().total();
	if used.any_gt(limits.max_block) {
		return Err(("block-weight", format!("block used {used:?}, limit {:?}", limits.max_block)));
	}
	Ok((header, refused))
}

/// The message of a caught panic.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
	if let Some(s) = panic.downcast_ref::<&str>() {
		(*s).to_string()
	} else if let Some(s) = panic.downcast_ref::<String>() {
		s.clone()
	} else {
		"a panic without a message".into()
	}
}
