//! Pool creation, parameter bounds, pause, reserves and the price age limit.

use super::*;
use crate::types::{bounds, PoolParams};
use sp_runtime::{DispatchError, Permill};
use xindai_primitives::interest::Rate;

fn with(f: impl FnOnce(&mut PoolParams)) -> PoolParams {
	let mut params = usdx_params();
	f(&mut params);
	params
}

#[test]
fn create_pool_makes_an_lp_token_with_metadata() {
	run_test(|| {
		assert_ok!(LiquidityPools::create_pool(RuntimeOrigin::root(), XETH, usdx_params()));
		let lp = XETH + LP_OFFSET;
		use frame_support::traits::fungibles::metadata::Inspect;
		assert_eq!(<Assets as Inspect<AccountId>>::symbol(lp), b"lpXETH".to_vec());
		assert_eq!(<Assets as Inspect<AccountId>>::decimals(lp), 18);
		assert_eq!(<Assets as Inspect<AccountId>>::name(lp), b"Xindai LP XETH".to_vec());
		assert_eq!(
			last_event(),
			Event::PoolCreated { asset: XETH, lp_asset: lp, params: usdx_params() }
		);
	});
}

#[test]
fn create_pool_errors() {
	run_test(|| {
		assert_noop!(
			LiquidityPools::create_pool(RuntimeOrigin::signed(ALICE), XETH, usdx_params()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			LiquidityPools::create_pool(RuntimeOrigin::root(), USDX, usdx_params()),
			Error::<Test>::PoolExists
		);
		assert_noop!(
			LiquidityPools::create_pool(RuntimeOrigin::root(), 55, usdx_params()),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			LiquidityPools::create_pool(RuntimeOrigin::root(), LP_OFFSET + 1, usdx_params()),
			Error::<Test>::CannotPoolLpAsset
		);
		// Someone squatted the LP id of XETH.
		create_asset(XETH + LP_OFFSET, b"SQ", 0);
		assert_noop!(
			LiquidityPools::create_pool(RuntimeOrigin::root(), XETH, usdx_params()),
			Error::<Test>::LpAssetTaken
		);
	});
}

#[test]
fn every_parameter_is_bounded() {
	run_test(|| {
		let cases: Vec<(PoolParams, Error<Test>)> = vec![
			(
				with(|p| {
					p.collateral_factor = Permill::from_percent(91);
					p.liquidation_threshold = Permill::from_percent(92);
				}),
				Error::CollateralFactorTooHigh,
			),
			(
				with(|p| p.liquidation_threshold = Permill::from_percent(96)),
				Error::LiquidationThresholdTooHigh,
			),
			(
				with(|p| p.liquidation_threshold = Permill::from_percent(79)),
				Error::LiquidationThresholdBelowCollateralFactor,
			),
			(
				with(|p| p.liquidation_incentive = Permill::from_percent(21)),
				Error::LiquidationIncentiveTooHigh,
			),
			(
				with(|p| {
					p.collateral_factor = Permill::from_percent(90);
					p.liquidation_threshold = Permill::from_percent(95);
					p.liquidation_incentive = Permill::from_percent(6);
				}),
				Error::IncentiveTooHighForThreshold,
			),
			(with(|p| p.close_factor = Permill::from_percent(4)), Error::CloseFactorOutOfBounds),
			(with(|p| p.reserve_factor = Permill::from_percent(51)), Error::ReserveFactorTooHigh),
			(with(|p| p.rate_model.base = Rate::from_rational(21, 100)), Error::BaseRateTooHigh),
			(
				with(|p| p.rate_model.multiplier = Rate::from_rational(101, 100)),
				Error::MultiplierTooHigh,
			),
			(
				with(|p| p.rate_model.jump_multiplier = Rate::from_u32(11)),
				Error::JumpMultiplierTooHigh,
			),
			(with(|p| p.rate_model.kink = Permill::from_percent(9)), Error::KinkOutOfBounds),
			(with(|p| p.rate_model.kink = Permill::from_percent(96)), Error::KinkOutOfBounds),
		];
		for (params, error) in cases {
			let error: DispatchError = error.into();
			assert_noop!(LiquidityPools::create_pool(RuntimeOrigin::root(), XETH, params), error);
			assert_noop!(
				LiquidityPools::set_pool_params(RuntimeOrigin::root(), USDX, params),
				error
			);
		}
		// The bounds themselves are accepted.
		let edge = with(|p| {
			p.collateral_factor = bounds::MAX_COLLATERAL_FACTOR;
			p.liquidation_threshold = Permill::from_percent(90);
			p.liquidation_incentive = Permill::from_percent(10);
			p.close_factor = Permill::one();
			p.reserve_factor = bounds::MAX_RESERVE_FACTOR;
			p.rate_model.base = bounds::MAX_BASE_RATE;
			p.rate_model.kink = bounds::MAX_KINK;
		});
		assert_ok!(LiquidityPools::set_pool_params(RuntimeOrigin::root(), USDX, edge));
		assert_eq!(last_event(), Event::PoolParamsSet { asset: USDX, params: edge });
	});
}

#[test]
fn set_pool_params_errors() {
	run_test(|| {
		assert_noop!(
			LiquidityPools::set_pool_params(RuntimeOrigin::signed(COUNCIL), USDX, usdx_params()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			LiquidityPools::set_pool_params(RuntimeOrigin::root(), XETH, usdx_params()),
			Error::<Test>::PoolNotFound
		);
	});
}

#[test]
fn the_council_pauses_deposits_and_borrowing_but_not_repayment() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 1_000 * DOLLAR));
		assert_ok!(LiquidityPools::pause_pool(RuntimeOrigin::signed(COUNCIL), USDX));
		assert_eq!(last_event(), Event::PoolPaused { asset: USDX });
		assert_noop!(
			LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), USDX, DOLLAR),
			Error::<Test>::PoolPaused
		);
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, DOLLAR),
			Error::<Test>::PoolPaused
		);
		assert_ok!(LiquidityPools::repay(RuntimeOrigin::signed(BOB), USDX, 100 * DOLLAR));
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), USDX, 1_000 * DOLLAR));
		// The council cannot unpause; the risk origin can.
		assert_noop!(
			LiquidityPools::unpause_pool(RuntimeOrigin::signed(COUNCIL), USDX),
			DispatchError::BadOrigin
		);
		assert_ok!(LiquidityPools::unpause_pool(RuntimeOrigin::root(), USDX));
		assert_eq!(last_event(), Event::PoolUnpaused { asset: USDX });
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), USDX, DOLLAR));
	});
}

#[test]
fn pause_errors() {
	run_test(|| {
		assert_noop!(
			LiquidityPools::pause_pool(RuntimeOrigin::signed(ALICE), USDX),
			DispatchError::BadOrigin
		);
		assert_noop!(
			LiquidityPools::pause_pool(RuntimeOrigin::root(), XETH),
			Error::<Test>::PoolNotFound
		);
		assert_noop!(
			LiquidityPools::unpause_pool(RuntimeOrigin::root(), XETH),
			Error::<Test>::PoolNotFound
		);
	});
}

#[test]
fn reserves_go_to_the_treasury() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(10 * BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 50_000 * DOLLAR));
		advance(YEAR);
		assert_ok!(LiquidityPools::repay_all(RuntimeOrigin::signed(BOB), USDX));
		let reserves = crate::Pools::<Test>::get(USDX).unwrap().total_reserves;
		// 50% utilisation: 7% a year on 50,000 is 3,500 USDX, 10% of it is reserves.
		assert!((350 * DOLLAR..=351 * DOLLAR).contains(&reserves), "{reserves}");
		assert_noop!(
			LiquidityPools::reduce_reserves(RuntimeOrigin::root(), USDX, reserves + 1),
			Error::<Test>::InsufficientReserves
		);
		assert_noop!(
			LiquidityPools::reduce_reserves(RuntimeOrigin::root(), USDX, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			LiquidityPools::reduce_reserves(RuntimeOrigin::signed(ALICE), USDX, 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			LiquidityPools::reduce_reserves(RuntimeOrigin::root(), XETH, 1),
			Error::<Test>::PoolNotFound
		);
		assert_ok!(LiquidityPools::reduce_reserves(RuntimeOrigin::root(), USDX, reserves));
		assert_eq!(balance(USDX, TREASURY), reserves);
		assert_eq!(
			last_event(),
			Event::ReservesReduced { asset: USDX, amount: reserves, remaining: 0 }
		);
	});
}

#[test]
fn reserves_cannot_take_lent_out_cash() {
	run_test(|| {
		alice_lends_usdx(10_000 * DOLLAR);
		bob_posts_xbtc(10 * BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 10_000 * DOLLAR));
		advance(YEAR);
		assert_ok!(LiquidityPools::set_pool_params(RuntimeOrigin::root(), USDX, usdx_params()));
		let reserves = crate::Pools::<Test>::get(USDX).unwrap().total_reserves;
		assert!(reserves > 0);
		assert_noop!(
			LiquidityPools::reduce_reserves(RuntimeOrigin::root(), USDX, reserves),
			Error::<Test>::InsufficientCash
		);
	});
}

#[test]
fn price_age_limit_is_bounded() {
	run_test(|| {
		assert_noop!(
			LiquidityPools::set_max_price_age(RuntimeOrigin::root(), bounds::MIN_PRICE_AGE - 1),
			Error::<Test>::PriceAgeOutOfBounds
		);
		assert_noop!(
			LiquidityPools::set_max_price_age(RuntimeOrigin::root(), bounds::MAX_PRICE_AGE + 1),
			Error::<Test>::PriceAgeOutOfBounds
		);
		assert_noop!(
			LiquidityPools::set_max_price_age(RuntimeOrigin::signed(ALICE), 120_000),
			DispatchError::BadOrigin
		);
		assert_ok!(LiquidityPools::set_max_price_age(RuntimeOrigin::root(), 120_000));
		assert_eq!(crate::MaxPriceAge::<Test>::get(), 120_000);
		assert_eq!(last_event(), Event::MaxPriceAgeSet { max_age: 120_000 });
	});
}
