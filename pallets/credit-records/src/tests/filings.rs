//! Enterprises: KYB status, verifier roles, and audited filings feeding the score.

use super::*;
use crate::{EnterpriseRegistry, FilingSignal};

/// Registers `who` as an enterprise with a KYB attestation valid for a year.
fn verified_enterprise(who: AccountId) {
	register(who, ProfileKind::Enterprise);
	attest_for(KYC, who, ClaimKind::Kyb, 365);
}

#[test]
fn an_enterprise_is_verified_by_kyb_only() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(!CreditRecords::is_verified_enterprise(&ALICE), "no profile");
		verified_individual(ALICE);
		assert!(!CreditRecords::is_verified_enterprise(&ALICE), "a person, not an enterprise");
		register(BOB, ProfileKind::Enterprise);
		assert!(!CreditRecords::is_verified_enterprise(&BOB), "no KYB yet");
		attest_for(KYC, BOB, ClaimKind::Kyb, 365);
		assert!(CreditRecords::is_verified_enterprise(&BOB));
	});
}

#[test]
fn verifier_roles_follow_admission() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(CreditRecords::is_verifier_of(&AUDITOR, VerifierKind::Auditor));
		assert!(!CreditRecords::is_verifier_of(&AUDITOR, VerifierKind::KycProvider));
		assert!(CreditRecords::is_verifier_of(&KYC, VerifierKind::KycProvider));
		assert!(!CreditRecords::is_verifier_of(&ALICE, VerifierKind::CreditBureau));
	});
}

#[test]
fn audited_filings_raise_the_score_within_a_bound() {
	ExtBuilder::default().build_and_execute(|| {
		verified_enterprise(BOB);
		let start = score_of(BOB);
		assert_ok!(CreditRecords::note_attested_filing(
			&BOB,
			FilingSignal { profitable: false, monthly_revenue: 0, period_end: 0 }
		));
		assert_eq!(score_of(BOB), start + 8);
		System::assert_last_event(
			Event::ScoreChanged {
				who: BOB,
				old: start,
				new: start + 8,
				reason: ScoreChangeReason::FilingAttested,
			}
			.into(),
		);
		assert_ok!(CreditRecords::note_attested_filing(
			&BOB,
			FilingSignal { profitable: true, monthly_revenue: 0, period_end: 0 }
		));
		assert_eq!(score_of(BOB), start + 20);
		for _ in 0..10 {
			assert_ok!(CreditRecords::note_attested_filing(
				&BOB,
				FilingSignal { profitable: true, monthly_revenue: 0, period_end: 0 }
			));
		}
		assert_eq!(score_of(BOB), start + 48, "the filing bonus is capped");
		assert_eq!(CreditRecords::score_breakdown(&BOB).filing_bonus, 48);
		let history = history_of(BOB);
		assert_eq!((history.attested_filings, history.profitable_filings), (12, 11));
	});
}

#[test]
fn only_enterprise_profiles_have_filings() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::note_attested_filing(
				&ALICE,
				FilingSignal { profitable: true, monthly_revenue: 0, period_end: 0 }
			),
			Error::<Test>::NoProfile
		);
		verified_individual(ALICE);
		assert_noop!(
			CreditRecords::note_attested_filing(
				&ALICE,
				FilingSignal { profitable: true, monthly_revenue: 0, period_end: 0 }
			),
			Error::<Test>::NotEnterprise
		);
	});
}
