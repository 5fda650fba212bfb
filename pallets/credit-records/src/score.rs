//! The credit score: a deterministic, pure function of an account's on-chain history and its
//! valid attestations. No storage access here; the pallet feeds it [`ScoreInputs`].
//!
//! ## Formula
//!
//! ```text
//! score = clamp(300, 900,
//!     BASE (550)
//!   + on-time bonus    4 per on-time instalment (≥ MinCountedRepayment), at most 180
//!   + volume bonus     5 per 1,000 USDX repaid on time,           at most  60
//!   + age bonus        2 per 30 days since the first borrowing,   at most  50
//!   + identity bonus  20 per distinct valid attested claim,       at most  60
//!   + filing bonus     8 per audited financial filing, +4 more if profitable, at most 48
//!   − late penalty    15 / 35 / 60 / 90 per instalment 1–30 / 31–60 / 61–90 / >90 days late
//!   − default penalty 150 per default
//!   + recovery        10 per on-time instalment since the last late payment or default,
//!                     at most 3/4 of (late penalty + default penalty)
//! )
//! ```
//!
//! With every bonus at its cap and no penalty the score is exactly 900.
//!
//! Properties (property-tested below): the score stays within 300–900; an on-time repayment never
//! lowers it; a late payment or a default lowers it (unless it is already at 300); a delinquent
//! account recovers through later on-time repayments, up to three quarters of its penalties (a
//! default is never fully forgotten); attestations add at most 60.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use xindai_primitives::{
	credit::{Score, MAX_SCORE, MIN_SCORE},
	Balance,
};

use crate::types::{CreditHistory, LateBuckets, CREDIT_UNIT};

/// Where every score starts.
pub const BASE_SCORE: Score = 550;
/// Bonus per on-time instalment.
pub const ON_TIME_BONUS: u32 = 4;
/// Cap of the on-time bonus.
pub const MAX_ON_TIME_BONUS: u32 = 180;
/// Repaid-on-time volume earning one volume step.
pub const VOLUME_STEP: Balance = 1_000 * CREDIT_UNIT;
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
/// Recovery per on-time instalment since the last delinquency.
pub const RECOVERY_PER_ON_TIME: u32 = 10;

/// What the score is computed from.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ScoreInputs {
	/// Instalments paid on time.
	pub on_time: u32,
	/// Instalments paid late, by lateness.
	pub late: LateBuckets,
	/// Defaults.
	pub defaults: u32,
	/// On-time instalments since the last late payment or default.
	pub on_time_since_delinquency: u32,
	/// Volume repaid on time, in credit units.
	pub repaid_on_time: Balance,
	/// Whole days since the first borrowing (0 without any).
	pub history_days: u32,
	/// Distinct claims with a valid attestation.
	pub valid_claims: u32,
	/// Financial filings attested by an auditor.
	pub attested_filings: u32,
	/// Of them, profitable ones.
	pub profitable_filings: u32,
}

impl ScoreInputs {
	/// The inputs of `history` at a moment `history_days` after its first activity, with
	/// `valid_claims` attested.
	pub fn from_history(history: &CreditHistory, history_days: u32, valid_claims: u32) -> Self {
		Self {
			on_time: history.on_time,
			late: history.late,
			defaults: history.defaults,
			on_time_since_delinquency: history.on_time_since_delinquency,
			repaid_on_time: history.repaid_on_time,
			history_days,
			valid_claims,
			attested_filings: history.attested_filings,
			profitable_filings: history.profitable_filings,
		}
	}
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
	let volume_steps = u32::try_from(inputs.repaid_on_time / VOLUME_STEP).unwrap_or(u32::MAX);
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

/// The inputs after one more instalment of `amount` paid `days_late` days late (0: on time).
pub fn after_repayment(inputs: &ScoreInputs, amount: Balance, days_late: u32) -> ScoreInputs {
	let mut next = *inputs;
	if days_late == 0 {
		next.on_time = next.on_time.saturating_add(1);
		next.on_time_since_delinquency = next.on_time_since_delinquency.saturating_add(1);
		next.repaid_on_time = next.repaid_on_time.saturating_add(amount);
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
			repaid_on_time: 5_500 * CREDIT_UNIT,
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
				< score(&ScoreInputs { on_time: 100, repaid_on_time: 100, ..Default::default() })
		);
	}

	fn inputs() -> impl Strategy<Value = ScoreInputs> {
		(
			0u32..500,
			(0u32..20, 0u32..20, 0u32..20, 0u32..20),
			0u32..10,
			0u32..500,
			0u128..100_000_000_000,
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
						repaid_on_time: repaid,
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

		#[test]
		fn time_never_lowers_the_score(inputs in inputs(), days in 0u32..5_000) {
			let later = ScoreInputs { history_days: inputs.history_days.saturating_add(days), ..inputs };
			prop_assert!(score(&later) >= score(&inputs));
		}
	}
}
