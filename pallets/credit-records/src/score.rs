//! The credit score: a deterministic, pure function of an account's on-chain history and its
//! valid attestations. No storage access here; the pallet feeds it [`ScoreInputs`], and
//! [`record_repayment`] is the one rule by which a reported payment changes a history.
//!
//! ## Formula
//!
//! ```text
//! score = clamp(300, 900,
//!     BASE (550)
//!   + on-time bonus    4 per on-time month (30 days of service),   at most 180
//!   + volume bonus     5 per 1,000 USDX-months served on time,     at most  60
//!   + age bonus        2 per 30 days since the first borrowing,    at most  50
//!   + identity bonus  20 per distinct valid attested claim,        at most  60
//!   + filing bonus     8 per audited financial filing, +4 more if profitable, at most 48
//!   − late penalty    15 / 35 / 60 / 90 per due date paid 1–30 / 31–60 / 61–90 / >90 days late
//!   − default penalty 150 per default
//!   + recovery        10 per on-time month since the last late payment or default,
//!                     at most 3/4 of (late penalty + default penalty)
//! )
//! ```
//!
//! With every bonus at its cap and no penalty the score is exactly 900.
//!
//! ## Repayment behaviour is measured over time, never by calls
//!
//! A product reports each payment with the on-time [`Service`] it completes: the least principal
//! the loan had outstanding since the loan's last on-time payment, and for how long
//! ([`xindai_primitives::service::ServiceClock`]). [`record_repayment`] credits that service
//! only when
//!
//! - the payment is on time and the principal served is at least `MinCountedRepayment`, and
//! - only for time not credited before: service is credited from `credited_until` (or the first
//!   borrowing) to now, so time served on several loans at once counts once, and a second payment
//!   in the same block (or the same moment) credits nothing.
//!
//! An on-time month is 30 days of credited service; the volume is principal × credited time.
//! A late payment (reported once per due date by the product) records one late instalment.
//!
//! **Worked example.** A verified individual (570: base 550 + KYC 20) borrows 1,000 USDX from a
//! pool and repays everything after 30 days: 30 days are credited, one on-time month (+4) and
//! 1,000 USDX-months (+5), and one 30-day age step (+2): 581. Borrowing 10 USDX and repaying it 45
//! times in one block credits nothing: the first repayment's loan had been outstanding for 0 ms.
//! The fastest a clean account can climb is therefore 4 + 2 points a month plus the volume bonus
//! (at most 60, and only with real principal outstanding for real time): from 570 to 750 takes
//! at least 25 months at full volume.
//!
//! Properties (property-tested below): the score stays within 300–900; an on-time payment never
//! lowers it; a late payment or a default lowers it (unless it is already at 300); a delinquent
//! account recovers through later on-time service, up to three quarters of its penalties (a
//! default is never fully forgotten); attestations add at most 60; **no sequence of payments
//! within one moment raises a score** once that moment has been credited; and **the gain over a
//! period is bounded by the time elapsed**.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use xindai_primitives::{
	credit::{Score, MAX_SCORE, MIN_SCORE},
	service::{Repayment, Service},
	Balance, Moment,
};

use crate::types::{CreditHistory, LateBuckets, CREDIT_UNIT, MILLISECONDS_PER_DAY};

/// Where every score starts.
pub const BASE_SCORE: Score = 550;
/// Thirty days: the unit of on-time service.
pub const ON_TIME_MONTH_MS: Moment = 30 * MILLISECONDS_PER_DAY;
/// Bonus per on-time month.
pub const ON_TIME_BONUS: u32 = 4;
/// Cap of the on-time bonus.
pub const MAX_ON_TIME_BONUS: u32 = 180;
/// Volume served on time earning one volume step: 1,000 USDX for 30 days, in credit-unit-days.
pub const VOLUME_STEP: Balance = 1_000 * CREDIT_UNIT * 30;
/// Bonus per volume step.
pub const VOLUME_BONUS_PER_STEP: u32 = 5;
/// Cap of the volume bonus.
pub const MAX_VOLUME_BONUS: u32 = 60;
/// Days of credit history earning one age step.
pub const AGE_STEP_DAYS: u32 = 30;
/// Bonus per age step.
pub const AGE_BONUS_PER_STEP: u32 = 2;
/// Cap of the age bonus.
pub const MAX_AGE_BONUS: u32 = 50;
/// Bonus per distinct valid attested claim.
pub const ATTESTATION_BONUS: u32 = 20;
/// Cap of the attestation bonus.
pub const MAX_ATTESTATION_BONUS: u32 = 60;
/// Bonus per financial filing attested by an auditor.
pub const FILING_BONUS: u32 = 8;
/// Extra bonus per attested filing reporting a net profit.
pub const PROFITABLE_FILING_BONUS: u32 = 4;
/// Cap of the filing bonus (four profitable audited filings: a year of quarterly reports).
pub const MAX_FILING_BONUS: u32 = 48;
/// Penalty per instalment 1–30 days late.
pub const PENALTY_1_30: u32 = 15;
/// Penalty per instalment 31–60 days late.
pub const PENALTY_31_60: u32 = 35;
/// Penalty per instalment 61–90 days late.
pub const PENALTY_61_90: u32 = 60;
/// Penalty per instalment more than 90 days late.
pub const PENALTY_OVER_90: u32 = 90;
/// Penalty per default.
pub const DEFAULT_PENALTY: u32 = 150;
/// Recovery per on-time month since the last delinquency.
pub const RECOVERY_PER_ON_TIME: u32 = 10;

/// What the score is computed from.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ScoreInputs {
	/// Months (30 days) of on-time service.
	pub on_time: u32,
	/// Due dates paid late, by lateness.
	pub late: LateBuckets,
	/// Defaults.
	pub defaults: u32,
	/// Months of on-time service since the last late payment or default.
	pub on_time_since_delinquency: u32,
	/// Principal × time served on time, in credit-unit-days.
	pub served_volume: Balance,
	/// Whole days since the first borrowing (0 without any).
	pub history_days: u32,
	/// Distinct claims with a valid attestation.
	pub valid_claims: u32,
	/// Financial filings attested by an auditor.
	pub attested_filings: u32,
	/// Of them, profitable ones.
	pub profitable_filings: u32,
}

/// Whole on-time months in `ms`.
fn months(ms: Moment) -> u32 {
	u32::try_from(ms / ON_TIME_MONTH_MS).unwrap_or(u32::MAX)
}

impl ScoreInputs {
	/// The inputs of `history` at a moment `history_days` after its first activity, with
	/// `valid_claims` attested.
	pub fn from_history(history: &CreditHistory, history_days: u32, valid_claims: u32) -> Self {
		Self {
			on_time: months(history.on_time_ms),
			late: history.late,
			defaults: history.defaults,
			on_time_since_delinquency: months(history.on_time_since_delinquency_ms),
			served_volume: history.served_volume,
			history_days,
			valid_claims,
			attested_filings: history.attested_filings,
			profitable_filings: history.profitable_filings,
		}
	}
}

/// A late payment or a default at `now`: recovery starts again from zero, from `now`.
pub fn record_delinquency(history: &mut CreditHistory, now: Moment) {
	history.on_time_since_delinquency_ms = 0;
	history.last_delinquency_at = history.last_delinquency_at.max(now);
}

/// How a payment changed a history (see [`record_repayment`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RecordedRepayment {
	/// On time; `credited_ms` of service credited (0 when the payment proved nothing new).
	OnTime {
		/// Milliseconds of on-time service credited.
		credited_ms: Moment,
	},
	/// Late: one late due date recorded.
	Late {
		/// How many days late.
		days_late: u32,
	},
}

/// Applies `repayment` (valued in credit units), reported at `now`, to `history`: a late
/// payment records one late due date; an on-time one credits its service as the module docs
/// describe (at least `min_principal` served, only time after `credited_until`).
pub fn record_repayment(
	history: &mut CreditHistory,
	repayment: &Repayment,
	now: Moment,
	min_principal: Balance,
) -> RecordedRepayment {
	history.repaid = history.repaid.saturating_add(repayment.amount);
	if repayment.days_late > 0 {
		history.late.record(repayment.days_late);
		record_delinquency(history, now);
		return RecordedRepayment::Late { days_late: repayment.days_late };
	}
	let Service { principal, duration } = repayment.served;
	if principal < min_principal.max(1) || duration == 0 {
		return RecordedRepayment::OnTime { credited_ms: 0 };
	}
	let from = history.credited_until.max(history.first_activity.unwrap_or(now));
	let credited_ms = duration.min(now.saturating_sub(from));
	if credited_ms == 0 {
		return RecordedRepayment::OnTime { credited_ms: 0 };
	}
	history.credited_until = now;
	history.on_time_ms = history.on_time_ms.saturating_add(credited_ms);
	// Recovery counts only service after the last delinquency, even when the credited span
	// began before it.
	let since_delinquency = credited_ms.min(now.saturating_sub(history.last_delinquency_at));
	history.on_time_since_delinquency_ms =
		history.on_time_since_delinquency_ms.saturating_add(since_delinquency);
	let volume =
		principal.saturating_mul(Balance::from(credited_ms)) / Balance::from(MILLISECONDS_PER_DAY);
	history.served_volume = history.served_volume.saturating_add(volume);
	RecordedRepayment::OnTime { credited_ms }
}

/// Each factor's contribution to a score, as wallets show it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct ScoreBreakdown {
	/// Where every score starts.
	pub base: u32,
	/// From on-time instalments.
	pub on_time_bonus: u32,
	/// From volume repaid on time.
	pub volume_bonus: u32,
	/// From the age of the credit history.
	pub age_bonus: u32,
	/// From valid attestations.
	pub attestation_bonus: u32,
	/// From audited financial filings.
	pub filing_bonus: u32,
	/// From late instalments (subtracted).
	pub late_penalty: u32,
	/// From defaults (subtracted).
	pub default_penalty: u32,
	/// Penalties recovered through on-time instalments since the last delinquency (added).
	pub recovery: u32,
	/// The resulting score, clamped to 300–900.
	pub score: Score,
}

/// The score of `inputs`, factor by factor.
pub fn breakdown(inputs: &ScoreInputs) -> ScoreBreakdown {
	let on_time_bonus = inputs.on_time.saturating_mul(ON_TIME_BONUS).min(MAX_ON_TIME_BONUS);
	let volume_steps = u32::try_from(inputs.served_volume / VOLUME_STEP).unwrap_or(u32::MAX);
	let volume_bonus = volume_steps.saturating_mul(VOLUME_BONUS_PER_STEP).min(MAX_VOLUME_BONUS);
	let age_bonus =
		(inputs.history_days / AGE_STEP_DAYS).saturating_mul(AGE_BONUS_PER_STEP).min(MAX_AGE_BONUS);
	let attestation_bonus =
		inputs.valid_claims.saturating_mul(ATTESTATION_BONUS).min(MAX_ATTESTATION_BONUS);
	let filing_bonus = inputs
		.attested_filings
		.saturating_mul(FILING_BONUS)
		.saturating_add(
			inputs
				.profitable_filings
				.min(inputs.attested_filings)
				.saturating_mul(PROFITABLE_FILING_BONUS),
		)
		.min(MAX_FILING_BONUS);
	let late = &inputs.late;
	let late_penalty = late
		.days_1_30
		.saturating_mul(PENALTY_1_30)
		.saturating_add(late.days_31_60.saturating_mul(PENALTY_31_60))
		.saturating_add(late.days_61_90.saturating_mul(PENALTY_61_90))
		.saturating_add(late.over_90.saturating_mul(PENALTY_OVER_90));
	let default_penalty = inputs.defaults.saturating_mul(DEFAULT_PENALTY);
	let penalties = late_penalty.saturating_add(default_penalty);
	// At most three quarters of the penalties can be earned back (rounded down: in the
	// protocol's favour).
	let recoverable = penalties / 4 * 3 + (penalties % 4) * 3 / 4;
	let recovery =
		inputs.on_time_since_delinquency.saturating_mul(RECOVERY_PER_ON_TIME).min(recoverable);

	let plus = u64::from(BASE_SCORE)
		.saturating_add(u64::from(on_time_bonus))
		.saturating_add(u64::from(volume_bonus))
		.saturating_add(u64::from(age_bonus))
		.saturating_add(u64::from(attestation_bonus))
		.saturating_add(u64::from(filing_bonus))
		.saturating_add(u64::from(recovery));
	let raw = plus.saturating_sub(u64::from(penalties));
	let clamped = raw.clamp(u64::from(MIN_SCORE), u64::from(MAX_SCORE));
	let score = Score::try_from(clamped).unwrap_or(MAX_SCORE);

	ScoreBreakdown {
		base: u32::from(BASE_SCORE),
		on_time_bonus,
		volume_bonus,
		age_bonus,
		attestation_bonus,
		filing_bonus,
		late_penalty,
		default_penalty,
		recovery,
		score,
	}
}

/// The score of `inputs`.
pub fn score(inputs: &ScoreInputs) -> Score {
	breakdown(inputs).score
}

/// The inputs after one more on-time month of `volume` credit-unit-days (`days_late` 0), or one
/// more late due date.
pub fn after_repayment(inputs: &ScoreInputs, volume: Balance, days_late: u32) -> ScoreInputs {
	let mut next = *inputs;
	if days_late == 0 {
		next.on_time = next.on_time.saturating_add(1);
		next.on_time_since_delinquency = next.on_time_since_delinquency.saturating_add(1);
		next.served_volume = next.served_volume.saturating_add(volume);
	} else {
		next.late.record(days_late);
		next.on_time_since_delinquency = 0;
	}
	next
}

/// The inputs after one more default.
pub fn after_default(inputs: &ScoreInputs) -> ScoreInputs {
	let mut next = *inputs;
	next.defaults = next.defaults.saturating_add(1);
	next.on_time_since_delinquency = 0;
	next
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn a_new_profile_scores_the_base() {
		assert_eq!(score(&ScoreInputs::default()), BASE_SCORE);
	}

	#[test]
	fn an_identity_attestation_adds_twenty() {
		let inputs = ScoreInputs { valid_claims: 1, ..Default::default() };
		assert_eq!(score(&inputs), 570);
	}

	#[test]
	fn the_breakdown_adds_up() {
		let inputs = ScoreInputs {
			on_time: 10,
			late: LateBuckets { days_1_30: 1, days_31_60: 1, ..Default::default() },
			defaults: 0,
			on_time_since_delinquency: 3,
			served_volume: 5_500 * CREDIT_UNIT * 30,
			history_days: 95,
			valid_claims: 2,
			attested_filings: 2,
			profitable_filings: 1,
		};
		let b = breakdown(&inputs);
		assert_eq!(b.filing_bonus, 20);
		assert_eq!(b.on_time_bonus, 40);
		assert_eq!(b.volume_bonus, 25);
		assert_eq!(b.age_bonus, 6);
		assert_eq!(b.attestation_bonus, 40);
		assert_eq!(b.late_penalty, 50);
		assert_eq!(b.recovery, 30);
		assert_eq!(b.score, 550 + 40 + 25 + 6 + 40 + 20 - 50 + 30);
	}

	#[test]
	fn a_default_costs_150_and_only_three_quarters_come_back() {
		let defaulted = after_default(&ScoreInputs::default());
		assert_eq!(score(&defaulted), 400);
		let mut recovered = defaulted;
		for _ in 0..100 {
			recovered = after_repayment(&recovered, 1, 0);
		}
		let b = breakdown(&recovered);
		assert_eq!(b.recovery, 112);
		assert!(
			b.score
				< score(&ScoreInputs { on_time: 100, served_volume: 100, ..Default::default() })
		);
	}

	const DAY: Moment = MILLISECONDS_PER_DAY;
	const MIN: Balance = 10 * CREDIT_UNIT;

	fn on_time(amount: Balance, principal: Balance, duration: Moment) -> Repayment {
		Repayment {
			amount,
			days_late: 0,
			served: Service { principal, duration },
			by_borrower: true,
		}
	}

	fn scored(history: &CreditHistory, now: Moment) -> Score {
		let days =
			history.first_activity.map(|f| (now.saturating_sub(f) / DAY) as u32).unwrap_or(0);
		score(&ScoreInputs::from_history(history, days, 1))
	}

	#[test]
	fn the_worked_example_of_the_module_docs_holds() {
		let mut history = CreditHistory { first_activity: Some(0), ..Default::default() };
		assert_eq!(scored(&history, 0), 570);
		let recorded = record_repayment(
			&mut history,
			&on_time(1_000 * CREDIT_UNIT, 1_000 * CREDIT_UNIT, 30 * DAY),
			30 * DAY,
			MIN,
		);
		assert_eq!(recorded, RecordedRepayment::OnTime { credited_ms: 30 * DAY });
		assert_eq!(scored(&history, 30 * DAY), 570 + 4 + 5 + 2);
	}

	#[test]
	fn forty_five_repayments_in_one_block_credit_nothing() {
		// The farming attack: borrow 10 USDX and repay it, 45 times, at the moment of borrowing.
		let mut history = CreditHistory { first_activity: Some(DAY), ..Default::default() };
		for _ in 0..45 {
			record_repayment(
				&mut history,
				&on_time(10 * CREDIT_UNIT, 10 * CREDIT_UNIT, 0),
				DAY,
				MIN,
			);
		}
		assert_eq!(history.on_time_ms, 0);
		assert_eq!(scored(&history, DAY), 570);
	}

	#[test]
	fn parallel_loans_credit_their_common_time_once() {
		let mut history = CreditHistory { first_activity: Some(0), ..Default::default() };
		for _ in 0..10 {
			record_repayment(&mut history, &on_time(0, 100 * CREDIT_UNIT, 30 * DAY), 30 * DAY, MIN);
		}
		assert_eq!(history.on_time_ms, 30 * DAY);
	}

	#[test]
	fn service_below_the_counted_principal_credits_nothing() {
		let mut history = CreditHistory { first_activity: Some(0), ..Default::default() };
		let recorded =
			record_repayment(&mut history, &on_time(0, MIN - 1, 30 * DAY), 30 * DAY, MIN);
		assert_eq!(recorded, RecordedRepayment::OnTime { credited_ms: 0 });
		assert_eq!(history.on_time_ms, 0);
	}

	fn history() -> impl Strategy<Value = CreditHistory> {
		(0u64..1_000, 0u64..1_000, 0u64..1_000, 0u32..5, 0u32..3, 0u128..1_000_000_000_000)
			.prop_map(|(first, credited, on_time, late, defaults, volume)| {
				let first = first * DAY;
				let credited_until = first + credited * DAY;
				let on_time_ms = (on_time * DAY).min(credited_until - first);
				CreditHistory {
					first_activity: Some(first),
					credited_until,
					on_time_ms,
					on_time_since_delinquency_ms: on_time_ms / 2,
					late: LateBuckets { days_1_30: late, ..Default::default() },
					defaults,
					served_volume: volume,
					..Default::default()
				}
			})
	}

	fn repayment() -> impl Strategy<Value = Repayment> {
		(0u128..1_000_000_000_000, 0u32..3, 0u128..100_000_000_000, 0u64..400).prop_map(
			|(amount, late, principal, days)| Repayment {
				amount,
				days_late: if late == 0 { 0 } else { late * 20 },
				served: Service { principal, duration: days * DAY },
				by_borrower: true,
			},
		)
	}

	fn inputs() -> impl Strategy<Value = ScoreInputs> {
		(
			0u32..500,
			(0u32..20, 0u32..20, 0u32..20, 0u32..20),
			0u32..10,
			0u32..500,
			0u128..10_000_000_000_000,
			0u32..5_000,
			(0u32..6, 0u32..20, 0u32..20),
		)
			.prop_map(
				|(
					on_time,
					(a, b, c, d),
					defaults,
					since,
					repaid,
					days,
					(claims, filings, profitable),
				)| {
					ScoreInputs {
						on_time,
						late: LateBuckets {
							days_1_30: a,
							days_31_60: b,
							days_61_90: c,
							over_90: d,
						},
						defaults,
						on_time_since_delinquency: since.min(on_time),
						served_volume: repaid,
						history_days: days,
						valid_claims: claims,
						attested_filings: filings,
						profitable_filings: profitable.min(filings),
					}
				},
			)
	}

	proptest! {
		#[test]
		fn the_score_is_bounded(inputs in inputs()) {
			let s = score(&inputs);
			prop_assert!((MIN_SCORE..=MAX_SCORE).contains(&s));
		}

		#[test]
		fn an_attested_filing_never_lowers_the_score_and_its_bonus_is_bounded(
			inputs in inputs(),
			profitable in any::<bool>(),
		) {
			let mut next = inputs;
			next.attested_filings += 1;
			next.profitable_filings += u32::from(profitable);
			prop_assert!(score(&next) >= score(&inputs));
			prop_assert!(breakdown(&next).filing_bonus <= MAX_FILING_BONUS);
		}

		#[test]
		fn an_on_time_repayment_never_lowers_the_score(inputs in inputs(), amount in 0u128..10_000_000_000) {
			prop_assert!(score(&after_repayment(&inputs, amount, 0)) >= score(&inputs));
		}

		#[test]
		fn a_late_payment_lowers_the_score(inputs in inputs(), amount in 0u128..10_000_000_000, days in 1u32..400) {
			let before = score(&inputs);
			let after = score(&after_repayment(&inputs, amount, days));
			prop_assert!(after < before || before == MIN_SCORE);
		}

		#[test]
		fn a_default_lowers_the_score(inputs in inputs()) {
			let before = score(&inputs);
			prop_assert!(score(&after_default(&inputs)) < before || before == MIN_SCORE);
		}

		#[test]
		fn later_on_time_history_recovers_after_a_default(inputs in inputs()) {
			let defaulted = after_default(&inputs);
			let mut recovering = defaulted;
			for _ in 0..12 {
				recovering = after_repayment(&recovering, CREDIT_UNIT, 0);
			}
			// Strictly better, unless the penalties are so deep that both sit at the floor.
			prop_assert!(score(&recovering) > score(&defaulted) || score(&recovering) == MIN_SCORE);
		}

		#[test]
		fn attestations_add_a_bounded_bonus(inputs in inputs(), extra in 0u32..100) {
			let more = ScoreInputs { valid_claims: inputs.valid_claims.saturating_add(extra), ..inputs };
			let gain = i32::from(score(&more)) - i32::from(score(&inputs));
			prop_assert!((0..=MAX_ATTESTATION_BONUS as i32).contains(&gain));
		}

		/// No sequence of payments within one block raises a score beyond what its first payment
		/// credits: after it, the moment is credited and nothing more can be.
		#[test]
		fn no_sequence_of_payments_within_one_moment_raises_the_score(
			mut history in history(),
			gap in 0u64..100 * DAY,
			first in repayment(),
			payments in proptest::collection::vec(repayment(), 1..40),
		) {
			let now = history.credited_until + gap;
			let mut crediting = 0;
			let mut credited_already = false;
			for payment in core::iter::once(&first).chain(payments.iter()) {
				let before = scored(&history, now);
				let recorded = record_repayment(&mut history, payment, now, MIN);
				if matches!(recorded, RecordedRepayment::OnTime { credited_ms } if credited_ms > 0) {
					crediting += 1;
				}
				if credited_already {
					// Once the moment is credited, nothing raises the score any more.
					prop_assert!(scored(&history, now) <= before);
				}
				credited_already |= crediting > 0;
			}
			prop_assert!(crediting <= 1, "{} payments credited service in one moment", crediting);
		}

		/// Service credited after a delinquency counts towards recovery only from the
		/// delinquency on, however long the credited span.
		#[test]
		fn recovery_never_counts_service_from_before_a_delinquency(
			mut history in history(),
			late_after in 0u64..400 * DAY,
			service_days in 0u64..800,
			wait in 0u64..400 * DAY,
		) {
			let late_at = history.credited_until + late_after;
			record_repayment(&mut history, &Repayment::late(0, 10), late_at, MIN);
			let now = late_at + wait;
			record_repayment(&mut history, &on_time(0, MIN, service_days * DAY), now, MIN);
			prop_assert!(history.on_time_since_delinquency_ms <= wait);
		}

		/// The gain over a period is bounded by the time elapsed: at most 4 + 10 (recovery) + 2
		/// (age) points per started month, plus the volume the largest principal served could earn.
		#[test]
		fn the_score_gain_is_bounded_by_elapsed_time(
			mut history in history(),
			steps in proptest::collection::vec((0u64..40 * DAY, repayment()), 1..30),
		) {
			let start = history.credited_until;
			let before = scored(&history, start);
			let mut now = start;
			let mut largest = 0u128;
			for (wait, payment) in &steps {
				now += wait;
				largest = largest.max(payment.served.principal);
				record_repayment(&mut history, payment, now, MIN);
			}
			let elapsed = now - start;
			let months_started = (elapsed / ON_TIME_MONTH_MS) as i64 + 1;
			let volume_steps = (largest.saturating_mul(elapsed as u128) / MILLISECONDS_PER_DAY as u128
				/ VOLUME_STEP) as i64 + 1;
			let bound = months_started * (ON_TIME_BONUS + RECOVERY_PER_ON_TIME + AGE_BONUS_PER_STEP) as i64
				+ volume_steps * VOLUME_BONUS_PER_STEP as i64;
			let gain = i64::from(scored(&history, now)) - i64::from(before);
			prop_assert!(gain <= bound, "gain {} over {} ms exceeds {}", gain, elapsed, bound);
		}

		/// Credited on-time service never exceeds the time since the first borrowing.
		#[test]
		fn credited_service_never_exceeds_the_history_age(
			mut history in history(),
			steps in proptest::collection::vec((0u64..40 * DAY, repayment()), 1..30),
		) {
			let mut now = history.credited_until;
			for (wait, payment) in &steps {
				now += wait;
				record_repayment(&mut history, payment, now, MIN);
				let first = history.first_activity.unwrap_or(now);
				prop_assert!(history.on_time_ms <= history.credited_until - first);
				prop_assert!(history.on_time_since_delinquency_ms <= history.on_time_ms);
			}
		}

		#[test]
		fn time_never_lowers_the_score(inputs in inputs(), days in 0u32..5_000) {
			let later = ScoreInputs { history_days: inputs.history_days.saturating_add(days), ..inputs };
			prop_assert!(score(&later) >= score(&inputs));
		}
	}
}
