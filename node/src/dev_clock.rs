//! The clock of a sealing (`--sealing`) dev node, which `dev_timeTravel` moves (see
//! [`crate::dev_rpc`]).
//!
//! A sealed block's timestamp is the later of the wall clock and the parent's timestamp plus one
//! slot, so blocks sealed in quick succession (instant sealing) still satisfy the runtime's
//! minimum period and Aura's strictly increasing slots. `dev_timeTravel(ms)` sets the timestamp of
//! the next sealed block; the blocks after it continue from there, one slot at a time, until the
//! wall clock overtakes them. A monthly loan schedule can so be run in seconds.
//!
//! A target is at least one slot ahead and at most [`MAX_TRAVEL_AHEAD_MS`] (ten years) ahead of
//! the chain: a target near `u64::MAX` would leave no later timestamp for the blocks after it,
//! and sealing would stop for good.

use std::{
	sync::{Arc, Mutex},
	time::{SystemTime, UNIX_EPOCH},
};

use codec::Decode;
use sc_client_api::{HeaderBackend, StorageProvider};
use sp_core::storage::StorageKey;
use sp_io::hashing::twox_128;
use xindai_primitives::{opaque::Block, Hash, Moment};

/// The storage key of `pallet_timestamp::Now`.
fn timestamp_now_key() -> StorageKey {
	let mut key = twox_128(b"Timestamp").to_vec();
	key.extend_from_slice(&twox_128(b"Now"));
	StorageKey(key)
}

/// The wall clock, in milliseconds since the Unix epoch.
fn wall_clock_ms() -> Moment {
	SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map(|elapsed| elapsed.as_millis() as Moment)
		.unwrap_or_default()
}

/// The next timestamp for a child of a block stamped `parent_ms`.
///
/// `target_ms` is a pending time-travel target; without one, the later of the wall clock and
/// one slot after the parent.
pub fn next_timestamp(
	parent_ms: Moment,
	target_ms: Option<Moment>,
	wall_clock_ms: Moment,
	slot_ms: Moment,
) -> Moment {
	target_ms.unwrap_or_else(|| wall_clock_ms.max(parent_ms.saturating_add(slot_ms)))
}

/// The furthest a time-travel target may lie ahead of the chain: ten years.
pub const MAX_TRAVEL_AHEAD_MS: Moment = 10 * 366 * 24 * 60 * 60 * 1_000;

/// Why a time-travel target is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum TimeTravelError {
	/// The target is not at least one slot after the chain's current time.
	NotInFuture { target_ms: Moment, earliest_ms: Moment },
	/// The target is more than [`MAX_TRAVEL_AHEAD_MS`] after the chain's current time.
	TooFar { target_ms: Moment, latest_ms: Moment },
}

/// Checks a time-travel target against the chain's current time.
pub fn check_target(
	current_ms: Moment,
	target_ms: Moment,
	slot_ms: Moment,
) -> Result<(), TimeTravelError> {
	let earliest_ms = current_ms.saturating_add(slot_ms);
	if target_ms < earliest_ms {
		return Err(TimeTravelError::NotInFuture { target_ms, earliest_ms });
	}
	let latest_ms = current_ms.saturating_add(MAX_TRAVEL_AHEAD_MS);
	if target_ms > latest_ms {
		return Err(TimeTravelError::TooFar { target_ms, latest_ms });
	}
	Ok(())
}

/// The sealing node's clock: reads chain time from state and holds a pending time-travel target.
pub struct DevClock<C> {
	client: Arc<C>,
	slot_ms: Moment,
	target_ms: Mutex<Option<Moment>>,
}

impl<C> DevClock<C>
where
	C: StorageProvider<Block, sc_service::TFullBackend<Block>> + HeaderBackend<Block>,
{
	/// A clock for the chain of `client`, whose blocks are `slot_ms` apart at least.
	pub fn new(client: Arc<C>, slot_ms: Moment) -> Self {
		Self { client, slot_ms, target_ms: Mutex::new(None) }
	}

	/// The timestamp (`pallet_timestamp::Now`) of block `at`; zero at genesis.
	pub fn timestamp_at(&self, at: Hash) -> Result<Moment, String> {
		let stored = self
			.client
			.storage(at, &timestamp_now_key())
			.map_err(|e| format!("cannot read the timestamp at {at}: {e}"))?;
		match stored {
			None => Ok(0),
			Some(data) => Moment::decode(&mut &data.0[..])
				.map_err(|e| format!("the timestamp at {at} does not decode: {e}")),
		}
	}

	/// The timestamp for the next block on top of `parent`; consumes a time-travel target.
	pub fn next_for(&self, parent: Hash) -> Result<Moment, String> {
		let parent_ms = self.timestamp_at(parent)?;
		let target = self.target_ms.lock().map_err(|_| "dev clock lock poisoned")?.take();
		Ok(next_timestamp(parent_ms, target, wall_clock_ms(), self.slot_ms))
	}

	/// Sets the timestamp of the next sealed block, if it is later than the best block's.
	pub fn travel_to(&self, target_ms: Moment) -> Result<Moment, String> {
		let best = self.client.info().best_hash;
		let current_ms = self.timestamp_at(best)?;
		check_target(current_ms, target_ms, self.slot_ms).map_err(|e| match e {
			TimeTravelError::NotInFuture { target_ms, earliest_ms } => format!(
				"cannot travel to {target_ms}: the chain is at {current_ms}, the earliest \
				 target is one slot later, {earliest_ms}"
			),
			TimeTravelError::TooFar { target_ms, latest_ms } => format!(
				"cannot travel to {target_ms}: the chain is at {current_ms}, the latest target \
				 is ten years later, {latest_ms}"
			),
		})?;
		*self.target_ms.lock().map_err(|_| "dev clock lock poisoned")? = Some(target_ms);
		Ok(target_ms)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const SLOT: Moment = 6_000;

	#[test]
	fn next_timestamp_follows_the_wall_clock_when_it_is_ahead() {
		assert_eq!(next_timestamp(1_000_000, None, 2_000_000, SLOT), 2_000_000);
	}

	#[test]
	fn next_timestamp_advances_one_slot_when_blocks_come_fast() {
		assert_eq!(next_timestamp(2_000_000, None, 2_000_500, SLOT), 2_006_000);
	}

	#[test]
	fn a_time_travel_target_wins_once() {
		assert_eq!(next_timestamp(2_000_000, Some(9_000_000), 2_000_500, SLOT), 9_000_000);
	}

	#[test]
	fn targets_must_be_a_slot_ahead() {
		assert_eq!(check_target(10_000, 16_000, SLOT), Ok(()));
		assert_eq!(
			check_target(10_000, 15_999, SLOT),
			Err(TimeTravelError::NotInFuture { target_ms: 15_999, earliest_ms: 16_000 })
		);
		assert!(check_target(10_000, 0, SLOT).is_err());
	}

	#[test]
	fn targets_are_at_most_ten_years_ahead() {
		assert_eq!(check_target(10_000, 10_000 + MAX_TRAVEL_AHEAD_MS, SLOT), Ok(()));
		assert_eq!(
			check_target(10_000, u64::MAX, SLOT),
			Err(TimeTravelError::TooFar {
				target_ms: u64::MAX,
				latest_ms: 10_000 + MAX_TRAVEL_AHEAD_MS
			})
		);
	}

	#[test]
	fn the_timestamp_key_is_pallet_timestamp_now() {
		assert_eq!(
			sp_core::hexdisplay::HexDisplay::from(&timestamp_now_key().0).to_string(),
			"f0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb"
		);
	}
}
