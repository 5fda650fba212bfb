//! Deposits, withdrawals, LP tokens, collateral custody and the inflation attack.

use super::*;
use frame_support::traits::fungibles::Mutate;
use frame_support::traits::tokens::Preservation;

fn lp(asset: xindai_primitives::AssetId) -> xindai_primitives::AssetId {
	asset + LP_OFFSET
}

#[test]
fn the_first_deposit_locks_the_minimum_liquidity() {
	run_test(|| {
		alice_lends_usdx(1_000 * DOLLAR);
		assert_eq!(balance(lp(USDX), ALICE), 1_000 * DOLLAR - MIN_LIQUIDITY);
		assert_eq!(balance(lp(USDX), pool_account()), MIN_LIQUIDITY);
		// The deposit, plus custody's reserve of one minimum balance (outside the books).
		assert_eq!(balance(USDX, pool_account()), 1_000 * DOLLAR + 1);
		assert_eq!(
			last_event(),
			Event::Deposited {
				who: ALICE,
				asset: USDX,
				amount: 1_000 * DOLLAR,
				lp_minted: 1_000 * DOLLAR - MIN_LIQUIDITY
			}
		);
		// Later deposits mint at the exchange rate (1 here).
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), USDX, 500));
		assert_eq!(balance(lp(USDX), BOB), 500);
	});
}

#[test]
fn deposit_errors() {
	run_test(|| {
		assert_noop!(
			LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), USDX, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), USDX, MIN_LIQUIDITY),
			Error::<Test>::DepositTooSmall
		);
		assert_noop!(
			LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), USDX, 100_000_001 * DOLLAR),
			Error::<Test>::SupplyCapExceeded
		);
		assert_noop!(
			LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), XETH, DOLLAR),
			Error::<Test>::PoolNotFound
		);
		// More than Alice holds: the asset's own error, nothing changes.
		assert_noop!(
			LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), USDX, 10_000_001 * DOLLAR),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert_eq!(crate::Pools::<Test>::get(USDX).unwrap().cash, 0);
	});
}

#[test]
fn withdraw_returns_the_deposit_and_burns_lp() {
	run_test(|| {
		alice_lends_usdx(1_000 * DOLLAR);
		let before = balance(USDX, ALICE);
		let lp_amount = balance(lp(USDX), ALICE);
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), USDX, lp_amount));
		assert_eq!(balance(USDX, ALICE), before + lp_amount);
		assert_eq!(balance(lp(USDX), ALICE), 0);
		assert_eq!(
			last_event(),
			Event::Withdrawn { who: ALICE, asset: USDX, amount: lp_amount, lp_burned: lp_amount }
		);
		// The locked liquidity stays.
		assert_eq!(crate::Pools::<Test>::get(USDX).unwrap().cash, MIN_LIQUIDITY);
	});
}

#[test]
fn withdraw_errors() {
	run_test(|| {
		alice_lends_usdx(1_000 * DOLLAR);
		assert_noop!(
			LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), USDX, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), USDX, 1_000 * DOLLAR),
			Error::<Test>::InsufficientLp
		);
		assert_noop!(
			LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), XETH, 1),
			Error::<Test>::PoolNotFound
		);
		// Cash lent out cannot be withdrawn.
		bob_posts_xbtc(10 * BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 900 * DOLLAR));
		assert_noop!(
			LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), USDX, 500 * DOLLAR),
			Error::<Test>::InsufficientCash
		);
	});
}

#[test]
fn lenders_earn_the_interest_borrowers_pay() {
	run_test(|| {
		alice_lends_usdx(100_000 * DOLLAR);
		bob_posts_xbtc(10 * BTC);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 50_000 * DOLLAR));
		advance(YEAR);
		assert_ok!(LiquidityPools::repay_all(RuntimeOrigin::signed(BOB), USDX));
		let lp_amount = balance(lp(USDX), ALICE);
		let before = balance(USDX, ALICE);
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), USDX, lp_amount));
		let got = balance(USDX, ALICE) - before;
		// 3,500 USDX of interest, 90% to lenders (Alice owns all but the locked 1,000 units).
		assert!(got > 100_000 * DOLLAR + 3_149 * DOLLAR, "{got}");
		assert!(got < 100_000 * DOLLAR + 3_151 * DOLLAR, "{got}");
	});
}

#[test]
fn the_inflation_attack_gains_nothing() {
	run_test(|| {
		// The attacker (Charlie) makes the first deposit, as small as allowed...
		assert_ok!(LiquidityPools::deposit(
			RuntimeOrigin::signed(CHARLIE),
			USDX,
			MIN_LIQUIDITY + 1
		));
		assert_eq!(balance(lp(USDX), CHARLIE), 1);
		// ...then "donates" a large amount straight to the pool account to inflate the rate.
		assert_ok!(<Assets as Mutate<AccountId>>::transfer(
			USDX,
			&CHARLIE,
			&pool_account(),
			1_000_000 * DOLLAR,
			Preservation::Expendable
		));
		// The victim deposits less than the donation.
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), USDX, 500_000 * DOLLAR));
		// The donation went to reserves, not to the exchange rate: the victim got 1:1.
		assert_eq!(balance(lp(USDX), ALICE), 500_000 * DOLLAR);
		assert!(pool_events()
			.contains(&Event::DonationSwept { asset: USDX, amount: 1_000_000 * DOLLAR }));
		// The attacker's one LP token is still worth one unit.
		let before = balance(USDX, CHARLIE);
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(CHARLIE), USDX, 1));
		assert_eq!(balance(USDX, CHARLIE) - before, 1);
		// And the victim gets all of it back.
		let before = balance(USDX, ALICE);
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), USDX, 500_000 * DOLLAR));
		assert_eq!(balance(USDX, ALICE) - before, 500_000 * DOLLAR);
		assert_eq!(crate::Pools::<Test>::get(USDX).unwrap().total_reserves, 1_000_000 * DOLLAR);
	});
}

#[test]
fn lp_tokens_can_be_transferred_and_withdrawn_by_the_new_holder() {
	run_test(|| {
		alice_lends_usdx(1_000 * DOLLAR);
		assert_ok!(Assets::transfer(RuntimeOrigin::signed(ALICE), lp(USDX), DAVE, 100 * DOLLAR));
		let before = balance(USDX, DAVE);
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(DAVE), USDX, 100 * DOLLAR));
		assert_eq!(balance(USDX, DAVE) - before, 100 * DOLLAR);
	});
}

#[test]
fn collateral_moves_into_custody_and_back() {
	run_test(|| {
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), XBTC, 2 * BTC));
		let lp_amount = balance(lp(XBTC), BOB);
		assert_ok!(LiquidityPools::enable_collateral(RuntimeOrigin::signed(BOB), XBTC));
		assert_eq!(last_event(), Event::CollateralEnabled { who: BOB, asset: XBTC, lp_amount });
		assert_eq!(balance(lp(XBTC), BOB), 0);
		assert_eq!(crate::Collateral::<Test>::get(BOB, XBTC), Some(lp_amount));
		// Custody LP tokens cannot be moved by Bob.
		assert!(Assets::transfer(RuntimeOrigin::signed(BOB), lp(XBTC), DAVE, 1).is_err());
		// Later deposits join the collateral.
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), XBTC, BTC));
		assert_eq!(crate::Collateral::<Test>::get(BOB, XBTC), Some(lp_amount + BTC));
		assert_ok!(LiquidityPools::disable_collateral(RuntimeOrigin::signed(BOB), XBTC));
		assert_eq!(balance(lp(XBTC), BOB), lp_amount + BTC);
		assert_eq!(
			last_event(),
			Event::CollateralDisabled { who: BOB, asset: XBTC, lp_amount: lp_amount + BTC }
		);
		assert!(crate::AccountAssets::<Test>::get(BOB).is_empty());
	});
}

#[test]
fn collateral_errors() {
	run_test(|| {
		assert_noop!(
			LiquidityPools::enable_collateral(RuntimeOrigin::signed(BOB), XETH),
			Error::<Test>::PoolNotFound
		);
		assert_noop!(
			LiquidityPools::disable_collateral(RuntimeOrigin::signed(BOB), XBTC),
			Error::<Test>::CollateralNotEnabled
		);
		bob_posts_xbtc(BTC);
		assert_noop!(
			LiquidityPools::enable_collateral(RuntimeOrigin::signed(BOB), XBTC),
			Error::<Test>::CollateralAlreadyEnabled
		);
		// With debt, disabling must keep Bob healthy.
		alice_lends_usdx(100_000 * DOLLAR);
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 1_000 * DOLLAR));
		assert_noop!(
			LiquidityPools::disable_collateral(RuntimeOrigin::signed(BOB), XBTC),
			Error::<Test>::InsufficientCollateral
		);
		// Nor can the collateral be withdrawn from under the debt.
		let lp_amount = crate::Collateral::<Test>::get(BOB, XBTC).unwrap();
		assert_noop!(
			LiquidityPools::withdraw(RuntimeOrigin::signed(BOB), XBTC, lp_amount),
			Error::<Test>::InsufficientCollateral
		);
		// Part of it can: half a BTC still gives 21,000 USDX of room.
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(BOB), XBTC, BTC / 2));
	});
}

#[test]
fn an_account_uses_a_bounded_number_of_pools() {
	run_test(|| {
		for (i, asset) in [10u32, 11, 12, 13, 14].into_iter().enumerate() {
			create_asset(asset, b"XT", 6);
			mint(asset, BOB, 1_000 * DOLLAR);
			assert_ok!(LiquidityPools::create_pool(RuntimeOrigin::root(), asset, usdx_params()));
			assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), asset, 10 * DOLLAR));
			if i < 4 {
				assert_ok!(LiquidityPools::enable_collateral(RuntimeOrigin::signed(BOB), asset));
			} else {
				assert_noop!(
					LiquidityPools::enable_collateral(RuntimeOrigin::signed(BOB), asset),
					Error::<Test>::TooManyAssets
				);
			}
		}
	});
}

/// An asset with a real minimum balance (a cent of a 6-decimal dollar) and its pool.
const CENTS: xindai_primitives::AssetId = 7;
const CENT: xindai_primitives::Balance = DOLLAR / 100;

fn cents_pool() {
	assert!(Assets::force_create(RuntimeOrigin::root(), CENTS, OWNER, true, CENT).is_ok());
	mint(CENTS, pool_account(), CENT);
	for who in [ALICE, BOB, CHARLIE] {
		mint(CENTS, who, 1_000 * DOLLAR);
	}
	assert_ok!(LiquidityPools::create_pool(RuntimeOrigin::root(), CENTS, usdx_params()));
	set_price(CENTS, xindai_primitives::price::Price::from_u32(1));
}

#[test]
fn lp_tokens_cost_an_account_what_the_underlying_does() {
	// With LP tokens of minimum balance 1, a deposit of a unit opened an account for dust.
	run_test(|| {
		cents_pool();
		let lp = crate::Pools::<Test>::get(CENTS).unwrap().lp_asset;
		assert_eq!(
			<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::minimum_balance(lp),
			CENT
		);
		// The first deposit locks at least the LP minimum balance.
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), CENTS, 100 * DOLLAR));
		assert!(balance(lp, pool_account()) >= CENT);
		// Bob's dust deposit would mint less than an LP account's minimum.
		assert_noop!(
			LiquidityPools::deposit(RuntimeOrigin::signed(BOB), CENTS, CENT - 1),
			Error::<Test>::DepositTooSmall
		);
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), CENTS, CENT));
		// A withdrawal may not leave LP dust behind; all of it, or leaving the minimum, may go.
		let bob_lp = balance(lp, BOB);
		assert_noop!(
			LiquidityPools::withdraw(RuntimeOrigin::signed(BOB), CENTS, bob_lp - 1),
			Error::<Test>::WouldLeaveDust
		);
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(BOB), CENTS, bob_lp));
		assert_eq!(balance(lp, BOB), 0);
		let alice_lp = balance(lp, ALICE);
		assert_ok!(LiquidityPools::withdraw(RuntimeOrigin::signed(ALICE), CENTS, alice_lp - CENT));
		assert_eq!(balance(lp, ALICE), CENT);
	});
}

#[test]
fn a_liquidator_must_be_able_to_hold_the_lp_tokens_it_seizes() {
	run_test(|| {
		use xindai_primitives::price::Price;
		cents_pool();
		alice_lends_usdx(100_000 * DOLLAR);
		// Bob posts 100 CENTS-dollars of LP tokens as collateral and borrows 70 USDX.
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), CENTS, 100 * DOLLAR));
		assert_ok!(LiquidityPools::enable_collateral(RuntimeOrigin::signed(BOB), CENTS));
		assert_ok!(LiquidityPools::borrow(RuntimeOrigin::signed(BOB), USDX, 70 * DOLLAR));
		set_price(CENTS, Price::from_rational(1, 2));
		// Charlie holds no CENTS LP tokens: a seizure under a cent of them cannot be his.
		assert_noop!(
			LiquidityPools::liquidate(RuntimeOrigin::signed(CHARLIE), BOB, USDX, CENTS, 1_000),
			Error::<Test>::SeizureBelowMinimum
		);
		// Holding some of the pool's LP tokens, he can; a large enough seizure needs none.
		assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(CHARLIE), CENTS, DOLLAR));
		assert_ok!(LiquidityPools::liquidate(
			RuntimeOrigin::signed(CHARLIE),
			BOB,
			USDX,
			CENTS,
			1_000
		));
		assert_ok!(LiquidityPools::liquidate(
			RuntimeOrigin::signed(DAVE),
			BOB,
			USDX,
			CENTS,
			10 * DOLLAR
		));
	});
}
