//! Credit facilities: pools lend to SME credit lines through [`CreditFacilities`], committing
//! part of their cash within the facility cap, paying out draws, taking repayments (interest
//! shared with reserves) and bearing written-off principal.

use frame_support::pallet_prelude::*;
use xindai_primitives::{
	custody,
	facility::{CreditFacilities, FacilityId, FacilityState},
	AssetId, Balance,
};

use crate::{math, pallet::*};

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
		custody::deposit_into_custody::<_, T::Assets>(asset, payer, &Self::account_id(), total)?;
		pool.cash = pool.cash.checked_add(total).ok_or(Error::<T>::Overflow)?;
		pool.facility_drawn = pool.facility_drawn.saturating_sub(repaid);
		// Interest is income: the reserve factor's share to reserves, the rest to lenders.
		// Recovered principal belongs to the lenders who bore the loss. Both reach the lenders
		// over the unlock period, not at once: a deposit just before the payment earns nothing.
		let to_reserves = math::share_of(interest, pool.params.reserve_factor);
		pool.total_reserves =
			pool.total_reserves.checked_add(to_reserves).ok_or(Error::<T>::Overflow)?;
		pool.lock_income(
			interest.saturating_sub(to_reserves).saturating_add(recovered),
			Self::now(),
		);
		Pools::<T>::insert(asset, pool);
		// An interest-only payment (or a recovery after a write-off) leaves the facility as it
		// was: no write.
		if repaid > 0 {
			Self::update_facility(
				asset,
				facility,
				FacilityState { drawn: state.drawn - repaid, ..state },
			);
		}
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
