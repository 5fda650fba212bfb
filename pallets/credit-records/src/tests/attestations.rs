use super::*;

#[test]
fn attest_stores_the_attestation_and_raises_the_score() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		let expires_at = now() + 365 * DAY;
		assert_ok!(CreditRecords::attest(
			RuntimeOrigin::signed(KYC),
			ALICE,
			ClaimKind::KycBasic,
			docs(9),
			expires_at,
			person_of(ALICE, ClaimKind::KycBasic),
		));

		assert_eq!(
			Attestations::<Test>::get(ALICE).into_inner(),
			vec![Attestation {
				verifier: KYC,
				claim: ClaimKind::KycBasic,
				claim_hash: docs(9),
				issued_at: START,
				expires_at,
				identity: person_of(ALICE, ClaimKind::KycBasic),
				income_band: None,
			}]
		);
		assert_eq!(history_of(ALICE).last_score, VERIFIED);
		System::assert_has_event(
			Event::Attested {
				subject: ALICE,
				verifier: KYC,
				claim: ClaimKind::KycBasic,
				claim_hash: docs(9),
				expires_at,
			}
			.into(),
		);
		System::assert_last_event(
			Event::ScoreChanged {
				who: ALICE,
				old: BASE,
				new: VERIFIED,
				reason: ScoreChangeReason::AttestationsChanged,
			}
			.into(),
		);
	});
}

#[test]
fn attest_requires_a_verifier() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(BOB),
				ALICE,
				ClaimKind::KycBasic,
				docs(9),
				now() + DAY,
				person_of(ALICE, ClaimKind::KycBasic),
			),
			Error::<Test>::NotVerifier
		);
	});
}

#[test]
fn attest_refuses_a_claim_outside_the_verifier_kind() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(AUDITOR),
				ALICE,
				ClaimKind::KycBasic,
				docs(9),
				now() + DAY,
				person_of(ALICE, ClaimKind::KycBasic),
			),
			Error::<Test>::ClaimNotAllowed
		);
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(KYC),
				ALICE,
				ClaimKind::AuditedFinancials,
				docs(9),
				now() + DAY,
				person_of(ALICE, ClaimKind::AuditedFinancials),
			),
			Error::<Test>::ClaimNotAllowed
		);
	});
}

#[test]
fn attest_refuses_a_verifier_attesting_itself() {
	ExtBuilder::default().build_and_execute(|| {
		register(KYC, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(KYC),
				KYC,
				ClaimKind::KycBasic,
				docs(9),
				now() + DAY,
				person_of(KYC, ClaimKind::KycBasic),
			),
			Error::<Test>::SelfAttestation
		);
	});
}

#[test]
fn attest_requires_the_subject_to_have_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(KYC),
				ALICE,
				ClaimKind::KycBasic,
				docs(9),
				now() + DAY,
				person_of(ALICE, ClaimKind::KycBasic),
			),
			Error::<Test>::NoProfile
		);
	});
}

#[test]
fn attest_refuses_an_expiry_that_is_not_in_the_future() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		for expires_at in [now(), now() - 1] {
			assert_noop!(
				CreditRecords::attest(
					RuntimeOrigin::signed(KYC),
					ALICE,
					ClaimKind::KycBasic,
					docs(9),
					expires_at,
					person_of(ALICE, ClaimKind::KycBasic),
				),
				Error::<Test>::ExpiryNotInFuture
			);
		}
	});
}

#[test]
fn attesting_the_same_claim_again_replaces_the_earlier_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		advance(DAY);
		let expires_at = now() + 30 * DAY;
		System::reset_events();
		assert_ok!(CreditRecords::attest(
			RuntimeOrigin::signed(KYC),
			ALICE,
			ClaimKind::KycBasic,
			docs(8),
			expires_at,
			person_of(ALICE, ClaimKind::KycBasic),
		));

		let attestations = Attestations::<Test>::get(ALICE);
		assert_eq!(attestations.len(), 1);
		assert_eq!(attestations[0].claim_hash, docs(8));
		assert_eq!(attestations[0].issued_at, START + DAY);
		assert_eq!(attestations[0].expires_at, expires_at);
		// Same claims, same score: no ScoreChanged.
		assert_eq!(score_of(ALICE), VERIFIED);
		assert!(!score_changed_for(ALICE));
		System::assert_last_event(
			Event::Attested {
				subject: ALICE,
				verifier: KYC,
				claim: ClaimKind::KycBasic,
				claim_hash: docs(8),
				expires_at,
			}
			.into(),
		);
	});
}

#[test]
fn the_same_claim_from_two_verifiers_counts_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CreditRecords::add_verifier(
			RuntimeOrigin::root(),
			CHARLIE,
			VerifierKind::KycProvider,
			name("KYC Two"),
		));
		verified_individual(ALICE);
		attest_for(CHARLIE, ALICE, ClaimKind::KycBasic, 365);
		assert_eq!(Attestations::<Test>::get(ALICE).len(), 2);
		assert_eq!(score_of(ALICE), VERIFIED);
	});
}

#[test]
fn each_distinct_claim_adds_to_the_score_up_to_the_cap() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Enterprise);
		attest_for(KYC, ALICE, ClaimKind::Kyb, 365);
		assert_eq!(score_of(ALICE), BASE + 20);
		attest_for(AUDITOR, ALICE, ClaimKind::AuditedFinancials, 365);
		assert_eq!(score_of(ALICE), BASE + 40);
		attest_for(KYC, ALICE, ClaimKind::KycFull, 365);
		assert_eq!(score_of(ALICE), BASE + 60);
		System::assert_last_event(
			Event::ScoreChanged {
				who: ALICE,
				old: BASE + 40,
				new: BASE + 60,
				reason: ScoreChangeReason::AttestationsChanged,
			}
			.into(),
		);
	});
}

#[test]
fn expired_attestations_stop_counting() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		attest_for(KYC, ALICE, ClaimKind::KycBasic, 10);
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, CREDIT_UNIT));

		// Valid up to the last millisecond before `expires_at`.
		advance(10 * DAY - 1);
		assert_eq!(score_of(ALICE), VERIFIED);
		advance(1);
		assert_eq!(score_of(ALICE), BASE);
		let summary = CreditRecords::profile_summary(&ALICE).expect("registered");
		assert!(!summary.verified);
		assert!(summary.valid_claims.is_empty());
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, CREDIT_UNIT),
			Error::<Test>::NotVerified
		);
		// Still stored, no sweep needed.
		assert_eq!(Attestations::<Test>::get(ALICE).len(), 1);
	});
}

#[test]
fn a_full_list_makes_room_by_dropping_expired_attestations() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Enterprise);
		attest_for(KYC, ALICE, ClaimKind::KycBasic, 1);
		attest_for(KYC, ALICE, ClaimKind::KycFull, 365);
		attest_for(KYC, ALICE, ClaimKind::Kyb, 365);
		advance(2 * DAY);

		attest_for(AUDITOR, ALICE, ClaimKind::AuditedFinancials, 365);
		let claims: Vec<_> = Attestations::<Test>::get(ALICE).iter().map(|a| a.claim).collect();
		assert_eq!(claims, vec![ClaimKind::KycFull, ClaimKind::Kyb, ClaimKind::AuditedFinancials]);
		assert_eq!(score_of(ALICE), BASE + 60);
	});
}

#[test]
fn attest_refuses_when_the_list_is_full_of_valid_attestations() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Enterprise);
		attest_for(KYC, ALICE, ClaimKind::KycBasic, 365);
		attest_for(KYC, ALICE, ClaimKind::KycFull, 365);
		attest_for(KYC, ALICE, ClaimKind::Kyb, 365);
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(AUDITOR),
				ALICE,
				ClaimKind::AuditedFinancials,
				docs(9),
				now() + DAY,
				person_of(ALICE, ClaimKind::AuditedFinancials),
			),
			Error::<Test>::TooManyAttestations
		);
	});
}

#[test]
fn a_full_list_still_accepts_a_replacement() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Enterprise);
		attest_for(KYC, ALICE, ClaimKind::KycBasic, 365);
		attest_for(KYC, ALICE, ClaimKind::KycFull, 365);
		attest_for(KYC, ALICE, ClaimKind::Kyb, 365);
		assert_ok!(CreditRecords::attest(
			RuntimeOrigin::signed(KYC),
			ALICE,
			ClaimKind::Kyb,
			docs(5),
			now() + 2 * DAY,
			person_of(ALICE, ClaimKind::Kyb),
		));
		let attestations = Attestations::<Test>::get(ALICE);
		assert_eq!(attestations.len(), 3);
		assert_eq!(attestations[2].claim_hash, docs(5));
	});
}

#[test]
fn revoke_attestation_removes_it_and_lowers_the_score() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::revoke_attestation(
			RuntimeOrigin::signed(KYC),
			ALICE,
			ClaimKind::KycBasic,
		));

		assert!(Attestations::<Test>::get(ALICE).is_empty());
		assert_eq!(history_of(ALICE).last_score, BASE);
		System::assert_has_event(
			Event::AttestationRevoked { subject: ALICE, verifier: KYC, claim: ClaimKind::KycBasic }
				.into(),
		);
		System::assert_last_event(
			Event::ScoreChanged {
				who: ALICE,
				old: VERIFIED,
				new: BASE,
				reason: ScoreChangeReason::AttestationsChanged,
			}
			.into(),
		);
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, CREDIT_UNIT),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn revoke_attestation_refuses_an_unknown_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		// Another claim of the same verifier.
		assert_noop!(
			CreditRecords::revoke_attestation(
				RuntimeOrigin::signed(KYC),
				ALICE,
				ClaimKind::KycFull
			),
			Error::<Test>::AttestationNotFound
		);
		// The same claim, but someone else's attestation.
		assert_noop!(
			CreditRecords::revoke_attestation(
				RuntimeOrigin::signed(AUDITOR),
				ALICE,
				ClaimKind::KycBasic,
			),
			Error::<Test>::AttestationNotFound
		);
	});
}

#[test]
fn revoke_attestation_twice_fails_the_second_time() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::revoke_attestation(
			RuntimeOrigin::signed(KYC),
			ALICE,
			ClaimKind::KycBasic,
		));
		assert_noop!(
			CreditRecords::revoke_attestation(
				RuntimeOrigin::signed(KYC),
				ALICE,
				ClaimKind::KycBasic
			),
			Error::<Test>::AttestationNotFound
		);
	});
}

#[test]
fn force_revoke_attestation_by_root_removes_any_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::force_revoke_attestation(
			RuntimeOrigin::root(),
			ALICE,
			KYC,
			ClaimKind::KycBasic,
		));

		assert!(Attestations::<Test>::get(ALICE).is_empty());
		System::assert_has_event(
			Event::AttestationRevoked { subject: ALICE, verifier: KYC, claim: ClaimKind::KycBasic }
				.into(),
		);
		System::assert_last_event(
			Event::ScoreChanged {
				who: ALICE,
				old: VERIFIED,
				new: BASE,
				reason: ScoreChangeReason::AttestationsChanged,
			}
			.into(),
		);
	});
}

#[test]
fn force_revoke_attestation_requires_the_admin_origin() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_noop!(
			CreditRecords::force_revoke_attestation(
				RuntimeOrigin::signed(KYC),
				ALICE,
				KYC,
				ClaimKind::KycBasic,
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn force_revoke_attestation_refuses_an_unknown_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::force_revoke_attestation(
				RuntimeOrigin::root(),
				ALICE,
				KYC,
				ClaimKind::KycBasic,
			),
			Error::<Test>::AttestationNotFound
		);
	});
}
