//! The runtime's weights, generated on the project's reference machine (2 cores, 24 GiB) by
//! `scripts/benchmark-weights`: a **release** node built with `runtime-benchmarks`, 50 steps x 20
//! repeats, wasm executed compiled, the `development` genesis preset.
//!
//! - `pallet_*`: `benchmark pallet` for Xindai's four pallets, the oracle, balances and
//!   transaction payment; `frame_system_extensions`: the checks every signed transaction
//!   passes.
//! - `block_weights` / `extrinsic_weights`: `benchmark overhead` on the dev chain: an empty
//!   block (`BlockExecutionWeight`, measured: 393 µs) and a no-op signed extrinsic
//!   (`ExtrinsicBaseWeight`: not measured yet, polkadot-sdk's reference 108 µs until the
//!   node's fixed `System::remark` builder runs).
//!
//! The other FRAME pallets keep their crates' weights (polkadot-sdk's reference machine, on this
//! runtime's database weights). Each pallet's own `weights.rs` keeps hand-derived weights for its
//! unit tests. The test below keeps every weight a function of a generated `WeightInfo`.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_credit_records;
pub mod pallet_liquidity_pools;
pub mod pallet_oracle;
pub mod pallet_p2p_loans;
pub mod pallet_sme_finance;
pub mod pallet_transaction_payment;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;

/// The weights the runtime charges come from benchmarks, never from hand-written numbers: every
/// call of the workspace's pallets is weighed by its `WeightInfo`, every `WeightInfo` of the
/// runtime is a generated one (or a named exception), and the generated files are those of a
/// release node at the standard steps and repeats.
#[cfg(test)]
mod from_benchmarks {
	use std::{fs, path::Path};

	/// `type WeightInfo = ();` allowed only here, each for a reason.
	const UNIT_WEIGHTS_ALLOWED: &[(&str, &str)] = &[
		// pallet-grandpa ships no benchmarks; its `()` weights are its crate's formulas.
		("consensus.rs", "pallet_grandpa"),
		// cumulus-pallet-weight-reclaim keeps its benchmarked weights private; `()` holds the
		// same numbers.
		("parachain.rs", "cumulus_pallet_weight_reclaim"),
	];

	fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
		for entry in fs::read_dir(dir).expect("readable source dir") {
			let path = entry.expect("dir entry").path();
			if path.is_dir() {
				rust_files(&path, out);
			} else if path.extension().is_some_and(|e| e == "rs") {
				out.push(path);
			}
		}
	}

	/// The workspace root: the first ancestor of this crate (`runtime/` or `runtime/parachain/`)
	/// holding `pallets/`.
	fn workspace() -> std::path::PathBuf {
		Path::new(env!("CARGO_MANIFEST_DIR"))
			.ancestors()
			.find(|dir| dir.join("pallets").is_dir())
			.expect("the runtime sits in the workspace")
			.to_path_buf()
	}

	/// The expression inside `#[pallet::weight(...)]` (or `#[pallet::call(weight(...))]`)
	/// starting at `at`, up to its matching parenthesis.
	fn attribute_argument(source: &str, at: usize) -> &str {
		let mut depth = 0usize;
		for (offset, c) in source[at..].char_indices() {
			match c {
				'(' => depth += 1,
				')' => {
					depth -= 1;
					if depth == 0 {
						return &source[at + 1..at + offset];
					}
				},
				_ => {},
			}
		}
		panic!("unbalanced attribute in pallet source");
	}

	#[test]
	fn every_call_is_weighed_by_its_weight_info() {
		let mut files = Vec::new();
		rust_files(&workspace().join("pallets"), &mut files);
		let mut checked = 0;
		for file in files {
			let source = fs::read_to_string(&file).expect("readable pallet source");
			for marker in ["#[pallet::weight", "#[pallet::call(weight"] {
				for (at, _) in source.match_indices(marker) {
					let open = at + source[at..].find('(').expect("attribute has arguments");
					let argument = attribute_argument(&source, open);
					assert!(
						argument.contains("WeightInfo"),
						"{}: `{marker}({argument})` is not a function of the pallet's WeightInfo",
						file.display()
					);
					for literal in ["from_parts", "from_ref_time", "Weight::zero", "Weight::MAX"] {
						assert!(
							!argument.contains(literal),
							"{}: `{marker}({argument})` writes a weight by hand",
							file.display()
						);
					}
					checked += 1;
				}
			}
		}
		// The four pallets' `#[pallet::call(weight(..))]` and their explicit weights.
		assert!(checked >= 4, "found only {checked} weight attributes: did the layout change?");
	}

	#[test]
	fn no_pallet_of_the_runtime_is_weighed_by_unit_weights() {
		let mut files = Vec::new();
		rust_files(&workspace().join("runtime/src/configs"), &mut files);
		for file in files {
			let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
			let source = fs::read_to_string(&file).expect("readable config source");
			for (at, _) in source.match_indices("type WeightInfo = ();") {
				let config = source[..at].rfind("impl ").map(|i| &source[i..at]).unwrap_or("");
				let allowed = UNIT_WEIGHTS_ALLOWED
					.iter()
					.any(|(f, pallet)| *f == name && config.contains(&format!("{pallet}::Config")));
				assert!(
					allowed,
					"{name}: `type WeightInfo = ();` in `{}`",
					config.lines().next().unwrap_or("")
				);
			}
		}
	}

	#[test]
	fn every_signed_transaction_pays_its_benchmarked_checks() {
		// `derive_impl` would otherwise leave frame_system's `ExtensionsWeightInfo` at `()`:
		// reference figures on RocksDB costs, not this runtime's.
		let system = fs::read_to_string(workspace().join("runtime/src/configs/mod.rs"))
			.expect("readable config source");
		assert!(system.contains(
			"type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;"
		));
		assert!(system.contains(
			"type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;"
		));
	}

	#[test]
	fn generated_weights_come_from_a_release_node_at_standard_precision() {
		let dir = workspace().join("runtime/src/weights");
		let mut generated = 0;
		for entry in fs::read_dir(&dir).expect("weights dir") {
			let path = entry.expect("dir entry").path();
			if path.file_name().is_some_and(|n| n == "mod.rs") {
				continue;
			}
			let source = fs::read_to_string(&path).expect("readable weights file");
			if !source.contains("THIS FILE WAS AUTO-GENERATED") {
				continue;
			}
			let name = path.display();
			assert!(!source.contains("target/debug/"), "{name} was generated by a debug node");
			assert!(
				source.contains("target/release/"),
				"{name} was not generated by a release node"
			);
			assert!(source.contains("benchmark-weights"), "{name} lacks the script's header");
			if source.contains("STEPS:") {
				assert!(
					source.contains("STEPS: `50`, REPEAT: `20`"),
					"{name} was not generated at 50 steps and 20 repeats"
				);
				assert!(source.contains("WASM-EXECUTION: `Compiled`"), "{name}: not compiled wasm");
			}
			generated += 1;
		}
		assert!(generated >= 8, "only {generated} generated weight files in {}", dir.display());
	}
}
