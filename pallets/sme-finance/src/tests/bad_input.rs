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
