//! Bad input the other test files did not cover (from an audit of every call against each class
//! of bad input): unknown pools, empty wallets and unsigned origins, each refused with its typed
//! error and changing nothing.

use super::*;
use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
use sp_runtime::{DispatchError, TokenError};

/// Bob borrows 100 USDX against 1 XBTC, then gives away all his USDX.
fn bob_in_debt_with_an_empty_wallet() {
	alice_lends_usdx(10_000 * DOLLAR);
	bob_posts_xbtc(BTC);
	assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 100 * DOLLAR));
	let all = balance(USDX, BOB);
	assert_ok!(<Assets as Mutate<AccountId>>::transfer(
		USDX,
		&BOB,
		&OWNER,
		all,
		Preservation::Expendable
	));
}

#[test]
fn unknown_pools_are_refused() {
	run_test(|| {
		assert_noop!(
			LiquidityPools::repay_all(RuntimeOrigin::signed(BOB), XETH),
			Error::<Test>::PoolNotFound
		);
		assert_noop!(
			LiquidityPools::disable_collateral(RuntimeOrigin::signed(BOB), XETH),
			Error::<Test>::CollateralNotEnabled
		);
	});
}

#[test]
fn a_borrower_with_an_empty_wallet_repays_nothing() {
	run_test(|| {
		bob_in_debt_with_an_empty_wallet();
		assert_noop!(
			LiquidityPools::repay(RuntimeOrigin::signed(BOB), USDX, 10 * DOLLAR),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			LiquidityPools::repay_all(RuntimeOrigin::signed(BOB), USDX),
			TokenError::FundsUnavailable
		);
	});
}

/// Withdrawing collateral while in debt needs fresh prices of everything the position holds or
/// owes: with the debt's price an hour and a moment old, it waits.
#[test]
fn collateral_stays_while_a_price_of_the_position_is_stale() {
	run_test(|| {
		alice_lends_usdx(10_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 100 * DOLLAR));
		advance(60 * 60 * 1_000 + 1);
		set_price(XBTC, xindai_primitives::price::Price::from_u32(600));
		assert_noop!(
			LiquidityPools::disable_collateral(RuntimeOrigin::signed(BOB), XBTC),
			Error::<Test>::PriceStale
		);
	});
}

#[test]
fn unsigned_origins_are_refused() {
	run_test(|| {
		let none = || RuntimeOrigin::none();
		assert_noop!(LiquidityPools::deposit(none(), USDX, DOLLAR), DispatchError::BadOrigin);
		assert_noop!(LiquidityPools::withdraw(none(), USDX, DOLLAR), DispatchError::BadOrigin);
		assert_noop!(LiquidityPools::enable_collateral(none(), USDX), DispatchError::BadOrigin);
		assert_noop!(LiquidityPools::disable_collateral(none(), USDX), DispatchError::BadOrigin);
		assert_noop!(LiquidityPools::repay(none(), USDX, DOLLAR), DispatchError::BadOrigin);
		assert_noop!(LiquidityPools::repay_all(none(), USDX), DispatchError::BadOrigin);
	});
}

/// A liquidator must pay the debt they repay: one without the debt asset is refused before any
/// collateral moves, and the underwater position stays as it was for a liquidator who can pay.
#[test]
fn a_liquidator_who_cannot_pay_seizes_nothing() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 40_000 * DOLLAR));
		set_price(XBTC, xindai_primitives::price::Price::from_u32(500));
		assert_eq!(balance(USDX, OWNER), 0);
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(OWNER), BOB, USDX, XBTC, DOLLAR),
			TokenError::FundsUnavailable
		);
		assert_ok!(LiquidityPools::liquidate(
			RuntimeOrigin::signed(CHARLIE),
			BOB,
			USDX,
			XBTC,
			DOLLAR
		));
	});
}
