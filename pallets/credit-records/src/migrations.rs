//! Storage migrations of the credit registry, each from one storage version to the next.

/// v0 → v1: the running totals `ProductTotals` and `DebtServiceTotals` are gone. Each was
/// written by every loan event of every borrower of a product (a write per repayment); the
/// products' `try_state` that compared against them now adds up the positions and booked
/// services instead. Their keys (one per product and asset) are removed.
pub mod v1 {
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, storage_alias,
		traits::UncheckedOnRuntimeUpgrade,
	};
	use xindai_primitives::{
		credit::{PositionKey, ReportedPosition},
		Balance,
	};

	use crate::pallet::{Config, Pallet};

	/// At most this many keys of each total are removed: there is one per product and asset.
	const MAX_KEYS: u32 = 1_000;

	#[storage_alias]
	type ProductTotals<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, PositionKey, ReportedPosition, ValueQuery>;

	#[storage_alias]
	type DebtServiceTotals<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, PositionKey, Balance, ValueQuery>;

	/// Removes both running totals (use [`MigrateV0ToV1`], which checks the version).
	pub struct DropRunningTotals<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for DropRunningTotals<T> {
		fn on_runtime_upgrade() -> Weight {
			let products = ProductTotals::<T>::clear(MAX_KEYS, None);
			let services = DebtServiceTotals::<T>::clear(MAX_KEYS, None);
			if products.maybe_cursor.is_some() || services.maybe_cursor.is_some() {
				// More keys than products × assets can make: left in place, read by nothing.
				log::warn!(target: "credit-records", "running totals left after {MAX_KEYS} keys");
			}
			let removed = u64::from(products.backend.saturating_add(services.backend));
			let visited = u64::from(products.loops.saturating_add(services.loops));
			T::DbWeight::get().reads_writes(visited, removed)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			ensure!(ProductTotals::<T>::iter_keys().next().is_none(), "product totals remain");
			ensure!(
				DebtServiceTotals::<T>::iter_keys().next().is_none(),
				"debt service totals remain"
			);
			Ok(())
		}
	}

	/// [`DropRunningTotals`] when the pallet's storage is at version 0; sets it to 1.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		DropRunningTotals<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;

	#[cfg(test)]
	mod tests {
		use super::*;
		use crate::mock::{ExtBuilder, Test};
		use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
		use xindai_primitives::credit::CreditProduct;

		#[test]
		fn the_running_totals_are_removed_once() {
			ExtBuilder::default().build_and_execute(|| {
				StorageVersion::new(0).put::<Pallet<Test>>();
				let key = PositionKey::new(CreditProduct::Pools, 1);
				ProductTotals::<Test>::insert(key, ReportedPosition { owed: 5, committed: 1 });
				DebtServiceTotals::<Test>::insert(key, 7);
				MigrateV0ToV1::<Test>::on_runtime_upgrade();
				assert!(!ProductTotals::<Test>::contains_key(key));
				assert!(!DebtServiceTotals::<Test>::contains_key(key));
				assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
				// At version 1 it does nothing.
				DebtServiceTotals::<Test>::insert(key, 7);
				MigrateV0ToV1::<Test>::on_runtime_upgrade();
				assert!(DebtServiceTotals::<Test>::contains_key(key));
			});
		}
	}
}
