//! Schedules, on-time and late repayment, penalties, prepayment, settlement and claims.

use super::*;

fn schedule(id: LoanId) -> Vec<Instalment> {
	crate::Schedules::<Test>::get(id).unwrap().into_inner()
}

fn due(id: LoanId, k: usize) -> xindai_primitives::Balance {
	let item = schedule(id)[k];
	item.principal + item.interest
}

#[test]
fn the_schedule_is_an_annuity_from_the_start() {
	run_test(|| {
		let id = fully_funded();
		let items = schedule(id);
		// 12% a year, 30-day months: r = 0.12 × 30/365.
		assert_eq!(items[0].due_at, START + 30 * DAY);
		assert_eq!(items[3].due_at, START + 120 * DAY);
		assert_eq!(items.iter().map(|i| i.principal).sum::<u128>(), 1_000 * DOLLAR);
		assert!(items.iter().all(|i| i.interest > 0));
		let view = P2pLoans::loan_view(id).unwrap();
		assert_eq!(view.next_due, Some((START + 30 * DAY, due(id, 0))));
		assert!(view.payoff_today >= 1_000 * DOLLAR);
	});
}

#[test]
fn paying_on_time_completes_instalments_and_reports_them() {
	run_test(|| {
		let id = fully_funded();
		advance(30 * DAY);
		let amount = due(id, 0);
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, amount));
		assert!(loan_events().contains(&Event::InstalmentPaid {
			loan: id,
			index: 0,
			days_late: 0
		}));
		assert!(schedule(id)[0].is_paid());
		// Exposure falls by the principal; the month outstanding is on-time service.
		let principal = schedule(id)[0].principal;
		assert!(credit_notes().contains(&CreditNote::Repaid(BOB, principal, 0)));
		assert_eq!(credit_notes().last(), Some(&CreditNote::Served(BOB, 1_000 * DOLLAR, 30 * DAY)));
		let _ = amount;
	});
}

#[test]
fn a_late_instalment_pays_penalty_and_records_days_late() {
	run_test(|| {
		let id = fully_funded();
		// Ten days after the first due date: past the three-day grace.
		advance(40 * DAY);
		let view = P2pLoans::loan_view(id).unwrap();
		assert!(view.penalty_owed > 0, "penalty accrues after grace");
		assert_eq!(view.schedule[0].state, crate::InstalmentState::Overdue);
		let penalty = view.penalty_owed;
		// 24% a year on about 257 USDX for 7 days: about 1.18 USDX.
		assert!(penalty > DOLLAR && penalty < 2 * DOLLAR, "{penalty}");
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, due(id, 0) + penalty));
		assert!(loan_events().contains(&Event::InstalmentPaid {
			loan: id,
			index: 0,
			days_late: 10
		}));
		match last_event() {
			Event::Repaid { penalty: paid, .. } => assert_eq!(paid, penalty),
			e => panic!("{e:?}"),
		}
		assert!(matches!(credit_notes().last(), Some(CreditNote::Repaid(BOB, _, 10))));
	});
}

#[test]
fn within_grace_is_on_time() {
	run_test(|| {
		let id = fully_funded();
		advance(32 * DAY);
		assert_eq!(P2pLoans::loan_view(id).unwrap().penalty_owed, 0);
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, due(id, 0)));
		assert!(loan_events().contains(&Event::InstalmentPaid {
			loan: id,
			index: 0,
			days_late: 0
		}));
	});
}

#[test]
fn paying_off_early_charges_no_interest_for_periods_not_started() {
	run_test(|| {
		let id = fully_funded();
		let full_interest: u128 = schedule(id).iter().map(|i| i.interest).sum();
		advance(30 * DAY);
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, due(id, 0)));
		advance(DAY);
		let payoff = P2pLoans::loan_view(id).unwrap().payoff_today;
		let bob = balance(USDX, BOB);
		let bob_xbtc = balance(XBTC, BOB);
		// Paying more than the payoff takes only the payoff.
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, payoff + 500 * DOLLAR));
		assert_eq!(bob - balance(USDX, BOB), payoff);
		assert_eq!(last_event(), Event::LoanClosed { loan: id });
		let loan = crate::Loans::<Test>::get(id).unwrap();
		assert_eq!(loan.status, LoanStatus::Closed);
		// Collateral and deposit back; settled in the registry.
		assert_eq!(balance(XBTC, BOB) - bob_xbtc, BTC / 10);
		assert!(credit_notes().contains(&CreditNote::Settled(BOB)));
		let items = schedule(id);
		let paid_interest: u128 = items.iter().map(|i| i.interest_paid).sum();
		// Two started periods' interest, none for the two not started.
		assert_eq!(paid_interest, items[0].interest + items[1].interest);
		assert_eq!(items[2].interest + items[3].interest, 0);
		assert!(paid_interest < full_interest, "{paid_interest} of {full_interest}");
		assert_noop!(
			P2pLoans::repay(RuntimeOrigin::signed(BOB), id, DOLLAR),
			Error::<Test>::NotRepayable
		);
	});
}

#[test]
fn lenders_claim_pro_rata_in_o1() {
	run_test(|| {
		let id = fully_funded();
		advance(30 * DAY);
		let amount = due(id, 0);
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, amount));
		let alice = balance(USDX, ALICE);
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(USDX, ALICE) - alice, amount * 6 / 10);
		assert_noop!(
			P2pLoans::claim(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NothingToClaim
		);
		assert_noop!(
			P2pLoans::claim(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::NothingToClaim
		);
		let charlie = balance(USDX, CHARLIE);
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(balance(USDX, CHARLIE) - charlie, amount * 4 / 10);
		let positions = P2pLoans::positions_of(&ALICE);
		assert_eq!(positions.len(), 1);
		assert_eq!(positions[0].claimable, 0);
		assert_noop!(
			P2pLoans::claim(RuntimeOrigin::signed(ALICE), 42),
			Error::<Test>::LoanNotFound
		);
	});
}

#[test]
fn a_bullet_loan_repays_principal_last() {
	run_test(|| {
		let id = bob_requests_with(RepaymentKind::Bullet, None);
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_000 * DOLLAR));
		let items = schedule(id);
		assert!(items[..3].iter().all(|i| i.principal == 0));
		assert_eq!(items[3].principal, 1_000 * DOLLAR);
		for k in 0..4 {
			advance(30 * DAY);
			assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, due(id, k)));
		}
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Closed);
	});
}

#[test]
fn repay_errors() {
	run_test(|| {
		let id = bob_requests();
		assert_noop!(
			P2pLoans::repay(RuntimeOrigin::signed(BOB), id, DOLLAR),
			Error::<Test>::NotRepayable
		);
		assert_noop!(
			P2pLoans::repay(RuntimeOrigin::signed(BOB), 9, DOLLAR),
			Error::<Test>::LoanNotFound
		);
		let id = fully_funded();
		assert_noop!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, 0), Error::<Test>::ZeroAmount);
	});
}

#[test]
fn risk_params_are_bounded() {
	run_test(|| {
		let ok = RiskParams::default();
		let cases: Vec<(RiskParams, Error<Test>)> = vec![
			(RiskParams { grace_period: 31 * 24 * 60 * 60, ..ok }, Error::GracePeriodTooLong),
			(
				RiskParams { penalty_rate: Rate::from_rational(51, 100), ..ok },
				Error::PenaltyRateTooHigh,
			),
			(RiskParams { default_after_days: 29, ..ok }, Error::DefaultDaysOutOfBounds),
			(RiskParams { default_after_days: 366, ..ok }, Error::DefaultDaysOutOfBounds),
			(
				RiskParams { max_initial_ltv: sp_runtime::Permill::from_percent(85), ..ok },
				Error::InitialLtvOutOfBounds,
			),
			(
				RiskParams { liquidator_reward: sp_runtime::Permill::from_percent(11), ..ok },
				Error::LiquidatorRewardTooHigh,
			),
			(RiskParams { max_price_age: 59_000, ..ok }, Error::PriceAgeOutOfBounds),
		];
		for (params, error) in cases {
			assert_noop!(P2pLoans::set_risk_params(RuntimeOrigin::root(), params), error);
		}
		assert_noop!(
			P2pLoans::set_risk_params(RuntimeOrigin::signed(ALICE), ok),
			sp_runtime::DispatchError::BadOrigin
		);
		let new = RiskParams { default_after_days: 60, ..ok };
		assert_ok!(P2pLoans::set_risk_params(RuntimeOrigin::root(), new));
		assert_eq!(last_event(), Event::RiskParamsSet { params: new });
	});
}

#[test]
fn the_current_instalment_may_be_paid_before_its_due_date() {
	run_test(|| {
		let id = fully_funded();
		advance(20 * DAY);
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, due(id, 0)));
		assert!(loan_events().contains(&Event::InstalmentPaid {
			loan: id,
			index: 0,
			days_late: 0
		}));
		match last_event() {
			Event::Repaid { prepaid, .. } => assert_eq!(prepaid, 0),
			e => panic!("{e:?}"),
		}
		// The next one's period has not started: paying more now prepays principal.
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, 100 * DOLLAR));
		match last_event() {
			Event::Repaid { prepaid, .. } => assert_eq!(prepaid, 100 * DOLLAR),
			e => panic!("{e:?}"),
		}
	});
}

#[test]
fn an_instalment_is_charged_less_than_the_payoff() {
	run_test(|| {
		let id = fully_funded();
		advance(30 * DAY);
		// A payment that leaves the loan open pays for an instalment, not for closing it.
		let instalment = P2pLoans::repay(RuntimeOrigin::signed(BOB), id, due(id, 0));
		assert_eq!(
			instalment.expect("an instalment").actual_weight,
			Some(<() as crate::WeightInfo>::repay_instalment())
		);
		let payoff = P2pLoans::loan_view(id).unwrap().payoff_today;
		let closing = P2pLoans::repay(RuntimeOrigin::signed(BOB), id, payoff);
		assert_eq!(closing.expect("the payoff").actual_weight, None);
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Closed);
	});
}
