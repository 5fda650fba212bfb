//! Borrowing, interest, the tier premium, prices and repayment.

use super::*;
use crate::types::DebtPosition;
use sp_runtime::DispatchError;
use xindai_primitives::price::Price;

fn debt_of(who: AccountId, asset: xindai_primitives::AssetId) -> xindai_primitives::Balance {
	LiquidityPools::position(&who)
		.debts
		.into_iter()
		.find(|d| d.asset == asset)
		.map(|d| d.amount)
		.unwrap_or(0)
}

#[test]
fn a_verified_borrower_borrows_against_collateral() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		let before = balance(USDX, BOB);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 400 * DOLLAR));
		assert_eq!(balance(USDX, BOB) - before, 400 * DOLLAR);
		assert_eq!(
			last_event(),
			Event::Borrowed {
				who: BOB,
				asset: USDX,
				amount: 400 * DOLLAR,
				debt: 400 * DOLLAR,
				premium: Default::default()
			}
		);
		assert_eq!(credit_notes(), vec![CreditNote::Borrowed(BOB, 400 * DOLLAR)]);
		let position = LiquidityPools::position(&BOB);
		// Bob's collateral is 1 XBTC less the pool's locked minimum liquidity (he deposited
		// first), at 600 credit units per satoshi: × 75% liquidation threshold / 400 USDX.
		let collateral_value = (BTC - MIN_LIQUIDITY) * 600;
		assert_eq!(
			position.health_factor,
			Some(sp_runtime::FixedU128::from_rational(collateral_value * 3 / 4, 400 * DOLLAR))
		);
		// × 70% collateral factor − 400 USDX.
		let room = collateral_value * 7 / 10 - 400 * DOLLAR;
		assert_eq!(position.borrowable_value, room);
		assert!(position.prices_fresh);
		assert_eq!(LiquidityPools::max_borrow(&BOB, USDX), room);
	});
}

#[test]
fn borrow_errors() {
	run_test(|| {
		alice_lends_usdx(10_000 * DOLLAR);
		bob_posts_xbtc(100 * BTC);
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(BOB), XETH, 1),
			Error::<Test>::PoolNotFound
		);
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 10_001 * DOLLAR),
			Error::<Test>::InsufficientCash
		);
		let mut params = usdx_params();
		params.borrow_cap = 5_000 * DOLLAR;
		assert_ok!(LiquidityPools::set_pool_params(RuntimeOrigin::root(), USDX, params));
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 5_001 * DOLLAR),
			Error::<Test>::BorrowCapExceeded
		);
		// Without collateral.
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(CHARLIE), USDX, DOLLAR),
			Error::<Test>::InsufficientCollateral
		);
		// Unverified (the registry refuses).
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(DAVE), XBTC, BTC));
		assert_ok!(LiquidityPools::enable_collateral(RuntimeOrigin::signed(DAVE), XBTC));
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(DAVE), USDX, DOLLAR),
			DispatchError::Other("NotVerified")
		);
		// Over the exposure cap.
		set_exposure_cap(100 * DOLLAR);
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 101 * DOLLAR),
			DispatchError::Other("ExposureCapExceeded")
		);
	});
}

#[test]
fn stale_or_missing_prices_block_borrowing_not_repaying() {
	run_test(|| {
		alice_lends_usdx(10_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 100 * DOLLAR));
		advance(60 * 60 * 1_000 + 1);
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, DOLLAR),
			Error::<Test>::PriceStale
		);
		// Fresh USDX is not enough: the collateral's price is stale, so it counts for nothing.
		set_price(USDX, Price::from_u32(1));
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, DOLLAR),
			Error::<Test>::InsufficientCollateral
		);
		assert_noop!(
			LiquidityPools::withdraw(RuntimeOrigin::signed(BOB), XBTC, 1),
			Error::<Test>::InsufficientCollateral
		);
		assert!(!LiquidityPools::position(&BOB).prices_fresh);
		assert_eq!(LiquidityPools::max_borrow(&BOB, USDX), 0);
		// Repaying and depositing never look at prices.
		assert_ok!(LiquidityPools::repay(RuntimeOrigin::signed(BOB), USDX, 10 * DOLLAR));
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), XBTC, BTC));
		set_price(XBTC, Price::from_u32(600));
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, DOLLAR));
	});
}

#[test]
fn a_never_priced_asset_cannot_be_borrowed() {
	run_test(|| {
		create_asset(20, b"NOP", 6);
		// The first depositor of a new asset also pays custody's reserve (one minimum balance).
		mint(20, ALICE, 1_000 * DOLLAR + 1);
		assert_ok!(LiquidityPools::create_pool(RuntimeOrigin::root(), 20, usdx_params()));
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), 20, 1_000 * DOLLAR));
		bob_posts_xbtc(BTC);
		assert_noop!(
			LiquidityPools::borrow(RuntimeOrigin::signed(BOB), 20, DOLLAR),
			Error::<Test>::NoPrice
		);
	});
}

#[test]
fn the_pool_never_leaves_dust_in_its_account() {
	run_test(|| {
		assert!(Assets::force_create(RuntimeOrigin::root(), 21, OWNER, true, 100).is_ok());
		assert!(Assets::set_metadata(
			RuntimeOrigin::signed(OWNER),
			21,
			b"D".to_vec(),
			b"D".to_vec(),
			6
		)
		.is_ok());
		mint(21, ALICE, 1_000_000);
		set_price(21, Price::from_u32(1));
		assert_ok!(LiquidityPools::create_pool(RuntimeOrigin::root(), 21, usdx_params()));
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), 21, 10_000));
		bob_posts_xbtc(BTC);
		// Cash left below the minimum balance is fine: custody keeps its reserve (paid by the
		// first depositor), so no payout ever burns dust (the mock checks conservation).
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), 21, 9_950));
		assert_eq!(balance(21, LiquidityPools::account_id()), 50 + 100);
	});
}

#[test]
fn interest_accrues_per_second_through_the_index() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(10 * BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 50_000 * DOLLAR));
		// 50% utilisation: 2% + 10% × 50% = 7% a year.
		let info = LiquidityPools::pool_info(USDX).unwrap();
		assert_eq!(info.borrow_apr, xindai_primitives::interest::Rate::from_rational(7, 100));
		// Lenders: 7% × 50% × 90% = 3.15%.
		assert_eq!(info.supply_apr, xindai_primitives::interest::Rate::from_rational(315, 10_000));
		advance(YEAR / 2);
		// Half a year of 7% on 50,000: 1,750.
		let debt = debt_of(BOB, USDX);
		assert!((51_750 * DOLLAR..=51_750 * DOLLAR + 1).contains(&debt), "{debt}");
		let info = LiquidityPools::pool_info(USDX).unwrap();
		assert!(info.total_borrows >= 51_750 * DOLLAR && info.total_borrows <= 51_750 * DOLLAR + 1);
		assert!(info.exchange_rate > sp_runtime::FixedU128::from_u32(1));
		assert!(info.borrow_apy > info.borrow_apr);
	});
}

#[test]
fn the_tier_premium_raises_only_that_borrowers_rate() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(10 * BTC);
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(CHARLIE), XBTC, 10 * BTC));
		assert_ok!(LiquidityPools::enable_collateral(RuntimeOrigin::signed(CHARLIE), XBTC));
		// Charlie's tier adds 8% a year; Bob's nothing.
		set_premium_bps(CHARLIE, 800);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 10_000 * DOLLAR));
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(CHARLIE), USDX, 10_000 * DOLLAR));
		advance(YEAR);
		let bob = debt_of(BOB, USDX);
		let charlie = debt_of(CHARLIE, USDX);
		// 8% of (about) 10,400 more for Charlie.
		assert!(charlie > bob + 800 * DOLLAR, "bob {bob} charlie {charlie}");
		assert!(charlie < bob + 900 * DOLLAR, "bob {bob} charlie {charlie}");
		// Charging it adds it to the pool's borrows: lenders and reserves earn it.
		let before = LiquidityPools::pool_info(USDX).unwrap().total_borrows;
		assert_ok!(LiquidityPools::repay(RuntimeOrigin::signed(CHARLIE), USDX, DOLLAR));
		let after = LiquidityPools::pool_info(USDX).unwrap().total_borrows;
		assert!(after + DOLLAR > before + 800 * DOLLAR, "{before} {after}");
	});
}

#[test]
fn the_premium_is_capped() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(10 * BTC);
		set_premium_bps(BOB, 9_000);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, DOLLAR));
		let position: DebtPosition = crate::Debts::<Test>::get(BOB, USDX).unwrap();
		assert_eq!(position.premium, MaxRatePremium::get());
	});
}

#[test]
fn repay_pays_part_then_all_and_reports_it() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 400 * DOLLAR));
		assert_ok!(LiquidityPools::repay(RuntimeOrigin::signed(BOB), USDX, 100 * DOLLAR));
		assert_eq!(
			last_event(),
			Event::Repaid { who: BOB, asset: USDX, amount: 100 * DOLLAR, debt: 300 * DOLLAR }
		);
		advance(DAY);
		let before = balance(USDX, BOB);
		// Asking for more than owed pays only what is owed.
		assert_ok!(LiquidityPools::repay(RuntimeOrigin::signed(BOB), USDX, 1_000 * DOLLAR));
		let paid = before - balance(USDX, BOB);
		assert!(paid > 300 * DOLLAR && paid < 301 * DOLLAR, "{paid}");
		assert!(crate::Debts::<Test>::get(BOB, USDX).is_none());
		assert_eq!(
			credit_notes(),
			vec![
				CreditNote::Borrowed(BOB, 400 * DOLLAR),
				CreditNote::Repaid(BOB, 100 * DOLLAR, 0),
				// Exposure falls by the principal; the interest paid is not exposure.
				CreditNote::Repaid(BOB, 300 * DOLLAR, 0),
				// The day the remaining 300 USDX was outstanding: on-time service.
				CreditNote::Served(BOB, 300 * DOLLAR, DAY),
				CreditNote::Settled(BOB),
			]
		);
		// Bob keeps his collateral listed; the debt is gone from the list.
		assert_eq!(crate::AccountAssets::<Test>::get(BOB).into_inner(), vec![XBTC]);
	});
}

#[test]
fn repay_all_clears_interest_too() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 400 * DOLLAR));
		advance(YEAR);
		assert_ok!(LiquidityPools::repay_all(RuntimeOrigin::signed(BOB), USDX));
		assert!(crate::Debts::<Test>::get(BOB, USDX).is_none());
		assert_eq!(crate::Pools::<Test>::get(USDX).unwrap().total_scaled_debt, 0);
		assert_noop!(
			LiquidityPools::repay_all(RuntimeOrigin::signed(BOB), USDX),
			Error::<Test>::NoDebt
		);
	});
}

#[test]
fn repay_errors() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		assert_noop!(
			LiquidityPools::repay(RuntimeOrigin::signed(BOB), USDX, DOLLAR),
			Error::<Test>::NoDebt
		);
		assert_noop!(
			LiquidityPools::repay(RuntimeOrigin::signed(BOB), USDX, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			LiquidityPools::repay(RuntimeOrigin::signed(BOB), XETH, DOLLAR),
			Error::<Test>::PoolNotFound
		);
	});
}

#[test]
fn a_withdrawal_without_a_health_check_is_charged_less() {
	run_test(|| {
		alice_lends_usdx(10_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		let unchecked = Some(<() as crate::WeightInfo>::withdraw_unchecked());
		// Wallet LP tokens, and collateral of an account without debt: no health check.
		let wallet = LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), USDX, DOLLAR);
		assert_eq!(wallet.expect("from the wallet").actual_weight, unchecked);
		let no_debt = LiquidityPools::withdraw(RuntimeOrigin::signed(BOB), XBTC, BTC / 100);
		assert_eq!(no_debt.expect("collateral without debt").actual_weight, unchecked);
		// A borrowing is charged the registry's exposure check of the borrower as it is (the
		// stand-in registry weighs nothing), not of the largest person.
		let borrowed = LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 100 * DOLLAR);
		assert_eq!(
			borrowed.expect("a borrowing").actual_weight,
			Some(<() as crate::WeightInfo>::borrow())
		);
		// Collateral of a borrower: the health check runs and the declared weight is charged.
		let checked = LiquidityPools::withdraw(RuntimeOrigin::signed(BOB), XBTC, BTC / 100);
		assert_eq!(checked.expect("healthy after").actual_weight, None);
	});
}
