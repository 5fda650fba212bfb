use super::*;

/// The deposit of a grant with an envelope of `len` bytes.
fn deposit_for(len: u32) -> Balance {
	GRANT_DEPOSIT_BASE + Balance::from(len) * GRANT_DEPOSIT_PER_BYTE
}

#[test]
fn grant_access_stores_the_grant_and_holds_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		let until = now() + 30 * DAY;
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			until,
			envelope(32),
		));

		let grant = Grants::<Test>::get(ALICE, BOB).expect("granted");
		assert_eq!(grant.key_envelope, envelope(32));
		assert_eq!(grant.granted_at, START);
		assert_eq!(grant.until, until);
		assert_eq!(grant.deposit, deposit_for(32));
		assert_eq!(CreditRecords::grant_deposit(32), deposit_for(32));
		assert_eq!(GrantCount::<Test>::get(ALICE), 1);
		assert_eq!(grant_deposit_held(ALICE), deposit_for(32));
		// The profile deposit is held separately.
		assert_eq!(profile_deposit_held(ALICE), PROFILE_DEPOSIT);
		assert_eq!(Balances::free_balance(ALICE), 10_000 - PROFILE_DEPOSIT - deposit_for(32));
		System::assert_last_event(
			Event::AccessGranted { owner: ALICE, institution: BOB, until }.into(),
		);
	});
}

#[test]
fn replacing_a_grant_adjusts_the_held_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + DAY,
			envelope(32),
		));
		assert_eq!(grant_deposit_held(ALICE), deposit_for(32));

		// A longer envelope holds more.
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + 2 * DAY,
			envelope(64),
		));
		assert_eq!(grant_deposit_held(ALICE), deposit_for(64));
		assert_eq!(Grants::<Test>::get(ALICE, BOB).map(|g| g.deposit), Some(deposit_for(64)));

		// A shorter one releases the difference.
		let until = now() + 3 * DAY;
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			until,
			envelope(4)
		));
		assert_eq!(grant_deposit_held(ALICE), deposit_for(4));
		assert_eq!(Balances::free_balance(ALICE), 10_000 - PROFILE_DEPOSIT - deposit_for(4));
		assert_eq!(Grants::<Test>::get(ALICE, BOB).map(|g| g.until), Some(until));
		assert_eq!(GrantCount::<Test>::get(ALICE), 1);
	});
}

#[test]
fn grant_access_requires_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::grant_access(
				RuntimeOrigin::signed(ALICE),
				BOB,
				now() + DAY,
				envelope(8)
			),
			Error::<Test>::NoProfile
		);
	});
}

#[test]
fn grant_access_refuses_the_owner_itself() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::grant_access(
				RuntimeOrigin::signed(ALICE),
				ALICE,
				now() + DAY,
				envelope(8),
			),
			Error::<Test>::SelfGrant
		);
	});
}

#[test]
fn grant_access_refuses_an_end_that_is_not_in_the_future() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::grant_access(RuntimeOrigin::signed(ALICE), BOB, now(), envelope(8)),
			Error::<Test>::GrantExpiryNotInFuture
		);
	});
}

#[test]
fn grant_access_refuses_a_grant_longer_than_the_maximum() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::grant_access(
				RuntimeOrigin::signed(ALICE),
				BOB,
				now() + MaxGrantDuration::get() + 1,
				envelope(8),
			),
			Error::<Test>::GrantTooLong
		);
		// Exactly the maximum is fine.
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + 365 * DAY,
			envelope(8),
		));
	});
}

#[test]
fn grant_access_refuses_a_third_institution() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		for institution in [BOB, CHARLIE] {
			assert_ok!(CreditRecords::grant_access(
				RuntimeOrigin::signed(ALICE),
				institution,
				now() + DAY,
				envelope(8),
			));
		}
		assert_noop!(
			CreditRecords::grant_access(
				RuntimeOrigin::signed(ALICE),
				KYC,
				now() + DAY,
				envelope(8)
			),
			Error::<Test>::TooManyGrants
		);
	});
}

#[test]
fn replacing_a_grant_is_allowed_at_the_maximum() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		for institution in [BOB, CHARLIE] {
			assert_ok!(CreditRecords::grant_access(
				RuntimeOrigin::signed(ALICE),
				institution,
				now() + DAY,
				envelope(8),
			));
		}
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			CHARLIE,
			now() + 10 * DAY,
			envelope(16),
		));
		assert_eq!(GrantCount::<Test>::get(ALICE), 2);
		assert_eq!(grant_deposit_held(ALICE), deposit_for(8) + deposit_for(16));
	});
}

#[test]
fn revoke_access_removes_the_grant_and_releases_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + DAY,
			envelope(32),
		));
		assert_ok!(CreditRecords::revoke_access(RuntimeOrigin::signed(ALICE), BOB));

		assert!(!Grants::<Test>::contains_key(ALICE, BOB));
		assert!(!GrantCount::<Test>::contains_key(ALICE));
		assert_eq!(grant_deposit_held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), 10_000 - PROFILE_DEPOSIT);
		System::assert_last_event(Event::AccessRevoked { owner: ALICE, institution: BOB }.into());
	});
}

#[test]
fn revoke_access_works_on_an_expired_grant() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + DAY,
			envelope(8),
		));
		advance(2 * DAY);
		assert_ok!(CreditRecords::revoke_access(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(grant_deposit_held(ALICE), 0);
	});
}

#[test]
fn revoke_access_refuses_an_unknown_grant() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + DAY,
			envelope(8),
		));
		assert_ok!(CreditRecords::revoke_access(RuntimeOrigin::signed(ALICE), BOB));
		assert_noop!(
			CreditRecords::revoke_access(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::GrantNotFound
		);
	});
}

#[test]
fn log_access_records_an_access_under_a_valid_grant() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + DAY,
			envelope(8),
		));
		assert_ok!(CreditRecords::log_access(RuntimeOrigin::signed(BOB), ALICE));
		System::assert_last_event(
			Event::ProfileAccessed { subject: ALICE, institution: BOB }.into(),
		);
	});
}

#[test]
fn log_access_requires_a_grant() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + DAY,
			envelope(8),
		));
		// A grant to BOB is no grant to CHARLIE.
		assert_noop!(
			CreditRecords::log_access(RuntimeOrigin::signed(CHARLIE), ALICE),
			Error::<Test>::NoValidGrant
		);
	});
}

#[test]
fn log_access_is_refused_once_the_grant_expired() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		let until = now() + DAY;
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			until,
			envelope(8)
		));
		advance(DAY - 1);
		assert_ok!(CreditRecords::log_access(RuntimeOrigin::signed(BOB), ALICE));
		advance(1);
		assert_eq!(now(), until);
		assert_noop!(
			CreditRecords::log_access(RuntimeOrigin::signed(BOB), ALICE),
			Error::<Test>::NoValidGrant
		);
	});
}

#[test]
fn log_access_is_refused_after_revocation() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + DAY,
			envelope(8),
		));
		assert_ok!(CreditRecords::revoke_access(RuntimeOrigin::signed(ALICE), BOB));
		assert_noop!(
			CreditRecords::log_access(RuntimeOrigin::signed(BOB), ALICE),
			Error::<Test>::NoValidGrant
		);
	});
}

#[test]
fn grants_of_lists_the_grants_and_whether_they_are_active() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			BOB,
			now() + DAY,
			envelope(8),
		));
		assert_ok!(CreditRecords::grant_access(
			RuntimeOrigin::signed(ALICE),
			CHARLIE,
			now() + 10 * DAY,
			envelope(8),
		));
		advance(2 * DAY);

		let mut grants = CreditRecords::grants_of(&ALICE);
		grants.sort_by_key(|g| g.institution);
		assert_eq!(
			grants,
			vec![
				GrantView {
					institution: BOB,
					granted_at: START,
					until: START + DAY,
					active: false,
					collection: None,
				},
				GrantView {
					institution: CHARLIE,
					granted_at: START,
					until: START + 10 * DAY,
					active: true,
					collection: None,
				},
			]
		);
		assert!(CreditRecords::grants_of(&BOB).is_empty());
	});
}
