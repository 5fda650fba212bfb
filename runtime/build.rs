//! Builds the runtime's wasm blob (target `wasm32v1-none`) so the node can embed it.
//!
//! Shared by both runtime packages (`xindai-runtime`, `xindai-parachain-runtime`): for the
//! parachain package it also sets `cfg(xindai_parachain)`, which selects the Cumulus consensus
//! pieces in the shared source (see the crate docs of `src/lib.rs`).

/// Declares `cfg(xindai_parachain)` and sets it when building the parachain package, in both the
/// native and the wasm build (the wasm builder compiles the same package again).
fn select_the_consensus() {
	println!("cargo::rustc-check-cfg=cfg(xindai_parachain)");
	if std::env::var("CARGO_PKG_NAME").as_deref() == Ok("xindai-parachain-runtime") {
		println!("cargo::rustc-cfg=xindai_parachain");
	}
}

#[cfg(feature = "std")]
fn point_the_wasm_builder_at_this_workspace() {
	// The wasm builder looks for the workspace's Cargo.lock upwards from the target dir. Ours lives
	// outside the clone (~/.cache/xindai/target, shared by dev-chain, tests and CI), so name the
	// workspace: the wasm must be built with exactly the locked versions. Set here, not in
	// `.cargo/config.toml`, so that it applies to this runtime only and not to wasm runtimes of
	// dependencies (the benchmarking CLI builds one that is not in our workspace's default graph).
	if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
		if let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") {
			let workspace = std::path::Path::new(&manifest_dir)
				.ancestors()
				.find(|dir| dir.join("Cargo.lock").is_file())
				.map(std::path::Path::to_path_buf);
			if let Some(workspace) = workspace {
				std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
			}
		}
	}
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	select_the_consensus();
	point_the_wasm_builder_at_this_workspace();
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("XDI", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	select_the_consensus();
	point_the_wasm_builder_at_this_workspace();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is deactivated when compiling this crate for wasm itself.
#[cfg(not(feature = "std"))]
fn main() {
	select_the_consensus();
}
