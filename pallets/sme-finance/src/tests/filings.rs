//! Filings and their audit.

use super::*;
use xindai_primitives::credit::FilingSignal;

const Q1: ReportingPeriod = ReportingPeriod { year: 2026, quarter: 1 };

/// What the registry learns of an audited Q1 2026 filing of [`metrics`]: 500,000 of revenue over
/// three months, a period that ended on 1 April 2026.
fn q1_signal(profitable: bool) -> FilingSignal {
	FilingSignal { profitable, monthly_revenue: 500_000 * DOLLAR / 3, period_end: START + 90 * DAY }
}

#[test]
fn periods_end_on_calendar_dates() {
	// 1 January 2026 is START; Q1 ends 1 April (90 days later), a full year on 1 January next.
	assert_eq!(Q1.end_ms(), START + 90 * DAY);
	assert_eq!(ReportingPeriod { year: 2025, quarter: 4 }.end_ms(), START);
	assert_eq!(ReportingPeriod { year: 2025, quarter: 0 }.end_ms(), START);
	assert_eq!(ReportingPeriod { year: 2024, quarter: 0 }.end_ms(), START - 365 * DAY);
	// 2028 is a leap year: its Q1 has 91 days.
	let leap = ReportingPeriod { year: 2028, quarter: 1 };
	assert_eq!(leap.end_ms() - ReportingPeriod { year: 2027, quarter: 4 }.end_ms(), 91 * DAY);
	assert_eq!(Q1.months(), 3);
	assert_eq!(ReportingPeriod { year: 2026, quarter: 0 }.months(), 12);
}

fn metrics(net_profit: i128) -> FinancialMetrics {
	FinancialMetrics {
		revenue: 500_000 * DOLLAR,
		net_profit,
		receivables: 80_000 * DOLLAR,
		payables: 40_000 * DOLLAR,
		employees: 12,
	}
}

#[test]
fn an_enterprise_files_and_an_auditor_attests() {
	run_test(|| {
		let held = Balances::reserved_balance(EVE);
		assert_ok!(SmeFinance::file_report(RuntimeOrigin::signed(EVE), Q1, hash(7), metrics(1)));
		assert_eq!(Balances::reserved_balance(EVE), held + DEPOSIT);
		assert_eq!(
			last_event(),
			Event::ReportFiled { enterprise: EVE, period: Q1, commitment: hash(7) }
		);
		// Refiling before the audit replaces the figures, holds nothing more.
		assert_ok!(SmeFinance::file_report(RuntimeOrigin::signed(EVE), Q1, hash(8), metrics(25)));
		assert_eq!(Balances::reserved_balance(EVE), held + DEPOSIT);
		// The auditor reviewed the first version: the replaced filing is not what it attests.
		assert_noop!(
			SmeFinance::attest_report(RuntimeOrigin::signed(AUDITOR), EVE, Q1, hash(7), metrics(1)),
			Error::<Test>::FilingMismatch
		);
		assert_noop!(
			SmeFinance::attest_report(RuntimeOrigin::signed(AUDITOR), EVE, Q1, hash(8), metrics(1)),
			Error::<Test>::FilingMismatch
		);
		assert_ok!(SmeFinance::attest_report(
			RuntimeOrigin::signed(AUDITOR),
			EVE,
			Q1,
			hash(8),
			metrics(25)
		));
		assert_eq!(filing_notes(), vec![(EVE, q1_signal(true))]);
		let filing = crate::Filings::<Test>::get(EVE, Q1).unwrap();
		assert_eq!(filing.commitment, hash(8));
		assert_eq!(filing.audit.map(|a| a.auditor), Some(AUDITOR));
		assert_eq!(
			last_event(),
			Event::ReportAttested { enterprise: EVE, period: Q1, auditor: AUDITOR }
		);
		// Attested filings are locked.
		assert_noop!(
			SmeFinance::file_report(RuntimeOrigin::signed(EVE), Q1, hash(9), metrics(1)),
			Error::<Test>::FilingLocked
		);
		assert_noop!(
			SmeFinance::attest_report(
				RuntimeOrigin::signed(AUDITOR),
				EVE,
				Q1,
				hash(8),
				metrics(25)
			),
			Error::<Test>::FilingLocked
		);
	});
}

#[test]
fn a_loss_making_filing_is_reported_unprofitable_and_ratios_follow() {
	run_test(|| {
		assert_ok!(SmeFinance::file_report(
			RuntimeOrigin::signed(EVE),
			Q1,
			hash(7),
			metrics(-((50_000 * DOLLAR) as i128))
		));
		let loss = metrics(-((50_000 * DOLLAR) as i128));
		assert_ok!(SmeFinance::attest_report(
			RuntimeOrigin::signed(AUDITOR),
			EVE,
			Q1,
			hash(7),
			loss
		));
		assert_eq!(filing_notes(), vec![(EVE, q1_signal(false))]);
		let view = SmeFinance::filings(&EVE).pop().unwrap();
		assert_eq!(view.net_margin, Some(sp_runtime::FixedI64::from_inner(-100_000_000)));
		assert_eq!(view.receivables_to_payables, Some(sp_runtime::FixedU128::from_u32(2)));
		assert_eq!(view.revenue_per_employee, Some(500_000 * DOLLAR / 12));
	});
}

#[test]
fn filing_errors() {
	run_test(|| {
		assert_noop!(
			SmeFinance::file_report(RuntimeOrigin::signed(MALLORY), Q1, hash(7), metrics(1)),
			Error::<Test>::NotVerifiedEnterprise
		);
		// Verified people are not enterprises.
		assert_noop!(
			SmeFinance::file_report(RuntimeOrigin::signed(FERDIE), Q1, hash(7), metrics(1)),
			Error::<Test>::NotVerifiedEnterprise
		);
		for period in [
			ReportingPeriod { year: 1999, quarter: 1 },
			ReportingPeriod { year: 2101, quarter: 0 },
			ReportingPeriod { year: 2026, quarter: 5 },
		] {
			assert_noop!(
				SmeFinance::file_report(RuntimeOrigin::signed(EVE), period, hash(7), metrics(1)),
				Error::<Test>::InvalidPeriod
			);
		}
		let mut huge = metrics(1);
		huge.revenue = bounds::MAX_REPORTED + 1;
		assert_noop!(
			SmeFinance::file_report(RuntimeOrigin::signed(EVE), Q1, hash(7), huge),
			Error::<Test>::MetricsOutOfBounds
		);
		let mut loss = metrics(-(bounds::MAX_REPORTED as i128) - 1);
		loss.employees = 1;
		assert_noop!(
			SmeFinance::file_report(RuntimeOrigin::signed(EVE), Q1, hash(7), loss),
			Error::<Test>::MetricsOutOfBounds
		);
		let mut crowd = metrics(1);
		crowd.employees = bounds::MAX_EMPLOYEES + 1;
		assert_noop!(
			SmeFinance::file_report(RuntimeOrigin::signed(EVE), Q1, hash(7), crowd),
			Error::<Test>::MetricsOutOfBounds
		);
		for quarter in 1..=3 {
			let period = ReportingPeriod { year: 2026, quarter };
			assert_ok!(SmeFinance::file_report(
				RuntimeOrigin::signed(EVE),
				period,
				hash(7),
				metrics(1)
			));
		}
		assert_noop!(
			SmeFinance::file_report(
				RuntimeOrigin::signed(EVE),
				ReportingPeriod { year: 2026, quarter: 4 },
				hash(7),
				metrics(1)
			),
			Error::<Test>::TooManyFilings
		);
	});
}

#[test]
fn attest_errors() {
	run_test(|| {
		assert_ok!(SmeFinance::file_report(RuntimeOrigin::signed(EVE), Q1, hash(7), metrics(1)));
		// A KYC provider is not an auditor.
		assert_noop!(
			SmeFinance::attest_report(
				RuntimeOrigin::signed(INSPECTOR),
				EVE,
				Q1,
				hash(7),
				metrics(1)
			),
			Error::<Test>::NotVerifier
		);
		assert_noop!(
			SmeFinance::attest_report(
				RuntimeOrigin::signed(AUDITOR),
				EVE,
				ReportingPeriod { year: 2026, quarter: 2 },
				hash(7),
				metrics(1)
			),
			Error::<Test>::FilingNotFound
		);
		// An auditor that is itself the enterprise cannot audit itself.
		admit_verifier(EVE, xindai_primitives::credit::VerifierKind::Auditor);
		assert_noop!(
			SmeFinance::attest_report(RuntimeOrigin::signed(EVE), EVE, Q1, hash(7), metrics(1)),
			Error::<Test>::SelfAttestation
		);
		assert!(filing_notes().is_empty());
	});
}
