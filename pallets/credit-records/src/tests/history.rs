use super::*;

#[test]
fn note_borrowed_records_the_debt() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 500 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 250 * CREDIT_UNIT));

		let history = history_of(ALICE);
		assert_eq!(owed(ALICE), 750 * CREDIT_UNIT);
		assert_eq!(history.borrowed, 750 * CREDIT_UNIT);
		assert_eq!(history.first_activity, Some(START));
		// Borrowing alone does not move the score.
		assert_eq!(history.last_score, VERIFIED);
		System::assert_last_event(
			Event::Borrowed {
				who: ALICE,
				amount: 250 * CREDIT_UNIT,
				position: POOL_USDX,
				owed: 750 * CREDIT_UNIT,
			}
			.into(),
		);
	});
}

#[test]
fn the_first_activity_is_the_first_borrowing() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, CREDIT_UNIT));
		advance(5 * DAY);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, CREDIT_UNIT));
		assert_eq!(history_of(ALICE).first_activity, Some(START));
	});
}

#[test]
fn an_older_history_scores_higher_with_reason_history_aged() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, CREDIT_UNIT));
		advance(60 * DAY);
		// Two age steps of 30 days: +4.
		assert_eq!(score_of(ALICE), VERIFIED + 4);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, CREDIT_UNIT));
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
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, Balance::MAX));
		assert_noop!(
			CreditRecords::note_borrowed(&ALICE, POOL_USDX, 1),
			Error::<Test>::AmountOverflow
		);
		assert_eq!(owed(ALICE), Balance::MAX);
	});
}

#[test]
fn a_repayment_on_time_credits_the_time_served() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 500 * CREDIT_UNIT));
		advance(30 * DAY);
		assert_ok!(CreditRecords::note_repaid(
			&ALICE,
			POOL_USDX,
			served(200 * CREDIT_UNIT, 500 * CREDIT_UNIT, 30)
		));

		let history = history_of(ALICE);
		assert_eq!(owed(ALICE), 300 * CREDIT_UNIT);
		assert_eq!(history.repaid, 200 * CREDIT_UNIT);
		assert_eq!(history.on_time_ms, 30 * DAY);
		assert_eq!(history.on_time_since_delinquency_ms, 30 * DAY);
		assert_eq!(history.served_volume, 500 * CREDIT_UNIT * 30);
		assert_eq!(history.credited_until, START + 30 * DAY);
		// One on-time month (+4) and one age step (+2); 500 USDX-months is half a volume step.
		assert_eq!(history.last_score, VERIFIED + 6);
		System::assert_has_event(
			Event::ScoreChanged {
				who: ALICE,
				old: VERIFIED,
				new: VERIFIED + 6,
				reason: ScoreChangeReason::RepaidOnTime,
			}
			.into(),
		);
		System::assert_last_event(
			Event::Repaid {
				who: ALICE,
				amount: 200 * CREDIT_UNIT,
				days_late: 0,
				credited_ms: 30 * DAY,
				position: POOL_USDX,
				owed: 300 * CREDIT_UNIT,
			}
			.into(),
		);
	});
}

#[test]
fn a_thousand_usdx_served_for_a_month_earns_a_volume_step() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 1_000 * CREDIT_UNIT));
		serve_for(ALICE, 1_000 * CREDIT_UNIT, 30);
		// +4 for the month, +5 for the volume, +2 for the age.
		assert_eq!(score_of(ALICE), VERIFIED + 11);
	});
}

#[test]
fn farming_many_repayments_in_one_block_does_not_move_the_score() {
	// The attack: 45 × (borrow 10 USDX, repay it) in one batch went from 570 to 750.
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		for _ in 0..45 {
			assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 10 * CREDIT_UNIT));
			// The product reports the service its clock measured: none within the block.
			assert_ok!(CreditRecords::note_repaid(
				&ALICE,
				POOL_USDX,
				served(10 * CREDIT_UNIT, 10 * CREDIT_UNIT, 0)
			));
		}
		assert_eq!(score_of(ALICE), VERIFIED);
		assert_eq!(history_of(ALICE).on_time_ms, 0);
		// Even a product over-reporting service cannot credit time that has not elapsed.
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, served(0, 10 * CREDIT_UNIT, 365)));
		assert_eq!(score_of(ALICE), VERIFIED);
	});
}

#[test]
fn time_served_on_parallel_loans_counts_once() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		advance(30 * DAY);
		for _ in 0..5 {
			assert_ok!(CreditRecords::note_repaid(
				&ALICE,
				POOL_USDX,
				served(0, 20 * CREDIT_UNIT, 30)
			));
		}
		assert_eq!(history_of(ALICE).on_time_ms, 30 * DAY);
		assert_eq!(CreditRecords::score_breakdown(&ALICE).on_time_bonus, 4);
	});
}

#[test]
fn a_late_repayment_lowers_the_score() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 500 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, late(200 * CREDIT_UNIT, 10)));

		let history = history_of(ALICE);
		assert_eq!(owed(ALICE), 300 * CREDIT_UNIT);
		assert_eq!(history.repaid, 200 * CREDIT_UNIT);
		assert_eq!(history.on_time_ms, 0);
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
				credited_ms: 0,
				position: POOL_USDX,
				owed: 300 * CREDIT_UNIT,
			}
			.into(),
		);
	});
}

#[test]
fn a_late_repayment_resets_the_on_time_streak() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		serve_for(ALICE, 100 * CREDIT_UNIT, 30);
		serve_for(ALICE, 100 * CREDIT_UNIT, 30);
		assert_eq!(history_of(ALICE).on_time_since_delinquency_ms, 60 * DAY);
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, late(CREDIT_UNIT, 3)));
		let history = history_of(ALICE);
		assert_eq!(history.on_time_ms, 60 * DAY);
		assert_eq!(history.on_time_since_delinquency_ms, 0);
	});
}

#[test]
fn late_repayments_fall_into_buckets_by_lateness() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		for days_late in [1, 30, 31, 60, 61, 90, 91] {
			assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, late(CREDIT_UNIT, days_late)));
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
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, late(CREDIT_UNIT, 45)));
		assert_eq!(score_of(ALICE), VERIFIED - 35);
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, late(CREDIT_UNIT, 75)));
		assert_eq!(score_of(ALICE), VERIFIED - 35 - 60);
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, late(CREDIT_UNIT, 120)));
		assert_eq!(score_of(ALICE), VERIFIED - 35 - 60 - 90);
	});
}

#[test]
fn the_outstanding_debt_floors_at_zero_on_over_repayment() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		// Principal plus interest.
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, unscored(105 * CREDIT_UNIT)));
		let history = history_of(ALICE);
		assert_eq!(owed(ALICE), 0);
		assert_eq!(history.repaid, 105 * CREDIT_UNIT);
		System::assert_last_event(
			Event::Repaid {
				who: ALICE,
				amount: 105 * CREDIT_UNIT,
				days_late: 0,
				credited_ms: 0,
				position: POOL_USDX,
				owed: 0,
			}
			.into(),
		);
	});
}

#[test]
fn commitments_count_against_the_cap_until_released() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_committed(&ALICE, POOL_USDX, 9_000 * CREDIT_UNIT));
		assert_eq!((owed(ALICE) + committed(ALICE)), 9_000 * CREDIT_UNIT);
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 1_000 * CREDIT_UNIT + 1),
			Error::<Test>::ExposureCapExceeded
		);
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1_000 * CREDIT_UNIT));
		System::assert_last_event(
			Event::Committed {
				who: ALICE,
				position: POOL_USDX,
				amount: 9_000 * CREDIT_UNIT,
				committed: 9_000 * CREDIT_UNIT,
			}
			.into(),
		);
		// A commitment keeps the profile.
		assert_noop!(
			CreditRecords::deregister(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::DebtOutstanding
		);
		assert_ok!(CreditRecords::note_commitment_released(&ALICE, POOL_USDX, 9_000 * CREDIT_UNIT));
		assert_eq!(committed(ALICE), 0);
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, TIER_2_CAP));
		// A release never goes below zero.
		assert_ok!(CreditRecords::note_commitment_released(&ALICE, POOL_USDX, 1));
		assert_eq!(committed(ALICE), 0);
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
	});
}

#[test]
fn note_committed_refuses_an_overflowing_amount_and_needs_a_profile() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(CreditRecords::note_committed(&ALICE, POOL_USDX, 1), Error::<Test>::NoProfile);
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_committed(&ALICE, POOL_USDX, Balance::MAX));
		assert_noop!(
			CreditRecords::note_committed(&ALICE, POOL_USDX, 1),
			Error::<Test>::AmountOverflow
		);
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 1),
			Error::<Test>::ExposureCapExceeded
		);
	});
}

#[test]
fn a_default_lowers_the_score_and_freezes_the_account() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 500 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, 400 * CREDIT_UNIT));

		let history = history_of(ALICE);
		assert_eq!(history.defaults, 1);
		assert_eq!(history.defaulted, 400 * CREDIT_UNIT);
		assert_eq!(owed(ALICE), 100 * CREDIT_UNIT);
		assert_eq!(history.on_time_since_delinquency_ms, 0);
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
				position: POOL_USDX,
				owed: 100 * CREDIT_UNIT,
			}
			.into(),
		);
		System::assert_last_event(
			Event::Frozen { who: ALICE, reason: FreezeReason::Default }.into(),
		);
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 1),
			Error::<Test>::AccountFrozen
		);
	});
}

#[test]
fn a_default_keeps_an_earlier_freeze_reason() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::RiskReview));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, CREDIT_UNIT));
		assert_eq!(
			Profiles::<Test>::get(ALICE).and_then(|p| p.frozen),
			Some(FreezeReason::RiskReview)
		);
		System::assert_last_event(
			Event::Defaulted { who: ALICE, amount: CREDIT_UNIT, position: POOL_USDX, owed: 0 }
				.into(),
		);
	});
}

#[test]
fn on_time_repayments_after_a_default_recover_the_score() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::unfreeze(RuntimeOrigin::root(), ALICE));
		let defaulted = VERIFIED - 150;
		assert_eq!(score_of(ALICE), defaulted);
		// 420 is tier 0: no credit at all.
		assert_eq!(CreditRecords::tier(&ALICE).map(|t| t.tier), Some(0));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 1),
			Error::<Test>::ExposureCapExceeded
		);

		// Each on-time month: +4 on time, +10 recovery, +2 age.
		for _ in 0..3 {
			serve_for(ALICE, 10 * CREDIT_UNIT, 30);
		}
		assert_eq!(score_of(ALICE), defaulted + 3 * 16);
		System::assert_has_event(
			Event::ScoreChanged {
				who: ALICE,
				old: defaulted + 2 * 16,
				new: defaulted + 3 * 16,
				reason: ScoreChangeReason::RepaidOnTime,
			}
			.into(),
		);
		// 468 is tier 1: up to 1,000 USDX.
		assert_eq!(CreditRecords::tier(&ALICE).map(|t| t.tier), Some(1));
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1_000 * CREDIT_UNIT));
	});
}

#[test]
fn recovery_after_a_default_is_capped_at_three_quarters_of_the_penalty() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, CREDIT_UNIT));
		// Twelve months of service (the KYC attestation lasts a year).
		for _ in 0..12 {
			serve_for(ALICE, 10 * CREDIT_UNIT, 30);
		}
		let breakdown = CreditRecords::score_breakdown(&ALICE);
		assert_eq!(breakdown.recovery, 112);
		assert_eq!(breakdown.on_time_bonus, 48);
		assert_eq!(breakdown.age_bonus, 24);
		assert_eq!(breakdown.score, VERIFIED + 48 + 24 - 150 + 112);
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
		assert_noop!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 1), Error::<Test>::NoProfile);
		assert_noop!(
			CreditRecords::note_repaid(&ALICE, POOL_USDX, unscored(1)),
			Error::<Test>::NoProfile
		);
		assert_noop!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, 1), Error::<Test>::NoProfile);
		assert_noop!(CreditRecords::note_settled(&ALICE), Error::<Test>::NoProfile);
		assert!(!Histories::<Test>::contains_key(ALICE));
	});
}

#[test]
fn lending_hooks_refuse_new_credit_to_a_deregistered_account_but_book_its_obligations() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
		assert_noop!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1), Error::<Test>::NoProfile);
		assert_noop!(CreditRecords::note_committed(&ALICE, POOL_USDX, 1), Error::<Test>::NoProfile);
		// Debt arising from an earlier obligation (recourse) is booked: the history is kept.
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 2));
		assert_eq!(owed(ALICE), 2);
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, unscored(1)));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, 1));
		assert_eq!(history_of(ALICE).defaults, 1);
		assert_eq!(owed(ALICE), 0);
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
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 10 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, 10 * CREDIT_UNIT));
		assert!(CreditRecords::is_verified(&ALICE));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 1),
			Error::<Test>::AccountFrozen
		);
		// Expired, it is not.
		pallet_timestamp::Now::<Test>::put(now() + 11 * DAY);
		assert!(!CreditRecords::is_verified(&ALICE));
	});
}

#[test]
fn recovery_after_a_default_counts_only_later_service() {
	// The attack: a pool position left open for a year, a default, then one repayment credited
	// the whole year as recovery (up to +112 at once).
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		advance(360 * DAY);
		assert_ok!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, CREDIT_UNIT));
		assert_ok!(CreditRecords::note_repaid(
			&ALICE,
			POOL_USDX,
			served(0, 100 * CREDIT_UNIT, 360)
		));
		let history = history_of(ALICE);
		assert_eq!(history.on_time_ms, 360 * DAY, "the year served counts as history");
		assert_eq!(history.on_time_since_delinquency_ms, 0, "but not as recovery");
		assert_eq!(CreditRecords::score_breakdown(&ALICE).recovery, 0);
	});
}

#[test]
fn dust_principal_cannot_farm_the_on_time_bonus() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 500 * CREDIT_UNIT));
		advance(30 * DAY);
		assert_ok!(CreditRecords::note_repaid(
			&ALICE,
			POOL_USDX,
			served(CREDIT_UNIT, CREDIT_UNIT - 1, 30)
		));
		let history = history_of(ALICE);
		assert_eq!(history.on_time_ms, 0, "below the minimum principal, nothing counted");
		assert_eq!(owed(ALICE), 499 * CREDIT_UNIT);
		assert_eq!(score_of(ALICE), VERIFIED + 2, "only the age step");
		assert_ok!(CreditRecords::note_repaid(
			&ALICE,
			POOL_USDX,
			served(CREDIT_UNIT, CREDIT_UNIT, 30)
		));
		assert_eq!(history_of(ALICE).on_time_ms, 30 * DAY);
		assert_eq!(score_of(ALICE), VERIFIED + 6);
	});
}
