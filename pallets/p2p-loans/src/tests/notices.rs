//! Overdue notices (issue 13, item 3).

use super::*;

fn notices(id: LoanId) -> Vec<(u32, xindai_primitives::Balance)> {
	loan_events()
		.into_iter()
		.filter_map(|e| match e {
			Event::OverdueNotice { loan, borrower: BOB, days_past_due, amount_due }
				if loan == id =>
			{
				Some((days_past_due, amount_due))
			},
			_ => None,
		})
		.collect()
}

#[test]
fn an_overdue_instalment_is_announced_at_each_threshold_once() {
	run_test(|| {
		let id = fully_funded();
		let due = crate::Schedules::<Test>::get(id).unwrap()[0].due_at;
		assert_noop!(
			P2pLoans::notify_overdue(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::NothingOverdue
		);
		advance(due - Timestamp::get() + DAY + 1);
		assert_ok!(P2pLoans::notify_overdue(RuntimeOrigin::signed(EVE), id));
		let first = notices(id);
		assert_eq!(first.len(), 1);
		assert_eq!(first[0].0, 1);
		let instalment = crate::Schedules::<Test>::get(id).unwrap()[0].outstanding();
		assert!(first[0].1 >= instalment, "the instalment and its penalty are due");
		// Once per threshold.
		assert_noop!(
			P2pLoans::notify_overdue(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::NoNoticeDue
		);
		// A keeper late to the 7- and 30-day thresholds sends both at once.
		advance(30 * DAY);
		assert_ok!(P2pLoans::notify_overdue(RuntimeOrigin::signed(EVE), id));
		assert_eq!(notices(id).iter().map(|(d, _)| *d).collect::<Vec<_>>(), vec![1, 7, 30]);
		// Bob pays the loan off: nothing is left to announce.
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, 2 * first[0].1 + 600 * DOLLAR));
		assert_noop!(
			P2pLoans::notify_overdue(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::NotRepayable
		);
	});
}

#[test]
fn notice_days_are_governed_within_bounds() {
	run_test(|| {
		let mut params = RiskParams { notice_days: [7, 1, 0, 0, 0], ..Default::default() };
		assert_noop!(
			P2pLoans::set_risk_params(RuntimeOrigin::root(), params),
			Error::<Test>::NoticeDaysInvalid
		);
		params.notice_days = [3, 0, 0, 0, 0];
		assert_ok!(P2pLoans::set_risk_params(RuntimeOrigin::root(), params));
		let id = fully_funded();
		let due = crate::Schedules::<Test>::get(id).unwrap()[0].due_at;
		advance(due - Timestamp::get() + 2 * DAY);
		assert_noop!(
			P2pLoans::notify_overdue(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::NoNoticeDue
		);
		advance(DAY);
		assert_ok!(P2pLoans::notify_overdue(RuntimeOrigin::signed(EVE), id));
		assert_eq!(notices(id).iter().map(|(d, _)| *d).collect::<Vec<_>>(), vec![3]);
	});
}
