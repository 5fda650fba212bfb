//! Weights for `pallet-p2p-loans`.
//!
//! Derived from each call's counted storage reads and writes (listed per function; `N` is
//! `MaxInstalments`, whose schedule is one storage item read and written whole) plus a
//! conservative execution cost that grows with `N` for the calls that walk the schedule. The v2
//! benchmarks in `benchmarking.rs` exercise each call's worst path; regenerate on the reference
//! machine:
//!
//! ```text
//! xindai-node benchmark pallet --chain dev --pallet pallet_p2p_loans --extrinsic '*' \
//!   --output pallets/p2p-loans/src/weights.rs --template <frame-weight-template.hbs>
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;
use xindai_primitives::weights::counted;

/// Weight functions needed for `pallet_p2p_loans`.
pub trait WeightInfo {
	fn create_request() -> Weight;
	fn cancel_request() -> Weight;
	fn fund() -> Weight;
	fn fund_partial() -> Weight;
	fn claim_refund() -> Weight;
	fn repay() -> Weight;
	fn repay_instalment() -> Weight;
	fn claim() -> Weight;
	fn mark_default() -> Weight;
	fn liquidate() -> Weight;
	fn list_shares() -> Weight;
	fn cancel_listing() -> Weight;
	fn buy_shares() -> Weight;
	fn set_risk_params() -> Weight;
	fn prune_loan(n: u32) -> Weight;
	fn notify_overdue() -> Weight;
	fn vote_collector() -> Weight;
}

/// Weights using the chain's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Reads: Timestamp, Params, prices ×2, credit check (5), OpenRequests, NextLoanId,
	/// Assets::Asset, Assets::Account ×2, Balances holds. Writes: Loans, NextLoanId,
	/// OpenRequests, Assets::Account ×2, holds, System::Account.
	fn create_request() -> Weight { counted(T::DbWeight::get(), 90_000_000, 8_000, 15, 7) }
	/// Reads: Loans, Assets::Account ×2, holds, OpenRequests. Writes: Loans, PendingRefunds,
	/// OpenRequests, Assets::Account ×2, holds.
	fn cancel_request() -> Weight { counted(T::DbWeight::get(), 60_000_000, 6_000, 6, 6) }
	/// The completing slice: Reads: Loans, Timestamp, credit (3), Assets ×5, LenderLoans,
	/// Positions, OpenRequests, price, credit history (3). Writes: Loans, Schedules (N items),
	/// Positions, LenderLoans, Assets::Account ×4, OpenRequests, credit history.
	fn fund() -> Weight { counted(T::DbWeight::get(), 150_000_000, 12_000, 17, 10) }
	/// A slice that leaves the request short: Reads: Loans, Timestamp, credit (3), Assets ×3,
	/// LenderLoans, Positions. Writes: Loans, Positions, LenderLoans, Assets::Account ×2.
	fn fund_partial() -> Weight { counted(T::DbWeight::get(), 60_000_000, 6_000, 10, 5) }
	/// Reads: Loans, Positions, Assets ×3, LenderLoans, PendingRefunds. Writes: Loans,
	/// Positions, Assets::Account ×2, LenderLoans, PendingRefunds.
	fn claim_refund() -> Weight { counted(T::DbWeight::get(), 60_000_000, 6_000, 7, 6) }
	/// Reads: Loans, Schedules, Timestamp, Params, Assets ×3, price, credit history (3 per
	/// completed instalment, at most 2 typical). Writes: Loans, Schedules, Assets::Account ×2,
	/// credit history; settlement: collateral, holds, history.
	fn repay() -> Weight { counted(T::DbWeight::get(), 200_000_000, 14_000, 16, 9) }
	/// A payment that leaves the loan open: as `repay` without the settlement.
	fn repay_instalment() -> Weight { counted(T::DbWeight::get(), 200_000_000, 14_000, 14, 7) }
	/// Reads: Loans, Positions, Assets ×4. Writes: Loans, Positions, Assets::Account ×4.
	fn claim() -> Weight { counted(T::DbWeight::get(), 60_000_000, 6_000, 6, 6) }
	/// Reads: Loans, Schedules, Timestamp, Params, prices ×2, credit (4). Writes: Loans,
	/// Schedules, credit history and profile.
	fn mark_default() -> Weight { counted(T::DbWeight::get(), 150_000_000, 12_000, 10, 4) }
	/// Reads: Loans, Schedules, Timestamp, Params, prices ×2, Assets ×3, credit (3). Writes:
	/// Loans, Schedules, Assets::Account ×2, credit history.
	fn liquidate() -> Weight { counted(T::DbWeight::get(), 170_000_000, 12_000, 13, 5) }
	/// Reads: Loans, Positions, ListingCount, NextListingId. Writes: Positions, ListingCount,
	/// NextListingId, Listings.
	fn list_shares() -> Weight { counted(T::DbWeight::get(), 35_000_000, 4_000, 4, 4) }
	/// Reads: Listings, Positions, ListingCount. Writes: Positions, Listings, ListingCount.
	fn cancel_listing() -> Weight { counted(T::DbWeight::get(), 30_000_000, 4_000, 3, 3) }
	/// Reads: Listings, Loans, credit (3), Positions ×2, Assets ×6, LenderLoans ×2,
	/// ListingCount. Writes: Listings, Loans, Positions ×2, Assets::Account ×4, LenderLoans ×2,
	/// ListingCount.
	fn buy_shares() -> Weight { counted(T::DbWeight::get(), 110_000_000, 10_000, 16, 12) }
	/// Writes: Params.
	fn set_risk_params() -> Weight { counted(T::DbWeight::get(), 15_000_000, 0, 0, 1) }
	/// Reads: Loans, ListingCount, Positions ×(n + 1), per lender a claim (Assets ×4),
	/// LenderLoans ×n, holds. Writes: Positions ×n, LenderLoans ×n, Assets::Account ×4n,
	/// Loans, Schedules, PendingRefunds, holds.
	/// Reads: Loans, Schedules (N items), Timestamp, Params. Writes: Loans.
	fn notify_overdue() -> Weight { counted(T::DbWeight::get(), 60_000_000, 8_000, 4, 1) }
	/// Reads: Loans, credit (verifier), Positions, CollectorVotes, CollectorSupport ×2,
	/// Timestamp, Collections, credit grants ×2. Writes: CollectorVotes, CollectorSupport ×2,
	/// Collections, credit grants ×2.
	fn vote_collector() -> Weight { counted(T::DbWeight::get(), 60_000_000, 8_000, 10, 6) }
	fn prune_loan(n: u32) -> Weight {
		counted(T::DbWeight::get(), 40_000_000, 4_000, 4, 4)
			.saturating_add(counted(T::DbWeight::get(), 60_000_000, 6_000, 6, 6).saturating_mul(n.into()))
	}
}

/// For tests: the same formulas over RocksDB weights.
impl WeightInfo for () {
	fn create_request() -> Weight { counted(RocksDbWeight::get(), 90_000_000, 8_000, 15, 7) }
	fn cancel_request() -> Weight { counted(RocksDbWeight::get(), 60_000_000, 6_000, 6, 6) }
	fn fund() -> Weight { counted(RocksDbWeight::get(), 150_000_000, 12_000, 17, 10) }
	fn fund_partial() -> Weight { counted(RocksDbWeight::get(), 60_000_000, 6_000, 10, 5) }
	fn claim_refund() -> Weight { counted(RocksDbWeight::get(), 60_000_000, 6_000, 7, 6) }
	fn repay() -> Weight { counted(RocksDbWeight::get(), 200_000_000, 14_000, 16, 9) }
	fn repay_instalment() -> Weight { counted(RocksDbWeight::get(), 200_000_000, 14_000, 14, 7) }
	fn claim() -> Weight { counted(RocksDbWeight::get(), 60_000_000, 6_000, 6, 6) }
	fn mark_default() -> Weight { counted(RocksDbWeight::get(), 150_000_000, 12_000, 10, 4) }
	fn liquidate() -> Weight { counted(RocksDbWeight::get(), 170_000_000, 12_000, 13, 5) }
	fn list_shares() -> Weight { counted(RocksDbWeight::get(), 35_000_000, 4_000, 4, 4) }
	fn cancel_listing() -> Weight { counted(RocksDbWeight::get(), 30_000_000, 4_000, 3, 3) }
	fn buy_shares() -> Weight { counted(RocksDbWeight::get(), 110_000_000, 10_000, 16, 12) }
	fn set_risk_params() -> Weight { counted(RocksDbWeight::get(), 15_000_000, 0, 0, 1) }
	fn notify_overdue() -> Weight { counted(RocksDbWeight::get(), 60_000_000, 8_000, 4, 1) }
	fn vote_collector() -> Weight { counted(RocksDbWeight::get(), 60_000_000, 8_000, 10, 6) }
	fn prune_loan(n: u32) -> Weight {
		counted(RocksDbWeight::get(), 40_000_000, 4_000, 4, 4)
			.saturating_add(counted(RocksDbWeight::get(), 60_000_000, 6_000, 6, 6).saturating_mul(n.into()))
	}
}
