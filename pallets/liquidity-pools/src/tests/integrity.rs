//! Attacks on the credit spine through pools, each written first as a failing test.

use super::*;
use xindai_primitives::{price::Price, testing::CreditNote};

fn served_notes() -> Vec<CreditNote> {
	credit_notes().into_iter().filter(|n| matches!(n, CreditNote::Served(..))).collect()
}

#[test]
fn borrowing_and_repaying_in_one_block_proves_nothing() {
	// The farming attack: 45 × (borrow 10 USDX, repay all) in one batch counted 45 on-time
	// instalments and took a score from 570 to 750.
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		for _ in 0..45 {
			assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 10 * DOLLAR));
			assert_ok!(LiquidityPools::repay_all(RuntimeOrigin::signed(BOB), USDX));
		}
		assert!(served_notes().is_empty(), "{:?}", credit_notes());
	});
}

#[test]
fn a_repayment_reports_the_time_the_debt_was_outstanding_once() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 1_000 * DOLLAR));
		advance(30 * DAY);
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(600));
		// Borrowing more just before repaying earns nothing for the extra principal.
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 9_000 * DOLLAR));
		assert_ok!(LiquidityPools::repay(RuntimeOrigin::signed(BOB), USDX, 100 * DOLLAR));
		assert_eq!(served_notes(), vec![CreditNote::Served(BOB, 1_000 * DOLLAR, 30 * DAY)]);
		// Many repayments in the same block add nothing.
		for _ in 0..5 {
			assert_ok!(LiquidityPools::repay(RuntimeOrigin::signed(BOB), USDX, DOLLAR));
		}
		assert_eq!(served_notes().len(), 1);
	});
}

#[test]
fn a_position_liquidated_many_times_records_one_delinquency() {
	// Dust griefing: each liquidation call recorded a late instalment (−15 each).
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 40_000 * DOLLAR));
		set_price(XBTC, Price::from_u32(400));
		for _ in 0..3 {
			assert_ok!(LiquidityPools::liquidate(
				RuntimeOrigin::signed(CHARLIE),
				BOB,
				USDX,
				XBTC,
				1_000 * DOLLAR
			));
		}
		let late: Vec<_> = credit_notes()
			.into_iter()
			.filter(|n| matches!(n, CreditNote::Repaid(BOB, _, days) if *days > 0))
			.collect();
		assert_eq!(late.len(), 1, "{:?}", credit_notes());
		// Liquidations never count as service.
		assert!(served_notes().is_empty());
	});
}

#[test]
fn a_position_liquidated_again_after_the_window_records_another_delinquency() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 40_000 * DOLLAR));
		set_price(XBTC, Price::from_u32(400));
		let liquidate = || {
			LiquidityPools::liquidate(
				RuntimeOrigin::signed(CHARLIE),
				BOB,
				USDX,
				XBTC,
				1_000 * DOLLAR,
			)
		};
		assert_ok!(liquidate());
		advance(31 * DAY);
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(400));
		assert_ok!(liquidate());
		let late = credit_notes()
			.into_iter()
			.filter(|n| matches!(n, CreditNote::Repaid(BOB, _, days) if *days > 0))
			.count();
		assert_eq!(late, 2, "a borrower liquidated month after month is recorded each time");
	});
}

#[test]
fn stale_dust_collateral_cannot_block_a_liquidation() {
	// The attack: a borrower adds dust collateral in a pool whose price goes stale; every health
	// check then failed on it, and nobody could liquidate.
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		set_price(XETH, Price::from_u32(1));
		assert_ok!(LiquidityPools::create_pool(RuntimeOrigin::root(), XETH, xbtc_params()));
		mint(XETH, BOB, 1_000_000_000);
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), XETH, 1_000_000_000));
		assert_ok!(LiquidityPools::enable_collateral(RuntimeOrigin::signed(BOB), XETH));
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 40_000 * DOLLAR));
		// Hours later XBTC falls; XETH's price is stale (nobody feeds it any more).
		advance(2 * 60 * 60 * 1_000);
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(400));
		assert_ok!(LiquidityPools::liquidate(
			RuntimeOrigin::signed(CHARLIE),
			BOB,
			USDX,
			XBTC,
			1_000 * DOLLAR
		));
		// And the stale collateral lends no value to new borrowing.
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, DOLLAR),
			Error::<Test>::InsufficientCollateral
		);
	});
}

#[test]
fn a_just_in_time_deposit_captures_no_facility_interest() {
	// The attack: facility interest reached the pool in monthly lumps, so a deposit just before
	// the line's repayment and a withdrawal after took the lenders' month.
	use xindai_primitives::facility::CreditFacilities;
	run_test(|| {
		alice_lends_usdx(10_000 * DOLLAR);
		assert_ok!(LiquidityPools::set_facility_cap(RuntimeOrigin::root(), USDX, 5_000 * DOLLAR));
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::open_facility(
			USDX,
			7,
			5_000 * DOLLAR
		));
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::draw(
			USDX,
			7,
			&DAVE,
			5_000 * DOLLAR
		));
		advance(30 * DAY);
		// Charlie deposits a lot right before the month's interest is paid, and leaves after.
		let before = balance(USDX, CHARLIE);
		assert_ok!(LiquidityPools::deposit(
			RuntimeOrigin::signed(CHARLIE),
			USDX,
			1_000_000 * DOLLAR
		));
		assert_ok!(<LiquidityPools as CreditFacilities<AccountId>>::repay(
			USDX,
			7,
			&DAVE,
			0,
			50 * DOLLAR
		));
		let lp = balance(USDX + crate::mock::LP_OFFSET, CHARLIE);
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(CHARLIE), USDX, lp));
		assert!(
			balance(USDX, CHARLIE) <= before,
			"the attacker earned {}",
			balance(USDX, CHARLIE) - before
		);
		// The lenders who stay earn it as it unlocks.
		advance(30 * DAY);
		let info = LiquidityPools::pool_info(USDX).unwrap();
		assert!(info.exchange_rate > sp_runtime::FixedU128::from_u32(1));
	});
}

#[test]
fn a_healthy_borrower_is_not_liquidatable_while_a_collateral_price_lags() {
	// Valued at zero while stale (say, during the oracle's cooling-off after a jump), XBTC
	// collateral made a healthy borrower look underwater: its fresh USDX collateral could be
	// taken with the incentive.
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), USDX, 5_000 * DOLLAR));
		assert_ok!(LiquidityPools::enable_collateral(RuntimeOrigin::signed(BOB), USDX));
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 20_000 * DOLLAR));
		advance(2 * 60 * 60 * 1_000);
		set_price(USDX, Price::from_u32(1));
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(CHARLIE), BOB, USDX, USDX, DOLLAR),
			Error::<Test>::PositionHealthy
		);
	});
}

#[test]
fn a_unit_of_interest_cannot_hold_back_the_lenders_income() {
	// Each facility payment reset the unlock of everything locked to 30 days: anyone paying one
	// unit an hour kept the lenders' income locked almost forever.
	use crate::types::INCOME_UNLOCK_PERIOD as PERIOD;
	run_test(|| {
		let mut pool = crate::Pools::<Test>::get(USDX).unwrap();
		let start = pool.income_locked_at;
		pool.lock_income(3_000 * DOLLAR, start);
		assert_eq!(pool.income_unlocks_at, start + PERIOD);
		// Halfway, half is unlocked; a unit more barely moves the deadline.
		let half = start + PERIOD / 2;
		pool.lock_income(1, half);
		assert_eq!(pool.income_locked, 1_500 * DOLLAR + 1);
		assert!(pool.income_unlocks_at <= start + PERIOD + 1_000, "{}", pool.income_unlocks_at);
		// Nothing at all changes nothing.
		let before = pool.clone();
		pool.lock_income(0, half);
		assert_eq!(pool, before);
		// And it is all unlocked by the deadline.
		pool.unlock_income(pool.income_unlocks_at);
		assert_eq!(pool.income_locked, 0);
	});
}

#[test]
fn a_loss_takes_the_locked_income_before_the_lenders_capital() {
	run_test(|| {
		let mut pool = crate::Pools::<Test>::get(USDX).unwrap();
		pool.total_reserves = 10 * DOLLAR;
		pool.lock_income(100 * DOLLAR, pool.income_locked_at);
		let covered = pool.absorb_loss(50 * DOLLAR);
		assert_eq!(covered, 10 * DOLLAR);
		assert_eq!(pool.income_locked, 60 * DOLLAR);
	});
}

#[test]
fn the_registry_books_debt_in_the_lent_asset_and_a_price_move_leaves_no_phantom_debt() {
	// Reported in credit units, 0.1 XBTC borrowed at 60,000 and repaid at 30,000 left 3,000
	// USDX of debt in the registry that nobody owed, counted against the borrower's cap forever.
	run_test(|| {
		use xindai_primitives::credit::{CreditRegistry, ReportedPosition};
		use xindai_primitives::testing::TestCredit;
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(DAVE), XBTC, 10 * BTC));
		verify(ALICE);
		alice_lends_usdx(100_000 * DOLLAR);
		assert_ok!(LiquidityPools::enable_collateral(RuntimeOrigin::signed(ALICE), USDX));
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(ALICE), XBTC, BTC / 10));
		let position = LiquidityPools::credit_position(XBTC);
		assert_eq!(TestCredit::position(&ALICE, position).owed, BTC / 10);
		set_price(XBTC, Price::from_u32(300));
		advance(DAY);
		set_price(XBTC, Price::from_u32(300));
		set_price(USDX, Price::from_u32(1));
		mint(XBTC, ALICE, BTC);
		assert_ok!(LiquidityPools::repay_all(RuntimeOrigin::signed(ALICE), XBTC));
		assert_eq!(TestCredit::position(&ALICE, position), ReportedPosition::default());
		assert_eq!(exposure(ALICE), 0);
	});
}
