//! Fraud monitoring: rules on every credit event, verifiers' reports, the risk council's review
//! (issue 13, item 2).

use super::{persons::*, *};
use crate::{
	monitor::{Observed, MAX_OPEN_FLAGS},
	Activities, Flag, FlagCause, Flags, MonitorParameters, MonitorParams, NextFlagId, PersonFlags,
	RiskRule,
};
use sp_runtime::traits::BadOrigin;

const COUNCIL: AccountId = 43;

fn council() -> RuntimeOrigin {
	RuntimeOrigin::signed(COUNCIL)
}

fn reason() -> H256 {
	H256::repeat_byte(0xc1)
}

fn borrow(who: AccountId, amount: Balance) {
	assert_ok!(CreditRecords::note_borrowed(&who, POOL_USDX, amount));
}

/// The rules' flags raised so far: (flag, person, account, rule).
fn rule_flags() -> Vec<(u64, AccountId, AccountId, RiskRule)> {
	credit_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::FlagRaised { flag, person, account, cause: FlagCause::Rule { rule, .. } } => {
				Some((flag, person, account, rule))
			},
			_ => None,
		})
		.collect()
}

/// A repayment of `amount` by the borrower itself.
fn own(amount: Balance) -> xindai_primitives::service::Repayment {
	unscored(amount).paid_by_borrower(true)
}

fn admit(who: AccountId, kind: VerifierKind) {
	assert_ok!(CreditRecords::add_verifier(RuntimeOrigin::root(), who, kind, name("V")));
}

#[test]
fn a_velocity_flag_stops_new_credit_until_the_council_clears_it() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let limit = MonitorParams::DEFAULT.max_borrowings;
		for _ in 0..limit {
			borrow(ALICE, CREDIT_UNIT);
		}
		assert!(rule_flags().is_empty());
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, CREDIT_UNIT));
		// The borrowing past the limit goes through and raises the flag.
		advance(1_000);
		borrow(ALICE, CREDIT_UNIT);
		assert_eq!(rule_flags(), vec![(0, ALICE, ALICE, RiskRule::BorrowingCount)]);
		let flag = Flags::<Test>::get(0).unwrap();
		assert_eq!(
			flag.cause,
			FlagCause::Rule {
				rule: RiskRule::BorrowingCount,
				observed: Observed {
					since: START - DAY,
					count: limit + 1,
					borrowed: 7 * CREDIT_UNIT
				},
			}
		);
		assert_eq!(flag.raised_at, START + 1_000);
		// No new credit, nor an obligation such as an invoice advance; repayments go on.
		assert_noop!(CreditRecords::ensure_in_good_standing(&ALICE), Error::<Test>::UnderReview);
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, CREDIT_UNIT),
			Error::<Test>::UnderReview
		);
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, unscored(CREDIT_UNIT)));
		let summary = CreditRecords::profile_summary(&ALICE).unwrap();
		assert_eq!((summary.open_flags, summary.eligible), (1, false));
		// One open flag per rule: more borrowing adds none.
		borrow(ALICE, CREDIT_UNIT);
		assert_eq!(rule_flags().len(), 1);
		// The council clears it: credit again, and the window counts afresh.
		assert_noop!(
			CreditRecords::clear_flag(RuntimeOrigin::signed(ALICE), 0, reason()),
			BadOrigin
		);
		assert_noop!(
			CreditRecords::clear_flag(council(), 7, reason()),
			Error::<Test>::FlagNotFound
		);
		assert_ok!(CreditRecords::clear_flag(council(), 0, reason()));
		System::assert_last_event(
			Event::FlagCleared { flag: 0, person: ALICE, reason: reason() }.into(),
		);
		assert!(Flags::<Test>::get(0).is_none());
		assert!(!PersonFlags::<Test>::contains_key(ALICE));
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, CREDIT_UNIT));
		borrow(ALICE, CREDIT_UNIT);
		assert_eq!(rule_flags().len(), 1);
		assert_eq!(Activities::<Test>::get(ALICE).counted().borrowings, 1);
		assert_eq!(CreditRecords::profile_summary(&ALICE).unwrap().open_flags, 0);
	});
}

#[test]
fn value_velocity_flags_within_governance_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let params = MonitorParams { max_borrowed: 1_000 * CREDIT_UNIT, ..MonitorParams::DEFAULT };
		assert_noop!(
			CreditRecords::set_monitor_params(RuntimeOrigin::signed(ALICE), params),
			BadOrigin
		);
		for broken in [
			MonitorParams { max_borrowed: 0, ..params },
			MonitorParams { window: 0, ..params },
			MonitorParams { max_borrowings: 1_001, ..params },
			MonitorParams { quick_repay_within: 8 * DAY, ..params },
			MonitorParams { max_quick_repayments: 0, ..params },
			MonitorParams { max_cancellations: 101, ..params },
		] {
			assert_noop!(
				CreditRecords::set_monitor_params(RuntimeOrigin::root(), broken),
				Error::<Test>::MonitorParamsOutOfBounds
			);
		}
		assert_ok!(CreditRecords::set_monitor_params(RuntimeOrigin::root(), params));
		System::assert_last_event(Event::MonitorParamsSet { params }.into());
		assert_eq!(MonitorParameters::<Test>::get(), params);
		borrow(ALICE, 1_000 * CREDIT_UNIT);
		assert!(rule_flags().is_empty());
		borrow(ALICE, 1);
		assert_eq!(rule_flags(), vec![(0, ALICE, ALICE, RiskRule::BorrowedValue)]);
		// A day later is a new window, but the flag stays until reviewed.
		advance(DAY);
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1), Error::<Test>::UnderReview);
	});
}

#[test]
fn borrow_repay_cycling_is_flagged_and_slow_repayment_is_not() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let within = MonitorParams::DEFAULT.quick_repay_within;
		// Repaying more than an hour after borrowing is ordinary.
		borrow(ALICE, 5 * CREDIT_UNIT);
		advance(within + 1);
		for _ in 0..5 {
			assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, own(CREDIT_UNIT)));
		}
		assert!(rule_flags().is_empty());
		// Borrowing and repaying at once, again and again, is not.
		for round in 0..4 {
			borrow(ALICE, CREDIT_UNIT);
			advance(60_000);
			assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, own(CREDIT_UNIT)));
			assert_eq!(rule_flags().len(), usize::from(round == 3));
		}
		assert_eq!(rule_flags()[0].3, RiskRule::QuickRepayments);
		// A payment of no principal (interest only) counts for nothing, nor does anyone else's
		// (a stranger paying on a P2P loan, a liquidation): that must not make them a cycler.
		assert_eq!(Activities::<Test>::get(ALICE).counted().quick_repayments, 4);
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, own(0)));
		borrow(ALICE, 10 * CREDIT_UNIT);
		for _ in 0..9 {
			assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, unscored(CREDIT_UNIT)));
		}
		assert_eq!(Activities::<Test>::get(ALICE).counted().quick_repayments, 4);
		// The borrower's own partial payment does count: leaving a unit owed hides no cycle.
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, own(CREDIT_UNIT)));
		assert_eq!(Activities::<Test>::get(ALICE).counted().quick_repayments, 5);
	});
}

#[test]
fn many_withdrawn_requests_are_flagged() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		// An account without a history has nothing watched.
		CreditRecords::note_request_withdrawn(&CHARLIE);
		assert!(!Activities::<Test>::contains_key(CHARLIE));
		for _ in 0..MonitorParams::DEFAULT.max_cancellations {
			CreditRecords::note_request_withdrawn(&ALICE);
		}
		assert!(rule_flags().is_empty());
		CreditRecords::note_request_withdrawn(&ALICE);
		assert_eq!(rule_flags(), vec![(0, ALICE, ALICE, RiskRule::Cancellations)]);
	});
}

#[test]
fn a_flag_stops_every_account_of_the_person() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attested_as(ALICE, person()));
		joins(BOB, ALICE, person());
		// Bob's and Alice's borrowings count together, on the person's history holder.
		for who in [ALICE, BOB, ALICE, BOB, ALICE, BOB] {
			borrow(who, CREDIT_UNIT);
		}
		borrow(BOB, CREDIT_UNIT);
		assert_eq!(rule_flags(), vec![(0, ALICE, BOB, RiskRule::BorrowingCount)]);
		assert_eq!(CreditRecords::flags_of(&BOB), CreditRecords::flags_of(&ALICE));
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1), Error::<Test>::UnderReview);
		// Confirming the flag freezes every registered account of the person.
		assert_ok!(CreditRecords::confirm_flag(council(), 0, reason()));
		for who in [ALICE, BOB] {
			System::assert_has_event(
				Event::Frozen { who, reason: FreezeReason::SuspectedFraud }.into(),
			);
		}
		System::assert_last_event(
			Event::FlagConfirmed { flag: 0, person: ALICE, account: BOB, reason: reason() }.into(),
		);
		assert_eq!(Profiles::<Test>::get(BOB).unwrap().frozen, Some(FreezeReason::SuspectedFraud));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 1),
			Error::<Test>::AccountFrozen
		);
		assert_noop!(
			CreditRecords::confirm_flag(council(), 0, reason()),
			Error::<Test>::FlagNotFound
		);
		assert_noop!(CreditRecords::confirm_flag(RuntimeOrigin::root(), 0, reason()), BadOrigin);
		// Suspected fraud overrides an earlier freeze reason (a cured default must not lift it).
		assert_ok!(CreditRecords::unfreeze(RuntimeOrigin::root(), ALICE));
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::RiskReview));
		assert_ok!(CreditRecords::raise_flag(RuntimeOrigin::signed(KYC), ALICE, 2, H256::zero()));
		assert_ok!(CreditRecords::confirm_flag(council(), 1, reason()));
		assert_eq!(
			Profiles::<Test>::get(ALICE).unwrap().frozen,
			Some(FreezeReason::SuspectedFraud)
		);
	});
}

#[test]
fn verifiers_report_and_others_cannot() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let evidence = H256::repeat_byte(0xee);
		assert_noop!(
			CreditRecords::raise_flag(RuntimeOrigin::signed(BOB), ALICE, 7, evidence),
			Error::<Test>::NotVerifier
		);
		assert_noop!(
			CreditRecords::raise_flag(RuntimeOrigin::signed(KYC), KYC, 7, evidence),
			Error::<Test>::SelfAttestation
		);
		assert_noop!(
			CreditRecords::raise_flag(RuntimeOrigin::signed(KYC), CHARLIE, 7, evidence),
			Error::<Test>::NoProfile
		);
		admit(BUREAU, VerifierKind::CollectionAgent);
		assert_noop!(
			CreditRecords::raise_flag(RuntimeOrigin::signed(BUREAU), ALICE, 7, evidence),
			Error::<Test>::NotVerifier
		);
		assert_ok!(CreditRecords::raise_flag(RuntimeOrigin::signed(AUDITOR), ALICE, 7, evidence));
		System::assert_last_event(
			Event::FlagRaised {
				flag: 0,
				person: ALICE,
				account: ALICE,
				cause: FlagCause::Report { reporter: AUDITOR, reason_code: 7, evidence },
			}
			.into(),
		);
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1), Error::<Test>::UnderReview);
		for _ in 1..MAX_OPEN_FLAGS {
			assert_ok!(CreditRecords::raise_flag(RuntimeOrigin::signed(KYC), ALICE, 8, evidence));
		}
		assert_noop!(
			CreditRecords::raise_flag(RuntimeOrigin::signed(KYC), ALICE, 9, evidence),
			Error::<Test>::TooManyFlags
		);
		// A person whose flags are full gets no rule flag either, and loses nothing by it.
		for _ in 0..7 {
			borrow(ALICE, CREDIT_UNIT);
		}
		assert_eq!(NextFlagId::<Test>::get(), u64::from(MAX_OPEN_FLAGS));
		// Clearing one flag is not enough while others are open.
		assert_ok!(CreditRecords::clear_flag(council(), 0, reason()));
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1), Error::<Test>::UnderReview);
	});
}

#[test]
fn the_review_queue_pages_through_every_open_flag() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		verified_individual(BOB);
		let evidence = H256::zero();
		for who in [ALICE, BOB, ALICE] {
			assert_ok!(CreditRecords::raise_flag(RuntimeOrigin::signed(KYC), who, 1, evidence));
		}
		let all = CreditRecords::review_queue(None, 100);
		assert_eq!(all.len(), 3);
		let first = CreditRecords::review_queue(None, 2);
		assert_eq!(first.len(), 2);
		let rest = CreditRecords::review_queue(Some(first[1].0), 2);
		assert_eq!(rest.len(), 1);
		let mut ids: Vec<u64> = first.iter().chain(rest.iter()).map(|(id, _)| *id).collect();
		ids.sort();
		assert_eq!(ids, vec![0, 1, 2]);
		let alices: Vec<u64> = CreditRecords::flags_of(&ALICE).iter().map(|(id, _)| *id).collect();
		assert_eq!(alices, vec![0, 2]);
		assert!(CreditRecords::flags_of(&BOB)
			.iter()
			.all(|(_, f): &(u64, Flag<AccountId>)| f.person == BOB));
		// A flagged account cannot leave before the review (a confirmed flag freezes it).
		assert_noop!(
			CreditRecords::deregister(RuntimeOrigin::signed(BOB)),
			Error::<Test>::UnderReview
		);
		assert_ok!(CreditRecords::clear_flag(council(), 1, reason()));
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(BOB)));
		// A history kept after its accounts left can be flagged; it is not forgotten while
		// flagged, and a confirmation has nothing to freeze: the flag stays open.
		assert_ok!(CreditRecords::raise_flag(RuntimeOrigin::signed(KYC), BOB, 1, evidence));
		assert_noop!(
			CreditRecords::forget_history(RuntimeOrigin::signed(BOB)),
			Error::<Test>::UnderReview
		);
		assert_noop!(CreditRecords::confirm_flag(council(), 3, reason()), Error::<Test>::NoProfile);
		assert_ok!(CreditRecords::clear_flag(council(), 3, reason()));
		assert_ok!(CreditRecords::forget_history(RuntimeOrigin::signed(BOB)));
		assert!(!Activities::<Test>::contains_key(BOB));
		assert_eq!(CreditRecords::review_queue(None, 100).len(), 2);
	});
}

#[test]
fn a_flagged_account_cannot_hide_its_flag_in_another_persons_record() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attested_as(ALICE, person()));
		register(BOB, ProfileKind::Individual);
		assert_ok!(CreditRecords::raise_flag(RuntimeOrigin::signed(KYC), BOB, 4, H256::zero()));
		// The KYC provider then finds Bob is Alice's person; both agree, but the link waits for
		// the review of Bob's flag.
		assert_ok!(attested_as(BOB, person()));
		assert_ok!(CreditRecords::accept_person(RuntimeOrigin::signed(BOB)));
		assert_noop!(
			CreditRecords::approve_account(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::UnderReview
		);
		assert_ok!(CreditRecords::clear_flag(council(), 0, reason()));
		assert_ok!(CreditRecords::approve_account(RuntimeOrigin::signed(ALICE), BOB));
	});
}

#[test]
fn a_verifier_has_a_bounded_number_of_reports_withdrawn_when_it_is_removed() {
	use frame_support::traits::fungible::Mutate;
	ExtBuilder::default().build_and_execute(|| {
		let per_person = u64::from(MAX_OPEN_FLAGS);
		let max = crate::monitor::MAX_OPEN_REPORTS;
		let subjects: Vec<AccountId> =
			(0..u64::from(max) / per_person + 1).map(|i| 200 + i).collect();
		for who in &subjects {
			Balances::set_balance(who, 1_000);
			register(*who, ProfileKind::Individual);
		}
		let mut reports = 0;
		'outer: for who in &subjects {
			for _ in 0..per_person {
				if reports == max {
					break 'outer;
				}
				assert_ok!(CreditRecords::raise_flag(
					RuntimeOrigin::signed(KYC),
					*who,
					1,
					H256::zero()
				));
				reports += 1;
			}
		}
		let last = *subjects.last().unwrap();
		assert_noop!(
			CreditRecords::raise_flag(RuntimeOrigin::signed(KYC), last, 1, H256::zero()),
			Error::<Test>::TooManyReports
		);
		// Another verifier still may.
		assert_ok!(CreditRecords::raise_flag(
			RuntimeOrigin::signed(AUDITOR),
			last,
			1,
			H256::zero()
		));
		// Removing the verifier withdraws its reports, and only its.
		assert_ok!(CreditRecords::remove_verifier(RuntimeOrigin::root(), KYC));
		let withdrawn =
			credit_events().iter().filter(|e| matches!(e, Event::FlagWithdrawn { .. })).count();
		assert_eq!(withdrawn as u32, max);
		assert_eq!(CreditRecords::review_queue(None, 100).len(), 1);
		assert!(!crate::ReporterFlags::<Test>::contains_key(KYC));
		assert!(PersonFlags::<Test>::get(subjects[0]).is_empty());
	});
}
