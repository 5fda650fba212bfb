//! The fuzzer as part of `cargo test`: a short fixed-seed run, and every scenario the fuzzer
//! once found failing, replayed. Built with the `try-runtime` feature (`scripts/test` does), so
//! every pallet's `try_state` runs after every block.

#![cfg(feature = "try-runtime")]

use xindai_runtime_fuzz::{run, RunConfig};

/// A few hundred blocks from a fixed seed pass every check, and most kinds of calls succeed
/// at least once (a run where everything is refused would test nothing).
#[test]
fn a_fixed_seed_run_passes_every_check() {
	let config = RunConfig { seed: 20_261_202, blocks: 300, max_calls: 10 };
	let report = match run(config) {
		Ok(report) => report,
		Err(found) => panic!(
			"seed {} failed: {}\nreplay: {}",
			found.seed,
			found.failure,
			found.scenario.to_hex()
		),
	};
	println!("{} blocks, {} calls, {} succeeded", report.blocks, report.calls, report.succeeded);
	for (name, (calls, ok)) in &report.stats {
		println!("  {name:<48} {calls:>6} {ok:>6}");
	}
	assert_eq!(report.blocks, 300);
	assert!(report.succeeded * 5 >= report.calls, "under a fifth of the calls succeeded");
	let succeeding = report.stats.values().filter(|(_, ok)| *ok > 0).count();
	assert!(succeeding >= 40, "only {succeeding} kinds of call ever succeeded");
}

/// The checks are not vacuous: a state broken behind the runtime's back fails the next block.
#[test]
fn a_broken_state_fails_the_next_block() {
	use frame_support::traits::fungibles::Inspect;
	use xindai_runtime::{genesis_config_presets::usdx, Assets, Runtime};
	use xindai_runtime_fuzz::{plan::BlockPlan, setup::prepared_chain};

	let empty = BlockPlan { advance_ms: 6_000, steps: vec![] };
	let breaks: [(&str, fn()); 4] = [
		("asset-conservation", || {
			// One USDX appears in Alice's account without being issued.
			let alice = xindai_runtime_fuzz::plan::account(0);
			pallet_assets::Account::<Runtime>::mutate(usdx::ID, &alice, |a| {
				a.as_mut().expect("Alice holds USDX").balance += 1
			});
		}),
		("native-conservation", || {
			pallet_balances::TotalIssuance::<Runtime>::mutate(|i| *i += 1);
		}),
		("custody-reserve", || {
			// The P2P custody account loses its reserve (supply kept consistent).
			let custody = pallet_p2p_loans::Pallet::<Runtime>::account_id();
			let held = <Assets as Inspect<_>>::balance(usdx::ID, &custody);
			pallet_assets::Account::<Runtime>::mutate(usdx::ID, &custody, |a| {
				a.as_mut().expect("custody holds USDX").balance = held / 2
			});
			pallet_assets::Asset::<Runtime>::mutate(usdx::ID, |d| {
				d.as_mut().expect("USDX exists").supply -= held - held / 2;
			});
		}),
		("try-state", || {
			// The USDX pool's books say it has far more cash than its account holds.
			pallet_liquidity_pools::Pools::<Runtime>::mutate(usdx::ID, |p| {
				p.as_mut().expect("the USDX pool exists").cash += 10u128.pow(20)
			});
		}),
	];
	for (check, tamper) in breaks {
		let mut chain = prepared_chain().expect("the setup passes");
		assert!(chain.play(0, &empty).is_ok(), "an untouched chain passes");
		chain.read(tamper);
		let failure = chain.play(1, &empty).expect_err("the broken state is caught");
		assert_eq!(failure.check, check, "{failure}");
		if check == "try-state" {
			assert!(failure.detail.contains("LiquidityPools"), "names the pallet: {failure}");
		}
	}
}

/// A failing scenario shrinks to the blocks and calls that fail, and its hex replays the same
/// failure: here root overwrites the total issuance (`system.set_storage`) in the middle of
/// ordinary transfers.
#[test]
fn a_failure_shrinks_to_its_cause_and_replays_from_hex() {
	use codec::Encode;
	use std::time::Duration;
	use xindai_runtime::{RuntimeCall, XDI};
	use xindai_runtime_fuzz::{
		plan::{account, Actor, BlockPlan, Scenario, Step},
		replay,
		shrink::shrink,
		Found,
	};

	let transfer = |from: u8, to: u8| Step {
		actor: Actor::Signed(from),
		call: RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: account(to).into(),
			value: XDI,
		}),
	};
	let issuance_key =
		pallet_balances::TotalIssuance::<xindai_runtime::Runtime>::hashed_key().to_vec();
	let break_issuance = Step {
		actor: Actor::Root,
		call: RuntimeCall::System(frame_system::Call::set_storage {
			items: vec![(issuance_key, 1u128.encode())],
		}),
	};
	let mut blocks: Vec<BlockPlan> = (0..6)
		.map(|i| BlockPlan {
			advance_ms: 6_000,
			steps: vec![transfer(i, i + 1), transfer(i + 2, i)],
		})
		.collect();
	blocks[4].steps.insert(1, break_issuance.clone());
	let scenario = Scenario { blocks };

	let failure = replay(&scenario).expect_err("the broken issuance is caught");
	assert_eq!((failure.block, failure.check.as_str()), (4, "native-conservation"));

	let found = Found { seed: 0, failure, scenario };
	let shrunk = shrink(&found, Duration::from_secs(120));
	assert_eq!(shrunk.blocks.len(), 1, "one block is left: {shrunk:?}");
	assert_eq!(shrunk.blocks[0].steps, vec![break_issuance]);
	assert_eq!(shrunk.blocks[0].advance_ms, 5 * 6_000, "the clock of the removed blocks is kept");

	let again = Scenario::from_hex(&shrunk.to_hex()).expect("the hex decodes");
	assert_eq!(again, shrunk);
	assert_eq!(replay(&again).expect_err("still fails").check, "native-conservation");
}
