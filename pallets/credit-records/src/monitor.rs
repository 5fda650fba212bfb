//! Monitoring rules: what counts as abnormal credit activity, as pure data and arithmetic.
//!
//! Every credit event a product reports ([`CreditRegistry`](crate::CreditRegistry) hooks) updates
//! the person's [`Activity`] over a sliding window (the current window's counts plus the
//! previous window's, weighted by how much of it is still within the last `window`), and the
//! rules below compare it with the governance-set [`MonitorParams`]:
//!
//! | rule | triggers when, within one window | default | bounds |
//! |------|----------------------------------|---------|--------|
//! | [`RiskRule::BorrowingCount`] | more than `max_borrowings` new debts (disbursements, drawdowns) | 6 per day | 1–1,000 |
//! | [`RiskRule::BorrowedValue`] | more than `max_borrowed` of new debt, in credit units | 250,000 USDX per day | 1–10,000,000 USDX |
//! | [`RiskRule::QuickRepayments`] | more than `max_quick_repayments` of the borrower's own repayments of principal, each within `quick_repay_within` of the person's latest borrowing (borrow-repay cycling) | 3 within 1 h | 1–100, 1 min–7 days |
//! | [`RiskRule::Cancellations`] | more than `max_cancellations` credit requests withdrawn by the borrower | 5 | 1–100 |
//!
//! The window is 24 h by default (bounds 1 h – 30 days). A triggered rule raises a flag
//! (see `flags.rs`); the event that triggered it still goes through (it passed every check),
//! the person's next new credit does not until the risk council reviews the flag.
//!
//! The same person on both sides of a loan, an invoice or a share sale is not a flag but a
//! refusal: the products refuse it outright (`same_person`), since a flag would be rolled back
//! with the refused call, and letting the deal through to flag it would move the money.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};
use xindai_primitives::{Balance, Moment};

use crate::types::CREDIT_UNIT;

const HOUR: Moment = 60 * 60 * 1_000;
const DAY: Moment = 24 * HOUR;

/// Identifies a flag.
pub type FlagId = u64;

/// The most open flags one person may have at once (rules raise at most one open flag each;
/// the rest is room for verifiers' reports).
pub const MAX_OPEN_FLAGS: u32 = 8;

/// The most open reports (`raise_flag`) one verifier may have at once: a rogue verifier cannot
/// flag the whole chain, and removing it withdraws them (bounded work).
pub const MAX_OPEN_REPORTS: u32 = 64;

/// The most flags one page of the review queue holds.
pub const MAX_REVIEW_PAGE: u32 = 100;

/// The governance-set thresholds of the monitoring rules.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct MonitorParams {
	/// Length of the counting window, in milliseconds.
	pub window: Moment,
	/// New debts allowed per window before [`RiskRule::BorrowingCount`] flags.
	pub max_borrowings: u32,
	/// New debt allowed per window, in credit units, before [`RiskRule::BorrowedValue`] flags.
	pub max_borrowed: Balance,
	/// A repayment this soon (milliseconds) after the person's latest borrowing is quick.
	pub quick_repay_within: Moment,
	/// Quick repayments allowed per window before [`RiskRule::QuickRepayments`] flags.
	pub max_quick_repayments: u32,
	/// Withdrawn credit requests allowed per window before [`RiskRule::Cancellations`] flags.
	pub max_cancellations: u32,
}

impl MonitorParams {
	/// The defaults of a new chain.
	pub const DEFAULT: Self = Self {
		window: DAY,
		max_borrowings: 6,
		max_borrowed: 250_000 * CREDIT_UNIT,
		quick_repay_within: HOUR,
		max_quick_repayments: 3,
		max_cancellations: 5,
	};
}

impl Default for MonitorParams {
	fn default() -> Self {
		Self::DEFAULT
	}
}

/// Compile-time bounds on [`MonitorParams`]: no referendum can switch a rule off or make it
/// flag everyone.
pub mod bounds {
	use super::*;

	/// The window: 1 hour to 30 days.
	pub const WINDOW: (Moment, Moment) = (HOUR, 30 * DAY);
	/// New debts per window: 1 to 1,000.
	pub const MAX_BORROWINGS: (u32, u32) = (1, 1_000);
	/// New debt per window: 1 to 10,000,000 USDX.
	pub const MAX_BORROWED: (Balance, Balance) = (CREDIT_UNIT, 10_000_000 * CREDIT_UNIT);
	/// What counts as quick: 1 minute to 7 days.
	pub const QUICK_REPAY_WITHIN: (Moment, Moment) = (60 * 1_000, 7 * DAY);
	/// Quick repayments per window: 1 to 100.
	pub const MAX_QUICK_REPAYMENTS: (u32, u32) = (1, 100);
	/// Withdrawn requests per window: 1 to 100.
	pub const MAX_CANCELLATIONS: (u32, u32) = (1, 100);

	/// The parameter a set breaks, if any.
	pub fn check(params: &MonitorParams) -> Result<(), &'static str> {
		fn within<N: PartialOrd>(value: N, (low, high): (N, N)) -> bool {
			low <= value && value <= high
		}
		if !within(params.window, WINDOW) {
			return Err("window");
		}
		if !within(params.max_borrowings, MAX_BORROWINGS) {
			return Err("max_borrowings");
		}
		if !within(params.max_borrowed, MAX_BORROWED) {
			return Err("max_borrowed");
		}
		if !within(params.quick_repay_within, QUICK_REPAY_WITHIN) {
			return Err("quick_repay_within");
		}
		if !within(params.max_quick_repayments, MAX_QUICK_REPAYMENTS) {
			return Err("max_quick_repayments");
		}
		if !within(params.max_cancellations, MAX_CANCELLATIONS) {
			return Err("max_cancellations");
		}
		Ok(())
	}
}

/// A monitoring rule.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum RiskRule {
	/// Too many new debts in one window (velocity, count).
	BorrowingCount,
	/// Too much new debt in one window (velocity, value).
	BorrowedValue,
	/// Borrowing and repaying again and again within a short time.
	QuickRepayments,
	/// Many credit requests opened and withdrawn.
	Cancellations,
}

/// What was counted in one window.
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
pub struct Counts {
	/// New debts.
	pub borrowings: u32,
	/// New debt, in credit units.
	pub borrowed: Balance,
	/// The borrower's repayments soon after a borrowing.
	pub quick_repayments: u32,
	/// Withdrawn requests.
	pub cancellations: u32,
}

impl Counts {
	fn is_empty(&self) -> bool {
		*self == Counts::default()
	}
}

/// One person's credit activity: the current window's counts and the previous window's, so
/// that the rules see a **sliding** window (what happened in the last `window`, estimated as the
/// current counts plus the previous window's weighted by the part of it still within the last
/// `window`, rounded up): a burst across a window boundary counts in full.
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
pub struct Activity {
	/// When the current window started.
	pub window_start: Moment,
	/// Counted in the current window.
	pub current: Counts,
	/// Counted in the window before it (zero if that window is not the one just before).
	pub previous: Counts,
	/// When the person last borrowed (kept across windows).
	pub last_borrowed_at: Option<Moment>,
}

/// What a rule saw when it triggered: the sliding window's estimates.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Observed {
	/// When the current window started (the previous one started `window` before).
	pub since: Moment,
	/// The counter the rule watches (borrowings, quick repayments or cancellations; for
	/// [`RiskRule::BorrowedValue`] the number of borrowings) over the last `window`.
	pub count: u32,
	/// New debt over the last `window`, in credit units.
	pub borrowed: Balance,
}

impl Activity {
	/// Moves the window on to the one `now` falls in.
	fn roll(&mut self, now: Moment, window: Moment) {
		let fresh = self.current.is_empty() && self.previous.is_empty();
		if fresh || now < self.window_start {
			*self = Activity {
				window_start: now,
				last_borrowed_at: self.last_borrowed_at,
				..Default::default()
			};
			return;
		}
		let passed = now.saturating_sub(self.window_start) / window.max(1);
		if passed == 0 {
			return;
		}
		self.previous = if passed == 1 { self.current } else { Counts::default() };
		self.current = Counts::default();
		self.window_start = self.window_start.saturating_add(passed.saturating_mul(window));
	}

	/// The counts of the last `window` at `now` (after [`roll`](Self::roll)): the current
	/// window's plus the previous window's share still within the last `window`, rounded up.
	pub fn estimate(&self, now: Moment, window: Moment) -> Counts {
		let window = window.max(1);
		let remaining = window.saturating_sub(now.saturating_sub(self.window_start));
		let share = |previous: u128| -> u128 {
			multiply_by_rational_with_rounding(
				previous,
				remaining.into(),
				window.into(),
				Rounding::Up,
			)
			.unwrap_or(previous)
		};
		let share_u32 = |previous: u32| u32::try_from(share(previous.into())).unwrap_or(previous);
		Counts {
			borrowings: self.current.borrowings.saturating_add(share_u32(self.previous.borrowings)),
			borrowed: self.current.borrowed.saturating_add(share(self.previous.borrowed)),
			quick_repayments: self
				.current
				.quick_repayments
				.saturating_add(share_u32(self.previous.quick_repayments)),
			cancellations: self
				.current
				.cancellations
				.saturating_add(share_u32(self.previous.cancellations)),
		}
	}

	fn observed(&self, count: u32, borrowed: Balance) -> Observed {
		Observed { since: self.window_start, count, borrowed }
	}

	/// Counts a new debt worth `value` credit units; the rule it breaks, if any.
	pub fn note_borrowing(
		&mut self,
		value: Balance,
		now: Moment,
		params: &MonitorParams,
	) -> Option<(RiskRule, Observed)> {
		self.roll(now, params.window);
		self.current.borrowings = self.current.borrowings.saturating_add(1);
		self.current.borrowed = self.current.borrowed.saturating_add(value);
		self.last_borrowed_at = Some(now);
		let seen = self.estimate(now, params.window);
		if seen.borrowings > params.max_borrowings {
			Some((RiskRule::BorrowingCount, self.observed(seen.borrowings, seen.borrowed)))
		} else if seen.borrowed > params.max_borrowed {
			Some((RiskRule::BorrowedValue, self.observed(seen.borrowings, seen.borrowed)))
		} else {
			None
		}
	}

	/// Counts the borrower's own repayment (of a positive principal) made at `now`; the rule it
	/// breaks, if any.
	pub fn note_repayment(
		&mut self,
		now: Moment,
		params: &MonitorParams,
	) -> Option<(RiskRule, Observed)> {
		let quick = self
			.last_borrowed_at
			.is_some_and(|at| now.saturating_sub(at) <= params.quick_repay_within);
		if !quick {
			return None;
		}
		self.roll(now, params.window);
		self.current.quick_repayments = self.current.quick_repayments.saturating_add(1);
		let seen = self.estimate(now, params.window);
		(seen.quick_repayments > params.max_quick_repayments).then(|| {
			(RiskRule::QuickRepayments, self.observed(seen.quick_repayments, seen.borrowed))
		})
	}

	/// Counts a credit request its borrower withdrew; the rule it breaks, if any.
	pub fn note_cancellation(
		&mut self,
		now: Moment,
		params: &MonitorParams,
	) -> Option<(RiskRule, Observed)> {
		self.roll(now, params.window);
		self.current.cancellations = self.current.cancellations.saturating_add(1);
		let seen = self.estimate(now, params.window);
		(seen.cancellations > params.max_cancellations)
			.then(|| (RiskRule::Cancellations, self.observed(seen.cancellations, seen.borrowed)))
	}

	/// The activity after the risk council cleared a flag: what it judged is forgiven, counting
	/// starts again at `now`.
	pub fn forgiven(&self, now: Moment) -> Self {
		Activity {
			window_start: now,
			last_borrowed_at: self.last_borrowed_at,
			..Default::default()
		}
	}
}

/// Why a flag was raised.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum FlagCause<AccountId> {
	/// A monitoring rule triggered.
	Rule {
		/// Which.
		rule: RiskRule,
		/// What it saw.
		observed: Observed,
	},
	/// An admitted verifier (KYC provider, auditor, credit bureau) reported the person.
	Report {
		/// The verifier.
		reporter: AccountId,
		/// The verifier's reason code (its published code list).
		reason_code: u16,
		/// Hash of the verifier's off-chain evidence.
		evidence: H256,
	},
}

/// An open flag: the person may not take new credit until the risk council reviews it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Flag<AccountId> {
	/// The person: the account holding the person's history (its first account).
	pub person: AccountId,
	/// The account whose event or report raised it.
	pub account: AccountId,
	/// Why.
	pub cause: FlagCause<AccountId>,
	/// When.
	pub raised_at: Moment,
}

impl<AccountId> Flag<AccountId> {
	/// The rule that raised it, if a rule did.
	pub fn rule(&self) -> Option<RiskRule> {
		match self.cause {
			FlagCause::Rule { rule, .. } => Some(rule),
			FlagCause::Report { .. } => None,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn params() -> MonitorParams {
		MonitorParams::DEFAULT
	}

	#[test]
	fn defaults_are_within_bounds_and_bounds_name_the_broken_one() {
		assert_eq!(bounds::check(&params()), Ok(()));
		let broken = |change: fn(&mut MonitorParams)| {
			let mut p = params();
			change(&mut p);
			bounds::check(&p)
		};
		assert_eq!(broken(|p| p.window = HOUR - 1), Err("window"));
		assert_eq!(broken(|p| p.window = 30 * DAY + 1), Err("window"));
		assert_eq!(broken(|p| p.max_borrowings = 0), Err("max_borrowings"));
		assert_eq!(broken(|p| p.max_borrowed = 0), Err("max_borrowed"));
		assert_eq!(broken(|p| p.quick_repay_within = 0), Err("quick_repay_within"));
		assert_eq!(broken(|p| p.max_quick_repayments = 101), Err("max_quick_repayments"));
		assert_eq!(broken(|p| p.max_cancellations = 0), Err("max_cancellations"));
	}

	#[test]
	fn the_borrowing_after_the_limit_triggers_and_old_windows_fade() {
		let p = params();
		let mut a = Activity::default();
		for i in 0..p.max_borrowings {
			assert_eq!(a.note_borrowing(CREDIT_UNIT, 1_000 + u64::from(i), &p), None);
		}
		let (rule, observed) = a.note_borrowing(CREDIT_UNIT, 2_000, &p).unwrap();
		assert_eq!(rule, RiskRule::BorrowingCount);
		assert_eq!(observed, Observed { since: 1_000, count: 7, borrowed: 7 * CREDIT_UNIT });
		// Half a window into the next one, half of the previous window still counts: 1 + 4.
		assert_eq!(a.note_borrowing(CREDIT_UNIT, 1_000 + DAY + DAY / 2, &p), None);
		assert_eq!(
			(a.window_start, a.current.borrowings, a.previous.borrowings),
			(1_000 + DAY, 1, 7)
		);
		assert_eq!(a.estimate(1_000 + DAY + DAY / 2, p.window).borrowings, 1 + 4);
		// Two windows on, the old one is gone.
		assert_eq!(a.note_borrowing(CREDIT_UNIT, 1_000 + 3 * DAY, &p), None);
		assert_eq!(
			(a.window_start, a.current.borrowings, a.previous.borrowings),
			(1_000 + 3 * DAY, 1, 0)
		);
	}

	#[test]
	fn a_burst_across_the_window_boundary_counts_in_full() {
		let p = params();
		let mut a = Activity::default();
		a.note_borrowing(CREDIT_UNIT, 0, &p);
		for minute in 0..5 {
			assert_eq!(a.note_borrowing(CREDIT_UNIT, DAY - 5 * 60_000 + minute * 60_000, &p), None);
		}
		// Just after the boundary, the six before still count: the first new one is the seventh.
		assert_eq!(
			a.note_borrowing(CREDIT_UNIT, DAY + 1, &p).map(|(rule, o)| (rule, o.count)),
			Some((RiskRule::BorrowingCount, 7))
		);
	}

	#[test]
	fn value_velocity_triggers_above_the_limit_only() {
		let p = params();
		let mut a = Activity::default();
		assert_eq!(a.note_borrowing(p.max_borrowed, 5, &p), None);
		assert_eq!(a.note_borrowing(1, 6, &p).map(|(r, _)| r), Some(RiskRule::BorrowedValue));
	}

	#[test]
	fn only_repayments_soon_after_a_borrowing_are_quick() {
		let p = params();
		let mut a = Activity::default();
		// No borrowing yet: nothing is quick.
		assert_eq!(a.note_repayment(10, &p), None);
		assert_eq!(a, Activity::default());
		a.note_borrowing(CREDIT_UNIT, 100, &p);
		for _ in 0..p.max_quick_repayments {
			assert_eq!(a.note_repayment(100 + HOUR, &p), None);
		}
		// Slow repayments do not count.
		assert_eq!(a.note_repayment(101 + HOUR, &p), None);
		assert_eq!(a.current.quick_repayments, p.max_quick_repayments);
		a.note_borrowing(CREDIT_UNIT, 200 + HOUR, &p);
		assert_eq!(
			a.note_repayment(300 + HOUR, &p).map(|(r, o)| (r, o.count)),
			Some((RiskRule::QuickRepayments, 4))
		);
	}

	#[test]
	fn cancellations_trigger_after_the_limit_and_forgiving_restarts_the_count() {
		let p = params();
		let mut a = Activity::default();
		for _ in 0..p.max_cancellations {
			assert_eq!(a.note_cancellation(7, &p), None);
		}
		assert_eq!(a.note_cancellation(8, &p).map(|(r, _)| r), Some(RiskRule::Cancellations));
		let mut a = a.forgiven(9);
		assert_eq!(a.current.cancellations, 0);
		assert_eq!(a.note_cancellation(10, &p), None);
	}

	#[test]
	fn a_clock_going_backwards_starts_a_new_window() {
		let p = params();
		let mut a = Activity::default();
		a.note_borrowing(CREDIT_UNIT, 5 * DAY, &p);
		a.note_borrowing(CREDIT_UNIT, DAY, &p);
		assert_eq!((a.window_start, a.current.borrowings), (DAY, 1));
	}

	proptest! {
		/// A rule triggers exactly when the sliding estimate of its counter passes its limit, and
		/// the estimate never undercounts the events of the current window nor exceeds all events
		/// of the last two windows.
		#[test]
		fn rules_follow_the_sliding_estimate(
			events in proptest::collection::vec((0u8..3, 0u64..(2 * DAY), 0u128..(80_000 * CREDIT_UNIT)), 1..60),
		) {
			let p = params();
			let mut a = Activity::default();
			let mut now = 0;
			let mut log: Vec<(Moment, u8)> = Vec::new();
			for (kind, step, value) in events {
				now += step;
				let flagged = match kind {
					0 => a.note_borrowing(value, now, &p),
					1 => a.note_repayment(now, &p),
					_ => a.note_cancellation(now, &p),
				};
				log.push((now, kind));
				if kind == 1 {
					// A repayment that is not quick leaves the activity as it was.
					if let Some((rule, o)) = flagged {
						prop_assert!(rule == RiskRule::QuickRepayments && o.count > p.max_quick_repayments);
					}
					continue;
				}
				prop_assert!(a.window_start <= now && now - a.window_start < p.window);
				let seen = a.estimate(now, p.window);
				prop_assert!(seen.borrowings >= a.current.borrowings);
				let recent = log.iter().filter(|(at, k)| *k == 0 && now - at < 2 * p.window).count() as u32;
				prop_assert!(seen.borrowings <= recent);
				match flagged {
					Some((RiskRule::BorrowingCount, o)) => prop_assert!(o.count == seen.borrowings && o.count > p.max_borrowings),
					Some((RiskRule::BorrowedValue, o)) => prop_assert!(o.borrowed == seen.borrowed && o.borrowed > p.max_borrowed),
					Some((RiskRule::QuickRepayments, o)) => prop_assert!(o.count > p.max_quick_repayments),
					Some((RiskRule::Cancellations, o)) => prop_assert!(o.count > p.max_cancellations),
					None => {
						prop_assert!(kind != 0 || (seen.borrowings <= p.max_borrowings && seen.borrowed <= p.max_borrowed));
						prop_assert!(kind != 2 || seen.cancellations <= p.max_cancellations);
					},
				}
			}
		}
	}
}
