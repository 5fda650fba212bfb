//! Attacks on the credit spine through SME finance, each written first as a failing test:
//! dust griefing of an enterprise's record, undrawn lines beyond the cap, farming by repayment.

use super::*;
use sp_runtime::{DispatchError, Permill};
use xindai_primitives::testing::{exposure, set_exposure_cap, unverify};

fn late_notes(who: AccountId) -> usize {
	credit_notes()
		.into_iter()
		.filter(|n| matches!(n, CreditNote::Repaid(w, _, days) if *w == who && *days > 0))
		.count()
}

fn served_notes(who: AccountId) -> Vec<CreditNote> {
	credit_notes()
		.into_iter()
		.filter(|n| matches!(n, CreditNote::Served(w, ..) if *w == who))
		.collect()
}

#[test]
fn dust_from_a_stranger_cannot_grief_an_overdue_line() {
	// The attack: anyone paid 1 unit on an overdue line, each payment a late instalment (−15).
	run_test(|| {
		let id = pool_line();
		first_tranche(id);
		advance(40 * DAY);
		assert!(SmeFinance::line_view(id).unwrap().overdue);
		for _ in 0..5 {
			assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(DAVE), id, 1));
		}
		assert_eq!(late_notes(EVE), 0, "{:?}", credit_notes());
		// Paying from another account does not hide the lateness: clearing the due date
		// records it, once.
		let due = SmeFinance::line_view(id).unwrap().due;
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(DAVE), id, due));
		assert_eq!(late_notes(EVE), 1);
		assert!(credit_notes().contains(&CreditNote::Repaid(EVE, 0, 10)));
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, DOLLAR));
		assert_eq!(late_notes(EVE), 1);
	});
}

#[test]
fn a_dust_payment_on_the_first_late_day_does_not_fix_a_milder_lateness() {
	run_test(|| {
		let id = pool_line();
		first_tranche(id);
		// Four days after the first due date (day 30): one unit from the enterprise.
		advance(34 * DAY);
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, 1));
		assert_eq!(late_notes(EVE), 0);
		// Everything due paid on day 75: 45 days after the oldest due date.
		advance(41 * DAY);
		let due = SmeFinance::line_view(id).unwrap().due;
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, due));
		assert!(credit_notes().contains(&CreditNote::Repaid(EVE, 0, 45)), "{:?}", credit_notes());
		assert_eq!(late_notes(EVE), 1);
	});
}

#[test]
fn dust_from_a_stranger_cannot_grief_a_recourse() {
	run_test(|| {
		let id = confirmed_invoice();
		assert_ok!(SmeFinance::offer_invoice(
			RuntimeOrigin::signed(EVE),
			id,
			Permill::from_percent(80),
			Permill::from_percent(2),
			None
		));
		assert_ok!(SmeFinance::finance_invoice(
			RuntimeOrigin::signed(DAVE),
			id,
			Permill::from_percent(80),
			Permill::from_percent(2)
		));
		travel_to(START + 150 * DAY);
		assert_ok!(SmeFinance::claim_recourse(RuntimeOrigin::signed(DAVE), id));
		advance(10 * DAY);
		for _ in 0..5 {
			assert_ok!(SmeFinance::repay_recourse(RuntimeOrigin::signed(CHARLIE), id, 1));
		}
		assert_eq!(late_notes(EVE), 0);
		assert_ok!(SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, DOLLAR));
		assert_eq!(late_notes(EVE), 0, "nothing cleared yet");
		// Cleared (whoever pays the rest): recorded once, with the days late at clearing.
		assert_ok!(SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, 1_000 * DOLLAR));
		assert_eq!(late_notes(EVE), 1);
	});
}

#[test]
fn an_undrawn_line_is_committed_exposure() {
	run_test(|| {
		let id = pool_line();
		assert_eq!(exposure(EVE), 10_000 * DOLLAR);
		first_tranche(id);
		// The tranche moved from commitment to debt.
		assert_eq!(exposure(EVE), 10_000 * DOLLAR);
		assert!(credit_notes().contains(&CreditNote::Borrowed(EVE, 6_000 * DOLLAR)));
		assert_ok!(SmeFinance::close_line(RuntimeOrigin::signed(EVE), id));
		// Closing returned the undrawn part: only the debt is left.
		assert_eq!(exposure(EVE), 6_000 * DOLLAR);
	});
}

#[test]
fn a_line_beyond_the_cap_is_not_activated() {
	run_test(|| {
		let id = eve_applies();
		set_exposure_cap(5_000 * DOLLAR);
		assert_noop!(
			SmeFinance::approve_credit_line(
				RuntimeOrigin::signed(UNDERWRITER),
				id,
				LineSource::Pool
			),
			DispatchError::Other("ExposureCapExceeded")
		);
	});
}

#[test]
fn an_unverified_enterprise_draws_nothing() {
	run_test(|| {
		let id = pool_line();
		unverify(EVE);
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(INSPECTOR), id, 0),
			DispatchError::Other("NotVerified")
		);
	});
}

#[test]
fn repaying_a_line_in_the_block_of_its_draw_proves_nothing() {
	run_test(|| {
		let id = pool_line();
		first_tranche(id);
		for _ in 0..10 {
			assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, 100 * DOLLAR));
		}
		assert!(served_notes(EVE).is_empty());
		advance(20 * DAY);
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, 100 * DOLLAR));
		assert_eq!(served_notes(EVE), vec![CreditNote::Served(EVE, 5_000 * DOLLAR, 20 * DAY)]);
		// A stranger's payment proves nothing about Eve.
		advance(5 * DAY);
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(DAVE), id, 100 * DOLLAR));
		assert_eq!(served_notes(EVE).len(), 1);
	});
}

#[test]
fn an_unfinanced_invoice_between_two_accounts_farms_nothing() {
	// The attack: an enterprise and a buyer of one owner trade invoices at no cost and the
	// buyer's on-time payments build its score.
	run_test(|| {
		let id = confirmed_invoice();
		advance(30 * DAY);
		assert_ok!(SmeFinance::pay_invoice(RuntimeOrigin::signed(FERDIE), id));
		assert!(served_notes(FERDIE).is_empty());
		assert!(served_notes(EVE).is_empty());
	});
}

#[test]
fn a_buyer_paying_a_financed_invoice_on_time_earns_the_time_since_financing() {
	run_test(|| {
		let id = confirmed_invoice();
		advance(5 * DAY);
		assert_ok!(SmeFinance::offer_invoice(
			RuntimeOrigin::signed(EVE),
			id,
			Permill::from_percent(80),
			Permill::from_percent(2),
			None
		));
		assert_ok!(SmeFinance::finance_invoice(
			RuntimeOrigin::signed(DAVE),
			id,
			Permill::from_percent(80),
			Permill::from_percent(2)
		));
		advance(30 * DAY);
		assert_ok!(SmeFinance::pay_invoice(RuntimeOrigin::signed(FERDIE), id));
		assert_eq!(
			served_notes(FERDIE),
			vec![CreditNote::Served(FERDIE, 1_000 * DOLLAR, 30 * DAY)]
		);
		// The enterprise, paid by its buyer, proves nothing.
		assert!(served_notes(EVE).is_empty());
	});
}

#[test]
fn a_frozen_or_unverified_buyer_cannot_confirm_an_invoice_beyond_its_cap() {
	run_test(|| {
		let id = crate::NextInvoiceId::<Test>::get();
		assert_ok!(SmeFinance::submit_invoice(
			RuntimeOrigin::signed(EVE),
			FERDIE,
			1_000 * DOLLAR,
			USDX,
			START + 60 * DAY,
			hash(0xbb),
		));
		set_exposure_cap(999 * DOLLAR);
		assert_noop!(
			SmeFinance::confirm_invoice(RuntimeOrigin::signed(FERDIE), id),
			DispatchError::Other("ExposureCapExceeded")
		);
	});
}
