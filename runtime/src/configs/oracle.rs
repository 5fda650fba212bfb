//! How the oracle combines its feeders' values into the price the lending pallets see: a median
//! of a quorum of fresh values, with a circuit breaker on jumps.
//!
//! # The rule
//!
//! Each time a feeder (or root, as the oracle's own feed) posts a value, [`GuardedMedian`]
//! recombines that asset's price from the values of the feeder set and of root:
//!
//! 1. **Quorum.** Only values younger than `ExpiresIn` count. With fewer than `MinimumCount` (2)
//!    of them, the combined price stays as it was: one feeder alone never sets a price, and a
//!    price nobody else confirms ages until the lending pallets refuse it as stale.
//! 2. **Median.** The combined price is the median of the fresh values: the middle one for an odd
//!    count, the midpoint of the two middle ones for an even count (not the upper one, which with
//!    two fresh values would let either feeder alone push the price up). Its timestamp is the
//!    median value's (the older of the two middle ones').
//! 3. **Contested.** With an even count, the two middle values must agree within `MaxSpread`
//!    (10%). If they do not — with two fresh values, the two sources contradict each other — the
//!    combined price stays as it was and the asset cools off (below). A contested midpoint is
//!    never stored, so a lone rogue feeder facing a lone honest one moves the price by at most
//!    half the spread, and only while they agree that closely.
//! 4. **Circuit breaker.** If the new median is more than `MaxJump` (50%) away from the previous
//!    combined price, up or down, the new median is stored all the same — a real crash must show
//!    — but the asset **cools off** for `CoolingOff` (15 minutes).
//! 5. **Confirmation.** A combination in which every feeder has a fresh value (at least as many
//!    fresh values as there are feeders; root's feed counts as one) and all of them agree within
//!    `MaxSpread` ends the asset's cooling-off at once, and a jump the whole feeder set agrees on
//!    does not start one.
//!
//! # What cooling off does
//!
//! While an asset cools off, [`super::lending::OraclePrices`] reports its price (the real,
//! combined one) as last updated at the Unix epoch, so every lending decision that needs a fresh
//! price refuses with `PriceStale`, while those that take any price go on. In the lending pallets
//! as they are (`fresh_price` in liquidity-pools and p2p-loans, read for this choice), that means:
//!
//! - **blocked** (everything that calls `fresh_price`), for every position that holds or owes the
//!   asset: new pool borrows, collateral withdrawals and disabling collateral while in debt, new
//!   P2P loan requests and the funding that starts a loan, and liquidations (pools and P2P, and
//!   the seizure of P2P collateral, which values it at fresh prices);
//! - **still working**: repayments (they value debt at any price for the credit registry),
//!   deposits, enabling collateral, and the position views (they show the new price, with
//!   `prices_fresh` false).
//!
//! Liquidations are held back on purpose, and only briefly: the lending pallets have one notion
//! of freshness for borrowing and for liquidating, so any signal that stops borrowing on a
//! suspicious price also stops liquidations on it. (Pausing pools would keep liquidations
//! running, but it stops only a pool's own deposits and borrows — not borrowing against the asset
//! as collateral, nor withdrawals, nor P2P — and only governance lifts it.) A price the feeder
//! set does not unanimously confirm must not be borrowed against *or* liquidated at until someone
//! had a chance to look: liquidating healthy positions at a fake low price is as much a theft
//! as borrowing against a fake high one. The cost for lenders in a genuine 50–90% crash is
//! bounded:
//!
//! - when every feeder reports the crash, the last report confirms it and liquidations resume in
//!   the same block;
//! - when a feeder is silent or dissents, liquidations resume at the crashed price `CoolingOff`
//!   after the jump, with no governance action needed, since the crashed median is the previous
//!   price of every later combination (so it does not trip the breaker again);
//! - `CoolingOff` (15 minutes) is well below `ExpiresIn` and the pallets' default price age (an
//!   hour), so the crashed price is still fresh when the cooling-off ends (with a shorter price
//!   age set by governance, the feeders' next posts refresh it without tripping the breaker).
//!
//! # What an attacker can do
//!
//! - **One feeder of three**, all three posting: the median is one of the honest values; the rogue
//!   one changes nothing and cannot start a cooling-off.
//! - **One feeder of three**, one honest feeder silent: the two fresh values must agree within
//!   10% (else the price freezes and cools off, which also makes a lasting disagreement visible),
//!   so the rogue feeder moves the price by at most 5%, less than any pool's margin between
//!   collateral factor and liquidation threshold.
//! - **Two feeders of three** control the median: that is a compromised oracle. The breaker still
//!   holds any jump beyond 50% back for the cooling-off (the honest feeder never confirms it),
//!   which gives the risk council time to pause pools and governance time to swap feeders. Moves
//!   below 50% per combination are not caught: the bound is per update, compared with the
//!   previous combined price.
//!
//! # Cost
//!
//! Per combination: the oracle itself reads the value of every feeder (at most 16); on top of
//! that, one sort of those at most 17 values, one length read of the feeder set, and one read and
//! at most one write of the asset's cooling-off entry. Reporting a price reads the combined value,
//! the time and the cooling-off entry. Nothing iterates storage, nothing can panic.

use alloc::vec::Vec;
use core::marker::PhantomData;

use frame_support::{
	traits::{Get, SortedMembers},
	Twox64Concat,
};
use pallet_oracle::TimestampedValue;
use sp_runtime::Permill;
use xindai_primitives::{price::Price, AssetId, Moment};

use crate::{AccountId, Runtime};

/// A value as the oracle keeps it: a price and when it was posted (milliseconds).
pub type Feed = TimestampedValue<Price, Moment>;

/// Until when (milliseconds) each asset's price cools off after a jump or a contested update.
/// An entry is removed when the feeder set confirms the price or when a later combination finds
/// it expired; an expired entry left behind has no effect.
#[frame_support::storage_alias(verbatim)]
pub type CoolingOffUntil = StorageMap<XindaiOracleGuard, Twox64Concat, AssetId, Moment>;

/// The oracle's [`pallet_oracle::CombineData`]: the median of a quorum of fresh values, with the
/// circuit breaker described in the [module docs](self).
///
/// - `MinimumCount`: how many fresh values make a quorum;
/// - `ExpiresIn`: how long (milliseconds) a value stays fresh;
/// - `MaxJump`: how far the median may move from the previous price without a cooling-off;
/// - `MaxSpread`: how close values must be to agree (relative to the lower one);
/// - `CoolingOff`: how long (milliseconds) a cooling-off lasts.
pub struct GuardedMedian<MinimumCount, ExpiresIn, MaxJump, MaxSpread, CoolingOff>(
	PhantomData<(MinimumCount, ExpiresIn, MaxJump, MaxSpread, CoolingOff)>,
);

impl<MinimumCount, ExpiresIn, MaxJump, MaxSpread, CoolingOff>
	pallet_oracle::CombineData<AssetId, Feed>
	for GuardedMedian<MinimumCount, ExpiresIn, MaxJump, MaxSpread, CoolingOff>
where
	MinimumCount: Get<u32>,
	ExpiresIn: Get<Moment>,
	MaxJump: Get<Permill>,
	MaxSpread: Get<Permill>,
	CoolingOff: Get<Moment>,
{
	fn combine_data(key: &AssetId, values: Vec<Feed>, prev_value: Option<Feed>) -> Option<Feed> {
		let now = pallet_timestamp::Now::<Runtime>::get();
		let params = rules::Rules {
			min_count: MinimumCount::get(),
			expires_in: ExpiresIn::get(),
			max_jump: MaxJump::get(),
			max_spread: MaxSpread::get(),
			feeders: <crate::OracleMembership as SortedMembers<AccountId>>::count(),
		};
		let verdict = rules::combine(values, prev_value.as_ref(), now, &params);
		match verdict {
			rules::Verdict::NoQuorum => prev_value,
			rules::Verdict::Contested => {
				start_cooling_off(*key, now.saturating_add(CoolingOff::get()));
				prev_value
			},
			rules::Verdict::Combined { value, jumped, confirmed } => {
				if confirmed {
					CoolingOffUntil::remove(key);
				} else if jumped {
					start_cooling_off(*key, now.saturating_add(CoolingOff::get()));
				} else if CoolingOffUntil::get(key).is_some_and(|until| until <= now) {
					// Expired: tidy up.
					CoolingOffUntil::remove(key);
				}
				Some(value)
			},
		}
	}
}

/// Starts (or prolongs) `asset`'s cooling-off until `until`; never shortens one.
fn start_cooling_off(asset: AssetId, until: Moment) {
	let until = CoolingOffUntil::get(asset).map_or(until, |current| current.max(until));
	CoolingOffUntil::insert(asset, until);
}

/// Whether `asset`'s price cools off at `now`.
pub fn is_cooling_off(asset: AssetId, now: Moment) -> bool {
	rules::cools_off(CoolingOffUntil::get(asset), now)
}

/// The oracle's combined value of `asset`, with the update time the lending pallets are told:
/// the real one, or the Unix epoch (stale for any price age) while the asset cools off.
pub fn lending_price(asset: AssetId) -> Option<Feed> {
	let combined = pallet_oracle::Pallet::<Runtime>::get(&asset)?;
	let now = pallet_timestamp::Now::<Runtime>::get();
	let timestamp =
		rules::reported_updated_at(combined.timestamp, CoolingOffUntil::get(asset), now);
	Some(Feed { value: combined.value, timestamp })
}

/// Sets `asset`'s combined price to `price` now, without feeders and without a cooling-off: for
/// genesis (the reference prices of dev and test networks, stamped with genesis time and so
/// stale for lending until a quorum of feeders posts) and benchmarks. A single root feed could
/// not do it: it is one value, below the quorum.
pub fn seed_price(asset: AssetId, price: Price) {
	let now = pallet_timestamp::Now::<Runtime>::get();
	pallet_oracle::Values::<Runtime>::insert(asset, Feed { value: price, timestamp: now });
	CoolingOffUntil::remove(asset);
}

/// The combination rule as pure functions, without storage: what [`GuardedMedian`] decides from
/// the values, the previous price, the time and the size of the feeder set.
pub mod rules {
	use super::*;

	/// The parameters of one combination.
	#[derive(Clone, Copy, PartialEq, Eq, Debug)]
	pub struct Rules {
		/// Fresh values needed for a quorum.
		pub min_count: u32,
		/// How long (milliseconds) a value stays fresh.
		pub expires_in: Moment,
		/// How far the median may move from the previous price without a cooling-off.
		pub max_jump: Permill,
		/// How close (relative to the lower) two values must be to agree.
		pub max_spread: Permill,
		/// How many feeders the oracle has now.
		pub feeders: usize,
	}

	/// What one combination decides.
	#[derive(Clone, Copy, PartialEq, Eq, Debug)]
	pub enum Verdict {
		/// Fewer fresh values than the quorum: the price stays as it was.
		NoQuorum,
		/// The two middle values of an even count disagree: the price stays as it was and the
		/// asset cools off.
		Contested,
		/// The new price (the median).
		Combined {
			/// The median and its timestamp.
			value: Feed,
			/// It moved beyond the bound from the previous price.
			jumped: bool,
			/// Every feeder has a fresh value, and all fresh values agree.
			confirmed: bool,
		},
	}

	/// Combines `values` (in any order, fresh or not) given the previous price `prev` at `now`.
	pub fn combine(
		mut values: Vec<Feed>,
		prev: Option<&Feed>,
		now: Moment,
		rules: &Rules,
	) -> Verdict {
		values.retain(|v| v.timestamp.saturating_add(rules.expires_in) > now);
		let count = values.len();
		if count == 0 || count < rules.min_count as usize {
			return Verdict::NoQuorum;
		}
		// By value, then by timestamp (the field order of `TimestampedValue`).
		values.sort_unstable();
		let upper = count / 2;
		let Some(&upper_middle) = values.get(upper) else { return Verdict::NoQuorum };
		let median = if count % 2 == 1 {
			upper_middle
		} else {
			let Some(&lower_middle) = upper.checked_sub(1).and_then(|i| values.get(i)) else {
				return Verdict::NoQuorum;
			};
			if !agree(lower_middle.value, upper_middle.value, rules.max_spread) {
				return Verdict::Contested;
			}
			Feed {
				value: midpoint(lower_middle.value, upper_middle.value),
				timestamp: lower_middle.timestamp.min(upper_middle.timestamp),
			}
		};
		let jumped = prev.is_some_and(|p| moved_beyond(p.value, median.value, rules.max_jump));
		let confirmed = count >= rules.feeders
			&& match (values.first(), values.last()) {
				(Some(lowest), Some(highest)) => {
					agree(lowest.value, highest.value, rules.max_spread)
				},
				_ => false,
			};
		Verdict::Combined { value: median, jumped, confirmed }
	}

	/// Whether `to` is more than `bound` (a share of `from`) away from `from`, either way.
	pub fn moved_beyond(from: Price, to: Price, bound: Permill) -> bool {
		let from = from.into_inner();
		from.abs_diff(to.into_inner()) > bound.mul_floor(from)
	}

	/// Whether `a` and `b` are within `bound` (a share of the lower) of each other.
	pub fn agree(a: Price, b: Price, bound: Permill) -> bool {
		let (low, high) = if a <= b { (a, b) } else { (b, a) };
		let low = low.into_inner();
		high.into_inner().saturating_sub(low) <= bound.mul_floor(low)
	}

	/// The midpoint of `a` and `b`, rounded down; cannot overflow.
	pub fn midpoint(a: Price, b: Price) -> Price {
		let (low, high) = if a <= b { (a, b) } else { (b, a) };
		let low = low.into_inner();
		Price::from_inner(low.saturating_add(high.into_inner().saturating_sub(low) / 2))
	}

	/// Whether a cooling-off ending at `until` (if any) still runs at `now`.
	pub fn cools_off(until: Option<Moment>, now: Moment) -> bool {
		until.is_some_and(|until| now < until)
	}

	/// The update time lending pallets are told for a price stamped `timestamp`: the Unix epoch
	/// (stale for any price age) while a cooling-off ending at `until` runs.
	pub fn reported_updated_at(timestamp: Moment, until: Option<Moment>, now: Moment) -> Moment {
		if cools_off(until, now) {
			0
		} else {
			timestamp
		}
	}
}

#[cfg(test)]
mod tests {
	use super::rules::*;
	use super::*;
	use alloc::vec;
	use xindai_primitives::price::TimestampedPrice;

	const HOUR: Moment = 60 * 60 * 1_000;
	/// A realistic clock: well past any price age after the epoch.
	const NOW: Moment = 1_700_000_000_000;

	fn rules() -> Rules {
		Rules {
			min_count: 2,
			expires_in: HOUR,
			max_jump: Permill::from_percent(50),
			max_spread: Permill::from_percent(10),
			feeders: 3,
		}
	}

	fn feed(price: u32, timestamp: Moment) -> Feed {
		Feed { value: Price::from_u32(price), timestamp }
	}

	fn combined(verdict: Verdict) -> (Feed, bool, bool) {
		match verdict {
			Verdict::Combined { value, jumped, confirmed } => (value, jumped, confirmed),
			other => panic!("expected a combined price, got {other:?}"),
		}
	}

	/// A tiny deterministic generator (xorshift), for property checks without extra crates.
	struct Rng(u64);
	impl Rng {
		fn next(&mut self) -> u64 {
			self.0 ^= self.0 << 13;
			self.0 ^= self.0 >> 7;
			self.0 ^= self.0 << 17;
			self.0
		}
		fn below(&mut self, n: u64) -> u64 {
			self.next() % n.max(1)
		}
	}

	#[test]
	fn one_fresh_value_is_no_quorum() {
		let prev = feed(600, 0);
		assert_eq!(combine(vec![feed(1, NOW)], Some(&prev), NOW, &rules()), Verdict::NoQuorum);
		// A second value that expired does not help.
		assert_eq!(
			combine(vec![feed(1, NOW), feed(600, NOW - HOUR)], Some(&prev), NOW, &rules()),
			Verdict::NoQuorum
		);
		assert_eq!(combine(vec![], None, NOW, &rules()), Verdict::NoQuorum);
	}

	#[test]
	fn a_zero_quorum_still_needs_a_value() {
		let rules = Rules { min_count: 0, ..rules() };
		assert_eq!(combine(vec![], None, NOW, &rules), Verdict::NoQuorum);
		let (value, _, _) = combined(combine(vec![feed(5, NOW)], None, NOW, &rules));
		assert_eq!(value, feed(5, NOW));
	}

	#[test]
	fn two_agreeing_values_combine_to_their_midpoint_and_older_timestamp() {
		let prev = feed(600, 0);
		let (value, jumped, confirmed) = combined(combine(
			vec![feed(610, NOW), feed(600, NOW - 10)],
			Some(&prev),
			NOW,
			&rules(),
		));
		assert_eq!(value, feed(605, NOW - 10));
		assert!(!jumped);
		assert!(!confirmed, "the third feeder has not posted");
	}

	#[test]
	fn two_disagreeing_values_are_contested() {
		let prev = feed(600, 0);
		// 600 and 700 are more than 10% apart.
		assert_eq!(
			combine(vec![feed(600, NOW), feed(700, NOW)], Some(&prev), NOW, &rules()),
			Verdict::Contested
		);
		// 600 and 660 are exactly 10% apart: they agree.
		assert!(matches!(
			combine(vec![feed(600, NOW), feed(660, NOW)], Some(&prev), NOW, &rules()),
			Verdict::Combined { .. }
		));
	}

	#[test]
	fn with_three_values_one_outlier_moves_nothing() {
		let prev = feed(600, 0);
		for outlier in [0, 1, 60, 6_000, 6_000_000] {
			let (value, jumped, confirmed) = combined(combine(
				vec![feed(outlier, NOW), feed(600, NOW - 1), feed(601, NOW - 2)],
				Some(&prev),
				NOW,
				&rules(),
			));
			assert!(value.value == Price::from_u32(600) || value.value == Price::from_u32(601));
			assert!(!jumped);
			assert!(!confirmed, "the outlier disagrees");
		}
	}

	#[test]
	fn a_crash_is_reflected_and_trips_the_breaker_unless_everyone_confirms() {
		let prev = feed(600, 0);
		// Two of three feeders report a 90% fall.
		let (value, jumped, confirmed) = combined(combine(
			vec![feed(60, NOW), feed(60, NOW), feed(600, NOW - 5)],
			Some(&prev),
			NOW,
			&rules(),
		));
		assert_eq!(value.value, Price::from_u32(60), "the crash shows");
		assert!(jumped);
		assert!(!confirmed);
		// All three report it.
		let (value, jumped, confirmed) = combined(combine(
			vec![feed(60, NOW), feed(60, NOW), feed(61, NOW)],
			Some(&prev),
			NOW,
			&rules(),
		));
		assert_eq!(value.value, Price::from_u32(60));
		assert!(jumped);
		assert!(confirmed, "a unanimous jump needs no cooling-off");
		// Later combinations compare with the crashed price: no new jump.
		let (_, jumped, _) =
			combined(combine(vec![feed(60, NOW), feed(59, NOW)], Some(&value), NOW, &rules()));
		assert!(!jumped);
	}

	#[test]
	fn the_jump_bound_is_inclusive_and_symmetric() {
		let bound = Permill::from_percent(50);
		let p = Price::from_u32;
		assert!(!moved_beyond(p(600), p(900), bound));
		assert!(moved_beyond(p(600), p(901), bound));
		assert!(!moved_beyond(p(600), p(300), bound));
		assert!(moved_beyond(p(600), p(299), bound));
		assert!(moved_beyond(p(600), p(0), bound));
		assert!(moved_beyond(p(0), p(1), bound), "anything is a jump from zero");
		assert!(!moved_beyond(p(0), p(0), bound));
		assert!(!moved_beyond(Price::from_inner(u128::MAX), Price::from_inner(u128::MAX), bound));
		assert!(moved_beyond(Price::from_inner(u128::MAX), p(0), bound));
	}

	#[test]
	fn agreement_and_midpoint_handle_extremes() {
		let max = Price::from_inner(u128::MAX);
		assert!(agree(max, max, Permill::zero()));
		assert!(!agree(Price::from_inner(0), max, Permill::from_percent(100)));
		assert_eq!(midpoint(max, max), max);
		assert_eq!(midpoint(Price::from_inner(0), max), Price::from_inner(u128::MAX / 2));
		assert_eq!(midpoint(Price::from_inner(3), Price::from_inner(0)), Price::from_inner(1));
	}

	#[test]
	fn a_cooling_off_hides_freshness_until_it_ends() {
		assert_eq!(reported_updated_at(NOW, None, NOW), NOW);
		assert_eq!(reported_updated_at(NOW, Some(NOW + 1), NOW), 0);
		assert_eq!(reported_updated_at(NOW, Some(NOW), NOW), NOW, "ends at `until`");
		// Zero is stale for any price age the pallets accept (at most a day).
		let reported = TimestampedPrice { price: Price::from_u32(1), updated_at: 0 };
		assert!(!reported.is_fresh(NOW, 24 * HOUR));
	}

	/// Properties over many random rounds: the verdict is always well formed, the combined price
	/// lies within the fresh values, a quorum is needed, and a lone value never moves the price
	/// of an agreeing majority.
	#[test]
	fn properties_hold_over_random_rounds() {
		let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
		for _ in 0..20_000 {
			let feeders = 1 + rng.below(5) as usize;
			let rules = Rules { feeders, ..rules() };
			let n = rng.below(7) as usize;
			let values: Vec<Feed> = (0..n)
				.map(|_| Feed {
					value: Price::from_inner(rng.next() as u128 * rng.below(1_000) as u128),
					timestamp: NOW - rng.below(2 * HOUR),
				})
				.collect();
			let prev = (rng.below(2) == 0).then(|| feed(rng.below(1_000) as u32, 0));
			let fresh: Vec<Feed> =
				values.iter().copied().filter(|v| v.timestamp + HOUR > NOW).collect();
			match combine(values.clone(), prev.as_ref(), NOW, &rules) {
				Verdict::NoQuorum => assert!(fresh.len() < 2),
				Verdict::Contested => assert!(fresh.len() >= 2 && fresh.len().is_multiple_of(2)),
				Verdict::Combined { value, jumped, confirmed } => {
					assert!(fresh.len() >= 2);
					let lowest = fresh.iter().map(|v| v.value).min().unwrap();
					let highest = fresh.iter().map(|v| v.value).max().unwrap();
					assert!(lowest <= value.value && value.value <= highest);
					assert!(fresh.iter().any(|v| v.timestamp == value.timestamp));
					assert_eq!(
						jumped,
						prev.is_some_and(|p| moved_beyond(p.value, value.value, rules.max_jump))
					);
					if confirmed {
						assert!(fresh.len() >= feeders);
						assert!(agree(lowest, highest, rules.max_spread));
					}
				},
			}
			// An agreeing majority of three against one outlier: the median is the majority's.
			let honest = Price::from_inner(1 + rng.next() as u128);
			let outlier = Price::from_inner(rng.next() as u128 * rng.below(1_000) as u128);
			let round = vec![
				Feed { value: honest, timestamp: NOW },
				Feed { value: outlier, timestamp: NOW },
				Feed { value: honest, timestamp: NOW - 1 },
			];
			let (value, _, _) = combined(combine(round, None, NOW, &rules));
			assert_eq!(value.value, honest);
		}
	}

	#[test]
	fn the_storage_glue_starts_prolongs_and_reports_cooling_off() {
		sp_io::TestExternalities::default().execute_with(|| {
			pallet_timestamp::Now::<Runtime>::put(NOW);
			assert!(!is_cooling_off(7, NOW));
			start_cooling_off(7, NOW + 10);
			start_cooling_off(7, NOW + 5);
			assert_eq!(CoolingOffUntil::get(7), Some(NOW + 10), "never shortened");
			assert!(is_cooling_off(7, NOW + 9));
			assert!(!is_cooling_off(7, NOW + 10));
			seed_price(7, Price::from_u32(3));
			assert_eq!(CoolingOffUntil::get(7), None, "a seeded price does not cool off");
			assert_eq!(lending_price(7), Some(feed(3, NOW)));
			start_cooling_off(7, NOW + 10);
			assert_eq!(lending_price(7), Some(feed(3, 0)), "stale while cooling off");
			assert_eq!(lending_price(8), None);
		});
	}
}
