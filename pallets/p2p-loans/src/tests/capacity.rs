//! The purpose a request states and the debt service it books (issue 20): refused when the
//! purpose is closed or the borrower's repayment capacity is used up; ended when the request
//! ends, the loan closes or defaults.

use super::*;
use sp_runtime::DispatchError;
use xindai_primitives::{
	capacity::{monthly_service, PurposeSet, MONTH_SECS},
	credit::CreditProduct,
	testing::{booked_service, close_purposes, set_capacity},
};

/// Bob's usual request: 1,000 USDX over 4 monthly instalments at 12 %, amortising.
fn usual_terms() -> LoanTerms {
	LoanTerms {
		asset: USDX,
		principal: 1_000 * DOLLAR,
		annual_rate: Rate::from_rational(12, 100),
		instalments: 4,
		period: MONTH,
		kind: RepaymentKind::Amortising,
		collateral: Some((XBTC, BTC / 10)),
		funding_deadline: Timestamp::get() + 10 * DAY,
		min_ticket: 100 * DOLLAR,
		purpose: purpose(),
	}
}

#[test]
fn a_request_books_its_average_monthly_payment() {
	run_test(|| {
		let id = bob_requests();
		let loan = crate::Loans::<Test>::get(id).unwrap();
		// The schedule's principal and interest over its four 30-day periods, per twelfth of a
		// year: an annuity of about 255.5 USDX every 30 days is about 259 a month.
		let items = crate::schedule::build(
			RepaymentKind::Amortising,
			1_000 * DOLLAR,
			Rate::from_rational(12, 100),
			4,
			MONTH,
			START,
		)
		.unwrap();
		let total = crate::schedule::total(&items, |i| i.principal + i.interest);
		assert_eq!(loan.monthly_service, monthly_service(total, 4 * MONTH).unwrap());
		assert!((255 * DOLLAR..262 * DOLLAR).contains(&loan.monthly_service));
		assert!(loan.monthly_service * u128::from(4 * MONTH) >= total * u128::from(MONTH_SECS));
		assert_eq!(booked_service(BOB), loan.monthly_service);
		assert_eq!(P2pLoans::loan_view(id).unwrap().monthly_service, loan.monthly_service);
		// The purpose is in the terms: the request's event and the loan's view carry it.
		assert_eq!(loan.terms.purpose, purpose());
		assert_eq!(P2pLoans::loan_view(id).unwrap().terms.purpose, purpose());
		assert!(loan_events().iter().any(
			|e| matches!(e, Event::RequestCreated { terms, .. } if terms.purpose == purpose())
		));
	});
}

#[test]
fn a_request_beyond_the_repayment_capacity_is_refused() {
	run_test(|| {
		let monthly = P2pLoans::monthly_service_of(&usual_terms(), Timestamp::get()).unwrap();
		set_capacity(monthly - 1);
		assert_noop!(
			P2pLoans::create_request(
				RuntimeOrigin::signed(BOB),
				USDX,
				1_000 * DOLLAR,
				Rate::from_rational(12, 100),
				4,
				MONTH,
				RepaymentKind::Amortising,
				Some((XBTC, BTC / 10)),
				Timestamp::get() + 10 * DAY,
				100 * DOLLAR,
				purpose(),
			),
			DispatchError::Other("DebtServiceAboveLimit")
		);
		// Room for exactly one such loan: the second is refused.
		set_capacity(monthly);
		bob_requests();
		assert_noop!(
			P2pLoans::create_request(
				RuntimeOrigin::signed(BOB),
				USDX,
				1_000 * DOLLAR,
				Rate::from_rational(12, 100),
				4,
				MONTH,
				RepaymentKind::Amortising,
				None,
				Timestamp::get() + 10 * DAY,
				100 * DOLLAR,
				purpose(),
			),
			DispatchError::Other("DebtServiceAboveLimit")
		);
	});
}

#[test]
fn a_closed_purpose_is_refused() {
	run_test(|| {
		close_purposes(CreditProduct::P2pLoans, PurposeSet::of(&[PurposeCategory::Education]));
		assert_noop!(
			P2pLoans::create_request(
				RuntimeOrigin::signed(BOB),
				USDX,
				1_000 * DOLLAR,
				Rate::from_rational(12, 100),
				4,
				MONTH,
				RepaymentKind::Amortising,
				None,
				Timestamp::get() + 10 * DAY,
				100 * DOLLAR,
				purpose(),
			),
			DispatchError::Other("PurposeClosed")
		);
	});
}

#[test]
fn the_service_ends_with_the_request_the_payoff_or_the_default() {
	run_test(|| {
		// Cancelled.
		let id = bob_requests();
		assert!(booked_service(BOB) > 0);
		assert_ok!(P2pLoans::cancel_request(RuntimeOrigin::signed(BOB), id));
		assert_eq!(booked_service(BOB), 0);
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().monthly_service, 0);
		// Paid off.
		let id = fully_funded();
		assert!(booked_service(BOB) > 0);
		let payoff = P2pLoans::loan_view(id).unwrap().payoff_today;
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, payoff));
		assert_eq!(booked_service(BOB), 0);
		// Defaulted.
		let id = bob_requests_with(RepaymentKind::Amortising, None);
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_000 * DOLLAR));
		advance(120 * DAY);
		assert_ok!(P2pLoans::mark_default(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(booked_service(BOB), 0);
	});
}

#[test]
fn a_loan_repaid_within_a_month_books_all_of_it() {
	run_test(|| {
		let terms = LoanTerms {
			instalments: 1,
			period: 7 * 24 * 60 * 60,
			kind: RepaymentKind::Bullet,
			..usual_terms()
		};
		let monthly = P2pLoans::monthly_service_of(&terms, Timestamp::get()).unwrap();
		// 1,000 and a week's interest at 12 %.
		assert_eq!(monthly, 1_000 * DOLLAR + 2_301_370);
	});
}
