//! Hand-derived weights: what each pallet's unit-test `WeightInfo` uses (the runtime uses the
//! weights `benchmark pallet` generates).

use sp_weights::{RuntimeDbWeight, Weight};

/// `time` picoseconds of execution and `proof` bytes of proof size, plus `reads` and `writes`
/// at the costs of `db`.
pub fn counted(db: RuntimeDbWeight, time: u64, proof: u64, reads: u64, writes: u64) -> Weight {
	Weight::from_parts(time, proof).saturating_add(db.reads_writes(reads, writes))
}
