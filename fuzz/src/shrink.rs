//! Shrinking a failing scenario: remove chunks of blocks, then chunks of each block's calls,
//! halving the chunk size (as delta debugging does), keeping every removal after which the same
//! check still fails. A removed block's clock jump moves to the block after it, so the time at
//! which later blocks run stays as it was.

use std::time::{Duration, Instant};

use crate::{plan::Scenario, replay, Found};

/// A smaller scenario that still fails `found`'s check, within `budget` of replays.
pub fn shrink(found: &Found, budget: Duration) -> Scenario {
	let deadline = Instant::now() + budget;
	let check = found.failure.check.clone();
	let still_fails = |s: &Scenario| matches!(replay(s), Err(f) if f.check == check);

	let quiet = std::panic::take_hook();
	std::panic::set_hook(Box::new(|_| {}));

	let mut best = found.scenario.clone();
	remove_chunks(&mut best, |s| s.blocks.len(), without_blocks, &still_fails, deadline);
	for block in 0..best.blocks.len() {
		let without_steps = |s: &Scenario, at: usize, count: usize| {
			let mut out = s.clone();
			let steps = &mut out.blocks[block].steps;
			let end = (at + count).min(steps.len());
			steps.drain(at..end);
			out
		};
		remove_chunks(
			&mut best,
			|s| s.blocks[block].steps.len(),
			without_steps,
			&still_fails,
			deadline,
		);
	}

	std::panic::set_hook(quiet);
	best
}

/// Delta debugging over one list of `best` (its length is `len`): removes chunks of halving
/// size with `remove(scenario, at, count)`, keeping each removal after which it still fails.
fn remove_chunks(
	best: &mut Scenario,
	len: impl Fn(&Scenario) -> usize,
	remove: impl Fn(&Scenario, usize, usize) -> Scenario,
	still_fails: &impl Fn(&Scenario) -> bool,
	deadline: Instant,
) {
	let mut chunk = (len(best) / 2).max(1);
	loop {
		let mut at = 0;
		while at < len(best) && Instant::now() < deadline {
			let candidate = remove(best, at, chunk);
			if len(&candidate) < len(best) && still_fails(&candidate) {
				*best = candidate;
			} else {
				at += chunk;
			}
		}
		if chunk == 1 || Instant::now() >= deadline {
			break;
		}
		chunk /= 2;
	}
}

/// `scenario` without `count` blocks from `at`; their clock jumps go to the next block.
fn without_blocks(scenario: &Scenario, at: usize, count: usize) -> Scenario {
	let mut out = scenario.clone();
	let end = (at + count).min(out.blocks.len());
	let removed: u64 = out.blocks.drain(at..end).map(|b| b.advance_ms).sum();
	if let Some(next) = out.blocks.get_mut(at) {
		next.advance_ms = next.advance_ms.saturating_add(removed);
	}
	out
}

#[cfg(test)]
mod tests {
	use super::without_blocks;
	use crate::plan::{BlockPlan, Scenario};

	#[test]
	fn removing_blocks_keeps_the_clock_of_the_ones_after() {
		let scenario = Scenario {
			blocks: [6_000, 12_000, 18_000, 24_000]
				.into_iter()
				.map(|advance_ms| BlockPlan { advance_ms, steps: vec![] })
				.collect(),
		};
		let shrunk = without_blocks(&scenario, 1, 2);
		let advances: Vec<u64> = shrunk.blocks.iter().map(|b| b.advance_ms).collect();
		assert_eq!(advances, vec![6_000, 54_000]);
		assert_eq!(without_blocks(&scenario, 3, 5).blocks.len(), 3);
	}
}
