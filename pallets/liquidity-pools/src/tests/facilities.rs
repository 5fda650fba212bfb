//! Credit facilities: governance's cap, commitments, draws, interest to lenders, write-offs.

use super::*;
use sp_runtime::Permill;
use xindai_primitives::facility::{CreditFacilities, FacilityState};

const LINE: u64 = 7;
const SME: AccountId = 5;

fn pool() -> crate::types::Pool {
	crate::Pools::<Test>::get(USDX).unwrap()
}

/// What the USDX pool's lenders own once the facility income received so far has unlocked.
fn owned_once_unlocked() -> xindai_primitives::Balance {
	let later = pallet_timestamp::Now::<Test>::get() + crate::types::INCOME_UNLOCK_PERIOD;
	pool().accrued(later).unwrap().underlying()
}

/// Alice lends 10,000 USDX; governance lets the pool commit 5,000 to facilities.
fn funded_pool_with_cap() {
	alice_lends_usdx(10_000 * DOLLAR);
	assert_ok!(LiquidityPools::set_facility_cap(RuntimeOrigin::root(), USDX, 5_000 * DOLLAR));
}

#[test]
fn governance_sets_the_facility_cap_within_the_supply_cap() {
	run_test(|| {
		assert_ok!(LiquidityPools::set_facility_cap(RuntimeOrigin::root(), USDX, 1_000 * DOLLAR));
		assert_eq!(pool().facility_cap, 1_000 * DOLLAR);
		assert_eq!(last_event(), Event::FacilityCapSet { asset: USDX, cap: 1_000 * DOLLAR });
		assert_noop!(
			LiquidityPools::set_facility_cap(RuntimeOrigin::signed(ALICE), USDX, 1),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			LiquidityPools::set_facility_cap(RuntimeOrigin::root(), XETH, 1),
			Error::<Test>::PoolNotFound
		);
		let too_high = usdx_params().supply_cap + 1;
		assert_noop!(
			LiquidityPools::set_facility_cap(RuntimeOrigin::root(), USDX, too_high),
			Error::<Test>::FacilityCapTooHigh
		);
	});
}

#[test]
fn commitments_stay_within_the_cap() {
	run_test(|| {
		funded_pool_with_cap();
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::open_facility(
				USDX,
				LINE,
				5_001 * DOLLAR
			),
			Error::<Test>::FacilityCapExceeded
		);
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::open_facility(USDX, LINE, 0),
			Error::<Test>::ZeroAmount
		);
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::open_facility(
			USDX,
			LINE,
			3_000 * DOLLAR
		));
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::open_facility(USDX, LINE, DOLLAR),
			Error::<Test>::FacilityExists
		);
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::open_facility(
				USDX,
				LINE + 1,
				2_001 * DOLLAR
			),
			Error::<Test>::FacilityCapExceeded
		);
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::open_facility(
			USDX,
			LINE + 1,
			2_000 * DOLLAR
		));
		assert_eq!(pool().facility_undrawn, 5_000 * DOLLAR);
		// Lowering the cap below the commitments stops new ones; existing ones run on.
		assert_ok!(LiquidityPools::set_facility_cap(RuntimeOrigin::root(), USDX, 1_000 * DOLLAR));
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::open_facility(USDX, LINE + 2, DOLLAR),
			Error::<Test>::FacilityCapExceeded
		);
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::draw(USDX, LINE, &SME, DOLLAR));
		// Paused pools commit nothing.
		assert_ok!(LiquidityPools::pause_pool(RuntimeOrigin::signed(COUNCIL), USDX));
		assert_ok!(LiquidityPools::set_facility_cap(RuntimeOrigin::root(), USDX, 9_000 * DOLLAR));
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::open_facility(USDX, LINE + 2, DOLLAR),
			Error::<Test>::PoolPaused
		);
	});
}

#[test]
fn a_draw_is_lent_out_and_keeps_what_lenders_own() {
	run_test(|| {
		funded_pool_with_cap();
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::open_facility(
			USDX,
			LINE,
			3_000 * DOLLAR
		));
		let owned = pool().underlying();
		let before = balance(USDX, SME);
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::draw(
			USDX,
			LINE,
			&SME,
			1_000 * DOLLAR
		));
		assert_eq!(balance(USDX, SME), before + 1_000 * DOLLAR);
		let p = pool();
		assert_eq!(p.cash, 9_000 * DOLLAR);
		assert_eq!(p.facility_drawn, 1_000 * DOLLAR);
		assert_eq!(p.facility_undrawn, 2_000 * DOLLAR);
		assert_eq!(p.underlying(), owned);
		assert_eq!(p.utilisation(), Permill::from_percent(10));
		assert_eq!(
			<LiquidityPools as CreditFacilities<AccountId>>::facility(USDX, LINE),
			Some(FacilityState { undrawn: 2_000 * DOLLAR, drawn: 1_000 * DOLLAR })
		);
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::draw(USDX, LINE, &SME, 2_001 * DOLLAR),
			Error::<Test>::FacilityExhausted
		);
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::draw(USDX, LINE + 1, &SME, 1),
			Error::<Test>::NoFacility
		);
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::draw(USDX, LINE, &SME, 0),
			Error::<Test>::ZeroAmount
		);
	});
}

#[test]
fn interest_paid_on_a_facility_goes_to_lenders_and_reserves() {
	run_test(|| {
		funded_pool_with_cap();
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::open_facility(
			USDX,
			LINE,
			3_000 * DOLLAR
		));
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::draw(
			USDX,
			LINE,
			&SME,
			1_000 * DOLLAR
		));
		let rate_before = pool().underlying();
		let reserves_before = pool().total_reserves;
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::repay(
			USDX,
			LINE,
			&SME,
			400 * DOLLAR,
			100 * DOLLAR
		));
		let p = pool();
		let reserve_share = usdx_params().reserve_factor * (100 * DOLLAR);
		assert_eq!(p.total_reserves, reserves_before + reserve_share);
		// The lenders' share unlocks over the unlock period, not at once.
		assert_eq!(p.underlying(), rate_before);
		assert_eq!(p.income_locked, 100 * DOLLAR - reserve_share);
		assert_eq!(owned_once_unlocked(), rate_before + 100 * DOLLAR - reserve_share);
		assert_eq!(p.facility_drawn, 600 * DOLLAR);
		assert_eq!(
			last_event(),
			Event::FacilityRepaid {
				asset: USDX,
				facility: LINE,
				principal: 400 * DOLLAR,
				interest: 100 * DOLLAR,
				recovered: 0
			}
		);
		// Closing to new draws, then repaying in full, removes the facility.
		mint(USDX, SME, 100 * DOLLAR);
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::release_undrawn(USDX, LINE));
		assert_eq!(pool().facility_undrawn, 0);
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::repay(
			USDX,
			LINE,
			&SME,
			600 * DOLLAR,
			0
		));
		assert_eq!(<LiquidityPools as CreditFacilities<AccountId>>::facility(USDX, LINE), None);
		assert_eq!(pool().facility_drawn, 0);
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::repay(USDX, LINE, &SME, 0, 0),
			Error::<Test>::ZeroAmount
		);
	});
}

#[test]
fn a_write_off_takes_reserves_first_then_lenders_and_recoveries_return() {
	run_test(|| {
		funded_pool_with_cap();
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::open_facility(
			USDX,
			LINE,
			3_000 * DOLLAR
		));
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::draw(
			USDX,
			LINE,
			&SME,
			1_000 * DOLLAR
		));
		// Some interest builds reserves first.
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::repay(
			USDX,
			LINE,
			&SME,
			0,
			100 * DOLLAR
		));
		let reserves = pool().total_reserves;
		assert!(reserves > 0);
		let owned = pool().underlying();
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::release_undrawn(USDX, LINE));
		assert_eq!(
			<LiquidityPools as CreditFacilities<AccountId>>::write_off(USDX, LINE),
			Ok(1_000 * DOLLAR)
		);
		let p = pool();
		assert_eq!(p.total_reserves, 0);
		assert_eq!(p.facility_drawn, 0);
		// Reserves first, then the interest not unlocked yet, then the lenders' capital.
		let interest_to_lenders = 100 * DOLLAR - reserves;
		assert_eq!(p.income_locked, 0);
		assert_eq!(p.underlying(), owned - (1_000 * DOLLAR - reserves - interest_to_lenders));
		assert_eq!(<LiquidityPools as CreditFacilities<AccountId>>::facility(USDX, LINE), None);
		// A later recovery is the lenders' again, with no reserve share.
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::repay(
			USDX,
			LINE,
			&SME,
			500 * DOLLAR,
			0
		));
		// Locked like income, it unlocks over the unlock period.
		let after_loss = owned - (1_000 * DOLLAR - reserves - interest_to_lenders);
		assert_eq!(pool().underlying(), after_loss);
		assert_eq!(owned_once_unlocked(), after_loss + 500 * DOLLAR);
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::write_off(USDX, LINE),
			Error::<Test>::NoFacility
		);
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::release_undrawn(USDX, LINE),
			Error::<Test>::NoFacility
		);
	});
}

#[test]
fn a_draw_needs_cash_and_an_unpaused_pool() {
	run_test(|| {
		alice_lends_usdx(1_000 * DOLLAR);
		assert_ok!(LiquidityPools::set_facility_cap(RuntimeOrigin::root(), USDX, 5_000 * DOLLAR));
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::open_facility(
			USDX,
			LINE,
			2_000 * DOLLAR
		));
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::draw(USDX, LINE, &SME, 1_500 * DOLLAR),
			Error::<Test>::InsufficientCash
		);
		assert_ok!(LiquidityPools::pause_pool(RuntimeOrigin::signed(COUNCIL), USDX));
		assert_noop!(
			<LiquidityPools as CreditFacilities<AccountId>>::draw(USDX, LINE, &SME, DOLLAR),
			Error::<Test>::PoolPaused
		);
	});
}
