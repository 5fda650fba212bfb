//! Monitoring rules: what counts as abnormal credit activity, as pure data and arithmetic.
//!
//! Every credit event a product reports ([`CreditRegistry`](crate::CreditRegistry) hooks) updates
//! the person's [`Activity`] over a sliding window, kept in quarter-window steps (what happened
//! in the last `window` always counts, and at most a quarter window more), and the rules below
//! compare it with the governance-set [`MonitorParams`]:
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
	fn plus(self, other: Counts) -> Counts {
		Counts {
			borrowings: self.borrowings.saturating_add(other.borrowings),
			borrowed: self.borrowed.saturating_add(other.borrowed),
			quick_repayments: self.quick_repayments.saturating_add(other.quick_repayments),
			cancellations: self.cancellations.saturating_add(other.cancellations),
		}
	}
}

/// Sub-windows per window: the rules see the last window in steps of a quarter window.
pub const SUB_WINDOWS: u64 = 4;

/// Sub-windows kept: the current one and the `SUB_WINDOWS` before it.
pub const SLOTS: usize = SUB_WINDOWS as usize + 1;

/// One person's credit activity per sub-window (a quarter of the window, counted from the Unix
/// epoch), so that the rules see a **sliding** window: the sum of the current sub-window and
/// the four before it covers all of the last `window`, and at most a quarter window more. A
/// burst across any boundary counts in full; nothing is ever undercounted.
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
	/// The latest sub-window counted in.
	pub sub_window: u64,
	/// The sub-window length the counts were made with (0 before any).
	pub sub_window_len: Moment,
	/// The counts of sub-window `s` are in slot `s % SLOTS`, for the last `SLOTS` sub-windows.
	pub slots: [Counts; SLOTS],
	/// When the person last borrowed (kept across windows).
	pub last_borrowed_at: Option<Moment>,
}

/// What a rule saw when it triggered: the sliding window's counts.
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
	/// Since when the counts run: the start of the oldest sub-window counted (at most a
	/// quarter window before the last `window`).
	pub since: Moment,
	/// The counter the rule watches (borrowings, quick repayments or cancellations; for
	/// [`RiskRule::BorrowedValue`] the number of borrowings) since then.
	pub count: u32,
	/// New debt since then, in credit units.
	pub borrowed: Balance,
}

impl Activity {
	/// Moves on to the sub-window `now` falls in, forgetting those older than `SLOTS`.
	fn roll(&mut self, now: Moment, window: Moment) {
		let len = (window / SUB_WINDOWS).max(1);
		let current = now / len;
		if self.sub_window_len != len {
			// A new window length (or the first event): what was counted stays, in full, in
			// the current sub-window, and fades from there.
			let total = self.counted();
			self.slots = Default::default();
			self.sub_window = current;
			self.sub_window_len = len;
			self.slots[Self::slot(current)] = total;
			return;
		}
		// A clock going backwards counts in the latest sub-window.
		if current <= self.sub_window {
			return;
		}
		let gap = current - self.sub_window;
		if gap >= SLOTS as u64 {
			self.slots = Default::default();
		} else {
			for step in 1..=gap {
				self.slots[Self::slot(self.sub_window + step)] = Counts::default();
			}
		}
		self.sub_window = current;
	}

	fn slot(sub_window: u64) -> usize {
		(sub_window % SLOTS as u64) as usize
	}

	fn current_mut(&mut self) -> &mut Counts {
		&mut self.slots[Self::slot(self.sub_window)]
	}

	/// What the last `SLOTS` sub-windows counted: all of the last window, and at most a
	/// quarter window more.
	pub fn counted(&self) -> Counts {
		self.slots.iter().fold(Counts::default(), |sum, counts| sum.plus(*counts))
	}

	fn observed(&self, count: u32, borrowed: Balance) -> Observed {
		let oldest = self.sub_window.saturating_sub(SUB_WINDOWS);
		Observed { since: oldest.saturating_mul(self.sub_window_len), count, borrowed }
	}

	/// Counts a new debt worth `value` credit units; the rule it breaks, if any.
	pub fn note_borrowing(
		&mut self,
		value: Balance,
		now: Moment,
		params: &MonitorParams,
	) -> Option<(RiskRule, Observed)> {
		self.roll(now, params.window);
		let current = self.current_mut();
		current.borrowings = current.borrowings.saturating_add(1);
		current.borrowed = current.borrowed.saturating_add(value);
		self.last_borrowed_at = Some(now);
		let seen = self.counted();
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
		let current = self.current_mut();
		current.quick_repayments = current.quick_repayments.saturating_add(1);
		let seen = self.counted();
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
		let current = self.current_mut();
		current.cancellations = current.cancellations.saturating_add(1);
		let seen = self.counted();
		(seen.cancellations > params.max_cancellations)
			.then(|| (RiskRule::Cancellations, self.observed(seen.cancellations, seen.borrowed)))
	}

	/// The activity after the risk council cleared a flag: what it judged is forgiven, counting
	/// starts again from nothing.
	pub fn forgiven(&self) -> Self {
		Activity {
			sub_window: self.sub_window,
			sub_window_len: self.sub_window_len,
			slots: Default::default(),
			last_borrowed_at: self.last_borrowed_at,
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

	const QUARTER: Moment = DAY / 4;

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
	fn the_borrowing_after_the_limit_triggers_and_old_sub_windows_fade() {
		let p = params();
		let mut a = Activity::default();
		for i in 0..p.max_borrowings {
			assert_eq!(a.note_borrowing(CREDIT_UNIT, 1_000 + u64::from(i), &p), None);
		}
		let (rule, observed) = a.note_borrowing(CREDIT_UNIT, 2_000, &p).unwrap();
		assert_eq!(rule, RiskRule::BorrowingCount);
		// Counted since the start of the oldest sub-window kept (here the epoch).
		assert_eq!(observed, Observed { since: 0, count: 7, borrowed: 7 * CREDIT_UNIT });
		// A window and a quarter later, the old sub-window is forgotten.
		assert_eq!(a.note_borrowing(CREDIT_UNIT, DAY + QUARTER, &p), None);
		assert_eq!(a.counted().borrowings, 1);
	}

	#[test]
	fn a_burst_across_any_boundary_counts_in_full() {
		let p = params();
		let mut a = Activity::default();
		// One borrowing just before a window boundary, five just before the next: six within
		// one day.
		a.note_borrowing(CREDIT_UNIT, DAY - 1, &p);
		for minute in 0..5 {
			assert_eq!(
				a.note_borrowing(CREDIT_UNIT, 2 * DAY - 10 * 60_000 + minute * 60_000, &p),
				None
			);
		}
		// The seventh within the same day is flagged, boundaries or not.
		assert_eq!(
			a.note_borrowing(CREDIT_UNIT, 2 * DAY - 2, &p).map(|(rule, o)| (rule, o.count)),
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
		assert_eq!(a.counted().quick_repayments, p.max_quick_repayments);
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
		let mut a = a.forgiven();
		assert_eq!(a.counted(), Counts::default());
		assert_eq!(a.note_cancellation(10, &p), None);
	}

	#[test]
	fn a_clock_going_backwards_counts_in_the_latest_sub_window() {
		let p = params();
		let mut a = Activity::default();
		a.note_borrowing(CREDIT_UNIT, 5 * DAY, &p);
		a.note_borrowing(CREDIT_UNIT, DAY, &p);
		assert_eq!((a.sub_window, a.counted().borrowings), (20, 2));
	}

	#[test]
	fn a_new_window_length_keeps_what_was_counted() {
		let mut p = params();
		let mut a = Activity::default();
		for at in 0..6 {
			a.note_borrowing(CREDIT_UNIT, 10 * HOUR + at, &p);
		}
		// Governance shortens the window to an hour: the six still count, then fade.
		p.window = HOUR;
		assert_eq!(
			a.note_borrowing(CREDIT_UNIT, 10 * HOUR + 2 * 60_000, &p).map(|(r, o)| (r, o.count)),
			Some((RiskRule::BorrowingCount, 7))
		);
		assert_eq!(a.note_borrowing(CREDIT_UNIT, 12 * HOUR, &p), None);
	}

	proptest! {
		/// A rule triggers exactly when its counter passes its limit, and the counters hold
		/// every event of the last window and none older than a window and a quarter.
		#[test]
		fn counters_cover_the_last_window_and_no_more_than_a_quarter_more(
			events in proptest::collection::vec((0u8..3, 0u64..(2 * DAY), 0u128..(80_000 * CREDIT_UNIT)), 1..60),
		) {
			let p = params();
			let mut a = Activity::default();
			let mut now = 0;
			let mut log: Vec<(Moment, u8, Balance)> = Vec::new();
			for (kind, step, value) in events {
				now += step;
				let flagged = match kind {
					0 => a.note_borrowing(value, now, &p),
					1 => a.note_repayment(now, &p),
					_ => a.note_cancellation(now, &p),
				};
				if kind == 1 {
					// Quick or not depends on the last borrowing; only the rule is checked.
					if let Some((rule, o)) = flagged {
						prop_assert!(rule == RiskRule::QuickRepayments && o.count > p.max_quick_repayments);
					}
					continue;
				}
				log.push((now, kind, value));
				let seen = a.counted();
				let within = |from: Moment, k: u8| log.iter().filter(|(at, kk, _)| *kk == k && *at >= from).count() as u32;
				let last_window = now.saturating_sub(p.window - 1);
				let oldest = now.saturating_sub(p.window + QUARTER);
				prop_assert!(seen.borrowings >= within(last_window, 0) && seen.borrowings <= within(oldest, 0));
				prop_assert!(seen.cancellations >= within(last_window, 2) && seen.cancellations <= within(oldest, 2));
				let value_since = |from: Moment| log.iter().filter(|(at, k, _)| *k == 0 && *at >= from).map(|(_, _, v)| *v).sum::<Balance>();
				prop_assert!(seen.borrowed >= value_since(last_window) && seen.borrowed <= value_since(oldest));
				match flagged {
					Some((RiskRule::BorrowingCount, o)) => prop_assert!(o.count == seen.borrowings && o.count > p.max_borrowings),
					Some((RiskRule::BorrowedValue, o)) => prop_assert!(o.borrowed == seen.borrowed && o.borrowed > p.max_borrowed),
					Some((RiskRule::QuickRepayments, _)) => prop_assert!(false, "a quick repayment from another event"),
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
