//! Bad input the other test files did not cover (from an audit of every call against each class
//! of bad input): unknown ids, empty wallets, ended loans and unsigned origins, each refused
//! with its typed error and changing nothing.

use super::*;
use frame_support::traits::fungibles::Mutate;
use sp_runtime::{DispatchError, TokenError};

/// Empties `who`'s USDX (to the asset owner).
fn drain_usdx(who: AccountId) {
	let all = balance(USDX, who);
	assert_ok!(<Assets as Mutate<AccountId>>::transfer(
		USDX,
		&who,
		&OWNER,
		all,
		frame_support::traits::tokens::Preservation::Expendable
	));
}

/// Alice lists 100 of her shares of `id` for 90 USDX.
fn alice_lists(id: LoanId) -> ListingId {
	assert_ok!(P2pLoans::list_shares(RuntimeOrigin::signed(ALICE), id, 100 * DOLLAR, 90 * DOLLAR));
	crate::NextListingId::<Test>::get() - 1
}

#[test]
fn unknown_loans_are_refused_by_every_call_that_takes_one() {
	run_test(|| {
		let unknown = 99;
		assert_noop!(
			P2pLoans::cancel_request(RuntimeOrigin::signed(BOB), unknown),
			Error::<Test>::LoanNotFound
		);
		assert_noop!(
			P2pLoans::claim_refund(RuntimeOrigin::signed(ALICE), unknown),
			Error::<Test>::LoanNotFound
		);
		assert_noop!(
			P2pLoans::notify_overdue(RuntimeOrigin::signed(EVE), unknown),
			Error::<Test>::LoanNotFound
		);
	});
}

#[test]
fn payments_beyond_the_payers_wallet_are_refused() {
	run_test(|| {
		// Collateral beyond Bob's 10 BTC.
		assert_noop!(
			P2pLoans::create_request(
				RuntimeOrigin::signed(BOB),
				USDX,
				1_000 * DOLLAR,
				Rate::from_rational(10, 100),
				3,
				MONTH,
				RepaymentKind::Bullet,
				Some((XBTC, 11 * BTC)),
				START + 7 * DAY,
				DOLLAR,
				purpose(),
			),
			TokenError::FundsUnavailable
		);
		// Collateral beyond the asset's whole supply: the same error, not an arithmetic
		// underflow of the asset's books (regression, found by the runtime fuzzer).
		assert_noop!(
			P2pLoans::create_request(
				RuntimeOrigin::signed(BOB),
				USDX,
				1_000 * DOLLAR,
				Rate::from_rational(10, 100),
				3,
				MONTH,
				RepaymentKind::Bullet,
				Some((XBTC, 10u128.pow(30))),
				START + 7 * DAY,
				DOLLAR,
				purpose(),
			),
			TokenError::FundsUnavailable
		);
		// A lender with no USDX left.
		let pending = bob_requests();
		drain_usdx(ALICE);
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(ALICE), pending, 100 * DOLLAR),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn a_borrower_or_buyer_with_an_empty_wallet_pays_nothing() {
	run_test(|| {
		let id = fully_funded();
		let listing = alice_lists(id);
		drain_usdx(BOB);
		assert_noop!(
			P2pLoans::repay(RuntimeOrigin::signed(BOB), id, DOLLAR),
			TokenError::FundsUnavailable
		);
		drain_usdx(DAVE);
		assert_noop!(
			P2pLoans::buy_shares(RuntimeOrigin::signed(DAVE), listing, 10 * DOLLAR),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn shares_of_an_ended_loan_cannot_be_bought() {
	run_test(|| {
		let id = fully_funded();
		let listing = alice_lists(id);
		advance(DAY);
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, 2_000 * DOLLAR));
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Closed);
		assert_noop!(
			P2pLoans::buy_shares(RuntimeOrigin::signed(DAVE), listing, 10 * DOLLAR),
			Error::<Test>::NotTradable
		);
	});
}

#[test]
fn unsigned_origins_are_refused() {
	run_test(|| {
		let id = fully_funded();
		let none = || RuntimeOrigin::none();
		assert_noop!(P2pLoans::repay(none(), id, DOLLAR), DispatchError::BadOrigin);
		assert_noop!(P2pLoans::mark_default(none(), id), DispatchError::BadOrigin);
		assert_noop!(P2pLoans::liquidate(none(), id), DispatchError::BadOrigin);
		assert_noop!(P2pLoans::prune_loan(none(), id), DispatchError::BadOrigin);
		assert_noop!(P2pLoans::withdraw_unclaimed(none(), USDX), DispatchError::BadOrigin);
		assert_noop!(P2pLoans::notify_overdue(none(), id), DispatchError::BadOrigin);
	});
}
