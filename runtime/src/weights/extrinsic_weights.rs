//! Placeholder until `scripts/benchmark-weights` measures this runtime: polkadot-sdk's
//! reference-machine figure.

use sp_core::parameter_types;
use frame_support::weights::Weight;

parameter_types! {
	pub const ExtrinsicBaseWeight: Weight = frame_support::weights::constants::ExtrinsicBaseWeight::get();
}
