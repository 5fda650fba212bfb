//! `xindai-fuzz`: soak the runtime with random seeds for a while, or replay one seed.
//!
//! ```text
//! xindai-fuzz --seconds 600            # random seeds until ten minutes have passed
//! xindai-fuzz --seed 42 --blocks 500   # one run
//! ```
//!
//! Each run ("sequence") plays `--blocks` blocks of up to `--max-calls` calls after the setup.
//! On a failure it prints the seed, the failure, and the shrunk scenario as hex for a regression
//! test (`xindai_runtime_fuzz::assert_replays_clean`), and exits with status 1.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use clap::Parser;
use xindai_runtime_fuzz::{run, shrink::shrink, RunConfig};

#[derive(Parser, Debug)]
#[command(about = "Random block sequences against the real Xindai runtime, checked every block")]
struct Args {
	/// Play random seeds until this many seconds have passed.
	#[arg(long)]
	seconds: Option<u64>,
	/// Play this one seed (the default without --seconds: 0).
	#[arg(long)]
	seed: Option<u64>,
	/// Blocks per sequence.
	#[arg(long, default_value_t = 40)]
	blocks: usize,
	/// At most this many calls per block.
	#[arg(long, default_value_t = 12)]
	max_calls: usize,
	/// Print how often each call was refused with each error.
	#[arg(long)]
	refusals: bool,
	/// Time allowed to shrink a failing scenario.
	#[arg(long, default_value_t = 600)]
	shrink_seconds: u64,
}

fn main() {
	let args = Args::parse();
	let started = Instant::now();
	let mut seed = args.seed.unwrap_or_else(|| match args.seconds {
		Some(_) => SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64),
		None => 0,
	});
	let (mut sequences, mut blocks, mut calls, mut succeeded) = (0u64, 0u64, 0u64, 0u64);
	let mut totals = std::collections::BTreeMap::<String, (u64, u64)>::new();
	let mut refusals = std::collections::BTreeMap::<String, u64>::new();
	loop {
		let config = RunConfig { seed, blocks: args.blocks, max_calls: args.max_calls };
		match run(config) {
			Ok(report) => {
				sequences += 1;
				blocks += report.blocks as u64;
				calls += report.calls as u64;
				succeeded += report.succeeded as u64;
				for (error, count) in report.refusals {
					*refusals.entry(error).or_default() += u64::from(count);
				}
				for (name, (c, s)) in report.stats {
					let entry = totals.entry(name).or_default();
					entry.0 += u64::from(c);
					entry.1 += u64::from(s);
				}
			},
			Err(found) => {
				eprintln!("FAILED: seed {} — {}", found.seed, found.failure);
				eprintln!(
					"shrinking {} blocks / {} calls …",
					found.scenario.blocks.len(),
					found.scenario.calls()
				);
				let shrunk = shrink(&found, Duration::from_secs(args.shrink_seconds));
				eprintln!("shrunk to {} blocks / {} calls:", shrunk.blocks.len(), shrunk.calls());
				for (i, block) in shrunk.blocks.iter().enumerate() {
					eprintln!("  block {i} (+{} ms):", block.advance_ms);
					for step in &block.steps {
						eprintln!("    {:?}: {:?}", step.actor, step.call);
					}
				}
				eprintln!(
					"regression: xindai_runtime_fuzz::assert_replays_clean(\"{}\");",
					shrunk.to_hex()
				);
				std::process::exit(1);
			},
		}
		seed = seed.wrapping_add(0x9E37_79B9);
		let out_of_time = match args.seconds {
			Some(limit) => started.elapsed() >= Duration::from_secs(limit),
			None => true,
		};
		if out_of_time {
			break;
		}
	}
	println!(
		"{sequences} sequences, {blocks} blocks, {calls} calls ({succeeded} succeeded) in {:.0} s: every check passed",
		started.elapsed().as_secs_f64()
	);
	for (name, (c, s)) in totals {
		println!("  {name:<48} {c:>8} {s:>8}");
	}
	if args.refusals {
		for (error, count) in refusals {
			println!("  {count:>6}  {error}");
		}
	}
}
