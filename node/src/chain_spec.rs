//! Chain specifications: the built-in `dev` and `local` networks, built from the runtime's
//! genesis presets.

use sc_service::{ChainType, Properties};
use xindai_runtime::WASM_BINARY;

/// The chain specification of a Xindai network.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets (Polkadot.js Apps, extensions) read to display amounts and addresses.
pub fn chain_properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), "XDI".into());
	properties.insert("tokenDecimals".into(), xindai_runtime::XDI_DECIMALS.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's wasm binary is not available: the node was built with SKIP_WASM_BUILD"
			.to_string()
	})
}

/// A single-validator development chain: Alice authors, finalizes and holds sudo.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Development")
		.with_id("xindai_dev")
		.with_chain_type(ChainType::Development)
		.with_protocol_id("xindai-dev")
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(chain_properties())
		.build())
}

/// A local test network with four validators, Alice, Bob, Charlie and Dave: its finality survives
/// losing one (GRANDPA needs more than two thirds of the votes).
pub fn local_four_validators_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Local Testnet (four validators)")
		.with_id("xindai_local_four_validators")
		.with_chain_type(ChainType::Local)
		.with_protocol_id("xindai-local4")
		.with_genesis_config_preset_name(
			xindai_runtime::genesis_config_presets::LOCAL_FOUR_VALIDATORS_PRESET,
		)
		.with_properties(chain_properties())
		.build())
}

/// A local test network with two validators, Alice and Bob.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Local Testnet")
		.with_id("xindai_local_testnet")
		.with_chain_type(ChainType::Local)
		.with_protocol_id("xindai-local")
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(chain_properties())
		.build())
}
