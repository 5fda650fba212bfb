//! Command-line interface: the standard Substrate commands plus `--sealing`.

use std::{fmt, str::FromStr};

/// How blocks are made in a development node, instead of Aura + GRANDPA.
#[derive(Debug, Copy, Clone, PartialEq, Eq)]
pub enum Sealing {
	/// A block as soon as a transaction enters the pool, finalized at once.
	Instant,
	/// Blocks only on request, through the `engine_createBlock` RPC.
	Manual,
	/// A block every so many milliseconds, finalized at once.
	Interval(u64),
}

impl FromStr for Sealing {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s {
			"instant" => Ok(Sealing::Instant),
			"manual" => Ok(Sealing::Manual),
			millis => match millis.parse::<u64>() {
				Ok(0) => Err("the sealing interval must be at least 1 millisecond".into()),
				Ok(ms) => Ok(Sealing::Interval(ms)),
				Err(_) => Err(format!(
					"`{s}` is not a sealing mode: use `instant`, `manual` or a number of milliseconds"
				)),
			},
		}
	}
}

impl fmt::Display for Sealing {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Sealing::Instant => write!(f, "instant"),
			Sealing::Manual => write!(f, "manual"),
			Sealing::Interval(ms) => write!(f, "every {ms} ms"),
		}
	}
}

#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Make blocks without Aura and GRANDPA, for application development: `instant` (a block
	/// per transaction), `manual` (blocks on `engine_createBlock`) or a number of milliseconds
	/// (a block at that interval). Sealed blocks are final at once. Also enables the dev-only
	/// `dev_timeTravel` RPC. Without it, the node runs Aura + GRANDPA.
	///
	/// Only for `Development` and `Local` chains, with networking off, and with RPC on loopback
	/// addresses unless `--unsafe-sealing-rpc-external`. The dev RPCs are unsafe methods.
	#[arg(long, value_name = "instant|manual|MILLISECONDS")]
	pub sealing: Option<Sealing>,

	/// Let a sealing node listen for RPC on a non-loopback address (its dev RPCs stay unsafe
	/// methods, refused to connections the RPC policy treats as external).
	#[arg(long, requires = "sealing")]
	pub unsafe_sealing_rpc_external: bool,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management cli utilities
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (add `--raw` for the form nodes load).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Sub-commands concerned with benchmarking.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Db meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn sealing_modes_parse() {
		assert_eq!("instant".parse::<Sealing>(), Ok(Sealing::Instant));
		assert_eq!("manual".parse::<Sealing>(), Ok(Sealing::Manual));
		assert_eq!("1500".parse::<Sealing>(), Ok(Sealing::Interval(1500)));
		assert!("0".parse::<Sealing>().is_err());
		assert!("fast".parse::<Sealing>().is_err());
		assert!("-5".parse::<Sealing>().is_err());
	}
}
