//! # Liquidity pools
//!
//! Pooled lending in the Compound/Aave lineage, on Xindai's credit spine.
//!
//! ## Overview
//!
//! Each lending asset has one pool. Lenders **deposit** the asset and receive **LP tokens**, a
//! pallet-assets asset (`lpUSDX`, …) that wallets show and that can be transferred; the LP tokens
//! are worth more and more of the asset as borrowers pay interest. Borrowers **enable** their LP
//! tokens of one pool as collateral and **borrow** another pool's asset against it, valued with
//! oracle prices. When prices move against a borrower and the **health factor** falls below one,
//! anyone may **liquidate** part of the debt and take collateral at a discount. Debt that is left
//! without any collateral is **bad debt**: covered from the pool's reserves first, then shared by
//! its lenders.
//!
//! Borrowing goes through the credit registry ([`CreditRegistry`]): the borrower must be verified,
//! not frozen and within the exposure cap of their tier, and their tier's rate premium is added to
//! the pool's borrow rate. Every borrowing, repayment, liquidation and bad debt is reported there,
//! so the borrower's credit score follows.
//!
//! ## Terms
//!
//! - **Cash**: units of the asset held by the pool. **Borrows**: units lent out with interest.
//!   **Reserves**: the treasury's share of interest. Lenders own `cash + borrows − reserves`.
//! - **Exchange rate**: asset units per LP token, `(cash + borrows − reserves) / LP supply`.
//! - **Utilisation**: `borrows / (cash + borrows − reserves)`; the jump-rate model
//!   ([`types::JumpRateModel`]) turns it into the annual borrow rate.
//! - **Health factor**: `Σ collateral value × liquidation threshold / Σ debt value`. Borrowing and
//!   withdrawing collateral require `Σ collateral value × collateral factor ≥ Σ debt value`.
//! - **Prices** ([`PriceProvider`]) are credit units per smallest unit of an asset. A price older
//!   than [`MaxPriceAge`] is **stale**: borrowing, withdrawing collateral and liquidating need fresh
//!   prices; depositing, repaying and enabling collateral never look at prices.
//!
//! ## Roles
//!
//! | role | calls | origin |
//! |------|-------|--------|
//! | risk admin (root or the risk-admin track) | `create_pool`, `set_pool_params`, `unpause_pool`, `reduce_reserves`, `set_max_price_age` | `RiskOrigin` |
//! | emergency (risk admin, or 2/3 of the risk council) | `pause_pool` | `PauseOrigin` |
//! | lender | `deposit`, `withdraw` | signed |
//! | borrower | `enable_collateral`, `disable_collateral`, `borrow`, `repay`, `repay_all` | signed, verified in credit records to borrow |
//! | liquidator | `liquidate` | signed, anyone but the borrower |
//!
//! ## Lifecycle of a position
//!
//! ```text
//! deposit ──► LP tokens ──enable_collateral──► collateral (LP tokens in the pallet's custody)
//!                ▲                                 │  ▲
//!                └────────disable_collateral───────┘  │ deposit while enabled
//!                                                     ▼
//!                        borrow (fresh prices, healthy by collateral factor, credit check)
//!                                                     │
//!          repay / repay_all ◄── debt grows with the borrow index + tier premium
//!                                                     │ health factor < 1
//!                                                     ▼
//!          liquidate: ≤ close factor of one debt repaid, collateral × (1 + incentive) seized
//!                                                     │ no collateral left
//!                                                     ▼
//!          bad debt: reserves cover what they can, lenders share the rest; credit default
//! ```
//!
//! ## Design
//!
//! - **O(1) interest**: each pool has a borrow index ([`xindai_primitives::interest`]); a touch of
//!   the pool accrues it for the seconds since the last touch. Debts are stored *scaled* by the
//!   index (Aave's scaled balances): `debt = scaled × index`, and the pool's total is the sum of
//!   the scaled debts times the same index, so pool and positions can never drift apart.
//! - **Tier premium**: each debt carries the borrower's premium (bounded by
//!   [`Config::MaxRatePremium`]), charged on that debt when it is touched and then added to the
//!   pool's borrows, so lenders and reserves earn it too.
//! - **First-depositor (inflation) attack** is impossible, for two reasons. (1) The pool's cash
//!   is *tracked*, never read from its account balance: assets sent to the pool account directly
//!   do not change the exchange rate; the next touch of the pool sweeps them into reserves (for
//!   the treasury), with [`Event::DonationSwept`]. (2) The first deposit locks
//!   [`Config::MinimumLiquidity`] LP tokens in the pallet account forever (Uniswap v2), so the
//!   LP supply never returns to a handful of units that rounding could exploit.
//! - **Collateral custody**: enabling collateral moves the account's LP tokens of that pool into
//!   the pallet account, so they cannot be transferred away while they secure a debt.
//! - **Dust**: when a debt is worth at most [`Config::DustValue`], or a partial liquidation would
//!   leave less than that, the close factor does not apply and the whole debt may be repaid.
//! - **Bad debt** is written off in the liquidation that takes the last collateral.
//! - Every call touches a bounded number of storage items: the pools and positions of one
//!   account (at most [`Config::MaxAssetsPerAccount`]); nothing iterates over accounts.
//! - Rounding favours the pool: minted LP tokens, payouts and collateral values round down;
//!   debts, burned LP tokens for an exact amount and debt values round up.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;
pub use xindai_primitives::{
	credit::CreditRegistry,
	price::{PriceProvider, TimestampedPrice},
};

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
pub mod math;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use impls::{AccountPosition, CollateralView, DebtView, PoolInfo};

/// What benchmarks need from the runtime: assets, prices and an eligible borrower.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Creates `asset` (if missing) with metadata, and gives `who` plenty of it.
	fn create_asset_and_fund(asset: xindai_primitives::AssetId, who: &AccountId);
	/// Sets a fresh price for `asset`.
	fn set_price(asset: xindai_primitives::AssetId, price: xindai_primitives::price::Price);
	/// Makes `who` pass `CreditRegistry::ensure_can_borrow` for large amounts.
	fn make_eligible(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::types::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungibles::{self, Mutate as _},
			tokens::{Fortitude, Precision, Preservation},
			Time,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use xindai_primitives::facility::FacilityId;
	use xindai_primitives::{interest::Rate, AssetId, Balance, Moment};

	/// The pallet's storage layout version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The lending assets and the LP tokens (pallet-assets).
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = AssetId, Balance = Balance>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::Create<Self::AccountId>
			+ fungibles::metadata::Inspect<Self::AccountId>
			+ fungibles::metadata::Mutate<Self::AccountId>;

		/// The chain's clock, in milliseconds since the Unix epoch.
		type Time: Time<Moment = Moment>;

		/// Asset prices in credit units, with their age.
		type Prices: PriceProvider;

		/// Seeds the genesis prices of [`GenesisConfig::prices`].
		type GenesisPrices: xindai_primitives::price::PriceFeeder;

		/// The credit registry: eligibility, tier premium, and the history borrowers build.
		type Credit: CreditRegistry<Self::AccountId>;

		/// Creates pools, sets their parameters and the price age limit, unpauses, sends reserves
		/// to the treasury.
		type RiskOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Pauses a pool in an emergency.
		type PauseOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Holds every pool's cash, the collateral LP tokens and the locked minimum liquidity.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Where `reduce_reserves` sends reserves.
		#[pallet::constant]
		type TreasuryAccount: Get<Self::AccountId>;

		/// The LP token of the pool of asset `a` is the pallet-assets asset `a + LpAssetIdOffset`.
		/// Assets at or above the offset cannot be pooled.
		#[pallet::constant]
		type LpAssetIdOffset: Get<AssetId>;

		/// LP tokens locked forever by a pool's first deposit (inflation-attack defence).
		#[pallet::constant]
		type MinimumLiquidity: Get<Balance>;

		/// The most pools one account may have collateral or debt in.
		#[pallet::constant]
		type MaxAssetsPerAccount: Get<u32>;

		/// The price age limit until governance sets one, in milliseconds.
		#[pallet::constant]
		type DefaultMaxPriceAge: Get<Moment>;

		/// The highest tier premium added to a borrow rate (an annual rate).
		#[pallet::constant]
		type MaxRatePremium: Get<Rate>;

		/// A debt worth at most this many credit units may be liquidated whole.
		#[pallet::constant]
		type DustValue: Get<Balance>;

		/// Liquidated repayments are reported to credit records as this many days late.
		#[pallet::constant]
		type LiquidationDaysLate: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up assets, prices and borrowers for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// The pool of each asset.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Blake2_128Concat, AssetId, Pool>;

	/// Credit facilities each pool lends to (SME credit lines), by pool asset and facility id.
	#[pallet::storage]
	pub type Facilities<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		AssetId,
		Blake2_128Concat,
		xindai_primitives::facility::FacilityId,
		xindai_primitives::facility::FacilityState,
	>;

	/// Prices older than this (milliseconds) are stale.
	#[pallet::storage]
	pub type MaxPriceAge<T: Config> = StorageValue<_, Moment, ValueQuery, T::DefaultMaxPriceAge>;

	/// LP tokens each account keeps in custody as collateral, per pool. An entry (even of zero)
	/// means collateral is enabled for that pool.
	#[pallet::storage]
	pub type Collateral<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, AssetId, Balance>;

	/// What each account owes each pool.
	#[pallet::storage]
	pub type Debts<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		AssetId,
		DebtPosition,
	>;

	/// The pools each account has collateral enabled or debt in: what a health check reads.
	#[pallet::storage]
	pub type AccountAssets<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<AssetId, T::MaxAssetsPerAccount>,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Pools to create: the asset and its parameters. Each asset must exist with metadata,
		/// and the pallet account must hold enough native token for the LP tokens' metadata
		/// deposits.
		pub pools: Vec<(AssetId, PoolParams)>,
		/// Reference prices (credit units per smallest unit) seeded into the price source. They
		/// are stamped with genesis time, so they value positions but are stale for borrowing
		/// until a feeder posts.
		pub prices: Vec<(AssetId, xindai_primitives::price::Price)>,
		#[serde(skip)]
		pub _phantom: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use xindai_primitives::price::PriceFeeder;
			for (asset, price) in &self.prices {
				if let Err(error) = T::GenesisPrices::feed_price(*asset, *price) {
					panic!("liquidity-pools genesis: price of {asset}: {error:?}");
				}
			}
			for (asset, params) in &self.pools {
				if let Err(error) = Pallet::<T>::do_create_pool(*asset, *params) {
					// Genesis is not runtime code users reach: a broken preset must not start.
					panic!("liquidity-pools genesis: pool {asset}: {error:?}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A pool was created, with its LP token.
		PoolCreated { asset: AssetId, lp_asset: AssetId, params: PoolParams },
		/// A pool's parameters changed.
		PoolParamsSet { asset: AssetId, params: PoolParams },
		/// A pool stopped taking deposits and lending.
		PoolPaused { asset: AssetId },
		/// A pool takes deposits and lends again.
		PoolUnpaused { asset: AssetId },
		/// Reserves went to the treasury.
		ReservesReduced { asset: AssetId, amount: Balance, remaining: Balance },
		/// The price age limit changed (milliseconds).
		MaxPriceAgeSet { max_age: Moment },
		/// Assets sent to the pool account directly were added to the reserves.
		DonationSwept { asset: AssetId, amount: Balance },
		/// A lender deposited and received LP tokens.
		Deposited { who: T::AccountId, asset: AssetId, amount: Balance, lp_minted: Balance },
		/// A lender burned LP tokens for the asset.
		Withdrawn { who: T::AccountId, asset: AssetId, amount: Balance, lp_burned: Balance },
		/// The account's LP tokens of the pool became collateral.
		CollateralEnabled { who: T::AccountId, asset: AssetId, lp_amount: Balance },
		/// The account's collateral LP tokens of the pool came back to its wallet.
		CollateralDisabled { who: T::AccountId, asset: AssetId, lp_amount: Balance },
		/// An account borrowed; `premium` is its tier premium on top of the pool's rate.
		Borrowed {
			who: T::AccountId,
			asset: AssetId,
			amount: Balance,
			debt: Balance,
			premium: Rate,
		},
		/// A debt was repaid, in part or in full.
		Repaid { who: T::AccountId, asset: AssetId, amount: Balance, debt: Balance },
		/// A position was liquidated.
		Liquidated {
			liquidator: T::AccountId,
			borrower: T::AccountId,
			debt_asset: AssetId,
			repaid: Balance,
			collateral_asset: AssetId,
			lp_seized: Balance,
		},
		/// Debt without collateral was written off: reserves covered part, lenders the rest.
		BadDebt {
			borrower: T::AccountId,
			asset: AssetId,
			amount: Balance,
			covered_by_reserves: Balance,
			socialised: Balance,
		},
		/// The credit registry refused a report the pool could not hold back (a repayment, a
		/// liquidation, a write-off must go through): the history may be missing an event.
		CreditReportFailed { error: DispatchError },
		/// Governance set how much the pool may commit to credit facilities.
		FacilityCapSet { asset: AssetId, cap: Balance },
		/// The pool committed `limit` to a credit facility.
		FacilityOpened { asset: AssetId, facility: FacilityId, limit: Balance },
		/// A facility drew `amount` of its commitment.
		FacilityDrawn { asset: AssetId, facility: FacilityId, amount: Balance },
		/// A facility repaid principal and paid interest (and `recovered` written-off principal).
		FacilityRepaid {
			asset: AssetId,
			facility: FacilityId,
			principal: Balance,
			interest: Balance,
			recovered: Balance,
		},
		/// A facility's undrawn commitment ended.
		FacilityReleased { asset: AssetId, facility: FacilityId, undrawn: Balance },
		/// A defaulted facility's principal was written off: reserves covered part, lenders the
		/// rest.
		FacilityWrittenOff {
			asset: AssetId,
			facility: FacilityId,
			amount: Balance,
			covered_by_reserves: Balance,
			socialised: Balance,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The asset already has a pool.
		PoolExists,
		/// The asset has no pool.
		PoolNotFound,
		/// LP tokens (assets at or above the LP offset) cannot be pooled.
		CannotPoolLpAsset,
		/// The LP token's asset id is taken by another asset.
		LpAssetTaken,
		/// The asset does not exist in pallet-assets.
		UnknownAsset,
		/// Collateral factor above its bound.
		CollateralFactorTooHigh,
		/// Liquidation threshold above its bound.
		LiquidationThresholdTooHigh,
		/// Liquidation threshold below the collateral factor.
		LiquidationThresholdBelowCollateralFactor,
		/// Liquidation incentive above its bound.
		LiquidationIncentiveTooHigh,
		/// Threshold × (1 + incentive) must stay below 100%, or liquidation would worsen health.
		IncentiveTooHighForThreshold,
		/// Close factor outside its bounds.
		CloseFactorOutOfBounds,
		/// Reserve factor above its bound.
		ReserveFactorTooHigh,
		/// Base rate above its bound.
		BaseRateTooHigh,
		/// Multiplier above its bound.
		MultiplierTooHigh,
		/// Jump multiplier above its bound.
		JumpMultiplierTooHigh,
		/// Kink outside its bounds.
		KinkOutOfBounds,
		/// Price age limit outside its bounds.
		PriceAgeOutOfBounds,
		/// The pool is paused.
		PoolPaused,
		/// The amount is zero.
		ZeroAmount,
		/// The deposit would take the pool above its supply cap.
		SupplyCapExceeded,
		/// The borrow would take the pool above its borrow cap.
		BorrowCapExceeded,
		/// The pool does not hold that much cash.
		InsufficientCash,
		/// The account does not hold that many LP tokens.
		InsufficientLp,
		/// The pool's reserves are smaller.
		InsufficientReserves,
		/// The deposit is too small to mint an LP token (or, first in a pool, to cover the locked
		/// minimum liquidity).
		DepositTooSmall,
		/// The withdrawal is too small to pay out a unit.
		WithdrawalTooSmall,
		/// The pool's lenders lost everything: it takes no deposits.
		PoolWipedOut,
		/// The withdrawal would leave the wallet fewer LP tokens than their minimum balance:
		/// withdraw them all, or leave at least the minimum.
		WouldLeaveDust,
		/// The asset has never been priced.
		NoPrice,
		/// The asset's price is older than the price age limit.
		PriceStale,
		/// The account's collateral would not cover its debt.
		InsufficientCollateral,
		/// The account has collateral or debt in too many pools.
		TooManyAssets,
		/// Collateral is already enabled for that pool.
		CollateralAlreadyEnabled,
		/// Collateral is not enabled for that pool.
		CollateralNotEnabled,
		/// The account owes that pool nothing.
		NoDebt,
		/// The position is healthy: it cannot be liquidated.
		PositionHealthy,
		/// Borrowers cannot liquidate themselves.
		SelfLiquidation,
		/// The borrower has no collateral in that pool.
		NoCollateralInAsset,
		/// The liquidation would repay or seize nothing.
		LiquidationTooSmall,
		/// The seized LP tokens would leave the liquidator below the LP token's minimum
		/// balance: hold some of that pool's LP tokens first (deposit into it).
		SeizureBelowMinimum,
		/// The facility cap is above the pool's supply cap.
		FacilityCapTooHigh,
		/// The commitment would take the pool's facilities above their cap.
		FacilityCapExceeded,
		/// The facility already exists.
		FacilityExists,
		/// No such facility.
		NoFacility,
		/// More than the facility's undrawn commitment.
		FacilityExhausted,
		/// An amount overflowed.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinimumLiquidity::get() > 0, "MinimumLiquidity must be positive");
			assert!(T::MaxAssetsPerAccount::get() > 0, "MaxAssetsPerAccount must be positive");
			assert!(T::DefaultMaxPriceAge::get() > 0, "DefaultMaxPriceAge must be positive");
			assert!(T::LpAssetIdOffset::get() > 0, "LP token ids must not overlap the assets'");
			assert!(T::LiquidationDaysLate::get() > 0, "a liquidation must count as late");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Create the pool of `asset` with `params`, and its LP token (id `asset +
		/// LpAssetIdOffset`, symbol `lp` + the asset's symbol, same decimals).
		///
		/// - Origin: `RiskOrigin`.
		/// - Errors: [`Error::PoolExists`], [`Error::CannotPoolLpAsset`], [`Error::UnknownAsset`],
		///   [`Error::LpAssetTaken`], any bound error of the parameters.
		/// - Emits [`Event::PoolCreated`].
		#[pallet::call_index(0)]
		pub fn create_pool(
			origin: OriginFor<T>,
			asset: AssetId,
			params: PoolParams,
		) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			Self::do_create_pool(asset, params)
		}

		/// Set the parameters of the pool of `asset`. Interest up to now accrues at the old rate.
		///
		/// - Origin: `RiskOrigin`.
		/// - Errors: [`Error::PoolNotFound`], any bound error of the parameters.
		/// - Emits [`Event::PoolParamsSet`].
		#[pallet::call_index(1)]
		pub fn set_pool_params(
			origin: OriginFor<T>,
			asset: AssetId,
			params: PoolParams,
		) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			Self::ensure_valid_params(&params)?;
			let mut pool = Self::touch_pool(asset)?;
			pool.params = params;
			Pools::<T>::insert(asset, pool);
			Self::deposit_event(Event::PoolParamsSet { asset, params });
			Ok(())
		}

		/// Stop the pool of `asset` taking deposits and lending. Repayment, withdrawal and
		/// liquidation go on.
		///
		/// - Origin: `PauseOrigin` (the risk council may do this without a referendum).
		/// - Errors: [`Error::PoolNotFound`].
		/// - Emits [`Event::PoolPaused`] (nothing if already paused).
		#[pallet::call_index(2)]
		pub fn pause_pool(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			T::PauseOrigin::ensure_origin(origin)?;
			Self::set_paused(asset, true)
		}

		/// Let the pool of `asset` take deposits and lend again.
		///
		/// - Origin: `RiskOrigin`.
		/// - Errors: [`Error::PoolNotFound`].
		/// - Emits [`Event::PoolUnpaused`] (nothing if not paused).
		#[pallet::call_index(3)]
		pub fn unpause_pool(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			Self::set_paused(asset, false)
		}

		/// Send `amount` of the pool's reserves to the treasury account.
		///
		/// - Origin: `RiskOrigin`.
		/// - Errors: [`Error::PoolNotFound`], [`Error::ZeroAmount`],
		///   [`Error::InsufficientReserves`], [`Error::InsufficientCash`].
		/// - Emits [`Event::ReservesReduced`].
		#[pallet::call_index(4)]
		pub fn reduce_reserves(
			origin: OriginFor<T>,
			asset: AssetId,
			amount: Balance,
		) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			ensure!(amount > 0, Error::<T>::ZeroAmount);
			let mut pool = Self::touch_pool(asset)?;
			ensure!(amount <= pool.total_reserves, Error::<T>::InsufficientReserves);
			pool.total_reserves -= amount;
			Self::pay_out(asset, &mut pool, &T::TreasuryAccount::get(), amount)?;
			let remaining = pool.total_reserves;
			Pools::<T>::insert(asset, pool);
			Self::deposit_event(Event::ReservesReduced { asset, amount, remaining });
			Ok(())
		}

		/// Set how old (milliseconds) a price may be before borrowing, collateral withdrawal and
		/// liquidation refuse it.
		///
		/// - Origin: `RiskOrigin`.
		/// - Errors: [`Error::PriceAgeOutOfBounds`] outside one minute to one day.
		/// - Emits [`Event::MaxPriceAgeSet`].
		#[pallet::call_index(5)]
		pub fn set_max_price_age(origin: OriginFor<T>, max_age: Moment) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			ensure!(
				(bounds::MIN_PRICE_AGE..=bounds::MAX_PRICE_AGE).contains(&max_age),
				Error::<T>::PriceAgeOutOfBounds
			);
			MaxPriceAge::<T>::put(max_age);
			Self::deposit_event(Event::MaxPriceAgeSet { max_age });
			Ok(())
		}

		/// Deposit `amount` of `asset` into its pool for LP tokens at the current exchange rate
		/// (rounded down). With collateral enabled for the pool, the LP tokens go straight to
		/// collateral. Never needs a price.
		///
		/// - Origin: signed.
		/// - Errors: [`Error::PoolNotFound`], [`Error::PoolPaused`], [`Error::ZeroAmount`],
		///   [`Error::SupplyCapExceeded`], [`Error::DepositTooSmall`], [`Error::PoolWipedOut`],
		///   the asset's transfer errors.
		/// - Emits [`Event::Deposited`].
		#[pallet::call_index(6)]
		pub fn deposit(origin: OriginFor<T>, asset: AssetId, amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deposit(&who, asset, amount)
		}

		/// Burn `lp_amount` LP tokens of the pool of `asset` for the asset at the current exchange
		/// rate (rounded down). Wallet LP tokens are used first, then collateral; taking collateral
		/// from an account with debt needs fresh prices and must leave it healthy.
		///
		/// - Origin: signed.
		/// - Errors: [`Error::PoolNotFound`], [`Error::ZeroAmount`], [`Error::InsufficientLp`],
		///   [`Error::WithdrawalTooSmall`], [`Error::InsufficientCash`],
		///   [`Error::NoPrice`], [`Error::PriceStale`], [`Error::InsufficientCollateral`].
		/// - Emits [`Event::Withdrawn`].
		/// - Weight: that of taking collateral from an account with debt (a health check over
		///   every asset it holds); a withdrawal that needs no health check is charged only
		///   `withdraw_unchecked`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw().max(T::WeightInfo::withdraw_unchecked()))]
		pub fn withdraw(
			origin: OriginFor<T>,
			asset: AssetId,
			lp_amount: Balance,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let checked = Self::do_withdraw(&who, asset, lp_amount)?;
			Ok(if checked { None } else { Some(T::WeightInfo::withdraw_unchecked()) }.into())
		}

		/// Make the caller's LP tokens of the pool of `asset` collateral: they move into the
		/// pallet's custody, and later deposits into the pool join them.
		///
		/// - Origin: signed.
		/// - Errors: [`Error::PoolNotFound`], [`Error::CollateralAlreadyEnabled`],
		///   [`Error::TooManyAssets`].
		/// - Emits [`Event::CollateralEnabled`].
		#[pallet::call_index(8)]
		pub fn enable_collateral(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_enable_collateral(&who, asset)
		}

		/// Return the caller's collateral LP tokens of the pool of `asset` to its wallet. With
		/// debt, needs fresh prices and must leave the account healthy.
		///
		/// - Origin: signed.
		/// - Errors: [`Error::CollateralNotEnabled`], [`Error::NoPrice`], [`Error::PriceStale`],
		///   [`Error::InsufficientCollateral`].
		/// - Emits [`Event::CollateralDisabled`].
		#[pallet::call_index(9)]
		pub fn disable_collateral(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_disable_collateral(&who, asset)
		}

		/// Borrow `amount` of `asset` from its pool at the pool's rate plus the caller's tier
		/// premium.
		///
		/// Needs: the pool open with that much cash and room under its borrow cap; fresh prices for
		/// every asset of the account; collateral × collateral factor covering all debt after the
		/// borrow; and the credit registry's approval (verified, not frozen, within the exposure
		/// cap). The borrowing is reported to the credit registry.
		///
		/// - Origin: signed.
		/// - Errors: [`Error::PoolNotFound`], [`Error::PoolPaused`], [`Error::ZeroAmount`],
		///   [`Error::InsufficientCash`], [`Error::BorrowCapExceeded`], [`Error::TooManyAssets`],
		///   [`Error::NoPrice`], [`Error::PriceStale`], [`Error::InsufficientCollateral`],
		///   and the credit registry's errors.
		/// - Emits [`Event::Borrowed`].
		/// - Weight: the benchmarked borrow and the credit registry's exposure check of the
		///   largest person; after the call, the check of the borrower's person as it is (one
		///   account or more).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::borrow().saturating_add(T::Credit::exposure_check_weight()))]
		pub fn borrow(
			origin: OriginFor<T>,
			asset: AssetId,
			amount: Balance,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_borrow(&who, asset, amount)?;
			let checked = T::Credit::exposure_check_weight_for(&who);
			Ok(Some(T::WeightInfo::borrow().saturating_add(checked)).into())
		}

		/// Repay up to `amount` of the caller's debt to the pool of `asset` (at most the debt).
		/// Never needs a fresh price, and works on paused pools.
		///
		/// - Origin: signed.
		/// - Errors: [`Error::PoolNotFound`], [`Error::NoDebt`], [`Error::ZeroAmount`], the asset's
		///   transfer errors.
		/// - Emits [`Event::Repaid`].
		#[pallet::call_index(11)]
		pub fn repay(origin: OriginFor<T>, asset: AssetId, amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_repay(&who, asset, Some(amount))
		}

		/// Repay the caller's whole debt to the pool of `asset`, interest included.
		///
		/// - Origin: signed.
		/// - Errors: as [`Pallet::repay`].
		/// - Emits [`Event::Repaid`].
		#[pallet::call_index(12)]
		pub fn repay_all(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_repay(&who, asset, None)
		}

		/// Repay up to `amount` of `borrower`'s debt in `debt_asset` and take their collateral LP
		/// tokens of `collateral_asset` worth the repaid value plus the liquidation incentive.
		///
		/// Allowed when `borrower`'s health factor (with fresh prices) is below one. One call
		/// repays at most the close factor of the debt, unless the debt (or what would be left of
		/// it) is dust. If the collateral runs out, the repayment shrinks to match. When the
		/// borrower has no collateral left, their remaining debts are written off as bad debt.
		///
		/// - Origin: signed, anyone but `borrower`.
		/// - Errors: [`Error::SelfLiquidation`], [`Error::PoolNotFound`], [`Error::NoDebt`],
		///   [`Error::NoCollateralInAsset`], [`Error::NoPrice`], [`Error::PriceStale`],
		///   [`Error::PositionHealthy`], [`Error::ZeroAmount`], [`Error::LiquidationTooSmall`].
		/// - Emits [`Event::Liquidated`], and [`Event::BadDebt`] per written-off debt.
		#[pallet::call_index(13)]
		pub fn liquidate(
			origin: OriginFor<T>,
			borrower: T::AccountId,
			debt_asset: AssetId,
			collateral_asset: AssetId,
			amount: Balance,
		) -> DispatchResult {
			let liquidator = ensure_signed(origin)?;
			Self::do_liquidate(&liquidator, &borrower, debt_asset, collateral_asset, amount)
		}

		/// Set how much the pool of `asset` may commit to credit facilities (SME credit lines
		/// approved by the underwriter), at most its supply cap. Lowering the cap below what is
		/// committed stops new commitments; existing ones run their course.
		///
		/// - Origin: `RiskOrigin`.
		/// - Errors: [`Error::PoolNotFound`], [`Error::FacilityCapTooHigh`].
		/// - Emits [`Event::FacilityCapSet`].
		#[pallet::call_index(14)]
		pub fn set_facility_cap(
			origin: OriginFor<T>,
			asset: AssetId,
			cap: Balance,
		) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			Pools::<T>::try_mutate(asset, |pool| -> DispatchResult {
				let pool = pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
				ensure!(cap <= pool.params.supply_cap, Error::<T>::FacilityCapTooHigh);
				pool.facility_cap = cap;
				Ok(())
			})?;
			Self::deposit_event(Event::FacilityCapSet { asset, cap });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Pays `amount` of the pool's cash to `to`, keeping the pool account's balance equal to
		/// the tracked cash (never leaving dust below the asset's minimum balance).
		pub(crate) fn pay_out(
			asset: AssetId,
			pool: &mut Pool,
			to: &T::AccountId,
			amount: Balance,
		) -> DispatchResult {
			ensure!(amount <= pool.cash, Error::<T>::InsufficientCash);
			// Custody keeps its reserve (`xindai_primitives::custody`): the transfer never leaves
			// dust, whatever cash is left.
			let left = pool.cash - amount;
			xindai_primitives::custody::transfer_without_dust::<_, T::Assets>(
				asset,
				&Self::account_id(),
				to,
				amount,
			)?;
			pool.cash = left;
			Ok(())
		}

		/// Burns `amount` LP tokens of `lp_asset` held by `who`, exactly: all of them, or leaving
		/// at least the minimum balance (pallet-assets would burn the dust too, and the pool's
		/// LP supply would no longer be the issuance).
		pub(crate) fn burn_lp(
			lp_asset: AssetId,
			who: &T::AccountId,
			amount: Balance,
		) -> DispatchResult {
			if amount == 0 {
				return Ok(());
			}
			use frame_support::traits::fungibles::Inspect;
			let left = T::Assets::balance(lp_asset, who).saturating_sub(amount);
			ensure!(
				left == 0 || left >= T::Assets::minimum_balance(lp_asset),
				Error::<T>::WouldLeaveDust
			);
			T::Assets::burn_from(
				lp_asset,
				who,
				amount,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Polite,
			)?;
			Ok(())
		}
	}
}
