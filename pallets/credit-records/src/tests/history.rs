use super::*;

#[test]
fn note_borrowed_records_the_debt() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, 500 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_borrowed(&ALICE, 250 * CREDIT_UNIT));

		let history = history_of(ALICE);
		assert_eq!(history.outstanding, 750 * CREDIT_UNIT);
		assert_eq!(history.borrowed, 750 * CREDIT_UNIT);
		assert_eq!(history.first_activity, Some(START));
		// Borrowing alone does not move the score.
		assert_eq!(history.last_score, VERIFIED);
		System::assert_last_event(
			Event::Borrowed {
				who: ALICE,
				amount: 250 * CREDIT_UNIT,
				outstanding: 750 * CREDIT_UNIT,
			}
			.into(),
		);
	});
}

#[test]
fn the_first_activity_is_the_first_borrowing() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, CREDIT_UNIT));
		advance(5 * DAY);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, CREDIT_UNIT));
		assert_eq!(history_of(ALICE).first_activity, Some(START));
	});
}

#[test]
fn an_older_history_scores_higher_with_reason_history_aged() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, CREDIT_UNIT));
		advance(60 * DAY);
		// Two age steps of 30 days: +4.
		assert_eq!(score_of(ALICE), VERIFIED + 4);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, CREDIT_UNIT));
		System::assert_has_event(
			Event::ScoreChanged {
				who: ALICE,
				old: VERIFIED,
				new: VERIFIED + 4,
				reason: ScoreChangeReason::HistoryAged,
			}
			.into(),
		);
	});
}

#[test]
fn note_borrowed_refuses_an_overflowing_amount() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, Balance::MAX));
		assert_noop!(CreditRecords::note_borrowed(&ALICE, 1), Error::<Test>::AmountOverflow);
		assert_eq!(history_of(ALICE).outstanding, Balance::MAX);
	});
}

#[test]
fn a_repayment_on_time_raises_the_score() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, 500 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_repaid(&ALICE, 200 * CREDIT_UNIT, 0));

		let history = history_of(ALICE);
		assert_eq!(history.outstanding, 300 * CREDIT_UNIT);
		assert_eq!(history.repaid, 200 * CREDIT_UNIT);
		assert_eq!(history.repaid_on_time, 200 * CREDIT_UNIT);
		assert_eq!(history.on_time, 1);
		assert_eq!(history.on_time_since_delinquency, 1);
		assert_eq!(history.last_score, VERIFIED + 4);
		System::assert_has_event(
			Event::ScoreChanged {
				who: ALICE,
				old: VERIFIED,
				new: VERIFIED + 4,
				reason: ScoreChangeReason::RepaidOnTime,
			}
			.into(),
		);
		System::assert_last_event(
			Event::Repaid {
				who: ALICE,
				amount: 200 * CREDIT_UNIT,
				days_late: 0,
				outstanding: 300 * CREDIT_UNIT,
			}
			.into(),
		);
	});
}

#[test]
fn repaying_on_time_a_thousand_usdx_earns_a_volume_step() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, 1_000 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_repaid(&ALICE, 1_000 * CREDIT_UNIT, 0));
		// +4 for the instalment, +5 for the volume.
		assert_eq!(score_of(ALICE), VERIFIED + 9);
	});
}

#[test]
fn a_late_repayment_lowers_the_score() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, 500 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_repaid(&ALICE, 200 * CREDIT_UNIT, 10));

		let history = history_of(ALICE);
		assert_eq!(history.outstanding, 300 * CREDIT_UNIT);
		assert_eq!(history.repaid, 200 * CREDIT_UNIT);
		assert_eq!(history.repaid_on_time, 0);
		assert_eq!(history.on_time, 0);
		assert_eq!(history.late.days_1_30, 1);
		assert_eq!(history.last_score, VERIFIED - 15);
		System::assert_has_event(
			Event::ScoreChanged {
				who: ALICE,
				old: VERIFIED,
				new: VERIFIED - 15,
				reason: ScoreChangeReason::RepaidLate { days_late: 10 },
			}
			.into(),
		);
		System::assert_last_event(
			Event::Repaid {
				who: ALICE,
				amount: 200 * CREDIT_UNIT,
				days_late: 10,
				outstanding: 300 * CREDIT_UNIT,
			}
			.into(),
		);
	});
}

#[test]
fn a_late_repayment_resets_the_on_time_streak() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT, 0));
		assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT, 0));
		assert_eq!(history_of(ALICE).on_time_since_delinquency, 2);
		assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT, 3));
		let history = history_of(ALICE);
		assert_eq!(history.on_time, 2);
		assert_eq!(history.on_time_since_delinquency, 0);
	});
}

#[test]
fn late_repayments_fall_into_buckets_by_lateness() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		for days_late in [1, 30, 31, 60, 61, 90, 91] {
			assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT, days_late));
		}
		assert_eq!(
			history_of(ALICE).late,
			LateBuckets { days_1_30: 2, days_31_60: 2, days_61_90: 2, over_90: 1 }
		);
		let breakdown = CreditRecords::score_breakdown(&ALICE);
		assert_eq!(breakdown.late_penalty, 2 * 15 + 2 * 35 + 2 * 60 + 90);
		// Far below the floor: clamped to 300.
		assert_eq!(breakdown.score, 300);
	});
}

#[test]
fn each_bucket_costs_its_own_penalty() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT, 45));
		assert_eq!(score_of(ALICE), VERIFIED - 35);
		assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT, 75));
		assert_eq!(score_of(ALICE), VERIFIED - 35 - 60);
		assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT, 120));
		assert_eq!(score_of(ALICE), VERIFIED - 35 - 60 - 90);
	});
}

#[test]
fn the_outstanding_debt_floors_at_zero_on_over_repayment() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, 100 * CREDIT_UNIT));
		// Principal plus interest.
		assert_ok!(CreditRecords::note_repaid(&ALICE, 105 * CREDIT_UNIT, 0));
		let history = history_of(ALICE);
		assert_eq!(history.outstanding, 0);
		assert_eq!(history.repaid, 105 * CREDIT_UNIT);
		System::assert_last_event(
			Event::Repaid { who: ALICE, amount: 105 * CREDIT_UNIT, days_late: 0, outstanding: 0 }
				.into(),
		);
	});
}

#[test]
fn a_default_lowers_the_score_and_freezes_the_account() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, 500 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, 400 * CREDIT_UNIT));

		let history = history_of(ALICE);
		assert_eq!(history.defaults, 1);
		assert_eq!(history.defaulted, 400 * CREDIT_UNIT);
		assert_eq!(history.outstanding, 100 * CREDIT_UNIT);
		assert_eq!(history.on_time_since_delinquency, 0);
		assert_eq!(history.last_score, VERIFIED - 150);
		assert_eq!(
			Profiles::<Test>::get(ALICE).and_then(|p| p.frozen),
			Some(FreezeReason::Default)
		);
		System::assert_has_event(
			Event::ScoreChanged {
				who: ALICE,
				old: VERIFIED,
				new: VERIFIED - 150,
				reason: ScoreChangeReason::Defaulted,
			}
			.into(),
		);
		System::assert_has_event(
			Event::Defaulted {
				who: ALICE,
				amount: 400 * CREDIT_UNIT,
				outstanding: 100 * CREDIT_UNIT,
			}
			.into(),
		);
		System::assert_last_event(
			Event::Frozen { who: ALICE, reason: FreezeReason::Default }.into(),
		);
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, 1), Error::<Test>::AccountFrozen);
	});
}

#[test]
fn a_default_keeps_an_earlier_freeze_reason() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::RiskReview));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, CREDIT_UNIT));
		assert_eq!(
			Profiles::<Test>::get(ALICE).and_then(|p| p.frozen),
			Some(FreezeReason::RiskReview)
		);
		System::assert_last_event(
			Event::Defaulted { who: ALICE, amount: CREDIT_UNIT, outstanding: 0 }.into(),
		);
	});
}

#[test]
fn on_time_repayments_after_a_default_recover_the_score() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::unfreeze(RuntimeOrigin::root(), ALICE));
		let defaulted = VERIFIED - 150;
		assert_eq!(score_of(ALICE), defaulted);
		// 420 is tier 0: no credit at all.
		assert_eq!(CreditRecords::tier(&ALICE).map(|t| t.tier), Some(0));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, 1),
			Error::<Test>::ExposureCapExceeded
		);

		// Each on-time instalment: +4 on time, +10 recovery.
		for _ in 0..3 {
			assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT, 0));
		}
		assert_eq!(score_of(ALICE), defaulted + 3 * 14);
		System::assert_has_event(
			Event::ScoreChanged {
				who: ALICE,
				old: defaulted + 2 * 14,
				new: defaulted + 3 * 14,
				reason: ScoreChangeReason::RepaidOnTime,
			}
			.into(),
		);
		// 462 is tier 1: up to 1,000 USDX.
		assert_eq!(CreditRecords::tier(&ALICE).map(|t| t.tier), Some(1));
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, 1_000 * CREDIT_UNIT));
	});
}

#[test]
fn recovery_after_a_default_is_capped_at_three_quarters_of_the_penalty() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_defaulted(&ALICE, CREDIT_UNIT));
		for _ in 0..20 {
			assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT, 0));
		}
		let breakdown = CreditRecords::score_breakdown(&ALICE);
		assert_eq!(breakdown.recovery, 112);
		assert_eq!(breakdown.on_time_bonus, 80);
		assert_eq!(breakdown.score, VERIFIED + 80 - 150 + 112);
	});
}

#[test]
fn note_settled_counts_the_settled_loan() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_settled(&ALICE));
		assert_eq!(history_of(ALICE).settled, 1);
		System::assert_last_event(Event::LoanSettled { who: ALICE }.into());
	});
}

#[test]
fn lending_hooks_require_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(CreditRecords::note_borrowed(&ALICE, 1), Error::<Test>::NoProfile);
		assert_noop!(CreditRecords::note_repaid(&ALICE, 1, 0), Error::<Test>::NoProfile);
		assert_noop!(CreditRecords::note_defaulted(&ALICE, 1), Error::<Test>::NoProfile);
		assert_noop!(CreditRecords::note_settled(&ALICE), Error::<Test>::NoProfile);
		assert!(!Histories::<Test>::contains_key(ALICE));
	});
}

#[test]
fn lending_hooks_refuse_a_deregistered_account() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
		assert_noop!(CreditRecords::note_borrowed(&ALICE, 1), Error::<Test>::NoProfile);
		assert_noop!(CreditRecords::note_repaid(&ALICE, 1, 0), Error::<Test>::NoProfile);
	});
}

#[test]
fn is_verified_needs_a_valid_identity_attestation_frozen_or_not() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(!CreditRecords::is_verified(&ALICE), "no profile");
		register(ALICE, ProfileKind::Individual);
		assert!(!CreditRecords::is_verified(&ALICE), "no attestation");
		attest_for(KYC, ALICE, ClaimKind::KycBasic, 10);
		assert!(CreditRecords::is_verified(&ALICE));
		// A frozen account is still verified: it may lend, not borrow.
		assert_ok!(CreditRecords::note_borrowed(&ALICE, 10 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, 10 * CREDIT_UNIT));
		assert!(CreditRecords::is_verified(&ALICE));
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, 1), Error::<Test>::AccountFrozen);
		// Expired, it is not.
		pallet_timestamp::Now::<Test>::put(now() + 11 * DAY);
		assert!(!CreditRecords::is_verified(&ALICE));
	});
}

#[test]
fn dust_repayments_cannot_farm_the_on_time_bonus() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, 500 * CREDIT_UNIT));
		for _ in 0..10 {
			assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT - 1, 0));
		}
		let history = history_of(ALICE);
		assert_eq!(history.on_time, 0, "below the minimum, no instalment counted");
		assert_eq!(history.repaid_on_time, 10 * (CREDIT_UNIT - 1));
		assert_eq!(history.outstanding, 500 * CREDIT_UNIT - 10 * (CREDIT_UNIT - 1));
		assert_eq!(score_of(ALICE), VERIFIED);
		assert_ok!(CreditRecords::note_repaid(&ALICE, CREDIT_UNIT, 0));
		assert_eq!(history_of(ALICE).on_time, 1);
		assert_eq!(score_of(ALICE), VERIFIED + 4);
	});
}
