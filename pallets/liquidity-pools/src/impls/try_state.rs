//! The pallet's invariants (`try_state`), checked after every unit test and by `try-runtime`:
//! pool cash and LP custody, scaled debts against their positions, the account-asset index and
//! the facility totals.

use frame_support::{pallet_prelude::*, traits::fungibles::Inspect as _};
use xindai_primitives::{
	credit::{CreditRegistry, ReportedPosition},
	facility::FacilityState,
	interest::Index,
	AssetId, Balance,
};

use crate::pallet::*;

impl<T: Config> Pallet<T> {
	/// The pallet's invariants:
	/// - each pool account balance of the asset is at least the tracked cash (the surplus is a
	///   donation, swept into reserves on the next touch);
	/// - each pool's LP supply equals the LP token's issuance, and the pallet account holds the
	///   locked minimum liquidity plus every account's collateral LP tokens;
	/// - each pool's scaled debt equals the sum of its positions' scaled debts, exactly;
	/// - every account's asset list matches its collateral and debt entries;
	/// - each pool's facility totals equal the sum of its facilities, exactly (the cap binds
	///   new commitments only: governance may lower it below what is committed);
	/// - the credit registry books exactly each position's principal, and nothing else of this
	///   pallet: per borrower and in total per asset.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let account = Self::account_id();
		let mut scaled: BTreeMap<AssetId, Balance> = BTreeMap::new();
		let mut collateral: BTreeMap<AssetId, Balance> = BTreeMap::new();
		let mut principal: BTreeMap<AssetId, Balance> = BTreeMap::new();
		for (who, asset, position) in Debts::<T>::iter() {
			ensure!(position.scaled > 0, "empty debt position kept");
			ensure!(AccountAssets::<T>::get(&who).contains(&asset), "debt asset not listed");
			*scaled.entry(asset).or_default() += position.scaled;
			*principal.entry(asset).or_default() += position.principal;
			ensure!(
				T::Credit::position(&who, Self::credit_position(asset))
					== ReportedPosition { owed: position.principal, committed: 0 },
				"the credit registry books another debt than the position's principal"
			);
		}
		for (who, asset, lp) in Collateral::<T>::iter() {
			ensure!(AccountAssets::<T>::get(&who).contains(&asset), "collateral asset not listed");
			*collateral.entry(asset).or_default() += lp;
		}
		for (who, assets) in AccountAssets::<T>::iter() {
			ensure!(!assets.is_empty(), "empty asset list kept");
			for asset in assets {
				ensure!(
					Collateral::<T>::contains_key(&who, asset)
						|| Debts::<T>::contains_key(&who, asset),
					"listed asset without collateral or debt"
				);
			}
		}
		let mut facilities: BTreeMap<AssetId, FacilityState> = BTreeMap::new();
		for (asset, _, facility) in Facilities::<T>::iter() {
			ensure!(facility.undrawn > 0 || facility.drawn > 0, "empty facility kept");
			let sum = facilities.entry(asset).or_default();
			sum.undrawn += facility.undrawn;
			sum.drawn += facility.drawn;
		}
		for (asset, pool) in Pools::<T>::iter() {
			let sum = facilities.get(&asset).copied().unwrap_or_default();
			ensure!(
				pool.facility_undrawn == sum.undrawn && pool.facility_drawn == sum.drawn,
				"pool facility totals differ from the sum of facilities"
			);
			ensure!(
				T::Assets::balance(asset, &account) >= pool.cash,
				"pool holds less than its cash"
			);
			ensure!(
				T::Assets::total_issuance(pool.lp_asset) == pool.lp_supply,
				"LP supply differs from LP issuance"
			);
			let locked = if pool.lp_supply > 0 { T::MinimumLiquidity::get() } else { 0 };
			let custody = collateral.get(&asset).copied().unwrap_or(0);
			ensure!(
				// `>=`: anyone may donate LP tokens to the pallet; what it holds for others must
				// be there.
				T::Assets::balance(pool.lp_asset, &account) >= locked + custody,
				"pallet LP balance below locked liquidity plus collateral"
			);
			ensure!(
				pool.total_scaled_debt == scaled.get(&asset).copied().unwrap_or(0),
				"pool scaled debt differs from the sum of positions"
			);
			ensure!(pool.borrow_index >= Index::one(), "borrow index below one");
			ensure!(
				T::Credit::product_total(Self::credit_position(asset))
					== ReportedPosition {
						owed: principal.get(&asset).copied().unwrap_or(0),
						committed: 0
					},
				"the credit registry's pool total differs from the positions' principal"
			);
		}
		Ok(())
	}
}
