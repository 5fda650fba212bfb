//! The purpose a credit line states and the debt service it books (issue 20): refused when the
//! purpose is closed or the enterprise's repayment capacity is used up; ended when the line is
//! removed or defaults.

use super::*;
use sp_runtime::DispatchError;
use xindai_primitives::{
	capacity::{monthly_service, PurposeSet},
	credit::CreditProduct,
	interest::Rate,
	testing::{booked_service, close_purposes, set_capacity},
};

/// Eve's usual line: 10,000 USDX at 12 % for 360 days.
fn usual_terms() -> LineTerms {
	LineTerms {
		asset: USDX,
		limit: 10_000 * DOLLAR,
		annual_rate: Rate::from_rational(12, 100),
		term: 360 * 24 * 60 * 60,
		purpose: purpose(),
	}
}

fn eve_asks() -> sp_runtime::DispatchResult {
	SmeFinance::apply_credit_line(
		RuntimeOrigin::signed(EVE),
		USDX,
		10_000 * DOLLAR,
		Rate::from_rational(12, 100),
		360 * 24 * 60 * 60,
		two_milestones(),
		purpose(),
	)
	.map(|_| ())
	.map_err(|e| e.error)
}

#[test]
fn an_application_books_the_limit_and_its_interest_over_the_term() {
	run_test(|| {
		let id = eve_applies();
		let line = crate::Lines::<Test>::get(id).unwrap();
		// 10,000 and 360 days of 12 % (1,183.56), over 11.84 months: about 944.9 a month.
		let total = 10_000 * DOLLAR + 1_183_561_644;
		assert_eq!(line.monthly_service, monthly_service(total, 360 * 24 * 60 * 60).unwrap());
		assert!((944 * DOLLAR..946 * DOLLAR).contains(&line.monthly_service));
		assert_eq!(booked_service(EVE), line.monthly_service);
		assert_eq!(line.terms.purpose, purpose());
		let view = SmeFinance::line_view(id).unwrap();
		assert_eq!((view.terms.purpose, view.monthly_service), (purpose(), line.monthly_service));
		assert!(sme_events()
			.iter()
			.any(|e| matches!(e, Event::LineApplied { terms, .. } if terms.purpose == purpose())));
	});
}

#[test]
fn an_application_beyond_the_repayment_capacity_is_refused() {
	run_test(|| {
		let monthly = SmeFinance::monthly_service_of(&usual_terms()).unwrap();
		set_capacity(monthly - 1);
		assert_noop!(eve_asks(), DispatchError::Other("DebtServiceAboveLimit"));
		set_capacity(monthly);
		assert_ok!(eve_asks());
		assert_noop!(eve_asks(), DispatchError::Other("DebtServiceAboveLimit"));
	});
}

#[test]
fn a_closed_purpose_is_refused() {
	run_test(|| {
		close_purposes(
			CreditProduct::SmeFinance,
			PurposeSet::of(&[PurposeCategory::BusinessWorkingCapital]),
		);
		assert_noop!(eve_asks(), DispatchError::Other("PurposeClosed"));
		// Closed for P2P loans only: SME lines are not concerned.
		close_purposes(CreditProduct::SmeFinance, PurposeSet::EMPTY);
		close_purposes(
			CreditProduct::P2pLoans,
			PurposeSet::of(&[PurposeCategory::BusinessWorkingCapital]),
		);
		assert_ok!(eve_asks());
	});
}

#[test]
fn the_service_ends_when_the_line_is_removed_or_defaults() {
	run_test(|| {
		// Withdrawn before approval.
		let id = eve_applies();
		assert_ok!(SmeFinance::close_line(RuntimeOrigin::signed(EVE), id));
		assert_eq!(booked_service(EVE), 0);
		// Closed with nothing drawn.
		let id = pool_line();
		assert!(booked_service(EVE) > 0);
		assert_ok!(SmeFinance::close_line(RuntimeOrigin::signed(EVE), id));
		assert_eq!(booked_service(EVE), 0);
		// Defaulted.
		let id = pool_line();
		first_tranche(id);
		advance(150 * DAY);
		assert_ok!(SmeFinance::mark_line_default(RuntimeOrigin::signed(DAVE), id));
		assert_eq!(booked_service(EVE), 0);
		assert_eq!(crate::Lines::<Test>::get(id).unwrap().monthly_service, 0);
	});
}
