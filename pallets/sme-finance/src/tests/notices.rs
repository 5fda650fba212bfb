//! Overdue notices of lines and recourse (issue 13, item 3).

use super::*;
use crate::types::OverdueTarget;
use sp_runtime::Permill;

fn notices(target: OverdueTarget) -> Vec<(u32, xindai_primitives::Balance)> {
	sme_events()
		.into_iter()
		.filter_map(|e| match e {
			Event::OverdueNotice { target: t, borrower: EVE, days_past_due, amount_due }
				if t == target =>
			{
				Some((days_past_due, amount_due))
			},
			_ => None,
		})
		.collect()
}

#[test]
fn an_overdue_line_is_announced_at_each_threshold_once() {
	run_test(|| {
		let id = pool_line();
		first_tranche(id);
		let target = OverdueTarget::Line(id);
		assert_noop!(
			SmeFinance::notify_overdue(RuntimeOrigin::signed(DAVE), target),
			Error::<Test>::NothingOverdue
		);
		advance(40 * DAY);
		assert!(SmeFinance::line_view(id).unwrap().overdue);
		assert_ok!(SmeFinance::notify_overdue(RuntimeOrigin::signed(DAVE), target));
		let sent = notices(target);
		assert_eq!(sent.iter().map(|(d, _)| *d).collect::<Vec<_>>(), vec![1, 7]);
		assert_eq!(sent[0].1, SmeFinance::line_view(id).unwrap().due);
		assert_noop!(
			SmeFinance::notify_overdue(RuntimeOrigin::signed(DAVE), target),
			Error::<Test>::NoNoticeDue
		);
		assert_noop!(
			SmeFinance::notify_overdue(RuntimeOrigin::signed(DAVE), OverdueTarget::Line(99)),
			Error::<Test>::LineNotFound
		);
	});
}

#[test]
fn an_unpaid_recourse_is_announced_from_the_claim() {
	run_test(|| {
		let id = confirmed_invoice();
		let target = OverdueTarget::Recourse(id);
		assert_noop!(
			SmeFinance::notify_overdue(RuntimeOrigin::signed(DAVE), target),
			Error::<Test>::WrongInvoiceStatus
		);
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
		assert_noop!(
			SmeFinance::notify_overdue(RuntimeOrigin::signed(DAVE), target),
			Error::<Test>::NothingOverdue
		);
		advance(31 * DAY);
		assert_ok!(SmeFinance::notify_overdue(RuntimeOrigin::signed(FERDIE), target));
		let owed = crate::Invoices::<Test>::get(id).unwrap().financing.unwrap().recourse_owed;
		assert_eq!(notices(target), vec![(1, owed), (7, owed), (30, owed)]);
		assert_noop!(
			SmeFinance::notify_overdue(RuntimeOrigin::signed(DAVE), target),
			Error::<Test>::NoNoticeDue
		);
	});
}

#[test]
fn sme_notice_days_are_governed_within_bounds() {
	run_test(|| {
		let params = crate::types::SmeParams { notice_days: [1, 1, 0, 0, 0], ..Default::default() };
		assert_noop!(
			SmeFinance::set_params(RuntimeOrigin::root(), params),
			Error::<Test>::NoticeDaysInvalid
		);
	});
}
