//! Weights for `pallet-liquidity-pools`.
//!
//! Hand-derived from each call's counted storage reads and writes (listed per function, at the
//! worst case of `A = 4` pools per account: `MaxAssetsPerAccount` in the runtime) plus a
//! conservative fixed execution cost, for the pallet's unit tests and mock. The runtime charges
//! the weights that `scripts/benchmark-weights` generates from the v2 benchmarks in
//! `benchmarking.rs` (`runtime/src/weights/pallet_liquidity_pools.rs`), whose health-check
//! benchmarks list the borrower in `A` pools.
//!
//! A health check reads `AccountAssets` and, per pool of the account, `Pools`, `Collateral`,
//! `Debts` and the oracle price: `1 + 4A` reads. The credit registry's `ensure_can_borrow` and
//! `tier` read the profile, history, attestations and tier table; `note_*` read three items and
//! write the history. `borrow` also carries the registry's exposure check of the largest person
//! (`CreditRegistry::exposure_check_weight`), outside these figures.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;
use xindai_primitives::weights::counted;

/// Weight functions needed for `pallet_liquidity_pools`.
pub trait WeightInfo {
	fn create_pool() -> Weight;
	fn set_pool_params() -> Weight;
	fn pause_pool() -> Weight;
	fn unpause_pool() -> Weight;
	fn reduce_reserves() -> Weight;
	fn set_max_price_age() -> Weight;
	fn deposit() -> Weight;
	fn withdraw() -> Weight;
	fn withdraw_unchecked() -> Weight;
	fn enable_collateral() -> Weight;
	fn disable_collateral() -> Weight;
	fn borrow() -> Weight;
	fn repay() -> Weight;
	fn repay_all() -> Weight;
	fn liquidate() -> Weight;
	fn set_facility_cap() -> Weight;
}

/// Weights for `pallet_liquidity_pools` using the chain's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Reads: Pools, Assets::Asset ×2, Assets::Metadata, System::Account, Timestamp.
	/// Writes: Assets::Asset, Assets::Metadata, System::Account, Pools.
	fn create_pool() -> Weight { counted(T::DbWeight::get(), 60_000_000, 6_000, 6, 4) }
	/// Reads: Pools, Timestamp, Assets::Account (pool). Writes: Pools.
	fn set_pool_params() -> Weight { counted(T::DbWeight::get(), 25_000_000, 4_000, 3, 1) }
	/// Reads: Pools. Writes: Pools.
	fn pause_pool() -> Weight { counted(T::DbWeight::get(), 15_000_000, 2_000, 1, 1) }
	/// Reads: Pools. Writes: Pools.
	fn unpause_pool() -> Weight { counted(T::DbWeight::get(), 15_000_000, 2_000, 1, 1) }
	/// Reads: Pools, Timestamp, Assets::Account ×2, Assets::Asset. Writes: Pools,
	/// Assets::Account ×2.
	fn reduce_reserves() -> Weight { counted(T::DbWeight::get(), 45_000_000, 6_000, 5, 3) }
	/// Writes: MaxPriceAge.
	fn set_max_price_age() -> Weight { counted(T::DbWeight::get(), 10_000_000, 0, 0, 1) }
	/// Reads: Pools, Timestamp, Assets::Account (pool), Collateral, Assets::Asset ×2,
	/// Assets::Account ×2 (depositor, LP). Writes: Pools, Assets::Asset (LP),
	/// Assets::Account ×3, Collateral.
	fn deposit() -> Weight { counted(T::DbWeight::get(), 70_000_000, 8_000, 8, 6) }
	/// Reads: Pools, Timestamp, Assets::Account ×4, Assets::Asset ×2, Collateral,
	/// health check (1 + 4A), MaxPriceAge. Writes: Pools, Collateral, Assets::Asset,
	/// Assets::Account ×4.
	fn withdraw() -> Weight { counted(T::DbWeight::get(), 120_000_000, 14_000, 27, 7) }
	/// A withdrawal without a health check (no debt, or only wallet LP tokens).
	fn withdraw_unchecked() -> Weight { counted(T::DbWeight::get(), 80_000_000, 8_000, 12, 7) }
	/// Reads: Pools, Collateral, AccountAssets, Assets::Asset, Assets::Account ×2.
	/// Writes: Collateral, AccountAssets, Assets::Account ×2.
	fn enable_collateral() -> Weight { counted(T::DbWeight::get(), 45_000_000, 6_000, 6, 4) }
	/// Reads: Collateral, Pools, Assets::Asset, Assets::Account ×2, Debts ×A, health check
	/// (1 + 4A), MaxPriceAge, prune (Debts, AccountAssets). Writes: Collateral, AccountAssets,
	/// Assets::Account ×2.
	fn disable_collateral() -> Weight { counted(T::DbWeight::get(), 110_000_000, 14_000, 30, 4) }
	/// Reads: Pools, Timestamp, Assets::Account ×3, Assets::Asset, price, MaxPriceAge,
	/// credit check (5), tier (4), Debts, AccountAssets, health check (1 + 4A), note_borrowed (3).
	/// Writes: Pools, Debts, AccountAssets, Assets::Account ×2, credit history.
	fn borrow() -> Weight { counted(T::DbWeight::get(), 160_000_000, 16_000, 39, 6) }
	/// Reads: Pools, Timestamp, Assets::Account ×3, Assets::Asset, Debts, Collateral,
	/// AccountAssets, price, Debts ×A, note_repaid (3), note_settled (2).
	/// Writes: Pools, Debts, AccountAssets, Assets::Account ×2, credit history.
	fn repay() -> Weight { counted(T::DbWeight::get(), 90_000_000, 10_000, 20, 6) }
	/// As `repay`.
	fn repay_all() -> Weight { counted(T::DbWeight::get(), 90_000_000, 10_000, 20, 6) }
	/// Reads: Pools ×2, Timestamp, Assets::Account ×7, Assets::Asset ×2, Debts, Collateral,
	/// health check (1 + 4A), prices ×2, MaxPriceAge, note_repaid (3), bad-debt write-off
	/// (A × (Debts, Pools, Assets::Account, price) + note_defaulted (3)).
	/// Writes: Pools ×2, Debts, Collateral, AccountAssets, Assets::Account ×4, write-off
	/// (A × (Debts, Pools)), credit history and profile.
	fn liquidate() -> Weight { counted(T::DbWeight::get(), 250_000_000, 24_000, 56, 19) }
	/// Reads: Pools. Writes: Pools.
	fn set_facility_cap() -> Weight { counted(T::DbWeight::get(), 20_000_000, 2_000, 1, 1) }
}

/// For tests: the same formulas over RocksDB weights.
impl WeightInfo for () {
	fn create_pool() -> Weight { counted(RocksDbWeight::get(), 60_000_000, 6_000, 6, 4) }
	fn set_pool_params() -> Weight { counted(RocksDbWeight::get(), 25_000_000, 4_000, 3, 1) }
	fn pause_pool() -> Weight { counted(RocksDbWeight::get(), 15_000_000, 2_000, 1, 1) }
	fn unpause_pool() -> Weight { counted(RocksDbWeight::get(), 15_000_000, 2_000, 1, 1) }
	fn reduce_reserves() -> Weight { counted(RocksDbWeight::get(), 45_000_000, 6_000, 5, 3) }
	fn set_max_price_age() -> Weight { counted(RocksDbWeight::get(), 10_000_000, 0, 0, 1) }
	fn deposit() -> Weight { counted(RocksDbWeight::get(), 70_000_000, 8_000, 8, 6) }
	fn withdraw() -> Weight { counted(RocksDbWeight::get(), 120_000_000, 14_000, 27, 7) }
	fn withdraw_unchecked() -> Weight { counted(RocksDbWeight::get(), 80_000_000, 8_000, 12, 7) }
	fn enable_collateral() -> Weight { counted(RocksDbWeight::get(), 45_000_000, 6_000, 6, 4) }
	fn disable_collateral() -> Weight { counted(RocksDbWeight::get(), 110_000_000, 14_000, 30, 4) }
	fn borrow() -> Weight { counted(RocksDbWeight::get(), 160_000_000, 16_000, 39, 6) }
	fn repay() -> Weight { counted(RocksDbWeight::get(), 90_000_000, 10_000, 20, 6) }
	fn repay_all() -> Weight { counted(RocksDbWeight::get(), 90_000_000, 10_000, 20, 6) }
	fn liquidate() -> Weight { counted(RocksDbWeight::get(), 250_000_000, 24_000, 56, 19) }
	fn set_facility_cap() -> Weight { counted(RocksDbWeight::get(), 20_000_000, 2_000, 1, 1) }
}
