//! # Xindai runtime fuzzer
//!
//! Plays long random sequences of blocks against the real `xindai_runtime::Runtime` — every
//! pallet, the real configs, the `development` genesis — and checks the chain's invariants after
//! every block, in the manner of srlabs' substrate-runtime-fuzzer and Hydration's fuzzers.
//!
//! ## How a run goes
//!
//! 1. [`setup`]: the genesis, then blocks that fund accounts, admit verifiers, register and attest
//!    users and enterprises, file audited reports and fill the pools.
//! 2. For each block, the [`generate::Generator`] reads the state and draws the clock's jump
//!    (a slot to months), the oracle's posts (walks, crashes of 50–90 %, a rogue feeder, stale
//!    stretches) and up to `max_calls` calls over every pallet, from signed accounts and
//!    privileged origins, biased toward live ids and edge amounts.
//! 3. [`chain::Chain::play`] builds the block with `Executive` and runs [`invariants`]: every
//!    pallet's `try_state`, the full-state decode, integrity tests, conservation of XDI and of
//!    every asset, custody reserves, and (while building) each call's actual weight against its
//!    pre-dispatch weight and the block's weight against its limit. A panic is a failure.
//! 4. On a failure, [`shrink`] removes blocks and calls while the same check still fails, and the
//!    report gives the seed and the shrunk [`plan::Scenario`] as hex: a regression test replays
//!    it with [`replay`].
//!
//! Runs are deterministic: the seed fixes everything. `cargo test` plays a short fixed-seed run
//! (`tests/`); `scripts/fuzz --seconds N` soaks with random seeds.
//!
//! Build with the `try-runtime` feature for the `try_state` checks (the scripts do).

pub mod chain;
pub mod generate;
pub mod invariants;
pub mod plan;
pub mod rng;
pub mod setup;
pub mod shrink;

use chain::{CallStats, Failure};
use plan::Scenario;

/// What a run is asked to do.
#[derive(Clone, Copy, Debug)]
pub struct RunConfig {
	/// The seed of every random choice.
	pub seed: u64,
	/// Blocks to play after the setup.
	pub blocks: usize,
	/// At most this many random calls per block (besides the oracle's posts).
	pub max_calls: usize,
}

/// What a run that passed did.
#[derive(Clone, Debug, Default)]
pub struct Report {
	/// Blocks played after the setup.
	pub blocks: usize,
	/// Calls dispatched after the setup, price posts included.
	pub calls: usize,
	/// Of those, the ones that succeeded.
	pub succeeded: usize,
	/// The chain's clock at the end (milliseconds since the first block).
	pub elapsed_ms: u64,
	/// Per `pallet.call`: (dispatched, succeeded).
	pub stats: CallStats,
	/// Per `pallet.call: error`, how often a call was refused with it.
	pub refusals: std::collections::BTreeMap<String, u32>,
}

/// A run that failed: where, and the plan that reproduces it.
#[derive(Clone, Debug)]
pub struct Found {
	/// The seed of the run.
	pub seed: u64,
	/// The failure as first seen.
	pub failure: Failure,
	/// Every block played up to and including the failing one.
	pub scenario: Scenario,
}

/// Plays a random run.
pub fn run(config: RunConfig) -> Result<Report, Found> {
	let mut generator = generate::Generator::new(config.seed, config.max_calls);
	let mut chain = setup::prepared_chain().map_err(|failure| Found {
		seed: config.seed,
		failure,
		scenario: Scenario::default(),
	})?;
	let start = chain.now();
	let base = chain.stats.clone();
	let mut scenario = Scenario::default();
	let mut refusals = std::collections::BTreeMap::<String, u32>::new();
	for index in 0..config.blocks {
		let now = chain.now();
		let block = chain.read(|| generator.block(now));
		scenario.blocks.push(block);
		match chain.play(index, &scenario.blocks[index]) {
			Ok(refused) => {
				for (_, error) in refused {
					*refusals.entry(error).or_default() += 1;
				}
			},
			Err(failure) => return Err(Found { seed: config.seed, failure, scenario }),
		}
	}
	let mut report = report(&chain, &base, config.blocks, chain.now() - start);
	report.refusals = refusals;
	Ok(report)
}

/// Plays `scenario` from the setup: `Ok` when every block passes every check.
pub fn replay(scenario: &Scenario) -> Result<Report, Failure> {
	let mut chain = setup::prepared_chain()?;
	let start = chain.now();
	let base = chain.stats.clone();
	for (index, block) in scenario.blocks.iter().enumerate() {
		chain.play(index, block)?;
	}
	Ok(report(&chain, &base, scenario.blocks.len(), chain.now() - start))
}

fn report(chain: &chain::Chain, base: &CallStats, blocks: usize, elapsed_ms: u64) -> Report {
	let mut stats = chain.stats.clone();
	for (name, (calls, ok)) in base {
		if let Some(entry) = stats.get_mut(name) {
			entry.0 -= calls;
			entry.1 -= ok;
		}
	}
	stats.retain(|_, (calls, _)| *calls > 0);
	let calls = stats.values().map(|(c, _)| *c as usize).sum();
	let succeeded = stats.values().map(|(_, s)| *s as usize).sum();
	Report { blocks, calls, succeeded, elapsed_ms, stats, refusals: Default::default() }
}

/// Replays the scenario `hex` ([`Scenario::to_hex`]) and panics with the failure if a check
/// fails: the body of a regression test.
pub fn assert_replays_clean(hex: &str) {
	let scenario = Scenario::from_hex(hex).expect("a valid scenario");
	if let Err(failure) = replay(&scenario) {
		panic!("{failure}");
	}
}
