//! Weights for `pallet-credit-records`.
//!
//! These are derived from each call's counted storage reads and writes (listed per function) on
//! `ParityDbWeight`-like costs plus a conservative fixed execution cost. Regenerate them on the
//! reference machine with the node's `runtime-benchmarks` feature:
//!
//! ```text
//! xindai-node benchmark pallet --chain dev --pallet pallet_credit_records --extrinsic '*' \
//!   --output pallets/credit-records/src/weights.rs --template <frame-weight-template.hbs>
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_credit_records`.
pub trait WeightInfo {
	fn add_verifier() -> Weight;
	fn remove_verifier() -> Weight;
	fn register() -> Weight;
	fn update_documents() -> Weight;
	fn deregister() -> Weight;
	fn forget_history() -> Weight;
	fn accept_person() -> Weight;
	fn approve_account() -> Weight;
	fn reject_link() -> Weight;
	fn attest() -> Weight;
	fn attest_first_identity() -> Weight;
	fn revoke_attestation() -> Weight;
	fn force_revoke_attestation() -> Weight;
	fn set_tier_table(t: u32, ) -> Weight;
	fn freeze() -> Weight;
	fn unfreeze() -> Weight;
	fn grant_access() -> Weight;
	fn revoke_access() -> Weight;
	fn log_access() -> Weight;
	fn raise_flag() -> Weight;
	fn clear_flag() -> Weight;
	fn confirm_flag() -> Weight;
	fn set_monitor_params() -> Weight;
	fn attest_income() -> Weight;
	fn set_capacity_params() -> Weight;
	fn set_closed_purposes() -> Weight;
	fn repayment_capacity_check() -> Weight;
	fn repayment_capacity_check_one_account() -> Weight;
	fn exposure_check() -> Weight;
	fn exposure_check_one_account() -> Weight;
}

/// Weights for `pallet_credit_records` using the chain's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Reads: Verifiers, CounterForVerifiers. Writes: Verifiers, CounterForVerifiers.
	fn add_verifier() -> Weight {
		Weight::from_parts(25_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Reads: Verifiers, CounterForVerifiers. Writes: Verifiers, CounterForVerifiers.
	/// Reads: Verifiers, CounterForVerifiers, ReporterFlags, Flags ×64, PersonFlags ×64.
	/// Writes: the same.
	fn remove_verifier() -> Weight {
		Weight::from_parts(22_000_000 + 64 * 6_000_000, 3_600 + 64 * 2 * 2_700)
			.saturating_add(T::DbWeight::get().reads(3_u64 + 128))
			.saturating_add(T::DbWeight::get().writes(3_u64 + 128))
	}
	/// Reads: Profiles, Histories, Balances::Holds, System::Account.
	/// Writes: Profiles, Histories, Balances::Holds, System::Account.
	fn register() -> Weight {
		Weight::from_parts(60_000_000, 4_800)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Reads: Profiles. Writes: Profiles.
	fn update_documents() -> Weight {
		Weight::from_parts(18_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Reads: Profiles, Histories, GrantCount, Balances::Holds, System::Account.
	/// Writes: Profiles, Attestations, Balances::Holds, System::Account.
	fn deregister() -> Weight {
		Weight::from_parts(60_000_000, 4_800)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Reads: AccountPerson, PersonAccounts, Profiles ×P, HistoryHolder, Histories,
	/// Timestamp::Now. Writes: Histories, PersonAccounts, AccountPerson ×P, HistoryHolder ×P
	/// (P = `MaxAccountsPerPerson`, 4).
	fn forget_history() -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Reads: PendingLinks, PersonAccounts, Histories, Positions. Writes: PendingLinks,
	/// Histories, HistoryHolder, PersonAccounts, AccountPerson.
	fn accept_person() -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// As `accept_person`, plus the caller's AccountPerson.
	fn approve_account() -> Weight {
		Weight::from_parts(30_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Reads: PendingLinks, AccountPerson. Writes: PendingLinks.
	fn reject_link() -> Weight {
		Weight::from_parts(15_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Reads: Verifiers, Profiles, Attestations, Histories ×2, Timestamp::Now, AccountPerson,
	/// PersonAccounts, HistoryHolder. Writes: Attestations, Histories ×2, AccountPerson,
	/// PersonAccounts, HistoryHolder (an account joining a person).
	fn attest() -> Weight {
		Weight::from_parts(55_000_000, 9_000)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// As `attest`, the subject becoming its person's first account.
	fn attest_first_identity() -> Weight {
		Weight::from_parts(55_000_000, 9_000)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Reads: Attestations, Histories, Timestamp::Now. Writes: Attestations, Histories.
	fn revoke_attestation() -> Weight {
		Weight::from_parts(40_000_000, 9_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Reads: Attestations, Histories, Timestamp::Now. Writes: Attestations, Histories.
	fn force_revoke_attestation() -> Weight {
		Weight::from_parts(40_000_000, 9_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Writes: TierTable (`t` rows).
	fn set_tier_table(t: u32, ) -> Weight {
		Weight::from_parts(12_000_000, 0)
			.saturating_add(Weight::from_parts(400_000, 0).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Reads: Profiles. Writes: Profiles.
	fn freeze() -> Weight {
		Weight::from_parts(18_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Reads: Profiles. Writes: Profiles.
	fn unfreeze() -> Weight {
		Weight::from_parts(18_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Reads: Profiles, Grants, GrantCount, Balances::Holds, System::Account, Timestamp::Now.
	/// Writes: Grants, GrantCount, Balances::Holds, System::Account.
	fn grant_access() -> Weight {
		Weight::from_parts(65_000_000, 5_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Reads: Grants, GrantCount, Balances::Holds, System::Account.
	/// Writes: Grants, GrantCount, Balances::Holds, System::Account.
	fn revoke_access() -> Weight {
		Weight::from_parts(55_000_000, 5_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Reads: Grants, Timestamp::Now.
	fn log_access() -> Weight {
		Weight::from_parts(16_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	/// Reads: Verifiers, HistoryHolder, Profiles, Histories, ReporterFlags, Timestamp,
	/// NextFlagId, PersonFlags. Writes: ReporterFlags, NextFlagId, PersonFlags, Flags.
	fn raise_flag() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Reads: Flags, PersonFlags, ReporterFlags, Timestamp, Activities. Writes: Flags,
	/// PersonFlags, ReporterFlags, Activities.
	fn clear_flag() -> Weight {
		Weight::from_parts(25_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Reads: Flags, PersonFlags, ReporterFlags, AccountPerson, PersonAccounts, Profiles ×4.
	/// Writes: Flags, PersonFlags, ReporterFlags, Profiles ×4.
	fn confirm_flag() -> Weight {
		Weight::from_parts(30_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Writes: MonitorParameters.
	fn set_monitor_params() -> Weight {
		Weight::from_parts(8_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// As `attest`: Reads: Verifiers, Profiles, Attestations, Histories, the person's
	/// attestations. Writes: Attestations, Histories.
	fn attest_income() -> Weight {
		Weight::from_parts(40_000_000, 4_800)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Writes: CapacityParameters.
	fn set_capacity_params() -> Weight {
		Weight::from_parts(8_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Writes: ClosedPurposes.
	fn set_closed_purposes() -> Weight {
		Weight::from_parts(8_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// The capacity check of a person with 4 accounts of 8 positions and 8 booked services
	/// each: Reads: ClosedPurposes, Profiles, AccountPerson, PersonAccounts, CapacityParameters,
	/// Timestamp, per account its Attestations, DebtService and Positions (8 each), a price and
	/// a pool rate per asset. Writes: DebtService.
	fn repayment_capacity_check() -> Weight {
		Weight::from_parts(150_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(90_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// The same person's eligibility and exposure check: Reads: Profiles, Attestations per
	/// account, AccountPerson, PersonAccounts, PersonFlags, Flags, Histories, HistoryHolder,
	/// TierTable, Timestamp, per account its Positions (8 each), a price per asset.
	fn exposure_check() -> Weight {
		Weight::from_parts(120_000_000, 40_000).saturating_add(T::DbWeight::get().reads(60_u64))
	}
	/// `repayment_capacity_check` for a person of one account.
	fn repayment_capacity_check_one_account() -> Weight {
		Weight::from_parts(60_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(30_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// `exposure_check` for a person of one account.
	fn exposure_check_one_account() -> Weight {
		Weight::from_parts(50_000_000, 12_000).saturating_add(T::DbWeight::get().reads(24_u64))
	}
}

// For tests: the same figures on RocksDB weights.
impl WeightInfo for () {
	fn add_verifier() -> Weight { Weight::from_parts(25_000_000, 3_600).saturating_add(RocksDbWeight::get().reads_writes(2, 2)) }
	fn remove_verifier() -> Weight { Weight::from_parts(22_000_000 + 64 * 6_000_000, 3_600 + 64 * 2 * 2_700).saturating_add(RocksDbWeight::get().reads_writes(3 + 128, 3 + 128)) }
	fn register() -> Weight { Weight::from_parts(60_000_000, 4_800).saturating_add(RocksDbWeight::get().reads_writes(4, 4)) }
	fn update_documents() -> Weight { Weight::from_parts(18_000_000, 3_600).saturating_add(RocksDbWeight::get().reads_writes(1, 1)) }
	fn deregister() -> Weight { Weight::from_parts(60_000_000, 4_800).saturating_add(RocksDbWeight::get().reads_writes(5, 4)) }
	fn forget_history() -> Weight { Weight::from_parts(30_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(9, 10)) }
	fn accept_person() -> Weight { Weight::from_parts(30_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(4, 5)) }
	fn approve_account() -> Weight { Weight::from_parts(30_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(5, 5)) }
	fn reject_link() -> Weight { Weight::from_parts(15_000_000, 3_600).saturating_add(RocksDbWeight::get().reads_writes(2, 1)) }
	fn attest() -> Weight { Weight::from_parts(55_000_000, 9_000).saturating_add(RocksDbWeight::get().reads_writes(9, 6)) }
	fn attest_first_identity() -> Weight { Weight::from_parts(55_000_000, 9_000).saturating_add(RocksDbWeight::get().reads_writes(9, 6)) }
	fn revoke_attestation() -> Weight { Weight::from_parts(40_000_000, 9_000).saturating_add(RocksDbWeight::get().reads_writes(3, 2)) }
	fn force_revoke_attestation() -> Weight { Weight::from_parts(40_000_000, 9_000).saturating_add(RocksDbWeight::get().reads_writes(3, 2)) }
	fn set_tier_table(t: u32, ) -> Weight { Weight::from_parts(12_000_000, 0).saturating_add(Weight::from_parts(400_000, 0).saturating_mul(t.into())).saturating_add(RocksDbWeight::get().writes(1)) }
	fn freeze() -> Weight { Weight::from_parts(18_000_000, 3_600).saturating_add(RocksDbWeight::get().reads_writes(1, 1)) }
	fn unfreeze() -> Weight { Weight::from_parts(18_000_000, 3_600).saturating_add(RocksDbWeight::get().reads_writes(1, 1)) }
	fn grant_access() -> Weight { Weight::from_parts(65_000_000, 5_000).saturating_add(RocksDbWeight::get().reads_writes(6, 4)) }
	fn revoke_access() -> Weight { Weight::from_parts(55_000_000, 5_000).saturating_add(RocksDbWeight::get().reads_writes(4, 4)) }
	fn log_access() -> Weight { Weight::from_parts(16_000_000, 4_000).saturating_add(RocksDbWeight::get().reads(2)) }
	fn raise_flag() -> Weight { Weight::from_parts(30_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(8, 4)) }
	fn clear_flag() -> Weight { Weight::from_parts(25_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(5, 4)) }
	fn confirm_flag() -> Weight { Weight::from_parts(30_000_000, 8_000).saturating_add(RocksDbWeight::get().reads_writes(9, 7)) }
	fn set_monitor_params() -> Weight { Weight::from_parts(8_000_000, 0).saturating_add(RocksDbWeight::get().writes(1)) }
	fn attest_income() -> Weight { Weight::from_parts(40_000_000, 4_800).saturating_add(RocksDbWeight::get().reads_writes(5, 2)) }
	fn set_capacity_params() -> Weight { Weight::from_parts(8_000_000, 0).saturating_add(RocksDbWeight::get().writes(1)) }
	fn set_closed_purposes() -> Weight { Weight::from_parts(8_000_000, 0).saturating_add(RocksDbWeight::get().writes(1)) }
	fn repayment_capacity_check() -> Weight { Weight::from_parts(150_000_000, 40_000).saturating_add(RocksDbWeight::get().reads_writes(90, 2)) }
	fn exposure_check() -> Weight { Weight::from_parts(120_000_000, 40_000).saturating_add(RocksDbWeight::get().reads(60)) }
	fn repayment_capacity_check_one_account() -> Weight { Weight::from_parts(60_000_000, 12_000).saturating_add(RocksDbWeight::get().reads_writes(30, 1)) }
	fn exposure_check_one_account() -> Weight { Weight::from_parts(50_000_000, 12_000).saturating_add(RocksDbWeight::get().reads(24)) }
}
