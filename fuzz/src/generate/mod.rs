//! Random blocks biased toward calls that get past their first check.
//!
//! The generator reads the state it builds on: ids are drawn mostly from what exists (loans,
//! listings, lines, invoices, flags, pools) and sometimes unknown; amounts are mostly ordinary and
//! often the edges (0, 1, dust, the actor's balance, balance + 1, `u128::MAX`); actors are mostly
//! those a call expects (the borrower of the loan, a lender, the buyer of the invoice), sometimes
//! anyone; privileged calls come mostly from their origin and sometimes from a signed account.
//! Prices move every block: small walks, crashes of 50–90 %, a rogue feeder, stale stretches.
//! Between blocks the clock jumps from one slot to months.

mod credit;
mod frame;
mod lending;
mod sme;

use std::collections::BTreeMap;

use codec::{Decode, Encode};
use frame_support::traits::{fungible, fungibles};
use sp_runtime::FixedU128;
use xindai_primitives::{AssetId, Balance};
use xindai_runtime::{
	genesis_config_presets::{usdx, xbtc},
	Assets, Balances, RuntimeCall, SLOT_DURATION, XDI,
};

use crate::{
	plan::{account, Actor, BlockPlan, Step, ACCOUNTS},
	rng::Rng,
};

/// The LP token of the USDX pool.
pub const USDX_LP: AssetId = xindai_runtime::configs::lending::LP_ASSET_ID_OFFSET + usdx::ID;
/// The LP token of the XBTC pool.
pub const XBTC_LP: AssetId = xindai_runtime::configs::lending::LP_ASSET_ID_OFFSET + xbtc::ID;
/// An asset id nobody created.
pub const UNKNOWN_ASSET: AssetId = 77;

/// The indices of the oracle's feeders (the dev risk council): Alice, Bob, Charlie.
pub const FEEDERS: [u8; 3] = [0, 1, 2];

const SECOND: u64 = 1_000;
const HOUR: u64 = 3_600 * SECOND;
const DAY: u64 = 24 * HOUR;

/// Makes blocks from a seed.
pub struct Generator {
	rng: Rng,
	/// The price the feeders believe, per asset (18-decimal fixed point inner value).
	prices: BTreeMap<AssetId, u128>,
	/// At most this many calls per block (besides price feeds).
	max_calls: usize,
	/// The time of the block being made (milliseconds), for deadlines and expiries.
	now: u64,
}

impl Generator {
	/// A generator for `seed`, making at most `max_calls` calls per block.
	pub fn new(seed: u64, max_calls: usize) -> Self {
		let prices =
			[(usdx::ID, usdx::price().into_inner()), (xbtc::ID, xbtc::price().into_inner())]
				.into_iter()
				.collect();
		Self { rng: Rng::new(seed), prices, max_calls, now: 0 }
	}

	/// The next block after one at `now`, made from the current state (call inside the
	/// externalities).
	pub fn block(&mut self, now: u64) -> BlockPlan {
		let advance_ms = self.advance();
		self.now = now + advance_ms;
		let mut steps = self.price_feeds();
		let calls = self.rng.index(self.max_calls + 1);
		for _ in 0..calls {
			steps.push(self.step(0));
		}
		BlockPlan { advance_ms, steps }
	}

	fn advance(&mut self) -> u64 {
		let ms = match self.rng.weighted(&[70, 15, 10, 4, 1]) {
			0 => SLOT_DURATION,
			1 => self.rng.range(60 * SECOND, HOUR),
			2 => self.rng.range(HOUR, 3 * DAY),
			3 => self.rng.range(3 * DAY, 40 * DAY),
			_ => self.rng.range(40 * DAY, 120 * DAY),
		};
		(ms / SLOT_DURATION).max(1) * SLOT_DURATION
	}

	/// This block's oracle posts.
	fn price_feeds(&mut self) -> Vec<Step> {
		let scenario = self.rng.weighted(&[80, 4, 3, 5, 8]);
		for (asset, price) in self.prices.iter_mut() {
			let percent: u128 = match scenario {
				// A crash of 50–90 %, or a recovery (only the collateral asset crashes).
				1 if *asset == xbtc::ID => 100 - u128::from(self.rng.range(50, 90)),
				2 => 100 + u128::from(self.rng.range(20, 100)),
				_ => 100 + u128::from(self.rng.range(0, 6)) - 3,
			};
			*price = (*price / 100 * percent).clamp(10u128.pow(12), 10u128.pow(30));
		}
		let feeders: Vec<u8> = match scenario {
			// Stale: nobody posts.
			4 => Vec::new(),
			_ => FEEDERS.to_vec(),
		};
		let rogue = (scenario == 3).then(|| *self.rng.pick(&FEEDERS));
		let mut steps = Vec::new();
		for feeder in feeders {
			let values: Vec<(AssetId, FixedU128)> = self
				.prices
				.iter()
				.map(|(asset, price)| {
					let price = if Some(feeder) == rogue { price / 10 * 25 } else { *price };
					(*asset, FixedU128::from_inner(price))
				})
				.collect();
			let call = RuntimeCall::Oracle(pallet_oracle::Call::feed_values {
				values: values.try_into().expect("two values fit the feed bound"),
			});
			steps.push(Step { actor: Actor::Signed(feeder), call });
		}
		steps
	}

	/// One random call; `depth` counts the wrappers (batch, proxy, multisig) around it.
	pub(crate) fn step(&mut self, depth: u8) -> Step {
		// Weights: credit, pools, p2p, sme, frame pallets (balances, assets, utility, proxy,
		// multisig, governance).
		match self.rng.weighted(&[20, 22, 26, 20, if depth == 0 { 12 } else { 4 }]) {
			0 => self.credit_call(),
			1 => self.pool_call(),
			2 => self.p2p_call(),
			3 => self.sme_call(),
			_ => self.frame_call(depth),
		}
	}

	// ---- shared pickers ----

	/// Any fuzz account.
	fn anyone(&mut self) -> u8 {
		self.rng.below(ACCOUNTS as u64) as u8
	}

	/// A signed actor: `preferred` most of the time, anyone otherwise.
	fn signed_or(&mut self, preferred: Option<u8>) -> Actor {
		match preferred {
			Some(who) if self.rng.chance(80) => Actor::Signed(who),
			_ => Actor::Signed(self.anyone()),
		}
	}

	/// A privileged actor: `origin` most of the time, root or a wrong origin otherwise.
	fn privileged(&mut self, origin: Actor) -> Actor {
		match self.rng.weighted(&[75, 10, 15]) {
			0 => origin,
			1 => Actor::Root,
			_ => Actor::Signed(self.anyone()),
		}
	}

	/// A signed account index: `preferred` mostly.
	fn signed_index(&mut self, preferred: Option<u8>) -> u8 {
		match self.signed_or(preferred) {
			Actor::Signed(who) => who,
			_ => 0,
		}
	}

	/// The origins that may pause, freeze and review: the risk-admin track or two thirds of the
	/// risk council.
	fn emergency(&mut self) -> Actor {
		if self.rng.chance(50) {
			Actor::RiskAdmin
		} else {
			Actor::CouncilTwoThirds
		}
	}

	/// [`Self::emergency`] mostly, root or a wrong origin otherwise.
	fn emergency_or_other(&mut self) -> Actor {
		let origin = self.emergency();
		self.privileged(origin)
	}

	/// An account index that is `who`'s mostly, another's sometimes.
	fn account_of(&mut self, who: Option<u8>) -> u8 {
		who.filter(|_| self.rng.chance(70)).unwrap_or_else(|| self.anyone())
	}

	/// A lending asset, sometimes an LP token, an unknown asset or the native id 0.
	fn asset(&mut self) -> AssetId {
		match self.rng.weighted(&[45, 35, 5, 5, 5, 5]) {
			0 => usdx::ID,
			1 => xbtc::ID,
			2 => USDX_LP,
			3 => XBTC_LP,
			4 => UNKNOWN_ASSET,
			_ => 0,
		}
	}

	/// An amount of `asset` for account `who`: ordinary sizes mostly, often an edge.
	fn amount(&mut self, asset: AssetId, who: u8) -> Balance {
		let unit = unit_of(asset);
		let balance = balance_of(asset, who);
		match self.rng.weighted(&[3, 3, 3, 22, 26, 10, 8, 5, 3, 2, 5]) {
			0 => 0,
			1 => 1,
			2 => min_balance(asset).saturating_sub(1),
			3 => unit * u128::from(self.rng.range(1, 100)),
			4 => unit * u128::from(self.rng.range(100, 20_000)),
			5 => balance,
			6 => balance / u128::from(self.rng.range(2, 10)),
			7 => balance.saturating_add(1),
			8 => Balance::MAX,
			9 => min_balance(asset),
			_ => {
				unit * u128::from(self.rng.range(1, 1_000))
					+ u128::from(self.rng.below(unit as u64))
			},
		}
	}

	/// A record id: with `wanted`, mostly the key of a record it accepts (of the first 32
	/// `records`); otherwise one of the three newest below `next` half the time, a live one
	/// (of `keys`) mostly, or `next`, which does not exist yet.
	fn record_id<V>(
		&mut self,
		next: u64,
		records: impl Iterator<Item = (u64, V)>,
		wanted: Option<impl Fn(&V) -> bool>,
	) -> u64 {
		let mut live = Vec::new();
		let mut matching = Vec::new();
		for (id, record) in records.take(64) {
			if wanted.as_ref().is_some_and(|keep| keep(&record)) && matching.len() < 32 {
				matching.push(id);
			}
			live.push(id);
		}
		if let Some(id) = self.rng.pick_opt(&matching).filter(|_| self.rng.chance(85)) {
			return id;
		}
		if next > 0 && self.rng.chance(50) {
			return next - 1 - self.rng.below(next.min(3));
		}
		match self.rng.pick_opt(&live) {
			Some(id) if self.rng.chance(90) => id,
			_ => next + self.rng.below(2),
		}
	}

	/// A share of `total`: all, half, a random part, one, zero, or one more than all.
	fn part_of(&mut self, total: Balance) -> Balance {
		match self.rng.weighted(&[25, 20, 35, 5, 5, 5, 5]) {
			0 => total,
			1 => total / 2,
			2 => total / u128::from(self.rng.range(2, 20)).max(1),
			3 => 1,
			4 => 0,
			5 => total.saturating_add(1),
			_ => Balance::MAX,
		}
	}

	/// A yearly rate between 0 and 60 % (sometimes far above).
	fn rate(&mut self) -> FixedU128 {
		if self.rng.chance(5) {
			FixedU128::from_u32(self.rng.range(1, 50) as u32)
		} else {
			FixedU128::from_rational(u128::from(self.rng.range(0, 60)), 100)
		}
	}

	/// A moment relative to now: mostly ahead (minutes to two years), sometimes past.
	fn moment(&mut self) -> u64 {
		match self.rng.weighted(&[10, 70, 15, 5]) {
			0 => self.now.saturating_sub(self.rng.range(0, 30 * DAY)),
			1 => self.now + self.rng.range(HOUR, 400 * DAY),
			2 => self.now + self.rng.range(400 * DAY, 4_000 * DAY),
			_ => u64::MAX,
		}
	}

	/// A random hash, or one of a few fixed ones (so duplicates happen).
	fn hash(&mut self) -> sp_core::H256 {
		if self.rng.chance(30) {
			sp_core::H256::repeat_byte(self.rng.below(4) as u8)
		} else {
			sp_core::H256(self.rng.bytes32())
		}
	}

	/// `value` itself, or with one byte of its encoding replaced (new parameter sets that are
	/// mostly near the current ones, and sometimes out of bounds).
	fn mutate<T: Encode + Decode + Clone>(&mut self, value: T) -> T {
		let mut bytes = value.encode();
		if bytes.is_empty() || self.rng.chance(20) {
			return value;
		}
		for _ in 0..self.rng.range(1, 3) {
			let at = self.rng.index(bytes.len());
			bytes[at] = self.rng.below(256) as u8;
		}
		T::decode(&mut &bytes[..]).unwrap_or(value)
	}
}

/// The smallest unit's count in one whole unit of `asset`.
fn unit_of(asset: AssetId) -> Balance {
	match asset {
		usdx::ID | USDX_LP => usdx::UNIT,
		xbtc::ID | XBTC_LP => xbtc::UNIT,
		_ => XDI,
	}
}

/// `who`'s balance of `asset` (XDI for id 0).
fn balance_of(asset: AssetId, who: u8) -> Balance {
	let who = account(who);
	if asset == 0 {
		<Balances as fungible::Inspect<_>>::balance(&who)
	} else {
		<Assets as fungibles::Inspect<_>>::balance(asset, &who)
	}
}

/// The minimum balance of `asset` (XDI's existential deposit for id 0).
fn min_balance(asset: AssetId) -> Balance {
	if asset == 0 {
		<Balances as fungible::Inspect<_>>::minimum_balance()
	} else {
		<Assets as fungibles::Inspect<_>>::minimum_balance(asset)
	}
}

/// The index of a fuzz account, if `who` is one.
fn index_of(who: &xindai_runtime::AccountId) -> Option<u8> {
	(0..ACCOUNTS as u8).find(|i| &account(*i) == who)
}
