//! Placeholder until `scripts/benchmark-weights` measures this runtime: polkadot-sdk's
//! reference-machine figure.

use sp_core::parameter_types;
use frame_support::weights::Weight;

parameter_types! {
	pub const BlockExecutionWeight: Weight = frame_support::weights::constants::BlockExecutionWeight::get();
}
