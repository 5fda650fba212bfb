//! The Xindai node: Aura block production, GRANDPA finality, and dev sealing modes.

// `sc_cli::Error` is large and is what every Substrate CLI entry point returns; boxing it would
// only move the allocation around.
#![allow(clippy::result_large_err)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod dev_clock;
mod dev_rpc;
mod rpc;
mod sealing;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
