//! Unit tests, one file per concern. Every test runs through [`crate::mock::run_test`], which
//! checks the pallet's `try_state` invariants after it.

mod admin;
mod bad_input;
mod borrowing;
mod facilities;
mod integrity;
mod lending;
mod liquidation;

use crate::{mock::*, Error, Event};
use frame_support::{assert_noop, assert_ok};

/// Alice deposits `amount` USDX.
pub fn alice_lends_usdx(amount: xindai_primitives::Balance) {
	assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), USDX, amount));
}

/// Bob deposits `btc` XBTC and enables it as collateral.
pub fn bob_posts_xbtc(btc: xindai_primitives::Balance) {
	assert_ok!(LiquidityPools::deposit(RuntimeOrigin::signed(BOB), XBTC, btc));
	assert_ok!(LiquidityPools::enable_collateral(RuntimeOrigin::signed(BOB), XBTC));
}

#[test]
fn the_mock_starts_clean() {
	run_test(|| {
		assert!(crate::Pools::<Test>::get(USDX).is_some());
		assert_noop!(
			LiquidityPools::deposit(RuntimeOrigin::signed(ALICE), 77, 1),
			Error::<Test>::PoolNotFound
		);
		let _ = Event::<Test>::PoolPaused { asset: USDX };
	});
}
