use super::*;

#[test]
fn register_creates_a_profile_and_holds_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CreditRecords::register(
			RuntimeOrigin::signed(ALICE),
			ProfileKind::Individual,
			docs(1),
		));

		let profile = Profiles::<Test>::get(ALICE).expect("registered");
		assert_eq!(profile.kind, ProfileKind::Individual);
		assert_eq!(profile.documents, docs(1));
		assert_eq!(profile.deposit, PROFILE_DEPOSIT);
		assert_eq!(profile.registered_at, START);
		assert_eq!(profile.frozen, None);
		assert_eq!(profile_deposit_held(ALICE), PROFILE_DEPOSIT);
		assert_eq!(Balances::free_balance(ALICE), 10_000 - PROFILE_DEPOSIT);
		// A fresh history at the base score.
		assert_eq!(history_of(ALICE), CreditHistory { last_score: BASE, ..Default::default() });
		System::assert_last_event(
			Event::Registered {
				who: ALICE,
				kind: ProfileKind::Individual,
				documents: docs(1),
				deposit: PROFILE_DEPOSIT,
			}
			.into(),
		);
	});
}

#[test]
fn register_refuses_an_existing_profile() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::register(RuntimeOrigin::signed(ALICE), ProfileKind::Enterprise, docs(2)),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn register_fails_without_funds_for_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::register(
				RuntimeOrigin::signed(PAUPER),
				ProfileKind::Individual,
				docs(1)
			),
			TokenError::FundsUnavailable
		);
		assert!(!Profiles::<Test>::contains_key(PAUPER));
	});
}

#[test]
fn update_documents_replaces_the_commitment() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::update_documents(RuntimeOrigin::signed(ALICE), docs(2)));
		assert_eq!(Profiles::<Test>::get(ALICE).map(|p| p.documents), Some(docs(2)));
		assert_eq!(profile_deposit_held(ALICE), PROFILE_DEPOSIT);
		System::assert_last_event(
			Event::DocumentsUpdated { who: ALICE, documents: docs(2) }.into(),
		);
	});
}

#[test]
fn update_documents_requires_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::update_documents(RuntimeOrigin::signed(ALICE), docs(2)),
			Error::<Test>::NoProfile
		);
	});
}

#[test]
fn deregister_removes_the_profile_and_releases_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));

		assert!(!Profiles::<Test>::contains_key(ALICE));
		assert!(!Attestations::<Test>::contains_key(ALICE));
		assert_eq!(profile_deposit_held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), 10_000);
		System::assert_has_event(
			Event::Deregistered { who: ALICE, deposit: PROFILE_DEPOSIT }.into(),
		);
	});
}

#[test]
fn deregister_requires_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::deregister(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NoProfile
		);
	});
}

#[test]
fn deregister_is_refused_while_debt_is_outstanding() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		assert_noop!(
			CreditRecords::deregister(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::DebtOutstanding
		);
		// Once repaid it may leave.
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, unscored(100 * CREDIT_UNIT)));
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
	});
}

#[test]
fn deregister_is_refused_while_access_grants_exist() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + DAY,
			envelope(8),
		));
		assert_noop!(
			CreditRecords::deregister(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::GrantsOutstanding
		);
		assert_ok!(CreditRecords::revoke_access(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
	});
}

#[test]
fn deregister_is_refused_while_frozen() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::freeze(
			RuntimeOrigin::root(),
			ALICE,
			FreezeReason::SuspectedFraud,
		));
		assert_noop!(
			CreditRecords::deregister(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::AccountFrozen
		);
	});
}

#[test]
fn the_history_survives_deregistration() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, late(100 * CREDIT_UNIT, 10)));
		let history = history_of(ALICE);

		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
		// Everything but the announced score (which loses the attestation bonus) is kept.
		let kept = Histories::<Test>::get(ALICE).expect("the history survives");
		assert_eq!(CreditHistory { last_score: history.last_score, ..kept.clone() }, history);
		assert_eq!(kept.last_score, score_of(ALICE));
	});
}

#[test]
fn re_registering_keeps_the_old_history_and_score() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::unfreeze(RuntimeOrigin::root(), ALICE));
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));

		register(ALICE, ProfileKind::Individual);
		let history = history_of(ALICE);
		assert_eq!(history.defaults, 1);
		assert_eq!(history.defaulted, 100 * CREDIT_UNIT);
		// No attestation any more, and the default still weighs: 550 − 150.
		assert_eq!(score_of(ALICE), BASE - 150);
		attest_for(KYC, ALICE, ClaimKind::KycBasic, 365);
		assert_eq!(score_of(ALICE), VERIFIED - 150);
		assert_eq!(CreditRecords::profile_summary(&ALICE).map(|s| s.score), Some(VERIFIED - 150));
	});
}

#[test]
fn profile_summary_of_a_verified_individual() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let summary = CreditRecords::profile_summary(&ALICE).expect("registered");
		assert_eq!(summary.kind, ProfileKind::Individual);
		assert_eq!(summary.documents, docs(1));
		assert_eq!(summary.deposit, PROFILE_DEPOSIT);
		assert_eq!(summary.score, VERIFIED);
		assert_eq!(summary.tier, Some(2));
		assert_eq!(summary.exposure_cap, TIER_2_CAP);
		assert_eq!(summary.rate_premium_bps, 400);
		assert_eq!(summary.outstanding, 0);
		assert_eq!(summary.frozen, None);
		assert!(summary.verified);
		assert_eq!(summary.valid_claims, vec![ClaimKind::KycBasic]);
		assert!(summary.eligible);
		assert_eq!(summary.history, history_of(ALICE));
	});
}

#[test]
fn profile_summary_of_an_unverified_profile_is_not_eligible() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		let summary = CreditRecords::profile_summary(&ALICE).expect("registered");
		assert_eq!(summary.score, BASE);
		assert_eq!(summary.tier, Some(2));
		assert!(!summary.verified);
		assert!(summary.valid_claims.is_empty());
		assert!(!summary.eligible);
	});
}

#[test]
fn profile_summary_of_a_frozen_account_is_not_eligible() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::Compliance));
		let summary = CreditRecords::profile_summary(&ALICE).expect("registered");
		assert!(summary.verified);
		assert_eq!(summary.frozen, Some(FreezeReason::Compliance));
		assert!(!summary.eligible);
	});
}

#[test]
fn profile_summary_counts_outstanding_debt() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, TIER_2_CAP));
		let summary = CreditRecords::profile_summary(&ALICE).expect("registered");
		assert_eq!(summary.outstanding, TIER_2_CAP);
		// At the cap: not one more credit unit.
		assert!(!summary.eligible);
	});
}

#[test]
fn profile_summary_is_none_without_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(CreditRecords::profile_summary(&ALICE), None);
	});
}

#[test]
fn deregistering_announces_the_lost_attestation_bonus_and_re_attesting_announces_it_back() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
		System::assert_has_event(
			crate::Event::<Test>::ScoreChanged {
				who: ALICE,
				old: VERIFIED,
				new: BASE,
				reason: crate::ScoreChangeReason::AttestationsChanged,
			}
			.into(),
		);
		assert_eq!(history_of(ALICE).last_score, BASE);

		register(ALICE, ProfileKind::Individual);
		attest_for(KYC, ALICE, ClaimKind::KycBasic, 365);
		System::assert_last_event(
			crate::Event::<Test>::ScoreChanged {
				who: ALICE,
				old: BASE,
				new: VERIFIED,
				reason: crate::ScoreChangeReason::AttestationsChanged,
			}
			.into(),
		);
	});
}

#[test]
fn a_deregistered_owner_may_erase_a_clean_history_at_once_and_a_bad_one_only_after_retention() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_noop!(
			CreditRecords::forget_history(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::StillRegistered
		);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, unscored(100 * CREDIT_UNIT)));
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
		assert_ok!(CreditRecords::forget_history(RuntimeOrigin::signed(ALICE)));
		assert!(!Histories::<Test>::contains_key(ALICE));
		System::assert_last_event(Event::HistoryForgotten { who: ALICE }.into());
		assert_noop!(
			CreditRecords::forget_history(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::HistoryRetained
		);

		// Bob paid late: his history stays five years after it, whatever he does.
		verified_individual(BOB);
		assert_ok!(CreditRecords::note_borrowed(&BOB, POOL_USDX, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_repaid(&BOB, POOL_USDX, late(100 * CREDIT_UNIT, 10)));
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(BOB)));
		advance(5 * 365 * DAY - 1);
		assert_noop!(
			CreditRecords::forget_history(RuntimeOrigin::signed(BOB)),
			Error::<Test>::HistoryRetained
		);
		// Registering again continues the kept history: no fresh start.
		let late_before = history_of(BOB).late;
		verified_individual(BOB);
		assert_eq!(history_of(BOB).late, late_before);
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(BOB)));
		advance(1);
		assert_ok!(CreditRecords::forget_history(RuntimeOrigin::signed(BOB)));
	});
}
