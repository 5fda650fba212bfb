//! Liquidation, dust, bad debt.

use super::*;
use xindai_primitives::price::Price;

/// Alice lends 100,000 USDX; Bob posts 1 XBTC (60,000 USDX) and borrows 40,000 USDX; XBTC
/// falls to 50,000 USDX: Bob's health is 37,500 / 40,000.
fn bob_underwater() {
	alice_lends_usdx(100_000 * DOLLAR);
	bob_posts_xbtc(BTC);
	assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 40_000 * DOLLAR));
	set_price(XBTC, Price::from_u32(500));
}

/// Sets the USDX pool's close factor to 100%.
fn let_liquidations_close_whole_debts() {
	let mut params = usdx_params();
	params.close_factor = sp_runtime::Permill::one();
	assert_ok!(LiquidityPools::set_pool_params(RuntimeOrigin::root(), USDX, params));
}

#[test]
fn a_healthy_position_cannot_be_liquidated() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 40_000 * DOLLAR));
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(CHARLIE), BOB, USDX, XBTC, DOLLAR),
			Error::<Test>::PositionHealthy
		);
	});
}

#[test]
fn liquidation_repays_up_to_the_close_factor_and_seizes_with_the_incentive() {
	run_test(|| {
		bob_underwater();
		let hf = LiquidityPools::position(&BOB).health_factor.unwrap();
		assert!(hf < sp_runtime::FixedU128::from_u32(1));
		let before = balance(USDX, CHARLIE);
		let bob_lp = crate::Collateral::<Test>::get(BOB, XBTC).unwrap();
		assert_ok!(LiquidityPools::liquidate(
			RuntimeOrigin::signed(CHARLIE),
			BOB,
			USDX,
			XBTC,
			100_000 * DOLLAR
		));
		// Close factor 50%: 20,000 USDX repaid.
		assert_eq!(before - balance(USDX, CHARLIE), 20_000 * DOLLAR);
		// 20,000 × 1.10 = 22,000 USDX of XBTC at 50,000 = 0.44 XBTC of LP tokens.
		let seized = 44_000_000;
		assert_eq!(balance(XBTC + LP_OFFSET, CHARLIE), seized);
		assert_eq!(crate::Collateral::<Test>::get(BOB, XBTC), Some(bob_lp - seized));
		assert_eq!(
			last_event(),
			Event::Liquidated {
				liquidator: CHARLIE,
				borrower: BOB,
				debt_asset: USDX,
				repaid: 20_000 * DOLLAR,
				collateral_asset: XBTC,
				lp_seized: seized
			}
		);
		// Reported as a payment 30 days late.
		assert_eq!(credit_notes().last(), Some(&CreditNote::Repaid(BOB, 20_000 * DOLLAR, 30)));
		// Bob is healthier: (0.56 × 50,000 × 75%) / 20,000 = 1.05.
		let hf = LiquidityPools::position(&BOB).health_factor.unwrap();
		assert!(hf > sp_runtime::FixedU128::from_u32(1));
		// The liquidator can redeem the seized tokens for XBTC.
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(CHARLIE), XBTC, seized));
	});
}

#[test]
fn liquidation_errors() {
	run_test(|| {
		bob_underwater();
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(BOB), BOB, USDX, XBTC, DOLLAR),
			Error::<Test>::SelfLiquidation
		);
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(CHARLIE), BOB, USDX, XBTC, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(CHARLIE), BOB, XBTC, XBTC, DOLLAR),
			Error::<Test>::NoDebt
		);
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(CHARLIE), BOB, USDX, USDX, DOLLAR),
			Error::<Test>::NoCollateralInAsset
		);
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(CHARLIE), BOB, XETH, XBTC, DOLLAR),
			Error::<Test>::PoolNotFound
		);
		// Liquidation needs fresh prices.
		advance(60 * 60 * 1_000 + 1);
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(CHARLIE), BOB, USDX, XBTC, DOLLAR),
			Error::<Test>::PriceStale
		);
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(500));
		// One unit of USDX seizes 1.1 units of credit value: less than one XBTC unit.
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(CHARLIE), BOB, USDX, XBTC, 1),
			Error::<Test>::LiquidationTooSmall
		);
	});
}

#[test]
fn dust_debts_can_be_closed_whole() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC / 1_000); // 60 USDX of collateral
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 18 * DOLLAR));
		set_price(XBTC, Price::from_u32(300)); // collateral 30 USDX × 75% = 22.5 ≥ 18: healthy
		set_price(XBTC, Price::from_u32(200)); // 20 × 75% = 15 < 18
										 // Half of 18 leaves 9 USDX: under the 10 USDX dust line, so all 18 may be repaid.
		assert_ok!(LiquidityPools::liquidate(
			RuntimeOrigin::signed(CHARLIE),
			BOB,
			USDX,
			XBTC,
			18 * DOLLAR
		));
		assert!(crate::Debts::<Test>::get(BOB, USDX).is_none());
	});
}

#[test]
fn debt_left_without_collateral_is_covered_by_reserves_then_lenders() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 40_000 * DOLLAR));
		// Some reserves build up over a year.
		advance(YEAR);
		set_price(USDX, Price::from_u32(1));
		// XBTC crashes to 10,000 USDX: the collateral covers a quarter of the debt.
		set_price(XBTC, Price::from_u32(100));
		let info = LiquidityPools::pool_info(USDX).unwrap();
		let reserves_before = info.total_reserves;
		assert!(reserves_before > 0);
		let underlying_before = info.cash + info.total_borrows - info.total_reserves;
		let_liquidations_close_whole_debts();
		assert_ok!(LiquidityPools::liquidate(
			RuntimeOrigin::signed(CHARLIE),
			BOB,
			USDX,
			XBTC,
			100_000 * DOLLAR
		));
		// All the collateral went; what it could not cover was written off.
		assert_eq!(crate::Collateral::<Test>::get(BOB, XBTC), Some(0));
		assert!(crate::Debts::<Test>::get(BOB, USDX).is_none());
		let bad_debt = pool_events()
			.into_iter()
			.find_map(|e| match e {
				Event::BadDebt { borrower, asset, amount, covered_by_reserves, socialised } => {
					assert_eq!(borrower, BOB);
					assert_eq!(asset, USDX);
					Some((amount, covered_by_reserves, socialised))
				},
				_ => None,
			})
			.expect("a bad-debt event");
		let (amount, covered, socialised) = bad_debt;
		assert_eq!(covered, reserves_before);
		assert_eq!(amount, covered + socialised);
		assert!(socialised > 0);
		let info = LiquidityPools::pool_info(USDX).unwrap();
		assert_eq!(info.total_reserves, 0);
		assert_eq!(info.total_borrows, 0);
		// Lenders own less by the socialised part (what the liquidator repaid came in as cash).
		let underlying_after = info.cash + info.total_borrows - info.total_reserves;
		let repaid = match pool_events().into_iter().find(|e| matches!(e, Event::Liquidated { .. }))
		{
			Some(Event::Liquidated { repaid, .. }) => repaid,
			_ => 0,
		};
		assert!(underlying_after + socialised + 2 >= underlying_before);
		assert!(underlying_after + socialised <= underlying_before + 2, "{repaid}");
		// The principal left is written off (the debt's interest never counted as exposure).
		assert!(
			matches!(credit_notes().last(), Some(CreditNote::Defaulted(BOB, v)) if *v > 0 && *v <= amount)
		);
	});
}

#[test]
fn a_wiped_out_pool_takes_no_deposits_and_pays_nothing() {
	run_test(|| {
		// Bob lends the only USDX and borrows it back against XBTC, which then goes to zero.
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), USDX, 10_000 * DOLLAR));
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 10_000 * DOLLAR));
		set_price(XBTC, Price::from_inner(1));
		let_liquidations_close_whole_debts();
		assert_ok!(LiquidityPools::liquidate(
			RuntimeOrigin::signed(CHARLIE),
			BOB,
			USDX,
			XBTC,
			10_000 * DOLLAR
		));
		let info = LiquidityPools::pool_info(USDX).unwrap();
		assert_eq!(info.total_borrows, 0);
		assert_eq!(info.cash, 0);
		assert_noop!(
			LiquidityPools::deposit(RuntimeOrigin::signed(DAVE), USDX, DOLLAR),
			Error::<Test>::PoolWipedOut
		);
		assert_noop!(
			LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), USDX, 1),
			Error::<Test>::WithdrawalTooSmall
		);
	});
}

#[test]
fn never_priced_dust_collateral_cannot_block_a_bad_debt_write_off() {
	// The attack: a borrower keeps dust collateral in a pool whose asset was never priced; it
	// could never be seized, so the bad debt left after seizing everything else was never
	// written off and the lenders' loss never recognised.
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::create_pool(RuntimeOrigin::root(), XETH, xbtc_params()));
		mint(XETH, BOB, 1_000_000);
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), XETH, 1_000_000));
		assert_ok!(LiquidityPools::enable_collateral(RuntimeOrigin::signed(BOB), XETH));
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 40_000 * DOLLAR));
		let_liquidations_close_whole_debts();
		// XBTC collapses: its collateral covers a fraction of the debt.
		set_price(XBTC, Price::from_u32(100));
		assert_ok!(LiquidityPools::liquidate(
			RuntimeOrigin::signed(CHARLIE),
			BOB,
			USDX,
			XBTC,
			100_000 * DOLLAR
		));
		assert!(pool_events().iter().any(|e| matches!(e, Event::BadDebt { borrower: BOB, .. })));
		assert!(crate::Debts::<Test>::get(BOB, USDX).is_none());
		// The worthless remainder stays Bob's.
		assert!(crate::Collateral::<Test>::get(BOB, XETH).is_some());
	});
}
