//! The logic behind the calls, the health checks, the runtime API views and `try_state`.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungibles::{self, Create as _, Inspect as _, Mutate as _},
		tokens::Preservation,
		Time,
	},
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AccountIdConversion, One, Saturating, Zero},
	DispatchResult, FixedPointNumber, FixedU128, PerThing, Permill, Rounding,
};
use xindai_primitives::{
	credit::DAY_MS,
	interest::{self, Index, Rate},
	price::{self, Price},
	service::{Repayment, Service, ServiceClock},
	AssetId, Balance, Moment, MILLISECONDS_PER_SECOND,
};

use crate::{math, pallet::*, types::*, CreditRegistry, PriceProvider};
use xindai_primitives::facility::{CreditFacilities, FacilityId, FacilityState};

/// What settling part of a debt did (see `Pallet::settle_debt`).
struct SettledDebt {
	/// Repaid, in the pool's asset.
	paid: Balance,
	/// Of it, principal (the rest paid interest).
	principal_paid: Balance,
	/// Debt left, in the pool's asset.
	left: Balance,
	/// The on-time service the payment completes (principal in the pool's asset).
	served: Service,
}

/// A pool as wallets and dashboards see it (`LiquidityPoolsApi::pool`), accrued to now.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PoolInfo {
	/// The pooled asset.
	pub asset: AssetId,
	/// Its LP token.
	pub lp_asset: AssetId,
	/// Units held by the pool.
	pub cash: Balance,
	/// Units lent out, with interest.
	pub total_borrows: Balance,
	/// The treasury's share of interest.
	pub total_reserves: Balance,
	/// LP tokens in existence.
	pub lp_supply: Balance,
	/// Asset units per LP token.
	pub exchange_rate: FixedU128,
	/// Borrows over what lenders own.
	pub utilisation: Permill,
	/// Annual borrow rate (before tier premiums).
	pub borrow_apr: Rate,
	/// Annual rate lenders earn from borrowers (interest paid by credit facilities comes on
	/// top, when paid).
	pub supply_apr: Rate,
	/// Borrow rate compounded daily.
	pub borrow_apy: Rate,
	/// Supply rate compounded daily.
	pub supply_apy: Rate,
	/// The borrow index.
	pub borrow_index: Index,
	/// Whether deposits and borrowing are stopped.
	pub paused: bool,
	/// The pool's parameters (caps included).
	pub params: PoolParams,
	/// The most the pool may commit to credit facilities.
	pub facility_cap: Balance,
	/// Committed to facilities, not drawn.
	pub facility_undrawn: Balance,
	/// Drawn by facilities (part of what lenders own).
	pub facility_drawn: Balance,
}

/// One collateral of an account (`LiquidityPoolsApi::position`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct CollateralView {
	/// The pooled asset.
	pub asset: AssetId,
	/// LP tokens in custody.
	pub lp_amount: Balance,
	/// What they are worth in the asset.
	pub underlying: Balance,
	/// What they are worth in credit units (`None` without a price).
	pub value: Option<Balance>,
}

/// One debt of an account (`LiquidityPoolsApi::position`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct DebtView {
	/// The borrowed asset.
	pub asset: AssetId,
	/// Owed now, interest and premium included.
	pub amount: Balance,
	/// In credit units (`None` without a price).
	pub value: Option<Balance>,
	/// The annual rate this debt pays: pool rate plus tier premium.
	pub borrow_apr: Rate,
}

/// An account's lending position (`LiquidityPoolsApi::position`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct AccountPosition {
	/// Collateral per pool.
	pub collateral: Vec<CollateralView>,
	/// Debt per pool.
	pub debts: Vec<DebtView>,
	/// Σ collateral value × liquidation threshold / Σ debt value; `None` without debt or when a
	/// price is missing.
	pub health_factor: Option<FixedU128>,
	/// Σ collateral value × collateral factor − Σ debt value, in credit units (0 if negative).
	pub borrowable_value: Balance,
	/// Whether every price the position needs is fresh (borrowing is possible).
	pub prices_fresh: bool,
}

/// Whole seconds from `since` to `now` (milliseconds), and the moment they end at.
fn whole_seconds(since: Moment, now: Moment) -> (u64, Moment) {
	let seconds = now.saturating_sub(since) / MILLISECONDS_PER_SECOND;
	(seconds, since.saturating_add(seconds.saturating_mul(MILLISECONDS_PER_SECOND)))
}

impl Pool {
	/// Units lent out: the scaled debt times the index, rounded up.
	pub fn total_borrows(&self) -> Balance {
		interest::mul_fixed(self.total_scaled_debt, self.borrow_index, Rounding::Up)
			.unwrap_or(Balance::MAX)
	}

	/// Units lent out: borrows and the drawn principal of credit facilities.
	pub fn lent_out(&self) -> Balance {
		self.total_borrows().saturating_add(self.facility_drawn)
	}

	/// What lenders own: cash + borrows + drawn facilities − reserves.
	pub fn underlying(&self) -> Balance {
		math::underlying(self.cash, self.lent_out(), self.total_reserves)
	}

	/// Lent out over what lenders own.
	pub fn utilisation(&self) -> Permill {
		math::utilisation(self.cash, self.lent_out(), self.total_reserves)
	}

	/// The pool's annual borrow rate now.
	pub fn borrow_rate(&self) -> Rate {
		math::borrow_rate(&self.params.rate_model, self.utilisation())
	}

	/// The pool accrued to `now`: the index grows, reserves take their share of the interest.
	pub fn accrued(&self, now: Moment) -> Option<Pool> {
		let (seconds, until) = whole_seconds(self.last_accrued, now);
		if seconds == 0 {
			return Some(self.clone());
		}
		let mut pool = self.clone();
		pool.last_accrued = until;
		if pool.total_scaled_debt.is_zero() {
			return Some(pool);
		}
		let before = pool.total_borrows();
		pool.borrow_index = interest::accrue_index(pool.borrow_index, pool.borrow_rate(), seconds)?;
		let earned = pool.total_borrows().saturating_sub(before);
		pool.total_reserves =
			pool.total_reserves.checked_add(math::share_of(earned, pool.params.reserve_factor))?;
		Some(pool)
	}

	/// A loss of `amount` lent out (bad debt, a written-off facility): reserves cover what they
	/// can, the lenders bear the rest through a lower `underlying`. Returns what reserves covered.
	pub fn absorb_loss(&mut self, amount: Balance) -> Balance {
		let covered = amount.min(self.total_reserves);
		self.total_reserves -= covered;
		covered
	}

	/// A debt position's amount now: scaled × index plus the premium since it was last
	/// charged, rounded up.
	pub fn debt_of(&self, position: &DebtPosition, now: Moment) -> Option<Balance> {
		let base = interest::mul_fixed(position.scaled, self.borrow_index, Rounding::Up)?;
		let (seconds, _) = whole_seconds(position.premium_since, now);
		let premium = interest::simple_interest(base, position.premium, seconds, Rounding::Up)?;
		base.checked_add(premium)
	}

	/// Charges `position`'s premium up to `now` into the position and the pool's borrows (the
	/// reserves take their share, as of any interest).
	pub fn charge_premium(&mut self, position: &mut DebtPosition, now: Moment) -> Option<()> {
		let (seconds, until) = whole_seconds(position.premium_since, now);
		position.premium_since = until;
		if seconds == 0 || position.premium.is_zero() || position.scaled.is_zero() {
			return Some(());
		}
		let base = interest::mul_fixed(position.scaled, self.borrow_index, Rounding::Up)?;
		let premium = interest::simple_interest(base, position.premium, seconds, Rounding::Up)?;
		let scaled = scaled_up(premium, self.borrow_index)?;
		position.scaled = position.scaled.checked_add(scaled)?;
		self.total_scaled_debt = self.total_scaled_debt.checked_add(scaled)?;
		self.total_reserves =
			self.total_reserves.checked_add(math::share_of(premium, self.params.reserve_factor))?;
		Some(())
	}
}

/// `amount / index`, rounded up (what a new debt adds to the scaled total).
fn scaled_up(amount: Balance, index: Index) -> Option<Balance> {
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		amount,
		Index::DIV,
		index.into_inner(),
		Rounding::Up,
	)
}

/// `amount / index`, rounded down (what a repayment removes from the scaled total).
fn scaled_down(amount: Balance, index: Index) -> Option<Balance> {
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		amount,
		Index::DIV,
		index.into_inner(),
		Rounding::Down,
	)
}

impl<T: Config> Pallet<T> {
	/// The account holding every pool's cash, the collateral and the locked liquidity.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The chain's time in milliseconds.
	pub(crate) fn now() -> Moment {
		T::Time::now()
	}

	/// The LP token id of the pool of `asset`.
	pub fn lp_asset_of(asset: AssetId) -> Result<AssetId, Error<T>> {
		ensure!(asset < T::LpAssetIdOffset::get(), Error::<T>::CannotPoolLpAsset);
		asset.checked_add(T::LpAssetIdOffset::get()).ok_or(Error::<T>::CannotPoolLpAsset)
	}

	/// Checks every parameter against its bound in [`bounds`].
	pub fn ensure_valid_params(params: &PoolParams) -> DispatchResult {
		use bounds::*;
		ensure!(
			params.collateral_factor <= MAX_COLLATERAL_FACTOR,
			Error::<T>::CollateralFactorTooHigh
		);
		ensure!(
			params.liquidation_threshold <= MAX_LIQUIDATION_THRESHOLD,
			Error::<T>::LiquidationThresholdTooHigh
		);
		ensure!(
			params.liquidation_threshold >= params.collateral_factor,
			Error::<T>::LiquidationThresholdBelowCollateralFactor
		);
		ensure!(
			params.liquidation_incentive <= MAX_LIQUIDATION_INCENTIVE,
			Error::<T>::LiquidationIncentiveTooHigh
		);
		let threshold_with_incentive = params.liquidation_threshold.deconstruct().saturating_add(
			params.liquidation_incentive.mul_floor(params.liquidation_threshold.deconstruct()),
		);
		ensure!(
			threshold_with_incentive < Permill::ACCURACY,
			Error::<T>::IncentiveTooHighForThreshold
		);
		ensure!(params.close_factor >= MIN_CLOSE_FACTOR, Error::<T>::CloseFactorOutOfBounds);
		ensure!(params.reserve_factor <= MAX_RESERVE_FACTOR, Error::<T>::ReserveFactorTooHigh);
		let model = &params.rate_model;
		ensure!(model.base <= MAX_BASE_RATE, Error::<T>::BaseRateTooHigh);
		ensure!(model.multiplier <= MAX_MULTIPLIER, Error::<T>::MultiplierTooHigh);
		ensure!(model.jump_multiplier <= MAX_JUMP_MULTIPLIER, Error::<T>::JumpMultiplierTooHigh);
		ensure!((MIN_KINK..=MAX_KINK).contains(&model.kink), Error::<T>::KinkOutOfBounds);
		Ok(())
	}

	/// Creates the pool and its LP token with metadata.
	pub(crate) fn do_create_pool(asset: AssetId, params: PoolParams) -> DispatchResult {
		use fungibles::metadata::{Inspect as MetadataInspect, Mutate as MetadataMutate};
		Self::ensure_valid_params(&params)?;
		ensure!(!Pools::<T>::contains_key(asset), Error::<T>::PoolExists);
		let lp_asset = Self::lp_asset_of(asset)?;
		ensure!(T::Assets::asset_exists(asset), Error::<T>::UnknownAsset);
		ensure!(!T::Assets::asset_exists(lp_asset), Error::<T>::LpAssetTaken);
		let account = Self::account_id();
		// Sufficient: lenders need no native balance to hold LP tokens.
		T::Assets::create(lp_asset, account.clone(), true, 1)?;
		let symbol = [b"lp".as_slice(), &T::Assets::symbol(asset)].concat();
		let name = [b"Xindai LP ".as_slice(), &T::Assets::name(asset)].concat();
		T::Assets::set(lp_asset, &account, name, symbol, T::Assets::decimals(asset))?;
		let pool = Pool {
			params,
			lp_asset,
			cash: 0,
			total_scaled_debt: 0,
			total_reserves: 0,
			lp_supply: 0,
			borrow_index: Index::one(),
			last_accrued: Self::now(),
			paused: false,
			facility_cap: 0,
			facility_undrawn: 0,
			facility_drawn: 0,
		};
		Pools::<T>::insert(asset, pool);
		Self::deposit_event(Event::PoolCreated { asset, lp_asset, params });
		Ok(())
	}

	pub(crate) fn set_paused(asset: AssetId, paused: bool) -> DispatchResult {
		Pools::<T>::try_mutate(asset, |pool| -> DispatchResult {
			let pool = pool.as_mut().ok_or(Error::<T>::PoolNotFound)?;
			if pool.paused != paused {
				pool.paused = paused;
				Self::deposit_event(if paused {
					Event::PoolPaused { asset }
				} else {
					Event::PoolUnpaused { asset }
				});
			}
			Ok(())
		})
	}

	/// The pool of `asset` accrued to now, with assets sent to its account directly swept into
	/// reserves. The caller writes it back.
	pub(crate) fn touch_pool(asset: AssetId) -> Result<Pool, DispatchError> {
		let pool = Pools::<T>::get(asset).ok_or(Error::<T>::PoolNotFound)?;
		let mut pool = pool.accrued(Self::now()).ok_or(Error::<T>::Overflow)?;
		let held = T::Assets::balance(asset, &Self::account_id());
		if held > pool.cash {
			let donation = held - pool.cash;
			pool.cash = held;
			pool.total_reserves = pool.total_reserves.saturating_add(donation);
			Self::deposit_event(Event::DonationSwept { asset, amount: donation });
		}
		Ok(pool)
	}

	/// The latest price of `asset`, fresh or not.
	fn any_price(asset: AssetId) -> Result<Price, Error<T>> {
		T::Prices::price(asset).map(|p| p.price).ok_or(Error::<T>::NoPrice)
	}

	/// The price of `asset`, refused if older than [`MaxPriceAge`].
	fn fresh_price(asset: AssetId, now: Moment) -> Result<Price, Error<T>> {
		let price = T::Prices::price(asset).ok_or(Error::<T>::NoPrice)?;
		ensure!(price.is_fresh(now, MaxPriceAge::<T>::get()), Error::<T>::PriceStale);
		Ok(price.price)
	}

	/// `amount` of `asset` in credit units at its latest price (any age), rounded down; zero
	/// without a price. For reports to the credit registry only.
	fn report_value(asset: AssetId, amount: Balance) -> Balance {
		Self::any_price(asset)
			.ok()
			.and_then(|p| price::value_of(amount, p, Rounding::Down))
			.unwrap_or(0)
	}

	/// Lists `asset` for `who` (written only when it is new).
	fn add_account_asset(who: &T::AccountId, asset: AssetId) -> DispatchResult {
		let mut assets = AccountAssets::<T>::get(who);
		if !assets.contains(&asset) {
			assets.try_push(asset).map_err(|_| Error::<T>::TooManyAssets)?;
			AccountAssets::<T>::insert(who, assets);
		}
		Ok(())
	}

	/// Forgets `asset` for `who` once it holds neither collateral nor debt there.
	fn prune_account_asset(who: &T::AccountId, asset: AssetId) {
		if Collateral::<T>::contains_key(who, asset) || Debts::<T>::contains_key(who, asset) {
			return;
		}
		AccountAssets::<T>::mutate_exists(who, |assets| {
			if let Some(list) = assets {
				list.retain(|a| *a != asset);
				if list.is_empty() {
					*assets = None;
				}
			}
		});
	}

	/// The weighted collateral and the debt of `who` in credit units, every pool accrued to now
	/// (without writing). With `fresh`, stale prices are refused; otherwise any price is used.
	pub fn liquidity(
		who: &T::AccountId,
		weight: CollateralWeight,
		fresh: bool,
	) -> Result<Liquidity, DispatchError> {
		let now = Self::now();
		let mut liquidity = Liquidity::default();
		for asset in AccountAssets::<T>::get(who) {
			let Some(pool) = Pools::<T>::get(asset) else { continue };
			let pool = pool.accrued(now).ok_or(Error::<T>::Overflow)?;
			let lp = Collateral::<T>::get(who, asset).unwrap_or(0);
			let debt = match Debts::<T>::get(who, asset) {
				Some(position) => pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?,
				None => 0,
			};
			if lp.is_zero() && debt.is_zero() {
				continue;
			}
			let price =
				if fresh { Self::fresh_price(asset, now)? } else { Self::any_price(asset)? };
			if !lp.is_zero() {
				let underlying = math::underlying_for_lp(lp, pool.underlying(), pool.lp_supply)
					.ok_or(Error::<T>::Overflow)?;
				let value = price::value_of(underlying, price, Rounding::Down)
					.ok_or(Error::<T>::Overflow)?;
				let share = match weight {
					CollateralWeight::Borrowing => pool.params.collateral_factor,
					CollateralWeight::Liquidation => pool.params.liquidation_threshold,
				};
				liquidity.weighted_collateral =
					liquidity.weighted_collateral.saturating_add(share.mul_floor(value));
				liquidity.collateral_lp = liquidity.collateral_lp.saturating_add(lp);
			}
			if !debt.is_zero() {
				let value =
					price::value_of(debt, price, Rounding::Up).ok_or(Error::<T>::Overflow)?;
				liquidity.debt = liquidity.debt.saturating_add(value);
			}
		}
		Ok(liquidity)
	}

	/// Refuses unless `who`'s collateral × collateral factor covers its debt at fresh prices.
	fn ensure_healthy_for_borrowing(who: &T::AccountId) -> DispatchResult {
		let liquidity = Self::liquidity(who, CollateralWeight::Borrowing, true)?;
		ensure!(liquidity.is_healthy(), Error::<T>::InsufficientCollateral);
		Ok(())
	}

	fn has_debt(who: &T::AccountId) -> bool {
		AccountAssets::<T>::get(who).iter().any(|asset| Debts::<T>::contains_key(who, asset))
	}

	pub(crate) fn do_deposit(
		who: &T::AccountId,
		asset: AssetId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut pool = Self::touch_pool(asset)?;
		ensure!(!pool.paused, Error::<T>::PoolPaused);
		let underlying = pool.underlying();
		ensure!(
			underlying.checked_add(amount).is_some_and(|total| total <= pool.params.supply_cap),
			Error::<T>::SupplyCapExceeded
		);
		let account = Self::account_id();
		let minted = if pool.lp_supply.is_zero() {
			// First deposit: the minimum liquidity is locked in the pallet account forever.
			let locked = T::MinimumLiquidity::get();
			ensure!(amount > locked, Error::<T>::DepositTooSmall);
			T::Assets::mint_into(pool.lp_asset, &account, locked)?;
			pool.lp_supply = locked;
			amount - locked
		} else {
			let minted = math::lp_for_deposit(amount, underlying, pool.lp_supply)
				.ok_or(Error::<T>::PoolWipedOut)?;
			ensure!(minted > 0, Error::<T>::DepositTooSmall);
			minted
		};
		T::Assets::transfer(asset, who, &account, amount, Preservation::Expendable)?;
		pool.cash = pool.cash.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		pool.lp_supply = pool.lp_supply.checked_add(minted).ok_or(Error::<T>::Overflow)?;
		if let Some(collateral) = Collateral::<T>::get(who, asset) {
			T::Assets::mint_into(pool.lp_asset, &account, minted)?;
			Collateral::<T>::insert(
				who,
				asset,
				collateral.checked_add(minted).ok_or(Error::<T>::Overflow)?,
			);
		} else {
			T::Assets::mint_into(pool.lp_asset, who, minted)?;
		}
		Pools::<T>::insert(asset, pool);
		Self::deposit_event(Event::Deposited {
			who: who.clone(),
			asset,
			amount,
			lp_minted: minted,
		});
		Ok(())
	}

	pub(crate) fn do_withdraw(
		who: &T::AccountId,
		asset: AssetId,
		lp_amount: Balance,
	) -> DispatchResult {
		ensure!(lp_amount > 0, Error::<T>::ZeroAmount);
		let mut pool = Self::touch_pool(asset)?;
		let in_wallet = T::Assets::balance(pool.lp_asset, who);
		let from_wallet = lp_amount.min(in_wallet);
		let from_collateral = lp_amount - from_wallet;
		let collateral = Collateral::<T>::get(who, asset).unwrap_or(0);
		ensure!(from_collateral <= collateral, Error::<T>::InsufficientLp);
		let amount = math::underlying_for_lp(lp_amount, pool.underlying(), pool.lp_supply)
			.ok_or(Error::<T>::InsufficientLp)?;
		ensure!(amount > 0, Error::<T>::WithdrawalTooSmall);
		Self::burn_lp(pool.lp_asset, who, from_wallet)?;
		if from_collateral > 0 {
			Self::burn_lp(pool.lp_asset, &Self::account_id(), from_collateral)?;
			Collateral::<T>::insert(who, asset, collateral - from_collateral);
		}
		pool.lp_supply = pool.lp_supply.saturating_sub(lp_amount);
		Self::pay_out(asset, &mut pool, who, amount)?;
		Pools::<T>::insert(asset, pool);
		if from_collateral > 0 && Self::has_debt(who) {
			Self::ensure_healthy_for_borrowing(who)?;
		}
		Self::deposit_event(Event::Withdrawn {
			who: who.clone(),
			asset,
			amount,
			lp_burned: lp_amount,
		});
		Ok(())
	}

	pub(crate) fn do_enable_collateral(who: &T::AccountId, asset: AssetId) -> DispatchResult {
		let pool = Pools::<T>::get(asset).ok_or(Error::<T>::PoolNotFound)?;
		ensure!(!Collateral::<T>::contains_key(who, asset), Error::<T>::CollateralAlreadyEnabled);
		Self::add_account_asset(who, asset)?;
		let lp_amount = T::Assets::balance(pool.lp_asset, who);
		if lp_amount > 0 {
			T::Assets::transfer(
				pool.lp_asset,
				who,
				&Self::account_id(),
				lp_amount,
				Preservation::Expendable,
			)?;
		}
		Collateral::<T>::insert(who, asset, lp_amount);
		Self::deposit_event(Event::CollateralEnabled { who: who.clone(), asset, lp_amount });
		Ok(())
	}

	pub(crate) fn do_disable_collateral(who: &T::AccountId, asset: AssetId) -> DispatchResult {
		let lp_amount =
			Collateral::<T>::take(who, asset).ok_or(Error::<T>::CollateralNotEnabled)?;
		let pool = Pools::<T>::get(asset).ok_or(Error::<T>::PoolNotFound)?;
		if lp_amount > 0 {
			T::Assets::transfer(
				pool.lp_asset,
				&Self::account_id(),
				who,
				lp_amount,
				Preservation::Expendable,
			)?;
		}
		if Self::has_debt(who) {
			Self::ensure_healthy_for_borrowing(who)?;
		}
		Self::prune_account_asset(who, asset);
		Self::deposit_event(Event::CollateralDisabled { who: who.clone(), asset, lp_amount });
		Ok(())
	}

	/// A tier premium in basis points as an annual rate, bounded by [`Config::MaxRatePremium`].
	fn premium_of(rate_premium_bps: u16) -> Rate {
		Rate::from_rational(rate_premium_bps.into(), 10_000).min(T::MaxRatePremium::get())
	}

	pub(crate) fn do_borrow(who: &T::AccountId, asset: AssetId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let now = Self::now();
		let mut pool = Self::touch_pool(asset)?;
		ensure!(!pool.paused, Error::<T>::PoolPaused);
		ensure!(amount <= pool.cash, Error::<T>::InsufficientCash);
		ensure!(
			pool.total_borrows()
				.checked_add(amount)
				.is_some_and(|total| total <= pool.params.borrow_cap),
			Error::<T>::BorrowCapExceeded
		);
		let price = Self::fresh_price(asset, now)?;
		let value = price::value_of(amount, price, Rounding::Up).ok_or(Error::<T>::Overflow)?;
		let tier = T::Credit::ensure_can_borrow(who, value)?;

		// A new position starts its service clock with what it borrows; borrowing more later
		// earns nothing until it has been outstanding for a while.
		let mut position = Debts::<T>::get(who, asset).unwrap_or(DebtPosition {
			premium_since: now,
			service: ServiceClock::start(now, amount),
			..Default::default()
		});
		pool.charge_premium(&mut position, now).ok_or(Error::<T>::Overflow)?;
		let premium = Self::premium_of(tier.rate_premium_bps);
		position.premium = premium;
		let scaled = scaled_up(amount, pool.borrow_index).ok_or(Error::<T>::Overflow)?;
		position.scaled = position.scaled.checked_add(scaled).ok_or(Error::<T>::Overflow)?;
		pool.total_scaled_debt =
			pool.total_scaled_debt.checked_add(scaled).ok_or(Error::<T>::Overflow)?;
		position.principal = position.principal.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Self::pay_out(asset, &mut pool, who, amount)?;
		let debt = pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?;
		Pools::<T>::insert(asset, pool);
		Debts::<T>::insert(who, asset, position);
		Self::add_account_asset(who, asset)?;
		Self::ensure_healthy_for_borrowing(who)?;
		T::Credit::note_borrowed(who, value)?;
		Self::deposit_event(Event::Borrowed { who: who.clone(), asset, amount, debt, premium });
		Ok(())
	}

	/// Takes `amount` (or everything with `None`) of `who`'s debt to the pool of `asset` from
	/// `payer`. Returns what was repaid, what is left, and the on-time service the payment
	/// completes: the position's time outstanding since its last repayment, when the borrower
	/// pays; nothing when someone else does (a liquidator), which restarts the clock.
	fn settle_debt(
		payer: &T::AccountId,
		who: &T::AccountId,
		asset: AssetId,
		pool: &mut Pool,
		amount: Option<Balance>,
	) -> Result<SettledDebt, DispatchError> {
		let now = Self::now();
		let mut position = Debts::<T>::get(who, asset).ok_or(Error::<T>::NoDebt)?;
		pool.charge_premium(&mut position, now).ok_or(Error::<T>::Overflow)?;
		let debt = pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?;
		let paid = amount.unwrap_or(debt).min(debt);
		ensure!(paid > 0, Error::<T>::ZeroAmount);
		let burned = if paid == debt {
			position.scaled
		} else {
			scaled_down(paid, pool.borrow_index).ok_or(Error::<T>::Overflow)?.min(position.scaled)
		};
		T::Assets::transfer(asset, payer, &Self::account_id(), paid, Preservation::Expendable)?;
		pool.cash = pool.cash.checked_add(paid).ok_or(Error::<T>::Overflow)?;
		// Interest first, then principal.
		let interest = debt.saturating_sub(position.principal);
		let principal_paid = paid.saturating_sub(interest).min(position.principal);
		position.principal -= principal_paid;
		position.scaled -= burned;
		pool.total_scaled_debt = pool.total_scaled_debt.saturating_sub(burned);
		let left = if position.scaled.is_zero() {
			0
		} else {
			pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?
		};
		let served = if payer == who {
			position.service.take(now, left)
		} else {
			position.service.restart(now, left);
			Service::NONE
		};
		if position.scaled.is_zero() {
			Debts::<T>::remove(who, asset);
			Self::prune_account_asset(who, asset);
		} else {
			Debts::<T>::insert(who, asset, position);
		}
		Ok(SettledDebt { paid, principal_paid, left, served })
	}

	/// Records that `who`'s position in `asset` is being liquidated at `now`: returns whether a
	/// delinquency was already recorded for it within the window, and restarts its service clock
	/// (a liquidated position served nothing on time).
	fn mark_delinquent(who: &T::AccountId, asset: AssetId, now: Moment) -> bool {
		let window = Moment::from(T::LiquidationDaysLate::get()).saturating_mul(DAY_MS);
		Debts::<T>::mutate(who, asset, |position| match position {
			Some(position) => {
				position.service.restart(now, position.principal);
				if now < position.delinquent_until {
					true
				} else {
					position.delinquent_until = now.saturating_add(window);
					false
				}
			},
			None => false,
		})
	}

	pub(crate) fn do_repay(
		who: &T::AccountId,
		asset: AssetId,
		amount: Option<Balance>,
	) -> DispatchResult {
		if amount == Some(0) {
			return Err(Error::<T>::ZeroAmount.into());
		}
		let mut pool = Self::touch_pool(asset)?;
		let settled = Self::settle_debt(who, who, asset, &mut pool, amount)?;
		Pools::<T>::insert(asset, pool);
		// A pool loan has no schedule: paying is always on time, and what it proves is the time
		// the position was outstanding (valued in credit units at the latest price).
		let served = Service {
			principal: Self::report_value(asset, settled.served.principal),
			duration: settled.served.duration,
		};
		let repayment = Repayment {
			amount: Self::report_value(asset, settled.principal_paid),
			days_late: 0,
			served,
		};
		Self::report(T::Credit::note_repaid(who, repayment));
		if settled.left.is_zero() && !Self::has_debt(who) {
			Self::report(T::Credit::note_settled(who));
		}
		Self::deposit_event(Event::Repaid {
			who: who.clone(),
			asset,
			amount: settled.paid,
			debt: settled.left,
		});
		Ok(())
	}

	/// Handles the result of a report to the credit registry that must not stop the money flow
	/// (a debtor must always be able to pay): a failure is announced, never swallowed.
	pub(crate) fn report(result: DispatchResult) {
		if let Err(error) = result {
			log::warn!(target: "liquidity-pools", "credit report failed: {error:?}");
			Self::deposit_event(Event::CreditReportFailed { error });
		}
	}

	pub(crate) fn do_liquidate(
		liquidator: &T::AccountId,
		borrower: &T::AccountId,
		debt_asset: AssetId,
		collateral_asset: AssetId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(liquidator != borrower, Error::<T>::SelfLiquidation);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let now = Self::now();
		// Both pools accrued and written first, so the health check sees the same state.
		let debt_pool = Self::touch_pool(debt_asset)?;
		Pools::<T>::insert(debt_asset, debt_pool);
		if collateral_asset != debt_asset {
			let collateral_pool = Self::touch_pool(collateral_asset)?;
			Pools::<T>::insert(collateral_asset, collateral_pool);
		}
		let position = Debts::<T>::get(borrower, debt_asset).ok_or(Error::<T>::NoDebt)?;
		let borrower_lp = Collateral::<T>::get(borrower, collateral_asset).unwrap_or(0);
		ensure!(borrower_lp > 0, Error::<T>::NoCollateralInAsset);
		let health = Self::liquidity(borrower, CollateralWeight::Liquidation, true)?;
		ensure!(!health.is_healthy(), Error::<T>::PositionHealthy);

		let mut debt_pool = Pools::<T>::get(debt_asset).ok_or(Error::<T>::PoolNotFound)?;
		let debt = debt_pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?;
		let debt_price = Self::fresh_price(debt_asset, now)?;
		let collateral_price = Self::fresh_price(collateral_asset, now)?;
		let collateral_pool = Pools::<T>::get(collateral_asset).ok_or(Error::<T>::PoolNotFound)?;
		let params = collateral_pool.params;

		// The close factor, unless the debt, or what a partial liquidation leaves, is dust.
		let mut max_repay = math::share_of(debt, debt_pool.params.close_factor);
		let dust = T::DustValue::get();
		let value_left =
			price::value_of(debt.saturating_sub(max_repay), debt_price, Rounding::Down)
				.ok_or(Error::<T>::Overflow)?;
		if value_left <= dust {
			max_repay = debt;
		}
		let mut repay = amount.min(max_repay);

		// Collateral worth the repaid value plus the incentive, in LP tokens (rounded down).
		let seize_value = price::value_of(repay, debt_price, Rounding::Down)
			.and_then(|v| math::with_bonus(v, params.liquidation_incentive))
			.ok_or(Error::<T>::Overflow)?;
		let seize_underlying =
			price::amount_for_value(seize_value, collateral_price, Rounding::Down)
				.ok_or(Error::<T>::Overflow)?;
		let mut seize_lp = math::lp_for_deposit(
			seize_underlying,
			collateral_pool.underlying(),
			collateral_pool.lp_supply,
		)
		.ok_or(Error::<T>::Overflow)?;
		if seize_lp >= borrower_lp {
			// Not enough collateral: take all of it and repay only what it is worth.
			seize_lp = borrower_lp;
			let all_underlying = math::underlying_for_lp(
				borrower_lp,
				collateral_pool.underlying(),
				collateral_pool.lp_supply,
			)
			.ok_or(Error::<T>::Overflow)?;
			let all_value = price::value_of(all_underlying, collateral_price, Rounding::Down)
				.and_then(|v| math::without_bonus(v, params.liquidation_incentive))
				.ok_or(Error::<T>::Overflow)?;
			let covered = price::amount_for_value(all_value, debt_price, Rounding::Down)
				.ok_or(Error::<T>::Overflow)?;
			repay = repay.min(covered);
		}
		// Seizing all of a worthless collateral repays nothing but lets the bad debt be written
		// off: dust never makes a position impossible to close.
		let takes_all = seize_lp == borrower_lp;
		ensure!(seize_lp > 0 && (repay > 0 || takes_all), Error::<T>::LiquidationTooSmall);

		// One delinquency per liquidation window, however many calls it takes.
		let already_delinquent = Self::mark_delinquent(borrower, debt_asset, now);
		let (repaid, principal_repaid) = if repay > 0 {
			let settled =
				Self::settle_debt(liquidator, borrower, debt_asset, &mut debt_pool, Some(repay))?;
			Pools::<T>::insert(debt_asset, debt_pool);
			(settled.paid, settled.principal_paid)
		} else {
			(0, 0)
		};
		let lp_left = borrower_lp - seize_lp;
		Collateral::<T>::insert(borrower, collateral_asset, lp_left);
		T::Assets::transfer(
			collateral_pool.lp_asset,
			&Self::account_id(),
			liquidator,
			seize_lp,
			Preservation::Expendable,
		)?;
		Self::deposit_event(Event::Liquidated {
			liquidator: liquidator.clone(),
			borrower: borrower.clone(),
			debt_asset,
			repaid,
			collateral_asset,
			lp_seized: seize_lp,
		});
		let value = Self::report_value(debt_asset, principal_repaid);
		if !already_delinquent {
			Self::report(T::Credit::note_repaid(
				borrower,
				Repayment::late(value, T::LiquidationDaysLate::get()),
			));
		} else if principal_repaid > 0 {
			Self::report(T::Credit::note_repaid(borrower, Repayment::unscored(value)));
		}
		if lp_left.is_zero() && health.collateral_lp == borrower_lp {
			Self::write_off_bad_debt(borrower)?;
		}
		Ok(())
	}

	/// Writes off every debt of `borrower` (who has no collateral left): reserves cover what
	/// they can, the pool's lenders share the rest. Reported to the credit registry as a
	/// default.
	fn write_off_bad_debt(borrower: &T::AccountId) -> DispatchResult {
		let now = Self::now();
		let mut written_off_value: Balance = 0;
		for asset in AccountAssets::<T>::get(borrower) {
			let Some(position) = Debts::<T>::take(borrower, asset) else { continue };
			let mut pool = Self::touch_pool(asset)?;
			let mut position = position;
			pool.charge_premium(&mut position, now).ok_or(Error::<T>::Overflow)?;
			let amount = pool.debt_of(&position, now).ok_or(Error::<T>::Overflow)?;
			pool.total_scaled_debt = pool.total_scaled_debt.saturating_sub(position.scaled);
			let covered_by_reserves = pool.absorb_loss(amount);
			Pools::<T>::insert(asset, pool);
			Self::prune_account_asset(borrower, asset);
			// The principal is written off (interest never counted as exposure).
			written_off_value =
				written_off_value.saturating_add(Self::report_value(asset, position.principal));
			Self::deposit_event(Event::BadDebt {
				borrower: borrower.clone(),
				asset,
				amount,
				covered_by_reserves,
				socialised: amount - covered_by_reserves,
			});
		}
		Self::report(T::Credit::note_defaulted(borrower, written_off_value));
		Ok(())
	}

	/// The pool of `asset` accrued to now, for the runtime API.
	pub fn pool_info(asset: AssetId) -> Option<PoolInfo> {
		let pool = Pools::<T>::get(asset)?.accrued(Self::now())?;
		let utilisation = pool.utilisation();
		let borrow_apr = pool.borrow_rate();
		// Lenders earn the pool rate on borrows only: facilities pay their own lines' interest,
		// booked when paid, so the quoted supply rate leaves it out.
		let borrowed_share = math::utilisation(
			pool.cash.saturating_add(pool.facility_drawn),
			pool.total_borrows(),
			pool.total_reserves,
		);
		let supply_apr = math::supply_rate(borrow_apr, borrowed_share, pool.params.reserve_factor);
		Some(PoolInfo {
			asset,
			lp_asset: pool.lp_asset,
			cash: pool.cash,
			total_borrows: pool.total_borrows(),
			total_reserves: pool.total_reserves,
			lp_supply: pool.lp_supply,
			exchange_rate: math::exchange_rate(pool.underlying(), pool.lp_supply),
			utilisation,
			borrow_apr,
			supply_apr,
			borrow_apy: math::apy(borrow_apr),
			supply_apy: math::apy(supply_apr),
			borrow_index: pool.borrow_index,
			paused: pool.paused,
			params: pool.params,
			facility_cap: pool.facility_cap,
			facility_undrawn: pool.facility_undrawn,
			facility_drawn: pool.facility_drawn,
		})
	}

	/// The lending position of `who`, for the runtime API.
	pub fn position(who: &T::AccountId) -> AccountPosition {
		let now = Self::now();
		let mut collateral = Vec::new();
		let mut debts = Vec::new();
		for asset in AccountAssets::<T>::get(who) {
			let Some(pool) = Pools::<T>::get(asset).and_then(|p| p.accrued(now)) else { continue };
			let price = T::Prices::price(asset).map(|p| p.price);
			if let Some(lp_amount) = Collateral::<T>::get(who, asset) {
				let underlying =
					math::underlying_for_lp(lp_amount, pool.underlying(), pool.lp_supply)
						.unwrap_or(0);
				let value = price.and_then(|p| price::value_of(underlying, p, Rounding::Down));
				collateral.push(CollateralView { asset, lp_amount, underlying, value });
			}
			if let Some(position) = Debts::<T>::get(who, asset) {
				let amount = pool.debt_of(&position, now).unwrap_or(Balance::MAX);
				let value = price.and_then(|p| price::value_of(amount, p, Rounding::Up));
				let borrow_apr = pool.borrow_rate().saturating_add(position.premium);
				debts.push(DebtView { asset, amount, value, borrow_apr });
			}
		}
		let prices_fresh = Self::liquidity(who, CollateralWeight::Borrowing, true).is_ok();
		let by_threshold = Self::liquidity(who, CollateralWeight::Liquidation, false).ok();
		let by_factor = Self::liquidity(who, CollateralWeight::Borrowing, false).ok();
		AccountPosition {
			collateral,
			debts,
			health_factor: by_threshold.and_then(|l| l.health_factor()),
			borrowable_value: by_factor
				.map(|l| l.weighted_collateral.saturating_sub(l.debt))
				.unwrap_or(0),
			prices_fresh,
		}
	}

	/// How much of `asset` `who` could borrow now: limited by collateral (at fresh prices), the
	/// pool's cash and its borrow cap. Zero if a price is stale or missing. (The credit
	/// registry's exposure cap is checked separately.)
	pub fn max_borrow(who: &T::AccountId, asset: AssetId) -> Balance {
		let now = Self::now();
		let Some(pool) = Pools::<T>::get(asset).and_then(|p| p.accrued(now)) else { return 0 };
		if pool.paused {
			return 0;
		}
		let Ok(liquidity) = Self::liquidity(who, CollateralWeight::Borrowing, true) else {
			return 0;
		};
		let Ok(price) = Self::fresh_price(asset, now) else { return 0 };
		let room = liquidity.weighted_collateral.saturating_sub(liquidity.debt);
		let by_collateral = price::amount_for_value(room, price, Rounding::Down).unwrap_or(0);
		let by_cap = pool.params.borrow_cap.saturating_sub(pool.total_borrows());
		by_collateral.min(pool.cash).min(by_cap)
	}

	/// The pallet's invariants:
	/// - each pool account balance of the asset is at least the tracked cash (the surplus is a
	///   donation, swept into reserves on the next touch);
	/// - each pool's LP supply equals the LP token's issuance, and the pallet account holds the
	///   locked minimum liquidity plus every account's collateral LP tokens;
	/// - each pool's scaled debt equals the sum of its positions' scaled debts, exactly;
	/// - every account's asset list matches its collateral and debt entries;
	/// - each pool's facility totals equal the sum of its facilities, exactly (the cap binds
	///   new commitments only: governance may lower it below what is committed).
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let account = Self::account_id();
		let mut scaled: BTreeMap<AssetId, Balance> = BTreeMap::new();
		let mut collateral: BTreeMap<AssetId, Balance> = BTreeMap::new();
		for (who, asset, position) in Debts::<T>::iter() {
			ensure!(position.scaled > 0, "empty debt position kept");
			ensure!(AccountAssets::<T>::get(&who).contains(&asset), "debt asset not listed");
			*scaled.entry(asset).or_default() += position.scaled;
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
		}
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// Every pool, accrued to now, for the runtime API (pools are created by governance only).
	pub fn all_pools() -> Vec<PoolInfo> {
		Pools::<T>::iter_keys().filter_map(Self::pool_info).collect()
	}
}

/// Pools lend to credit facilities (SME credit lines): see [`xindai_primitives::facility`].
impl<T: Config> CreditFacilities<T::AccountId> for Pallet<T> {
	fn open_facility(asset: AssetId, facility: FacilityId, limit: Balance) -> DispatchResult {
		ensure!(limit > 0, Error::<T>::ZeroAmount);
		ensure!(!Facilities::<T>::contains_key(asset, facility), Error::<T>::FacilityExists);
		let mut pool = Self::touch_pool(asset)?;
		ensure!(!pool.paused, Error::<T>::PoolPaused);
		let committed = pool
			.facility_undrawn
			.checked_add(pool.facility_drawn)
			.and_then(|c| c.checked_add(limit))
			.ok_or(Error::<T>::Overflow)?;
		ensure!(committed <= pool.facility_cap, Error::<T>::FacilityCapExceeded);
		pool.facility_undrawn += limit;
		Pools::<T>::insert(asset, pool);
		Facilities::<T>::insert(asset, facility, FacilityState { undrawn: limit, drawn: 0 });
		Self::deposit_event(Event::FacilityOpened { asset, facility, limit });
		Ok(())
	}

	fn draw(
		asset: AssetId,
		facility: FacilityId,
		to: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut state = Facilities::<T>::get(asset, facility).ok_or(Error::<T>::NoFacility)?;
		ensure!(amount <= state.undrawn, Error::<T>::FacilityExhausted);
		let mut pool = Self::touch_pool(asset)?;
		ensure!(!pool.paused, Error::<T>::PoolPaused);
		Self::pay_out(asset, &mut pool, to, amount)?;
		state.undrawn -= amount;
		state.drawn = state.drawn.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		pool.facility_undrawn = pool.facility_undrawn.saturating_sub(amount);
		pool.facility_drawn =
			pool.facility_drawn.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Pools::<T>::insert(asset, pool);
		Facilities::<T>::insert(asset, facility, state);
		Self::deposit_event(Event::FacilityDrawn { asset, facility, amount });
		Ok(())
	}

	fn repay(
		asset: AssetId,
		facility: FacilityId,
		payer: &T::AccountId,
		principal: Balance,
		interest: Balance,
	) -> DispatchResult {
		let total = principal.checked_add(interest).ok_or(Error::<T>::Overflow)?;
		ensure!(total > 0, Error::<T>::ZeroAmount);
		let mut pool = Self::touch_pool(asset)?;
		let state = Facilities::<T>::get(asset, facility).unwrap_or_default();
		let repaid = principal.min(state.drawn);
		let recovered = principal - repaid;
		T::Assets::transfer(asset, payer, &Self::account_id(), total, Preservation::Expendable)?;
		pool.cash = pool.cash.checked_add(total).ok_or(Error::<T>::Overflow)?;
		pool.facility_drawn = pool.facility_drawn.saturating_sub(repaid);
		// Interest is income: the reserve factor's share to reserves, the rest to lenders.
		// Recovered principal belongs to the lenders who bore the loss.
		pool.total_reserves = pool
			.total_reserves
			.checked_add(math::share_of(interest, pool.params.reserve_factor))
			.ok_or(Error::<T>::Overflow)?;
		Pools::<T>::insert(asset, pool);
		Self::update_facility(
			asset,
			facility,
			FacilityState { drawn: state.drawn - repaid, ..state },
		);
		Self::deposit_event(Event::FacilityRepaid {
			asset,
			facility,
			principal: repaid,
			interest,
			recovered,
		});
		Ok(())
	}

	fn release_undrawn(asset: AssetId, facility: FacilityId) -> DispatchResult {
		let state = Facilities::<T>::get(asset, facility).ok_or(Error::<T>::NoFacility)?;
		let mut pool = Pools::<T>::get(asset).ok_or(Error::<T>::PoolNotFound)?;
		pool.facility_undrawn = pool.facility_undrawn.saturating_sub(state.undrawn);
		Pools::<T>::insert(asset, pool);
		Self::update_facility(asset, facility, FacilityState { undrawn: 0, ..state });
		Self::deposit_event(Event::FacilityReleased { asset, facility, undrawn: state.undrawn });
		Ok(())
	}

	fn write_off(asset: AssetId, facility: FacilityId) -> Result<Balance, DispatchError> {
		let state = Facilities::<T>::get(asset, facility).ok_or(Error::<T>::NoFacility)?;
		let mut pool = Self::touch_pool(asset)?;
		let amount = state.drawn;
		let covered_by_reserves = pool.absorb_loss(amount);
		pool.facility_drawn = pool.facility_drawn.saturating_sub(amount);
		Pools::<T>::insert(asset, pool);
		Self::update_facility(asset, facility, FacilityState { drawn: 0, ..state });
		Self::deposit_event(Event::FacilityWrittenOff {
			asset,
			facility,
			amount,
			covered_by_reserves,
			socialised: amount - covered_by_reserves,
		});
		Ok(amount)
	}

	fn facility(asset: AssetId, facility: FacilityId) -> Option<FacilityState> {
		Facilities::<T>::get(asset, facility)
	}
}

impl<T: Config> Pallet<T> {
	/// Writes a facility's state back, removing it once nothing is committed or drawn.
	fn update_facility(asset: AssetId, facility: FacilityId, state: FacilityState) {
		if state.undrawn == 0 && state.drawn == 0 {
			Facilities::<T>::remove(asset, facility);
		} else {
			Facilities::<T>::insert(asset, facility, state);
		}
	}
}
