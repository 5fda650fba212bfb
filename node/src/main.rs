//! The Xindai node: Aura block production, GRANDPA finality, and dev sealing modes.

mod chain_spec;
mod cli;
mod command;
mod dev_clock;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
