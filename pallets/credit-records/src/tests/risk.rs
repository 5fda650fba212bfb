use super::*;

#[test]
fn ensure_can_borrow_requires_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1), Error::<Test>::NoProfile);
	});
}

#[test]
fn ensure_can_borrow_requires_an_identity_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1), Error::<Test>::NotVerified);
	});
}

#[test]
fn ensure_can_borrow_checks_verification_before_the_freeze() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::Compliance));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, TIER_2_CAP + 1),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn ensure_can_borrow_checks_the_freeze_before_the_cap() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::Compliance));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, TIER_2_CAP + 1),
			Error::<Test>::AccountFrozen
		);
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 1),
			Error::<Test>::AccountFrozen
		);
	});
}

#[test]
fn ensure_can_borrow_accepts_exactly_the_tier_cap() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_eq!(score_of(ALICE), VERIFIED);
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, TIER_2_CAP));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, TIER_2_CAP + 1),
			Error::<Test>::ExposureCapExceeded
		);
	});
}

#[test]
fn ensure_can_borrow_counts_the_outstanding_debt() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 4_000 * CREDIT_UNIT));
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 6_000 * CREDIT_UNIT));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 6_000 * CREDIT_UNIT + 1),
			Error::<Test>::ExposureCapExceeded
		);
	});
}

#[test]
fn ensure_can_borrow_refuses_an_amount_that_would_overflow_the_exposure() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 1));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, Balance::MAX),
			Error::<Test>::ExposureCapExceeded
		);
	});
}

#[test]
fn an_enterprise_needs_kyb_not_kyc() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Enterprise);
		attest_for(KYC, ALICE, ClaimKind::KycFull, 365);
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1), Error::<Test>::NotVerified);
		assert_eq!(CreditRecords::profile_summary(&ALICE).map(|s| s.verified), Some(false));

		attest_for(KYC, ALICE, ClaimKind::Kyb, 365);
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1));
	});
}

#[test]
fn an_individual_is_not_verified_by_kyb() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		attest_for(KYC, ALICE, ClaimKind::Kyb, 365);
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1), Error::<Test>::NotVerified);
		attest_for(KYC, ALICE, ClaimKind::KycFull, 365);
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1));
	});
}

#[test]
fn ensure_can_borrow_fails_without_a_tier_table() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let table = TierTable::<Test>::take();
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1), Error::<Test>::NoTierTable);
		assert_eq!(CreditRecords::tier(&ALICE), None);
		let summary = CreditRecords::profile_summary(&ALICE).expect("registered");
		assert_eq!(summary.tier, None);
		assert_eq!(summary.exposure_cap, 0);
		assert!(!summary.eligible);
		// Governance can never store an empty table: restore it for the invariants.
		TierTable::<Test>::put(table);
	});
}

#[test]
fn tier_reports_the_band_of_the_score() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_eq!(
			CreditRecords::tier(&ALICE),
			Some(TierInfo {
				tier: 2,
				score: VERIFIED,
				exposure_cap: TIER_2_CAP,
				rate_premium_bps: 400,
			})
		);
	});
}

#[test]
fn tier_is_none_without_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(CreditRecords::tier(&ALICE), None);
	});
}

#[test]
fn set_tier_table_stores_the_table_and_changes_caps() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let table = tier_table(&[(300, 0, 2_000), (560, 20_000 * CREDIT_UNIT, 100)]);
		assert_ok!(CreditRecords::set_tier_table(RuntimeOrigin::root(), table.clone()));

		assert_eq!(TierTable::<Test>::get(), table);
		System::assert_last_event(Event::TierTableSet { tiers: 2 }.into());
		assert_eq!(
			CreditRecords::tier(&ALICE),
			Some(TierInfo {
				tier: 1,
				score: VERIFIED,
				exposure_cap: 20_000 * CREDIT_UNIT,
				rate_premium_bps: 100,
			})
		);
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 20_000 * CREDIT_UNIT));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 20_000 * CREDIT_UNIT + 1),
			Error::<Test>::ExposureCapExceeded
		);
	});
}

#[test]
fn set_tier_table_accepts_the_bounds_exactly() {
	ExtBuilder::default().build_and_execute(|| {
		let table = tier_table(&[(300, 0, 2_000), (900, 1_000_000 * CREDIT_UNIT, 0)]);
		assert_ok!(CreditRecords::set_tier_table(RuntimeOrigin::root(), table));
	});
}

#[test]
fn set_tier_table_requires_the_risk_origin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::set_tier_table(RuntimeOrigin::signed(ALICE), tier_table(&[(300, 0, 0)])),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn set_tier_table_refuses_an_empty_table() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::set_tier_table(RuntimeOrigin::root(), BoundedVec::default()),
			Error::<Test>::TierTableEmpty
		);
	});
}

#[test]
fn set_tier_table_refuses_a_table_not_starting_at_the_lowest_score() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::set_tier_table(
				RuntimeOrigin::root(),
				tier_table(&[(301, 0, 0), (600, CREDIT_UNIT, 0)]),
			),
			Error::<Test>::TierTableMustStartAtMinScore
		);
	});
}

#[test]
fn set_tier_table_refuses_unsorted_rows() {
	ExtBuilder::default().build_and_execute(|| {
		for rows in [
			&[(300, 0, 0), (600, 0, 0), (500, 0, 0)][..],
			&[(300, 0, 0), (600, 0, 0), (600, 0, 0)][..],
			&[(300, 0, 0), (901, 0, 0)][..],
		] {
			assert_noop!(
				CreditRecords::set_tier_table(RuntimeOrigin::root(), tier_table(rows)),
				Error::<Test>::TierTableNotSorted
			);
		}
	});
}

#[test]
fn set_tier_table_refuses_a_cap_above_the_bound() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::set_tier_table(
				RuntimeOrigin::root(),
				tier_table(&[(300, 0, 0), (700, 1_000_000 * CREDIT_UNIT + 1, 0)]),
			),
			Error::<Test>::ExposureCapTooHigh
		);
	});
}

#[test]
fn set_tier_table_refuses_a_premium_above_the_bound() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::set_tier_table(RuntimeOrigin::root(), tier_table(&[(300, 0, 2_001)])),
			Error::<Test>::RatePremiumTooHigh
		);
	});
}

#[test]
fn freeze_stops_borrowing() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::freeze(
			RuntimeOrigin::root(),
			ALICE,
			FreezeReason::SuspectedFraud,
		));
		assert_eq!(
			Profiles::<Test>::get(ALICE).and_then(|p| p.frozen),
			Some(FreezeReason::SuspectedFraud)
		);
		System::assert_last_event(
			Event::Frozen { who: ALICE, reason: FreezeReason::SuspectedFraud }.into(),
		);
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 1),
			Error::<Test>::AccountFrozen
		);
	});
}

#[test]
fn repayments_still_count_while_frozen() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 10 * CREDIT_UNIT));
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::RiskReview));
		advance(30 * DAY);
		assert_ok!(CreditRecords::note_repaid(
			&ALICE,
			POOL_USDX,
			served(10 * CREDIT_UNIT, 10 * CREDIT_UNIT, 30)
		));
		assert_eq!(owed(ALICE), 0);
		assert_eq!(score_of(ALICE), VERIFIED + 6);
	});
}

#[test]
fn freeze_requires_the_freeze_origin() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::freeze(RuntimeOrigin::signed(BOB), ALICE, FreezeReason::RiskReview),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn freeze_requires_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::RiskReview),
			Error::<Test>::NoProfile
		);
	});
}

#[test]
fn freeze_refuses_an_account_already_frozen() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::RiskReview));
		assert_noop!(
			CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::Compliance),
			Error::<Test>::AccountFrozen
		);
	});
}

#[test]
fn unfreeze_lets_the_account_borrow_again() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::RiskReview));
		assert_ok!(CreditRecords::unfreeze(RuntimeOrigin::root(), ALICE));
		assert_eq!(Profiles::<Test>::get(ALICE).and_then(|p| p.frozen), None);
		System::assert_last_event(Event::Unfrozen { who: ALICE }.into());
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1));
	});
}

#[test]
fn unfreeze_requires_the_freeze_origin() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::RiskReview));
		assert_noop!(
			CreditRecords::unfreeze(RuntimeOrigin::signed(ALICE), ALICE),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn unfreeze_requires_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::unfreeze(RuntimeOrigin::root(), ALICE),
			Error::<Test>::NoProfile
		);
	});
}

#[test]
fn unfreeze_refuses_an_account_not_frozen() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::unfreeze(RuntimeOrigin::root(), ALICE),
			Error::<Test>::NotFrozen
		);
	});
}

#[test]
fn the_emergency_origin_may_freeze_and_unfreeze_but_not_set_the_tier_table() {
	ExtBuilder::default().build_and_execute(|| {
		let council = RuntimeOrigin::signed(crate::mock::EmergencyCouncil::get());
		register(ALICE, ProfileKind::Individual);
		assert_ok!(CreditRecords::freeze(council.clone(), ALICE, FreezeReason::SuspectedFraud));
		assert_eq!(
			Profiles::<Test>::get(ALICE).and_then(|p| p.frozen),
			Some(FreezeReason::SuspectedFraud)
		);
		assert_ok!(CreditRecords::unfreeze(council.clone(), ALICE));
		assert_noop!(
			CreditRecords::set_tier_table(council, tier_table(&[(300, 0, 0)])),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn good_standing_needs_a_verified_unfrozen_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(CreditRecords::ensure_in_good_standing(&ALICE), Error::<Test>::NoProfile);
		register(ALICE, ProfileKind::Individual);
		assert_noop!(CreditRecords::ensure_in_good_standing(&ALICE), Error::<Test>::NotVerified);
		attest_for(KYC, ALICE, ClaimKind::KycBasic, 30);
		assert_ok!(CreditRecords::ensure_in_good_standing(&ALICE));
		// Over its cap is no matter: nothing is booked.
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, TIER_2_CAP * 2));
		assert_ok!(CreditRecords::ensure_in_good_standing(&ALICE));
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::Compliance));
		assert_noop!(CreditRecords::ensure_in_good_standing(&ALICE), Error::<Test>::AccountFrozen);
	});
}
