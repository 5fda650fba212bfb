//! Benchmarks of every call, at its heaviest path.

use super::*;
use crate::{types::*, BenchmarkHelper};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungibles::{Inspect, Mutate},
	tokens::Preservation,
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use sp_runtime::Permill;
use xindai_primitives::{price::Price, AssetId, Balance};

/// The borrowed asset (priced 1) and the collateral asset (priced 600), created by the helper.
const DEBT: AssetId = 9_001;
const COLLATERAL: AssetId = 9_002;
const LEND: Balance = 1_000_000_000_000;
const POST: Balance = 10_000_000_000;

fn params() -> PoolParams {
	PoolParams {
		collateral_factor: Permill::from_percent(70),
		liquidation_threshold: Permill::from_percent(75),
		liquidation_incentive: Permill::from_percent(10),
		close_factor: Permill::from_percent(50),
		reserve_factor: Permill::from_percent(10),
		rate_model: JumpRateModel::stablecoin(),
		supply_cap: Balance::MAX,
		borrow_cap: Balance::MAX,
	}
}

fn create_pool_of<T: Config>(asset: AssetId, price: Price) {
	T::BenchmarkHelper::create_asset_and_fund(asset, &Pallet::<T>::account_id());
	T::BenchmarkHelper::set_price(asset, price);
	assert!(Pallet::<T>::do_create_pool(asset, params()).is_ok());
}

/// Two pools; a lender in the debt pool; a verified borrower with collateral enabled.
fn market<T: Config>() -> (T::AccountId, T::AccountId) {
	create_pool_of::<T>(DEBT, Price::from_u32(1));
	create_pool_of::<T>(COLLATERAL, Price::from_u32(600));
	let lender: T::AccountId = account("lender", 0, 0);
	let borrower: T::AccountId = account("borrower", 0, 0);
	T::BenchmarkHelper::create_asset_and_fund(DEBT, &lender);
	T::BenchmarkHelper::create_asset_and_fund(DEBT, &borrower);
	T::BenchmarkHelper::create_asset_and_fund(COLLATERAL, &borrower);
	T::BenchmarkHelper::make_eligible(&borrower);
	assert!(Pallet::<T>::do_deposit(&lender, DEBT, LEND).is_ok());
	assert!(Pallet::<T>::do_deposit(&borrower, COLLATERAL, POST).is_ok());
	assert!(Pallet::<T>::do_enable_collateral(&borrower, COLLATERAL).is_ok());
	(lender, borrower)
}

/// Lists the borrower in `MaxAssetsPerAccount` assets: the two of [`market`] and further pools
/// it borrows from against its collateral. A health check (and a bad-debt write-off) then walks
/// the most assets an account can hold, each with a position to price (the worst case).
fn fill_account_assets<T: Config>(lender: &T::AccountId, borrower: &T::AccountId) {
	let extra = T::MaxAssetsPerAccount::get().saturating_sub(2);
	for i in 0..extra {
		let asset: AssetId = 9_010 + i;
		create_pool_of::<T>(asset, Price::from_u32(1));
		T::BenchmarkHelper::create_asset_and_fund(asset, lender);
		assert!(Pallet::<T>::do_deposit(lender, asset, LEND).is_ok());
		assert!(Pallet::<T>::do_borrow(borrower, asset, 1_000_000).is_ok());
	}
}

/// The heaviest way to take LP tokens of the collateral pool out: the borrower holds LP tokens
/// in its wallet too (another depositor's, transferred to it), all of which it burns (its LP
/// account goes), and no longer holds the underlying asset (the payout creates its account).
/// Returns how many LP tokens its wallet holds.
fn wallet_lp_without_underlying<T: Config>(
	lender: &T::AccountId,
	borrower: &T::AccountId,
) -> Balance {
	T::BenchmarkHelper::create_asset_and_fund(COLLATERAL, lender);
	assert!(Pallet::<T>::do_deposit(lender, COLLATERAL, POST).is_ok());
	let lp = Pools::<T>::get(COLLATERAL).map(|pool| pool.lp_asset).unwrap_or_default();
	let wallet = T::Assets::balance(lp, lender);
	assert!(T::Assets::transfer(lp, lender, borrower, wallet, Preservation::Expendable).is_ok());
	let underlying = T::Assets::balance(COLLATERAL, borrower);
	assert!(T::Assets::transfer(
		COLLATERAL,
		borrower,
		lender,
		underlying,
		Preservation::Expendable
	)
	.is_ok());
	wallet
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_pool() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::create_asset_and_fund(DEBT, &Pallet::<T>::account_id());
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, DEBT, params());
		assert!(Pools::<T>::contains_key(DEBT));
		Ok(())
	}

	#[benchmark]
	fn set_facility_cap() -> Result<(), BenchmarkError> {
		create_pool_of::<T>(DEBT, Price::from_u32(1));
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, DEBT, LEND);
		assert_eq!(Pools::<T>::get(DEBT).map(|p| p.facility_cap), Some(LEND));
		Ok(())
	}

	#[benchmark]
	fn set_pool_params() -> Result<(), BenchmarkError> {
		create_pool_of::<T>(DEBT, Price::from_u32(1));
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let mut new = params();
		new.reserve_factor = Permill::from_percent(20);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, DEBT, new);
		assert_eq!(Pools::<T>::get(DEBT).map(|p| p.params), Some(new));
		Ok(())
	}

	#[benchmark]
	fn pause_pool() -> Result<(), BenchmarkError> {
		create_pool_of::<T>(DEBT, Price::from_u32(1));
		let origin =
			T::PauseOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, DEBT);
		assert_eq!(Pools::<T>::get(DEBT).map(|p| p.paused), Some(true));
		Ok(())
	}

	#[benchmark]
	fn unpause_pool() -> Result<(), BenchmarkError> {
		create_pool_of::<T>(DEBT, Price::from_u32(1));
		assert!(Pallet::<T>::set_paused(DEBT, true).is_ok());
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, DEBT);
		assert_eq!(Pools::<T>::get(DEBT).map(|p| p.paused), Some(false));
		Ok(())
	}

	#[benchmark]
	fn reduce_reserves() -> Result<(), BenchmarkError> {
		market::<T>();
		Pools::<T>::mutate(DEBT, |pool| {
			if let Some(pool) = pool {
				pool.total_reserves = 1_000;
			}
		});
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, DEBT, 1_000);
		assert_eq!(Pools::<T>::get(DEBT).map(|p| p.total_reserves), Some(0));
		Ok(())
	}

	#[benchmark]
	fn set_max_price_age() -> Result<(), BenchmarkError> {
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bounds::MAX_PRICE_AGE);
		assert_eq!(MaxPriceAge::<T>::get(), bounds::MAX_PRICE_AGE);
		Ok(())
	}

	/// Into a pool with LP tokens out, with collateral enabled (minted into custody).
	#[benchmark]
	fn deposit() {
		let (_, borrower) = market::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower.clone()), COLLATERAL, POST);
		assert!(Collateral::<T>::get(&borrower, COLLATERAL).is_some_and(|lp| lp > POST));
	}

	/// From the wallet and from collateral, with debt: a full health check over every asset an
	/// account may hold ([`wallet_lp_without_underlying`]).
	#[benchmark]
	fn withdraw() {
		let (lender, borrower) = market::<T>();
		fill_account_assets::<T>(&lender, &borrower);
		assert!(Pallet::<T>::do_borrow(&borrower, DEBT, 1_000_000).is_ok());
		let wallet = wallet_lp_without_underlying::<T>(&lender, &borrower);
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower.clone()), COLLATERAL, wallet + 1_000_000);
		assert!(Collateral::<T>::get(&borrower, COLLATERAL).is_some_and(|lp| lp < POST));
	}

	/// From the wallet and from collateral without debt, the account listed in every asset it
	/// may hold (each an enabled collateral): no health check, but the debt lookup walks every
	/// listed asset ([`wallet_lp_without_underlying`]).
	#[benchmark]
	fn withdraw_unchecked() {
		let (lender, borrower) = market::<T>();
		let extra = T::MaxAssetsPerAccount::get().saturating_sub(1);
		for i in 0..extra {
			let asset: AssetId = 9_010 + i;
			create_pool_of::<T>(asset, Price::from_u32(1));
			T::BenchmarkHelper::create_asset_and_fund(asset, &lender);
			T::BenchmarkHelper::create_asset_and_fund(asset, &borrower);
			assert!(Pallet::<T>::do_deposit(&borrower, asset, POST).is_ok());
			assert!(Pallet::<T>::do_enable_collateral(&borrower, asset).is_ok());
		}
		assert_eq!(AccountAssets::<T>::get(&borrower).len() as u32, T::MaxAssetsPerAccount::get());
		let wallet = wallet_lp_without_underlying::<T>(&lender, &borrower);
		#[extrinsic_call]
		withdraw(RawOrigin::Signed(borrower.clone()), COLLATERAL, wallet + 1_000_000);
		assert!(Collateral::<T>::get(&borrower, COLLATERAL).is_some_and(|lp| lp < POST));
	}

	#[benchmark]
	fn enable_collateral() {
		let (lender, _) = market::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(lender.clone()), DEBT);
		assert!(Collateral::<T>::get(&lender, DEBT).is_some());
	}

	/// With debt elsewhere: a full health check over every asset an account may hold.
	#[benchmark]
	fn disable_collateral() {
		let (lender, borrower) = market::<T>();
		fill_account_assets::<T>(&lender, &borrower);
		assert!(Pallet::<T>::do_deposit(&borrower, DEBT, 1_000_000).is_ok());
		assert!(Pallet::<T>::do_enable_collateral(&borrower, DEBT).is_ok());
		assert!(Pallet::<T>::do_borrow(&borrower, DEBT, 1_000).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower.clone()), DEBT);
		assert!(Collateral::<T>::get(&borrower, DEBT).is_none());
	}

	/// Adding to an existing debt: a full health check over every asset an account may hold.
	#[benchmark]
	fn borrow() {
		let (lender, borrower) = market::<T>();
		fill_account_assets::<T>(&lender, &borrower);
		assert!(Pallet::<T>::do_borrow(&borrower, DEBT, 1_000_000).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower.clone()), DEBT, 1_000_000);
		assert!(Debts::<T>::contains_key(&borrower, DEBT));
	}

	#[benchmark]
	fn repay() {
		let (_, borrower) = market::<T>();
		assert!(Pallet::<T>::do_borrow(&borrower, DEBT, 2_000_000).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower.clone()), DEBT, 1_000_000);
		assert!(Debts::<T>::contains_key(&borrower, DEBT));
	}

	#[benchmark]
	fn repay_all() {
		let (_, borrower) = market::<T>();
		assert!(Pallet::<T>::do_borrow(&borrower, DEBT, 2_000_000).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower.clone()), DEBT);
		assert!(!Debts::<T>::contains_key(&borrower, DEBT));
	}

	/// Takes all collateral and writes off the rest as bad debt, in every asset the borrower
	/// holds: the heaviest path.
	#[benchmark]
	fn liquidate() {
		let (lender, borrower) = market::<T>();
		fill_account_assets::<T>(&lender, &borrower);
		// Collateral: 10^10 units at 600 = 6·10^12 credit units; borrow 5,000 USDX (within the
		// default tiers' exposure caps).
		assert!(Pallet::<T>::do_borrow(&borrower, DEBT, 5_000_000_000).is_ok());
		T::BenchmarkHelper::set_price(COLLATERAL, Price::from_rational(1, 1_000));
		T::BenchmarkHelper::set_price(DEBT, Price::from_u32(1));
		let mut unhealthy = params();
		unhealthy.close_factor = Permill::one();
		Pools::<T>::mutate(DEBT, |pool| {
			if let Some(pool) = pool {
				pool.params = unhealthy;
			}
		});
		#[extrinsic_call]
		_(RawOrigin::Signed(lender.clone()), borrower.clone(), DEBT, COLLATERAL, LEND);
		assert!(!Debts::<T>::contains_key(&borrower, DEBT));
		assert_eq!(Collateral::<T>::get(&borrower, COLLATERAL), Some(0));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
