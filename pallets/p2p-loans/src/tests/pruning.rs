//! Pruning ended loans, and the deposit of a listing (issue 12, item 11).

use super::*;
use frame_support::traits::fungible::InspectHold;
use xindai_primitives::Balance;

fn held(who: AccountId) -> Balance {
	Balances::total_balance_on_hold(&who)
}

/// Bob pays the whole loan off at once.
fn repaid_in_full(id: LoanId) {
	advance(DAY);
	assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, 2_000 * DOLLAR));
	assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Closed);
}

#[test]
fn a_closed_loan_is_pruned_after_paying_every_lender_and_its_deposit_returns() {
	run_test(|| {
		let id = fully_funded();
		repaid_in_full(id);
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(ALICE), id));
		// Charlie never claimed: pruning pays him first.
		let charlie = balance(USDX, CHARLIE);
		assert_eq!(held(BOB), DEPOSIT);
		// Anyone may prune; two lenders fit one batch (`SweepBatch` is 2 in the mock).
		assert_ok!(P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), id));
		assert!(balance(USDX, CHARLIE) > charlie + 400 * DOLLAR);
		assert!(crate::Loans::<Test>::get(id).is_none());
		assert!(crate::Schedules::<Test>::get(id).is_none());
		assert_eq!(crate::Positions::<Test>::iter_prefix(id).count(), 0);
		assert!(crate::LenderLoans::<Test>::get(ALICE).is_empty());
		assert!(crate::LenderLoans::<Test>::get(CHARLIE).is_empty());
		assert_eq!(held(BOB), 0);
		assert_eq!(last_event(), Event::LoanPruned { loan: id, lenders_paid: 1, complete: true });
		assert_noop!(
			P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::LoanNotFound
		);
	});
}

#[test]
fn a_loan_with_more_lenders_than_a_batch_is_pruned_over_several_calls() {
	run_test(|| {
		let id = bob_requests();
		for lender in [ALICE, CHARLIE, DAVE] {
			assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(lender), id, 300 * DOLLAR));
		}
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 100 * DOLLAR));
		repaid_in_full(id);
		assert_ok!(P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), id));
		assert_eq!(last_event(), Event::LoanPruned { loan: id, lenders_paid: 2, complete: false });
		assert!(crate::Loans::<Test>::get(id).is_some());
		// Half pruned, the books still hold.
		assert_ok!(P2pLoans::do_try_state());
		assert_eq!(held(BOB), DEPOSIT);
		assert_ok!(P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), id));
		assert_eq!(last_event(), Event::LoanPruned { loan: id, lenders_paid: 1, complete: true });
		assert!(crate::Loans::<Test>::get(id).is_none());
		assert_eq!(held(BOB), 0);
	});
}

#[test]
fn only_a_loan_that_ended_can_be_pruned() {
	run_test(|| {
		let id = bob_requests();
		assert_noop!(
			P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::NotPrunable
		);
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 300 * DOLLAR));
		assert_ok!(P2pLoans::cancel_request(RuntimeOrigin::signed(BOB), id));
		// Pruning a cancelled request refunds whoever is not refunded yet.
		let alice = balance(USDX, ALICE);
		assert_ok!(P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), id));
		assert_eq!(balance(USDX, ALICE), alice + 300 * DOLLAR);
		assert!(crate::Loans::<Test>::get(id).is_none());
		assert_eq!(held(BOB), 0);
		// An active loan cannot be pruned.
		let active = fully_funded();
		assert_noop!(
			P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), active),
			Error::<Test>::NotPrunable
		);
	});
}

#[test]
fn a_listing_holds_a_deposit_and_a_stale_one_cannot_keep_an_ended_loan_alive() {
	run_test(|| {
		let id = fully_funded();
		let alice_held = held(ALICE);
		assert_ok!(P2pLoans::list_shares(RuntimeOrigin::signed(ALICE), id, 100 * DOLLAR, DOLLAR));
		assert_eq!(held(ALICE), alice_held + LISTING_DEPOSIT);
		// While the loan trades, only the seller may withdraw the listing.
		assert_noop!(
			P2pLoans::cancel_listing(RuntimeOrigin::signed(EVE), 0),
			Error::<Test>::NotSeller
		);
		repaid_in_full(id);
		assert_noop!(
			P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::ListingsOpen
		);
		// The loan ended: anyone may clear the listing, whose deposit goes back to Alice.
		assert_ok!(P2pLoans::cancel_listing(RuntimeOrigin::signed(EVE), 0));
		assert_eq!(held(ALICE), alice_held);
		assert_ok!(P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), id));
		assert!(crate::Loans::<Test>::get(id).is_none());
	});
}

#[test]
fn a_sold_out_listing_returns_its_deposit_and_a_seller_without_one_cannot_list() {
	run_test(|| {
		let id = fully_funded();
		assert_ok!(P2pLoans::list_shares(RuntimeOrigin::signed(CHARLIE), id, 100 * DOLLAR, DOLLAR));
		let charlie_held = held(CHARLIE);
		assert_ok!(P2pLoans::buy_shares(RuntimeOrigin::signed(DAVE), 0, 100 * DOLLAR));
		assert_eq!(held(CHARLIE), charlie_held - LISTING_DEPOSIT);
		// Dave now holds shares but no native balance beyond what he needs: he cannot pay a
		// listing's deposit, so he cannot take a slot.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), DAVE, LISTING_DEPOSIT - 1));
		assert_noop!(
			P2pLoans::list_shares(RuntimeOrigin::signed(DAVE), id, 100 * DOLLAR, DOLLAR),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert!(crate::Listings::<Test>::iter().next().is_none());
	});
}

#[test]
fn a_lender_who_cannot_receive_its_payout_cannot_hold_the_record_hostage() {
	run_test(|| {
		let id = fully_funded();
		repaid_in_full(id);
		// The issuer blocked Charlie's USDX: nothing can be paid to him now.
		assert_ok!(Assets::block(RuntimeOrigin::signed(OWNER), USDX, CHARLIE));
		assert_noop!(
			P2pLoans::claim(RuntimeOrigin::signed(CHARLIE), id),
			sp_runtime::TokenError::Blocked
		);
		assert_ok!(P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), id));
		// The record is gone and Bob's deposit is back; Charlie's share waits in custody.
		assert!(crate::Loans::<Test>::get(id).is_none());
		assert_eq!(held(BOB), 0);
		let owed = crate::Unclaimed::<Test>::get(CHARLIE, USDX);
		assert!(owed > 400 * DOLLAR);
		assert!(loan_events().iter().any(|e| matches!(
			e,
			Event::PayoutSetAside { to: CHARLIE, asset: USDX, amount, .. } if *amount == owed
		)));
		assert_noop!(
			P2pLoans::withdraw_unclaimed(RuntimeOrigin::signed(CHARLIE), USDX),
			sp_runtime::TokenError::Blocked
		);
		assert_ok!(Assets::thaw(RuntimeOrigin::signed(OWNER), USDX, CHARLIE));
		let charlie = balance(USDX, CHARLIE);
		assert_ok!(P2pLoans::withdraw_unclaimed(RuntimeOrigin::signed(CHARLIE), USDX));
		assert_eq!(balance(USDX, CHARLIE), charlie + owed);
		assert_noop!(
			P2pLoans::withdraw_unclaimed(RuntimeOrigin::signed(CHARLIE), USDX),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn an_expired_request_whose_refund_fails_can_still_be_pruned() {
	run_test(|| {
		let id = bob_requests();
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 300 * DOLLAR));
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(CHARLIE), id, 200 * DOLLAR));
		assert_ok!(Assets::block(RuntimeOrigin::signed(OWNER), USDX, CHARLIE));
		assert_ok!(P2pLoans::cancel_request(RuntimeOrigin::signed(BOB), id));
		let alice = balance(USDX, ALICE);
		assert_ok!(P2pLoans::prune_loan(RuntimeOrigin::signed(EVE), id));
		assert_eq!(balance(USDX, ALICE), alice + 300 * DOLLAR);
		assert_eq!(crate::Unclaimed::<Test>::get(CHARLIE, USDX), 200 * DOLLAR);
		assert!(crate::Loans::<Test>::get(id).is_none());
		assert_eq!(held(BOB), 0);
	});
}

#[test]
fn anyone_clearing_a_stale_listing_frees_the_sellers_shares_not_its_own() {
	// A third party's cancellation took the listed shares off the caller's own position.
	run_test(|| {
		let id = fully_funded();
		assert_ok!(P2pLoans::list_shares(RuntimeOrigin::signed(ALICE), id, 100 * DOLLAR, DOLLAR));
		assert_ok!(P2pLoans::list_shares(RuntimeOrigin::signed(CHARLIE), id, 50 * DOLLAR, DOLLAR));
		repaid_in_full(id);
		// Charlie clears Alice's listing: Alice's listed shares are freed, Charlie's stay.
		assert_ok!(P2pLoans::cancel_listing(RuntimeOrigin::signed(CHARLIE), 0));
		assert_eq!(crate::Positions::<Test>::get(id, ALICE).unwrap().listed, 0);
		assert_eq!(crate::Positions::<Test>::get(id, CHARLIE).unwrap().listed, 50 * DOLLAR);
	});
}

#[test]
fn a_borrower_who_cannot_receive_its_collateral_can_still_end_its_request() {
	// A blocked borrower made `end_request` fail: the request could neither be cancelled nor
	// expire, and its lenders waited for refunds that never came.
	run_test(|| {
		let id = bob_requests();
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 300 * DOLLAR));
		assert_ok!(Assets::block(RuntimeOrigin::signed(OWNER), XBTC, BOB));
		assert_ok!(P2pLoans::cancel_request(RuntimeOrigin::signed(BOB), id));
		assert_eq!(crate::Unclaimed::<Test>::get(BOB, XBTC), BTC / 10);
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().collateral_held, 0);
		assert_ok!(P2pLoans::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_ok!(Assets::thaw(RuntimeOrigin::signed(OWNER), XBTC, BOB));
		let bob = balance(XBTC, BOB);
		assert_ok!(P2pLoans::withdraw_unclaimed(RuntimeOrigin::signed(BOB), XBTC));
		assert_eq!(balance(XBTC, BOB), bob + BTC / 10);
	});
}
