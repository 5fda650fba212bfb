//! Selling loan shares.

use super::*;

#[test]
fn shares_sell_with_past_earnings_to_the_seller() {
	run_test(|| {
		let id = fully_funded();
		advance(30 * DAY);
		let first = {
			let i = crate::Schedules::<Test>::get(id).unwrap()[0];
			i.principal + i.interest
		};
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, first));
		// Alice lists half her 600 shares for 290 USDX.
		assert_ok!(P2pLoans::list_shares(
			RuntimeOrigin::signed(ALICE),
			id,
			300 * DOLLAR,
			290 * DOLLAR
		));
		let listing = 0;
		let alice = balance(USDX, ALICE);
		let dave = balance(USDX, DAVE);
		assert_ok!(P2pLoans::buy_shares(RuntimeOrigin::signed(DAVE), listing, 300 * DOLLAR));
		// Alice got the price plus her unclaimed 60% of the first instalment.
		assert_eq!(balance(USDX, ALICE) - alice, 290 * DOLLAR + first * 6 / 10);
		assert_eq!(dave - balance(USDX, DAVE), 290 * DOLLAR);
		assert!(crate::Listings::<Test>::get(listing).is_none());
		// Dave earns from the next instalment only.
		assert_noop!(
			P2pLoans::claim(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::NothingToClaim
		);
		advance(30 * DAY);
		let second = {
			let i = crate::Schedules::<Test>::get(id).unwrap()[1];
			i.principal + i.interest
		};
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, second));
		let dave = balance(USDX, DAVE);
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(DAVE), id));
		assert_eq!(balance(USDX, DAVE) - dave, second * 3 / 10);
	});
}

#[test]
fn partial_purchases_and_cancellation() {
	run_test(|| {
		let id = fully_funded();
		assert_ok!(P2pLoans::list_shares(
			RuntimeOrigin::signed(ALICE),
			id,
			300 * DOLLAR,
			300 * DOLLAR
		));
		assert_ok!(P2pLoans::buy_shares(RuntimeOrigin::signed(DAVE), 0, 100 * DOLLAR));
		let listing = crate::Listings::<Test>::get(0).unwrap();
		assert_eq!((listing.shares, listing.price), (200 * DOLLAR, 200 * DOLLAR));
		assert_noop!(
			P2pLoans::cancel_listing(RuntimeOrigin::signed(DAVE), 0),
			Error::<Test>::NotSeller
		);
		assert_ok!(P2pLoans::cancel_listing(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(last_event(), Event::ListingCancelled { listing: 0 });
		assert_eq!(crate::Positions::<Test>::get(id, ALICE).unwrap().listed, 0);
		assert_noop!(
			P2pLoans::cancel_listing(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::ListingNotFound
		);
	});
}

#[test]
fn market_errors() {
	run_test(|| {
		let pending = bob_requests();
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), pending, 100 * DOLLAR));
		assert_noop!(
			P2pLoans::list_shares(RuntimeOrigin::signed(ALICE), pending, DOLLAR, DOLLAR),
			Error::<Test>::NotTradable
		);
		let id = fully_funded();
		assert_noop!(
			P2pLoans::list_shares(RuntimeOrigin::signed(ALICE), id, 0, 1),
			Error::<Test>::ZeroAmount
		);
		// Regression: a price of nothing handed the shares to the first buyer.
		assert_noop!(
			P2pLoans::list_shares(RuntimeOrigin::signed(ALICE), id, DOLLAR, 0),
			Error::<Test>::ZeroPrice
		);
		assert_noop!(
			P2pLoans::list_shares(RuntimeOrigin::signed(ALICE), id, 601 * DOLLAR, 1),
			Error::<Test>::InsufficientShares
		);
		assert_noop!(
			P2pLoans::list_shares(RuntimeOrigin::signed(DAVE), id, DOLLAR, 1),
			Error::<Test>::InsufficientShares
		);
		assert_ok!(P2pLoans::list_shares(RuntimeOrigin::signed(ALICE), id, 100 * DOLLAR, DOLLAR));
		let listing = crate::NextListingId::<Test>::get() - 1;
		// One open listing per seller and loan: Alice cannot take every slot.
		assert_noop!(
			P2pLoans::list_shares(RuntimeOrigin::signed(ALICE), id, 100 * DOLLAR, DOLLAR),
			Error::<Test>::AlreadyListed
		);
		assert_ok!(P2pLoans::list_shares(RuntimeOrigin::signed(CHARLIE), id, 100 * DOLLAR, DOLLAR));
		// The loan's two slots are taken: a third seller waits.
		assert_ok!(P2pLoans::buy_shares(RuntimeOrigin::signed(DAVE), listing, 10 * DOLLAR));
		assert_noop!(
			P2pLoans::list_shares(RuntimeOrigin::signed(DAVE), id, DOLLAR, DOLLAR),
			Error::<Test>::TooManyListings
		);
		assert_noop!(
			P2pLoans::buy_shares(RuntimeOrigin::signed(EVE), listing, DOLLAR),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			P2pLoans::buy_shares(RuntimeOrigin::signed(ALICE), listing, DOLLAR),
			Error::<Test>::OwnLoan
		);
		assert_noop!(
			P2pLoans::buy_shares(RuntimeOrigin::signed(BOB), listing, DOLLAR),
			Error::<Test>::OwnLoan
		);
		// Nor another account of the seller's person.
		xindai_primitives::testing::same_person(ALICE, CHARLIE);
		assert_noop!(
			P2pLoans::buy_shares(RuntimeOrigin::signed(CHARLIE), listing, DOLLAR),
			Error::<Test>::OwnLoan
		);
		assert_noop!(
			P2pLoans::buy_shares(RuntimeOrigin::signed(DAVE), listing, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			P2pLoans::buy_shares(RuntimeOrigin::signed(DAVE), listing, 91 * DOLLAR),
			Error::<Test>::InsufficientShares
		);
		assert_noop!(
			P2pLoans::buy_shares(RuntimeOrigin::signed(DAVE), 77, DOLLAR),
			Error::<Test>::ListingNotFound
		);
		assert_noop!(
			P2pLoans::list_shares(RuntimeOrigin::signed(ALICE), 77, DOLLAR, DOLLAR),
			Error::<Test>::LoanNotFound
		);
	});
}
