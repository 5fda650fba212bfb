//! Attacks on the credit spine through P2P loans, each written first as a failing test: score
//! farming, the exposure cap, surplus collateral, liquidated loans that never default.

use super::*;
use sp_runtime::{DispatchError, Permill};
use xindai_primitives::{
	credit::CreditRegistry,
	price::Price,
	testing::{exposure, set_exposure_cap, unverify},
	AssetId, Balance,
};

/// Bob's request of `principal` USDX, 1 XBTC collateral, one bullet instalment in a month.
fn bob_asks(principal: Balance) -> Result<LoanId, sp_runtime::DispatchError> {
	let id = crate::NextLoanId::<Test>::get();
	P2pLoans::create_request(
		RuntimeOrigin::signed(BOB),
		USDX,
		principal,
		Rate::from_rational(12, 100),
		1,
		MONTH,
		RepaymentKind::Bullet,
		Some((XBTC, BTC)),
		Timestamp::get() + 10 * DAY,
		principal,
		purpose(),
	)
	.map(|_| id)
	.map_err(|e| e.error)
}

fn served_notes() -> Vec<CreditNote> {
	credit_notes().into_iter().filter(|n| matches!(n, CreditNote::Served(..))).collect()
}

#[test]
fn open_requests_count_against_the_cap() {
	// The attack: three requests of 9,000 against a 10,000 cap, all funded: 27,000 owed.
	run_test(|| {
		set_exposure_cap(10_000 * DOLLAR);
		assert_ok!(bob_asks(4_000 * DOLLAR));
		assert_ok!(bob_asks(4_000 * DOLLAR));
		assert_eq!(exposure(BOB), 8_000 * DOLLAR);
		assert_eq!(bob_asks(4_000 * DOLLAR), Err(DispatchError::Other("ExposureCapExceeded")));
		// Cancelling a request gives its room back.
		assert_ok!(P2pLoans::cancel_request(RuntimeOrigin::signed(BOB), 0));
		assert_eq!(exposure(BOB), 4_000 * DOLLAR);
		assert_ok!(bob_asks(6_000 * DOLLAR));
		// Funded, the commitment turns into debt of the same size.
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), 1, 4_000 * DOLLAR));
		assert_eq!(exposure(BOB), 10_000 * DOLLAR);
		assert!(credit_notes().contains(&CreditNote::Released(BOB, 4_000 * DOLLAR)));
		assert!(credit_notes().contains(&CreditNote::Borrowed(BOB, 4_000 * DOLLAR)));
	});
}

#[test]
fn a_request_that_expires_releases_its_commitment() {
	run_test(|| {
		let id = bob_asks(1_000 * DOLLAR).unwrap();
		assert_eq!(exposure(BOB), 1_000 * DOLLAR);
		advance(11 * DAY);
		P2pLoans::sweep(frame_support::weights::Weight::from_parts(u64::MAX, u64::MAX));
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Expired);
		assert_eq!(exposure(BOB), 0);
	});
}

#[test]
fn a_borrower_who_lost_its_verification_is_not_paid_out() {
	run_test(|| {
		let id = bob_asks(1_000 * DOLLAR).unwrap();
		// Bob's KYC expires (or he is frozen) after asking.
		unverify(BOB);
		let before = balance(USDX, BOB);
		let alice = balance(USDX, ALICE);
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_000 * DOLLAR));
		assert_eq!(balance(USDX, BOB), before, "nothing paid out");
		// (Events keep a `DispatchError::Other`'s variant, not its text: the mock's reason was NotVerified.)
		assert!(loan_events()
			.iter()
			.any(|e| matches!(e, Event::DisbursementRefused { loan, .. } if *loan == id)));
		// The request ended: its lenders are refunded, nobody's money is locked.
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Cancelled);
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().committed, 0);
		assert_ok!(P2pLoans::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(USDX, ALICE), alice);
	});
}

#[test]
fn the_cap_is_checked_again_when_the_loan_starts() {
	run_test(|| {
		let id = bob_asks(1_000 * DOLLAR).unwrap();
		// Bob borrowed elsewhere in the meantime, and governance lowered his cap.
		set_exposure_cap(1_000 * DOLLAR);
		let pools = xindai_primitives::credit::PositionKey::new(
			xindai_primitives::credit::CreditProduct::Pools,
			USDX,
		);
		assert_ok!(<TestCredit as CreditRegistry<AccountId>>::note_borrowed(
			&BOB,
			pools,
			500 * DOLLAR
		));
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_000 * DOLLAR));
		// (Events keep a `DispatchError::Other`'s variant, not its text: the mock's reason was ExposureCapExceeded.)
		assert!(loan_events()
			.iter()
			.any(|e| matches!(e, Event::DisbursementRefused { loan, .. } if *loan == id)));
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Cancelled);
		// The request's commitment ended with it: only the debt elsewhere is left.
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().committed, 0);
		assert_eq!(exposure(BOB), 500 * DOLLAR);
	});
}

#[test]
fn repaying_in_the_block_of_the_loan_proves_nothing() {
	// The farming attack: a loan funded and repaid at once counted as an on-time instalment.
	run_test(|| {
		let id = fully_funded();
		let payoff = P2pLoans::loan_view(id).unwrap().payoff_today;
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, payoff));
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Closed);
		assert!(served_notes().is_empty(), "{:?}", credit_notes());
	});
}

#[test]
fn an_on_time_instalment_reports_the_time_served() {
	run_test(|| {
		let id = fully_funded();
		advance(30 * DAY);
		let due = crate::Schedules::<Test>::get(id).unwrap()[0];
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, due.principal + due.interest));
		assert_eq!(served_notes(), vec![CreditNote::Served(BOB, 1_000 * DOLLAR, 30 * DAY)]);
		// Paying again in the same block proves nothing more.
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, DOLLAR));
		assert_eq!(served_notes().len(), 1);
	});
}

#[test]
fn a_third_party_payment_proves_nothing_about_the_borrower() {
	run_test(|| {
		let id = fully_funded();
		advance(30 * DAY);
		let due = crate::Schedules::<Test>::get(id).unwrap()[0];
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(EVE), id, due.principal + due.interest));
		assert!(served_notes().is_empty());
	});
}

#[test]
fn a_default_returns_the_surplus_collateral_to_the_borrower() {
	// The attack: a 1,000 USDX loan backed by 0.1 XBTC (6,000 USDX) defaulted and the lenders
	// took all of it.
	run_test(|| {
		let id = fully_funded();
		let xbtc = balance(XBTC, BOB);
		advance(120 * DAY);
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(600));
		assert_ok!(P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), id));
		let loan = crate::Loans::<Test>::get(id).unwrap();
		// The whole debt (principal, interest, penalty) at 60,000 USDX per XBTC.
		let to_lenders = loan.collateral_for_lenders;
		assert!(to_lenders > BTC / 60 && to_lenders < BTC / 50, "{to_lenders}");
		assert_eq!(balance(XBTC, BOB) - xbtc, BTC / 10 - to_lenders);
		assert_eq!(loan.collateral_returned, BTC / 10 - to_lenders);
		// The collateral covered the debt: nothing is owed, nothing written off, and the loan
		// is closed (a default is still recorded).
		assert_eq!(P2pLoans::loan_view(id).unwrap().payoff_today, 0);
		assert!(credit_notes().contains(&CreditNote::Defaulted(BOB, 0)));
		assert_eq!(loan.status, LoanStatus::Closed);
		assert!(loan_events().contains(&Event::Defaulted {
			loan: id,
			outstanding: 0,
			collateral_to_lenders: to_lenders,
			collateral_returned: BTC / 10 - to_lenders,
		}));
	});
}

#[test]
fn a_default_waits_for_fresh_prices_and_never_hands_the_surplus_away_blind() {
	// Taking all the collateral whenever prices lag would let a lender grab the borrower's
	// surplus by calling at the right moment.
	run_test(|| {
		let id = fully_funded();
		advance(120 * DAY);
		assert_noop!(
			P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::PriceStale
		);
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(600));
		assert_ok!(P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), id));
		assert!(crate::Loans::<Test>::get(id).unwrap().collateral_returned > 0);
	});
}

#[test]
fn a_surplus_the_borrower_cannot_receive_goes_to_the_lenders() {
	// A borrower who cannot receive (blocked by the asset's issuer, or an empty account and a
	// surplus below the minimum balance) must not make the default impossible.
	run_test(|| {
		let id = fully_funded();
		assert_ok!(Assets::block(RuntimeOrigin::signed(OWNER), XBTC, BOB));
		advance(120 * DAY);
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(600));
		assert_ok!(P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), id));
		let loan = crate::Loans::<Test>::get(id).unwrap();
		assert_eq!(loan.collateral_returned, 0);
		assert_eq!(loan.collateral_for_lenders, BTC / 10);
	});
}

#[test]
fn a_liquidation_is_a_delinquency_and_the_rest_can_still_default() {
	run_test(|| {
		let id = fully_funded();
		advance(10 * DAY);
		set_price(USDX, Price::from_u32(1));
		// 0.1 XBTC falls to 1,000 USDX: not even the principal is covered.
		set_price(XBTC, Price::from_u32(100));
		assert_ok!(P2pLoans::liquidate(RuntimeOrigin::signed(DAVE), id));
		// Nothing was overdue, yet it is reported late: a liquidation is never on time.
		assert!(matches!(
			credit_notes().iter().rev().find(|n| matches!(n, CreditNote::Repaid(..))),
			Some(CreditNote::Repaid(BOB, _, days)) if *days >= 1
		));
		let loan = crate::Loans::<Test>::get(id).unwrap();
		assert_eq!(loan.status, LoanStatus::Liquidated);
		assert_eq!(loan.collateral_returned, 0);
		assert!(P2pLoans::loan_view(id).unwrap().payoff_today > 0);
		// The borrower stops paying: what the collateral did not cover defaults.
		advance(120 * DAY);
		assert_ok!(P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), id));
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Defaulted);
		assert!(matches!(credit_notes().last(), Some(CreditNote::Defaulted(BOB, v)) if *v > 0));
	});
}

#[test]
fn a_liquidation_takes_the_debt_and_the_reward_and_returns_the_rest() {
	run_test(|| {
		let id = fully_funded();
		advance(10 * DAY);
		set_price(USDX, Price::from_u32(1));
		// 0.1 XBTC worth 1,150 USDX: above the debt, below the 85% liquidation LTV.
		set_price(XBTC, Price::from_u32(115));
		let xbtc = balance(XBTC, BOB);
		assert_ok!(P2pLoans::liquidate(RuntimeOrigin::signed(DAVE), id));
		let loan = crate::Loans::<Test>::get(id).unwrap();
		let reward = balance(XBTC, DAVE) - 10 * BTC;
		assert_eq!(reward, Permill::from_percent(5).mul_ceil(loan.collateral_for_lenders));
		assert_eq!(balance(XBTC, BOB) - xbtc, BTC / 10 - loan.collateral_for_lenders - reward);
		assert!(balance(XBTC, BOB) > xbtc, "the surplus went back");
		// Fully covered: the loan is closed.
		assert_eq!(loan.status, LoanStatus::Closed);
	});
}

#[test]
fn a_failed_automatic_refund_keeps_the_lenders_claim_and_the_sweep_moves_on() {
	// The attack: `refund` took the position out of storage before a transfer that failed, and
	// `on_idle` has no storage layer: the claim was destroyed and the sweep stuck on the loan.
	run_test(|| {
		let id = bob_requests();
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 300 * DOLLAR));
		advance(11 * DAY);
		let weight = frame_support::weights::Weight::from_parts(u64::MAX, u64::MAX);
		P2pLoans::sweep(weight);
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Expired);
		// The issuer freezes USDX: no refund can be paid.
		assert_ok!(Assets::freeze_asset(RuntimeOrigin::signed(OWNER), USDX));
		P2pLoans::sweep(weight);
		assert!(crate::Positions::<Test>::get(id, ALICE).is_some(), "the claim survives");
		assert!(loan_events()
			.iter()
			.any(|e| matches!(e, Event::RefundFailed { lender: ALICE, .. })));
		assert!(crate::PendingRefunds::<Test>::get(id).is_none(), "the sweep moved on");
		assert_ok!(Assets::thaw_asset(RuntimeOrigin::signed(OWNER), USDX));
		let alice = balance(USDX, ALICE);
		assert_ok!(P2pLoans::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(USDX, ALICE) - alice, 300 * DOLLAR);
	});
}

/// A stablecoin like the runtime's USDX: 6 decimals, a minimum balance of 0.01.
const CENTS: AssetId = 9;
const CENTS_MIN: Balance = 10_000;

fn create_cents() {
	assert_ok!(Assets::force_create(RuntimeOrigin::root(), CENTS, OWNER, true, CENTS_MIN));
	for who in [ALICE, BOB, CHARLIE] {
		mint(CENTS, who, 10_000 * DOLLAR);
	}
	set_price(CENTS, Price::from_u32(1));
}

fn cents_request(principal: Balance) -> LoanId {
	let id = crate::NextLoanId::<Test>::get();
	assert_ok!(P2pLoans::create_request(
		RuntimeOrigin::signed(BOB),
		CENTS,
		principal,
		Rate::from_rational(12, 100),
		1,
		MONTH,
		RepaymentKind::Bullet,
		None,
		Timestamp::get() + 10 * DAY,
		1,
		purpose(),
	));
	id
}

#[test]
fn claims_never_burn_dust_in_custody() {
	// The defect: the last claim left the rounding residual (below the minimum balance) in
	// custody, pallet-assets burned it without reducing supply, and from then on the asset's
	// supply exceeded the sum of its accounts (checked after every test by the mock).
	run_test(|| {
		create_cents();
		let id = cents_request(1_000 * DOLLAR);
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 333_333_333));
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(CHARLIE), id, 666_666_667));
		advance(30 * DAY);
		set_price(CENTS, Price::from_u32(1));
		let payoff = P2pLoans::loan_view(id).unwrap().payoff_today;
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, payoff));
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(ALICE), id));
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(CHARLIE), id));
		// Custody keeps its reserve: it is never emptied below the minimum balance.
		assert!(balance(CENTS, P2pLoans::account_id()) >= CENTS_MIN);
	});
}

#[test]
fn a_residual_below_the_minimum_balance_can_be_repaid() {
	// The defect: a payoff of 12 micro-units could not be paid into an emptied custody account
	// (a `Token` error): the loan stayed Active forever with its collateral locked.
	run_test(|| {
		create_cents();
		let id = cents_request(1_000 * DOLLAR);
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_000 * DOLLAR));
		advance(30 * DAY);
		set_price(CENTS, Price::from_u32(1));
		let payoff = P2pLoans::loan_view(id).unwrap().payoff_today;
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, payoff - 12));
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(ALICE), id));
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, 12));
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Closed);
	});
}

#[test]
fn a_lender_may_lend_on_more_loans_in_its_life_than_at_a_time() {
	// The defect: `LenderLoans` was never trimmed, so an account could lend on only
	// `MaxLoansPerLender` (8 here) loans in its whole life.
	run_test(|| {
		for _ in 0..10 {
			let id = bob_requests_with(RepaymentKind::Bullet, None);
			assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_000 * DOLLAR));
			let payoff = P2pLoans::loan_view(id).unwrap().payoff_today;
			assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, payoff));
			assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(ALICE), id));
			assert!(!crate::LenderLoans::<Test>::get(ALICE).contains(&id));
		}
	});
}

#[test]
fn a_debtor_whose_payment_would_leave_it_dust_pays_its_whole_balance() {
	run_test(|| {
		create_cents();
		let id = cents_request(1_000 * DOLLAR);
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_000 * DOLLAR));
		advance(30 * DAY);
		set_price(CENTS, Price::from_u32(1));
		let payoff = P2pLoans::loan_view(id).unwrap().payoff_today;
		// Bob holds the payoff and 5 units more: paying would leave him dust below the minimum.
		let held = balance(CENTS, BOB);
		assert_ok!(Assets::transfer(RuntimeOrigin::signed(BOB), CENTS, EVE, held - payoff - 5));
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, payoff));
		assert_eq!(balance(CENTS, BOB), 0, "the 5 units went along, nothing vanished");
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Closed);
	});
}

#[test]
fn a_stale_price_of_the_borrowers_other_debt_fails_the_last_slice_instead_of_cancelling() {
	// The exposure check at disbursement values every position: a passing oracle delay must
	// not end a fully funded request for good.
	run_test(|| {
		let id = bob_asks(1_000 * DOLLAR).unwrap();
		let unpriced = xindai_primitives::credit::PositionKey::new(
			xindai_primitives::credit::CreditProduct::Pools,
			77,
		);
		assert_ok!(<TestCredit as CreditRegistry<AccountId>>::note_borrowed(&BOB, unpriced, 5));
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_000 * DOLLAR),
			Error::<Test>::PriceStale
		);
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Funding);
	});
}
