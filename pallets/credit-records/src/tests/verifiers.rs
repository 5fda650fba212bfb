use super::*;

#[test]
fn genesis_admits_the_configured_verifiers() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Verifiers::<Test>::count(), 2);
		let kyc = Verifiers::<Test>::get(KYC).expect("genesis verifier");
		assert_eq!(kyc.kind, VerifierKind::KycProvider);
		assert_eq!(kyc.name.to_vec(), b"KYC Co".to_vec());
		assert_eq!(Verifiers::<Test>::get(AUDITOR).map(|v| v.kind), Some(VerifierKind::Auditor));
	});
}

#[test]
fn add_verifier_admits_an_account() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CreditRecords::add_verifier(
			RuntimeOrigin::root(),
			CHARLIE,
			VerifierKind::CreditBureau,
			name("Bureau"),
		));
		let info = Verifiers::<Test>::get(CHARLIE).expect("admitted");
		assert_eq!(info.kind, VerifierKind::CreditBureau);
		assert_eq!(info.name, name("Bureau"));
		assert_eq!(info.admitted_at, START);
		assert_eq!(Verifiers::<Test>::count(), 3);
		System::assert_last_event(
			Event::VerifierAdded { verifier: CHARLIE, kind: VerifierKind::CreditBureau }.into(),
		);
	});
}

#[test]
fn add_verifier_requires_the_admin_origin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::add_verifier(
				RuntimeOrigin::signed(ALICE),
				CHARLIE,
				VerifierKind::CreditBureau,
				name("Bureau"),
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn add_verifier_refuses_an_existing_verifier() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::add_verifier(
				RuntimeOrigin::root(),
				KYC,
				VerifierKind::Auditor,
				name("Again"),
			),
			Error::<Test>::AlreadyVerifier
		);
	});
}

#[test]
fn add_verifier_refuses_beyond_max_verifiers() {
	ExtBuilder::default().build_and_execute(|| {
		// Two at genesis, MaxVerifiers = 3.
		assert_ok!(CreditRecords::add_verifier(
			RuntimeOrigin::root(),
			CHARLIE,
			VerifierKind::CreditBureau,
			name("Bureau"),
		));
		assert_noop!(
			CreditRecords::add_verifier(
				RuntimeOrigin::root(),
				BOB,
				VerifierKind::Auditor,
				name("Fourth"),
			),
			Error::<Test>::TooManyVerifiers
		);
	});
}

#[test]
fn remove_verifier_removes_it_and_frees_a_slot() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CreditRecords::remove_verifier(RuntimeOrigin::root(), AUDITOR));
		assert!(!Verifiers::<Test>::contains_key(AUDITOR));
		assert_eq!(Verifiers::<Test>::count(), 1);
		System::assert_last_event(Event::VerifierRemoved { verifier: AUDITOR }.into());
		// Its slot can be reused.
		assert_ok!(CreditRecords::add_verifier(
			RuntimeOrigin::root(),
			CHARLIE,
			VerifierKind::Auditor,
			name("New Audit"),
		));
		assert_ok!(CreditRecords::add_verifier(
			RuntimeOrigin::root(),
			BOB,
			VerifierKind::CreditBureau,
			name("Bureau"),
		));
		assert_eq!(Verifiers::<Test>::count(), 3);
	});
}

#[test]
fn remove_verifier_requires_the_admin_origin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::remove_verifier(RuntimeOrigin::signed(ALICE), KYC),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn remove_verifier_refuses_an_unknown_account() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::remove_verifier(RuntimeOrigin::root(), CHARLIE),
			Error::<Test>::NotVerifier
		);
	});
}

#[test]
fn a_removed_verifier_cannot_attest() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::remove_verifier(RuntimeOrigin::root(), KYC));
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(KYC),
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
fn attestations_of_a_removed_verifier_still_count() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::remove_verifier(RuntimeOrigin::root(), KYC));

		assert_eq!(Attestations::<Test>::get(ALICE).len(), 1);
		assert_eq!(score_of(ALICE), VERIFIED);
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, CREDIT_UNIT));
	});
}

#[test]
fn a_removed_verifier_can_still_revoke_its_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::remove_verifier(RuntimeOrigin::root(), KYC));

		assert_ok!(CreditRecords::revoke_attestation(
			RuntimeOrigin::signed(KYC),
			ALICE,
			ClaimKind::KycBasic,
		));
		assert!(Attestations::<Test>::get(ALICE).is_empty());
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, CREDIT_UNIT),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn a_credit_bureau_attests_income() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CreditRecords::add_verifier(
			RuntimeOrigin::root(),
			CHARLIE,
			VerifierKind::CreditBureau,
			name("Bureau"),
		));
		verified_individual(ALICE);
		attest_for(CHARLIE, ALICE, ClaimKind::IncomeVerified, 30);
		assert_eq!(score_of(ALICE), VERIFIED + 20);
		// But it may not attest identity.
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(CHARLIE),
				ALICE,
				ClaimKind::KycFull,
				docs(9),
				now() + DAY,
				person_of(ALICE, ClaimKind::KycFull),
			),
			Error::<Test>::ClaimNotAllowed
		);
	});
}
