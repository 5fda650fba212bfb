//! Not measured for this runtime yet: polkadot-sdk's reference-machine figure, until
//! `scripts/benchmark-weights` runs `benchmark overhead` (which overwrites this file).

use frame_support::weights::Weight;
use sp_core::parameter_types;

parameter_types! {
	pub const ExtrinsicBaseWeight: Weight = frame_support::weights::constants::ExtrinsicBaseWeight::get();
}
