//! Builds the runtime's wasm blob (target `wasm32v1-none`) so the node can embed it.

#[cfg(feature = "std")]
fn point_the_wasm_builder_at_this_workspace() {
	// The wasm builder looks for the workspace's Cargo.lock upwards from the target dir. Ours lives
	// outside the clone (~/.cache/xindai/target, shared by dev-chain, tests and CI), so name the
	// workspace: the wasm must be built with exactly the locked versions. Set here, not in
	// `.cargo/config.toml`, so that it applies to this runtime only and not to wasm runtimes of
	// dependencies (the benchmarking CLI builds one that is not in our workspace's default graph).
	if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
		if let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") {
			let workspace = std::path::Path::new(&manifest_dir).join("..");
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		}
	}
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	point_the_wasm_builder_at_this_workspace();
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("XDI", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	point_the_wasm_builder_at_this_workspace();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is deactivated when compiling this crate for wasm itself.
#[cfg(not(feature = "std"))]
fn main() {}
