//! Bad input the other test files did not cover (from an audit of every call against each class
//! of bad input): unknown ids, empty wallets and unsigned origins, each refused with its typed
//! error and changing nothing.

use super::*;
use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
use sp_runtime::{DispatchError, TokenError};

/// Empties `who`'s USDX (to the asset owner).
fn drain_usdx(who: AccountId) {
	let all = balance(USDX, who);
	assert_ok!(<Assets as Mutate<AccountId>>::transfer(
		USDX,
		&who,
		&OWNER,
		all,
		Preservation::Expendable
	));
}

#[test]
fn unknown_invoices_are_refused() {
	run_test(|| {
		assert_noop!(
			SmeFinance::reject_invoice(RuntimeOrigin::signed(FERDIE), 99),
			Error::<Test>::InvoiceNotFound
		);
		assert_noop!(
			SmeFinance::claim_recourse(RuntimeOrigin::signed(DAVE), 99),
			Error::<Test>::InvoiceNotFound
		);
		assert_noop!(
			SmeFinance::notify_overdue(RuntimeOrigin::signed(MALLORY), OverdueTarget::Recourse(99)),
			Error::<Test>::InvoiceNotFound
		);
	});
}

#[test]
fn an_overdue_notice_needs_an_active_line() {
	run_test(|| {
		let applied = eve_applies();
		assert_noop!(
			SmeFinance::notify_overdue(
				RuntimeOrigin::signed(MALLORY),
				OverdueTarget::Line(applied)
			),
			Error::<Test>::WrongLineStatus
		);
	});
}

#[test]
fn payments_beyond_the_payers_wallet_are_refused() {
	run_test(|| {
		// A financier who cannot deposit the limit.
		let id = eve_applies();
		assert_ok!(SmeFinance::approve_credit_line(
			RuntimeOrigin::signed(UNDERWRITER),
			id,
			LineSource::Financier(DAVE)
		));
		drain_usdx(DAVE);
		assert_noop!(
			SmeFinance::fund_credit_line(RuntimeOrigin::signed(DAVE), id),
			TokenError::FundsUnavailable
		);
		// A buyer who cannot pay its invoice.
		let invoice = confirmed_invoice();
		drain_usdx(FERDIE);
		assert_noop!(
			SmeFinance::pay_invoice(RuntimeOrigin::signed(FERDIE), invoice),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn an_enterprise_with_an_empty_wallet_repays_nothing() {
	run_test(|| {
		let line = pool_line();
		first_tranche(line);
		advance(31 * DAY);
		drain_usdx(EVE);
		assert_noop!(
			SmeFinance::repay_line(RuntimeOrigin::signed(EVE), line, DOLLAR),
			TokenError::FundsUnavailable
		);
	});
}

/// Leaves `who` 10 units of XDI: less than a record deposit.
fn leave_no_deposit(who: AccountId) {
	assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), who, 10));
}

#[test]
fn records_without_their_deposit_are_refused() {
	run_test(|| {
		leave_no_deposit(EVE);
		let period = ReportingPeriod { year: 2026, quarter: 1 };
		let metrics = FinancialMetrics { revenue: 1_000 * DOLLAR, ..Default::default() };
		assert_noop!(
			SmeFinance::file_report(RuntimeOrigin::signed(EVE), period, hash(7), metrics),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			SmeFinance::apply_credit_line(
				RuntimeOrigin::signed(EVE),
				USDX,
				10_000 * DOLLAR,
				xindai_primitives::interest::Rate::from_rational(10, 100),
				365 * 24 * 60 * 60,
				two_milestones(),
				purpose(),
			),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			SmeFinance::submit_invoice(
				RuntimeOrigin::signed(EVE),
				FERDIE,
				DOLLAR,
				USDX,
				START + DAY,
				hash(9)
			),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn financing_needs_the_financiers_funds() {
	run_test(|| {
		let id = confirmed_invoice();
		assert_ok!(SmeFinance::offer_invoice(
			RuntimeOrigin::signed(EVE),
			id,
			sp_runtime::Permill::from_percent(80),
			sp_runtime::Permill::from_percent(2),
			None
		));
		drain_usdx(DAVE);
		assert_noop!(
			SmeFinance::finance_invoice(
				RuntimeOrigin::signed(DAVE),
				id,
				sp_runtime::Permill::from_percent(80),
				sp_runtime::Permill::from_percent(2)
			),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn unsigned_origins_are_refused() {
	run_test(|| {
		let line = pool_line();
		let none = || RuntimeOrigin::none();
		assert_noop!(SmeFinance::repay_line(none(), line, DOLLAR), DispatchError::BadOrigin);
		assert_noop!(SmeFinance::mark_line_default(none(), line), DispatchError::BadOrigin);
		assert_noop!(SmeFinance::repay_recourse(none(), 0, DOLLAR), DispatchError::BadOrigin);
		assert_noop!(SmeFinance::forget_invoice_hash(none(), hash(1)), DispatchError::BadOrigin);
		assert_noop!(
			SmeFinance::notify_overdue(none(), OverdueTarget::Line(line)),
			DispatchError::BadOrigin
		);
	});
}

/// A partial repayment under recourse may not leave dust owed: no later payment to a financier
/// holding none of the asset could settle it (regression, found by review).
#[test]
fn a_recourse_repayment_leaving_dust_owed_is_refused() {
	run_test(|| {
		create_dusty_asset();
		mint(DUSTY, DAVE, 1_000_000);
		mint(DUSTY, EVE, 1_000_000);
		assert_ok!(SmeFinance::submit_invoice(
			RuntimeOrigin::signed(EVE),
			FERDIE,
			10_000,
			DUSTY,
			START + 60 * DAY,
			hash(8),
		));
		let id = crate::NextInvoiceId::<Test>::get() - 1;
		assert_ok!(SmeFinance::confirm_invoice(RuntimeOrigin::signed(FERDIE), id));
		assert_ok!(SmeFinance::offer_invoice(
			RuntimeOrigin::signed(EVE),
			id,
			sp_runtime::Permill::from_percent(80),
			sp_runtime::Permill::from_percent(2),
			None
		));
		assert_ok!(SmeFinance::finance_invoice(
			RuntimeOrigin::signed(DAVE),
			id,
			sp_runtime::Permill::from_percent(80),
			sp_runtime::Permill::from_percent(2)
		));
		travel_to(START + 150 * DAY);
		assert_ok!(SmeFinance::claim_recourse(RuntimeOrigin::signed(DAVE), id));
		// 8,000 owed: paying 7,500 would leave 500, below the minimum of 1,000.
		assert_noop!(
			SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, 7_500),
			Error::<Test>::RecourseDustLeft
		);
		assert_ok!(SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, 7_000));
		assert_ok!(SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, 1_000));
		assert!(crate::Invoices::<Test>::get(id).is_none());
	});
}

/// Under recourse the enterprise pays the financier; with an empty wallet it pays nothing, and
/// what it owes stays owed in full.
#[test]
fn an_enterprise_on_recourse_with_an_empty_wallet_repays_nothing() {
	run_test(|| {
		let id = confirmed_invoice();
		super::invoices::dave_finances(id);
		travel_to(START + 150 * DAY);
		assert_ok!(SmeFinance::claim_recourse(RuntimeOrigin::signed(DAVE), id));
		drain_usdx(EVE);
		assert_noop!(
			SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, 100 * DOLLAR),
			TokenError::FundsUnavailable
		);
		assert_eq!(
			crate::Invoices::<Test>::get(id).map(|invoice| invoice.status),
			Some(InvoiceStatus::Recourse)
		);
	});
}
