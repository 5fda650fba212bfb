//! Credit lines: application, approval with either source, milestone tranches, interest and
//! lateness, repayment, closing and default.

use super::*;
use sp_runtime::{DispatchError, Rounding};
use xindai_primitives::{
	credit::VerifierKind,
	interest::{simple_interest, Rate},
	testing::set_exposure_cap,
};

const YEAR_TERM: u64 = 360 * 24 * 60 * 60;

fn line(id: LineId) -> crate::LineOf<Test> {
	crate::Lines::<Test>::get(id).unwrap()
}

fn apply(
	limit: Balance,
	rate: Rate,
	term: u64,
	specs: Vec<MilestoneSpec>,
) -> sp_runtime::DispatchResult {
	SmeFinance::apply_credit_line(
		RuntimeOrigin::signed(EVE),
		USDX,
		limit,
		rate,
		term,
		specs.try_into().unwrap(),
		purpose(),
	)
	.map(|_| ())
	.map_err(|e| e.error)
}

fn spec(amount: Balance) -> MilestoneSpec {
	MilestoneSpec { description: hash(1), amount, verifier: VerifierKind::KycProvider }
}

/// 30 days of 12% on `principal`, as the line charges it.
fn month_interest(principal: Balance) -> Balance {
	simple_interest(principal, Rate::from_rational(12, 100), 30 * 86_400, Rounding::Up).unwrap()
}

#[test]
fn an_application_holds_a_deposit_and_waits_for_the_underwriter() {
	run_test(|| {
		let held = Balances::reserved_balance(EVE);
		let id = eve_applies();
		assert_eq!(Balances::reserved_balance(EVE), held + DEPOSIT);
		let l = line(id);
		assert_eq!(l.status, LineStatus::Applied);
		assert_eq!(l.terms.limit, 10_000 * DOLLAR);
		assert_eq!(crate::EnterpriseLines::<Test>::get(EVE).into_inner(), vec![id]);
		assert!(
			matches!(last_event(), Event::LineApplied { line, enterprise: EVE, .. } if line == id)
		);
	});
}

#[test]
fn application_errors() {
	run_test(|| {
		let rate = Rate::from_rational(12, 100);
		assert_noop!(
			SmeFinance::apply_credit_line(
				RuntimeOrigin::signed(FERDIE),
				USDX,
				10 * DOLLAR,
				rate,
				YEAR_TERM,
				vec![spec(10 * DOLLAR)].try_into().unwrap(),
				purpose()
			),
			Error::<Test>::NotVerifiedEnterprise
		);
		assert_noop!(apply(0, rate, YEAR_TERM, vec![spec(0)]), Error::<Test>::ZeroLimit);
		assert_noop!(apply(10, rate, YEAR_TERM, vec![]), Error::<Test>::BadMilestones);
		assert_noop!(
			apply(10, rate, YEAR_TERM, vec![spec(10), spec(0)]),
			Error::<Test>::MilestoneTooSmall
		);
		assert_noop!(
			apply(10, rate, YEAR_TERM, vec![spec(4), spec(5)]),
			Error::<Test>::MilestonesMismatchLimit
		);
		assert_noop!(
			apply(10, Rate::from_rational(61, 100), YEAR_TERM, vec![spec(10)]),
			Error::<Test>::RateTooHigh
		);
		assert_noop!(apply(10, rate, 86_400, vec![spec(10)]), Error::<Test>::TermOutOfBounds);
		assert_noop!(
			apply(10, rate, 6 * 365 * 86_400, vec![spec(10)]),
			Error::<Test>::TermOutOfBounds
		);
		// An unpriced asset cannot be valued for the exposure cap.
		create_asset(9);
		assert_noop!(
			SmeFinance::apply_credit_line(
				RuntimeOrigin::signed(EVE),
				9,
				10,
				rate,
				YEAR_TERM,
				vec![spec(10)].try_into().unwrap(),
				purpose()
			),
			DispatchError::Other("NoPrice")
		);
		set_exposure_cap(5 * DOLLAR);
		assert_noop!(
			apply(10 * DOLLAR, rate, YEAR_TERM, vec![spec(10 * DOLLAR)]),
			DispatchError::Other("ExposureCapExceeded")
		);
		set_exposure_cap(Balance::MAX);
		for _ in 0..3 {
			assert_ok!(apply(10, rate, YEAR_TERM, vec![spec(10)]));
		}
		assert_noop!(apply(10, rate, YEAR_TERM, vec![spec(10)]), Error::<Test>::TooManyLines);
	});
}

#[test]
fn approval_errors() {
	run_test(|| {
		let id = eve_applies();
		assert_noop!(
			SmeFinance::approve_credit_line(RuntimeOrigin::signed(EVE), id, LineSource::Pool),
			DispatchError::BadOrigin
		);
		assert_noop!(
			SmeFinance::approve_credit_line(
				RuntimeOrigin::signed(UNDERWRITER),
				99,
				LineSource::Pool
			),
			Error::<Test>::LineNotFound
		);
		set_facility_cap(9_999 * DOLLAR);
		assert_noop!(
			SmeFinance::approve_credit_line(
				RuntimeOrigin::signed(UNDERWRITER),
				id,
				LineSource::Pool
			),
			DispatchError::Other("FacilityCapExceeded")
		);
		set_facility_cap(100_000 * DOLLAR);
		assert_ok!(SmeFinance::approve_credit_line(
			RuntimeOrigin::signed(UNDERWRITER),
			id,
			LineSource::Pool
		));
		assert_noop!(
			SmeFinance::approve_credit_line(
				RuntimeOrigin::signed(UNDERWRITER),
				id,
				LineSource::Pool
			),
			Error::<Test>::WrongLineStatus
		);
	});
}

#[test]
fn a_pool_line_is_active_at_approval_and_commits_the_facility() {
	run_test(|| {
		let id = pool_line();
		let l = line(id);
		assert_eq!(l.status, LineStatus::Active);
		assert_eq!(l.undrawn, 10_000 * DOLLAR);
		assert_eq!(l.maturity, START + YEAR_TERM * 1_000);
		assert_eq!(TestPool::facility(USDX, id).map(|f| f.undrawn), Some(10_000 * DOLLAR));
		assert_eq!(
			last_event(),
			Event::LineActivated { line: id, maturity: START + YEAR_TERM * 1_000 }
		);
	});
}

use xindai_primitives::facility::CreditFacilities;

#[test]
fn a_financier_funds_the_limit_into_custody() {
	run_test(|| {
		let id = eve_applies();
		assert_ok!(SmeFinance::approve_credit_line(
			RuntimeOrigin::signed(UNDERWRITER),
			id,
			LineSource::Financier(DAVE)
		));
		assert_eq!(line(id).status, LineStatus::AwaitingFunds);
		assert_noop!(
			SmeFinance::fund_credit_line(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::NotFinancier
		);
		assert_noop!(
			SmeFinance::fund_credit_line(RuntimeOrigin::signed(DAVE), 99),
			Error::<Test>::LineNotFound
		);
		let dave = balance(USDX, DAVE);
		assert_ok!(SmeFinance::fund_credit_line(RuntimeOrigin::signed(DAVE), id));
		assert_eq!(balance(USDX, DAVE), dave - 10_000 * DOLLAR);
		assert_eq!(balance(USDX, SmeFinance::account_id()), 10_000 * DOLLAR + CUSTODY_RESERVE);
		assert_noop!(
			SmeFinance::fund_credit_line(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::WrongLineStatus
		);
		// An unverified financier cannot fund.
		let other = eve_applies();
		assert_ok!(SmeFinance::approve_credit_line(
			RuntimeOrigin::signed(UNDERWRITER),
			other,
			LineSource::Financier(MALLORY)
		));
		assert_noop!(
			SmeFinance::fund_credit_line(RuntimeOrigin::signed(MALLORY), other),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn tranches_arrive_only_on_attested_milestones_in_order() {
	run_test(|| {
		let id = pool_line();
		let eve = balance(USDX, EVE);
		// The audit milestone comes second.
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(AUDITOR), id, 1),
			Error::<Test>::MilestoneOutOfOrder
		);
		// An auditor is not the declared verifier kind of the first.
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(AUDITOR), id, 0),
			Error::<Test>::NotVerifier
		);
		admit_verifier(EVE, VerifierKind::KycProvider);
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(EVE), id, 0),
			Error::<Test>::SelfAttestation
		);
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(INSPECTOR), id, 7),
			Error::<Test>::MilestoneNotPending
		);
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(INSPECTOR), 99, 0),
			Error::<Test>::LineNotFound
		);
		assert_eq!(balance(USDX, EVE), eve);
		first_tranche(id);
		assert_eq!(balance(USDX, EVE), eve + 6_000 * DOLLAR);
		assert_eq!(balance(USDX, POOL), 1_000_000 * DOLLAR - 6_000 * DOLLAR);
		// The active line's limit was committed; the tranche moved from commitment to debt.
		assert_eq!(
			credit_notes(),
			vec![
				CreditNote::Committed(EVE, 10_000 * DOLLAR),
				CreditNote::Released(EVE, 6_000 * DOLLAR),
				CreditNote::Borrowed(EVE, 6_000 * DOLLAR)
			]
		);
		assert_eq!(
			last_event(),
			Event::TrancheReleased {
				line: id,
				milestone: 0,
				amount: 6_000 * DOLLAR,
				verifier: INSPECTOR
			}
		);
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(INSPECTOR), id, 0),
			Error::<Test>::MilestoneNotPending
		);
		let l = line(id);
		assert_eq!(
			(l.released, l.undrawn, l.outstanding.principal),
			(6_000 * DOLLAR, 4_000 * DOLLAR, 6_000 * DOLLAR)
		);
	});
}

#[test]
fn milestones_wait_for_funding_and_stop_at_maturity_and_on_the_exposure_cap() {
	run_test(|| {
		let applied = eve_applies();
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(INSPECTOR), applied, 0),
			Error::<Test>::WrongLineStatus
		);
		let id = pool_line();
		set_exposure_cap(5_000 * DOLLAR);
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(INSPECTOR), id, 0),
			DispatchError::Other("ExposureCapExceeded")
		);
		set_exposure_cap(Balance::MAX);
		travel_to(line(id).maturity);
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(INSPECTOR), id, 0),
			Error::<Test>::LineMatured
		);
	});
}

#[test]
fn an_overdue_line_releases_nothing_until_the_enterprise_pays_what_is_due() {
	run_test(|| {
		let id = pool_line();
		first_tranche(id);
		// 30 days: interest falls due; within the 3-day grace the line is not overdue yet.
		advance(31 * DAY);
		let view = SmeFinance::line_view(id).unwrap();
		assert_eq!(view.due, month_interest(6_000 * DOLLAR));
		assert!(!view.overdue);
		advance(3 * DAY);
		assert!(SmeFinance::line_view(id).unwrap().overdue);
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(AUDITOR), id, 1),
			Error::<Test>::LineOverdue
		);
		// Eve pays what is due, 34 days after funding: 4 days late.
		let due = month_interest(6_000 * DOLLAR);
		let earned = pool_interest();
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, due));
		assert_eq!(pool_interest(), earned + due);
		assert_eq!(
			last_event(),
			Event::LineRepaid { line: id, payer: EVE, interest: due, principal: 0, days_late: 4 }
		);
		// Interest only: exposure unchanged; one late due date, 4 days late.
		assert!(credit_notes().contains(&CreditNote::Repaid(EVE, 0, 4)));
		assert!(!SmeFinance::line_view(id).unwrap().overdue);
		assert_ok!(SmeFinance::attest_milestone(RuntimeOrigin::signed(AUDITOR), id, 1));
		let l = line(id);
		assert_eq!((l.released, l.undrawn), (10_000 * DOLLAR, 0));
		assert_eq!(l.next_milestone(), None);
	});
}

#[test]
fn repayment_pays_interest_then_principal_and_reaches_the_financier() {
	run_test(|| {
		let id = financier_line();
		first_tranche(id);
		assert_eq!(balance(USDX, SmeFinance::account_id()), 4_000 * DOLLAR + CUSTODY_RESERVE);
		advance(10 * DAY);
		let interest = SmeFinance::line_view(id).unwrap().accrued_interest;
		assert!(interest > 0);
		let dave = balance(USDX, DAVE);
		assert_ok!(SmeFinance::repay_line(
			RuntimeOrigin::signed(EVE),
			id,
			interest + 1_000 * DOLLAR
		));
		assert_eq!(balance(USDX, DAVE), dave + interest + 1_000 * DOLLAR);
		let l = line(id);
		assert_eq!(l.outstanding.principal, 5_000 * DOLLAR);
		assert_eq!((l.interest_paid, l.principal_repaid), (interest, 1_000 * DOLLAR));
		// Paying more than owed pays what is owed.
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, 1_000_000 * DOLLAR));
		assert_eq!(line(id).outstanding.total(), 0);
		assert_eq!(line(id).status, LineStatus::Active);
		assert_noop!(
			SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, DOLLAR),
			Error::<Test>::NothingOwed
		);
		assert_noop!(
			SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			SmeFinance::repay_line(RuntimeOrigin::signed(EVE), 99, 1),
			Error::<Test>::LineNotFound
		);
		let applied = eve_applies();
		assert_noop!(
			SmeFinance::repay_line(RuntimeOrigin::signed(EVE), applied, 1),
			Error::<Test>::WrongLineStatus
		);
	});
}

#[test]
fn closing_returns_undrawn_funds_and_the_line_ends_when_repaid() {
	run_test(|| {
		let id = financier_line();
		first_tranche(id);
		assert_noop!(
			SmeFinance::close_line(RuntimeOrigin::signed(MALLORY), id),
			Error::<Test>::NotEnterprise
		);
		let dave = balance(USDX, DAVE);
		assert_ok!(SmeFinance::close_line(RuntimeOrigin::signed(EVE), id));
		assert_eq!(balance(USDX, DAVE), dave + 4_000 * DOLLAR);
		assert_eq!(balance(USDX, SmeFinance::account_id()), CUSTODY_RESERVE);
		assert_eq!(line(id).status, LineStatus::Closing);
		assert_eq!(last_event(), Event::LineClosing { line: id, undrawn: 4_000 * DOLLAR });
		assert_noop!(
			SmeFinance::close_line(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::WrongLineStatus
		);
		assert_noop!(
			SmeFinance::attest_milestone(RuntimeOrigin::signed(AUDITOR), id, 1),
			Error::<Test>::WrongLineStatus
		);
		let held = Balances::reserved_balance(EVE);
		advance(DAY);
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, 7_000 * DOLLAR));
		assert!(crate::Lines::<Test>::get(id).is_none());
		assert!(crate::EnterpriseLines::<Test>::get(EVE).is_empty());
		assert_eq!(Balances::reserved_balance(EVE), held - DEPOSIT);
		assert_eq!(last_event(), Event::LineClosed { line: id });
		assert_eq!(credit_notes().last(), Some(&CreditNote::Settled(EVE)));
	});
}

#[test]
fn who_may_close_a_line() {
	run_test(|| {
		// The enterprise withdraws an application: deposit back at once.
		let held = Balances::reserved_balance(EVE);
		let applied = eve_applies();
		assert_ok!(SmeFinance::close_line(RuntimeOrigin::signed(EVE), applied));
		assert_eq!(Balances::reserved_balance(EVE), held);
		assert_noop!(
			SmeFinance::close_line(RuntimeOrigin::signed(EVE), applied),
			Error::<Test>::LineNotFound
		);
		// The underwriter closes an untouched pool line: the facility is released.
		let id = pool_line();
		assert_ok!(SmeFinance::close_line(RuntimeOrigin::signed(UNDERWRITER), id));
		assert!(crate::Lines::<Test>::get(id).is_none());
		assert_eq!(TestPool::facility(USDX, id), None);
		// Anyone may close a matured line.
		let matured = pool_line();
		first_tranche(matured);
		assert_noop!(
			SmeFinance::close_line(RuntimeOrigin::signed(MALLORY), matured),
			Error::<Test>::NotEnterprise
		);
		travel_to(line(matured).maturity);
		assert_ok!(SmeFinance::close_line(RuntimeOrigin::signed(MALLORY), matured));
		assert_eq!(line(matured).status, LineStatus::Closing);
		assert_eq!(
			TestPool::facility(USDX, matured).map(|f| (f.undrawn, f.drawn)),
			Some((0, 6_000 * DOLLAR))
		);
	});
}

#[test]
fn a_line_overdue_past_the_threshold_defaults_and_the_pool_writes_it_off() {
	run_test(|| {
		let id = pool_line();
		first_tranche(id);
		assert_noop!(
			SmeFinance::mark_line_default(RuntimeOrigin::signed(MALLORY), id),
			Error::<Test>::NotOverdueEnough
		);
		// Interest first fell due at day 30; 90 days later the line may default.
		travel_to(START + 119 * DAY);
		assert_noop!(
			SmeFinance::mark_line_default(RuntimeOrigin::signed(MALLORY), id),
			Error::<Test>::NotOverdueEnough
		);
		travel_to(START + 120 * DAY);
		assert_ok!(SmeFinance::mark_line_default(RuntimeOrigin::signed(MALLORY), id));
		let l = line(id);
		assert_eq!(l.status, LineStatus::Defaulted);
		assert_eq!(pool_written_off(), 6_000 * DOLLAR);
		assert_eq!(TestPool::facility(USDX, id), None);
		let owed = l.outstanding.total();
		assert!(owed > 6_000 * DOLLAR);
		assert_eq!(
			last_event(),
			Event::LineDefaulted { line: id, outstanding: owed, undrawn: 4_000 * DOLLAR }
		);
		// The principal is written off; the undrawn commitment is released.
		assert!(credit_notes().contains(&CreditNote::Defaulted(EVE, 6_000 * DOLLAR)));
		assert!(credit_notes().contains(&CreditNote::Released(EVE, 4_000 * DOLLAR)));
		assert_noop!(
			SmeFinance::mark_line_default(RuntimeOrigin::signed(MALLORY), id),
			Error::<Test>::WrongLineStatus
		);
		// Payments after default still reach the pool; paying all closes the line.
		let pool = balance(USDX, POOL);
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, owed));
		assert_eq!(balance(USDX, POOL), pool + owed);
		assert!(crate::Lines::<Test>::get(id).is_none());
		assert_noop!(
			SmeFinance::mark_line_default(RuntimeOrigin::signed(MALLORY), 99),
			Error::<Test>::LineNotFound
		);
	});
}

#[test]
fn the_view_shows_milestones_interest_and_due_dates() {
	run_test(|| {
		let id = pool_line();
		first_tranche(id);
		advance(15 * DAY);
		let view = SmeFinance::line_view(id).unwrap();
		assert_eq!(
			view.milestones.iter().map(|m| m.released).collect::<Vec<_>>(),
			vec![true, false]
		);
		assert_eq!(view.principal, 6_000 * DOLLAR);
		assert_eq!(
			view.accrued_interest,
			simple_interest(
				6_000 * DOLLAR,
				Rate::from_rational(12, 100),
				15 * 86_400,
				Rounding::Up
			)
			.unwrap()
		);
		assert_eq!(view.due, 0);
		assert_eq!(view.next_due_at, START + 30 * DAY);
		assert_eq!(SmeFinance::lines(&EVE), vec![view]);
	});
}

#[test]
fn a_repayment_that_leaves_the_line_is_charged_less_than_the_payoff() {
	run_test(|| {
		let id = financier_line();
		first_tranche(id);
		advance(DAY);
		let instalment = SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, 1_000 * DOLLAR);
		assert_eq!(
			instalment.expect("a part of the line").actual_weight,
			Some(<() as crate::WeightInfo>::repay_line_instalment())
		);
		assert_ok!(SmeFinance::close_line(RuntimeOrigin::signed(EVE), id));
		let payoff = SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, 7_000 * DOLLAR);
		assert_eq!(payoff.expect("the payoff").actual_weight, None);
		assert!(crate::Lines::<Test>::get(id).is_none());
	});
}
