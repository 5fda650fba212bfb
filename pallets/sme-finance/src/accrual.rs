//! Interest on a credit line's drawn principal, due dates and lateness: pure maths.
//!
//! A line is funded at `started_at` and matures `term` later. Interest accrues per second on the
//! drawn principal at the line's annual rate (simple interest between touches, rounded up in the
//! lenders' favour). Every `period` after funding, the interest accrued so far falls **due**; at
//! maturity everything is due: principal and interest. From maturity + grace, unpaid principal
//! accrues the penalty rate on top of the line's rate.
//!
//! Lateness counts from the due date of the oldest unpaid amount: a payment reports the days
//! since that date (after grace), and once what fell due before the latest due date is paid,
//! lateness counts from the latest due date (an enterprise one instalment behind is as late as
//! that instalment, not as its first ever missed one). Paying everything due clears it.
//! Payments go to interest first (what is due first), then principal.
//!
//! Accrual walks the due dates between two touches: at most `term / period + 2` steps, bounded by
//! the pallet's `MaxTerm / InterestPeriod`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{traits::Saturating, Rounding};
use xindai_primitives::{
	interest::{simple_interest, Rate},
	Balance, Moment, MILLISECONDS_PER_SECOND,
};

/// What an enterprise owes on a line, and since when any of it is overdue.
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
pub struct Outstanding {
	/// Drawn principal not repaid.
	pub principal: Balance,
	/// Interest accrued and not paid.
	pub interest: Balance,
	/// The part of `interest` that is past a due date.
	pub interest_due: Balance,
	/// Up to when (milliseconds) interest has accrued.
	pub last_accrued: Moment,
	/// The due date of the oldest unpaid amount: what lateness is counted from.
	pub overdue_since: Option<Moment>,
	/// The latest due date with something unpaid, and how much of `interest_due` fell due
	/// before it: once that older part is paid, lateness counts from the latest due date.
	pub latest_due_at: Option<Moment>,
	pub due_before_latest: Balance,
}

/// A line's calendar and rates.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Clock {
	/// When the line was funded (milliseconds).
	pub started_at: Moment,
	/// When everything is due (milliseconds).
	pub maturity: Moment,
	/// Milliseconds between interest due dates (positive).
	pub period: Moment,
	/// Milliseconds after a due date before a payment is late.
	pub grace: Moment,
	/// The line's annual rate.
	pub rate: Rate,
	/// Added to the rate on principal unpaid after maturity + grace.
	pub penalty_rate: Rate,
}

impl Clock {
	/// The first due date strictly after `t`: the next period end, or maturity; `None` after
	/// maturity.
	pub fn next_due_after(&self, t: Moment) -> Option<Moment> {
		if t >= self.maturity {
			return None;
		}
		let period = self.period.max(1);
		let elapsed = t.saturating_sub(self.started_at);
		let next = self
			.started_at
			.saturating_add((elapsed / period).saturating_add(1).saturating_mul(period));
		Some(next.min(self.maturity))
	}

	/// When the penalty rate starts.
	pub fn penalty_from(&self) -> Moment {
		self.maturity.saturating_add(self.grace)
	}
}

impl Outstanding {
	/// Principal and interest.
	pub fn total(&self) -> Balance {
		self.principal.saturating_add(self.interest)
	}

	/// Whether something is due and unpaid beyond the grace period at `now`.
	pub fn is_overdue(&self, clock: &Clock, now: Moment) -> bool {
		self.overdue_since.is_some_and(|since| now > since.saturating_add(clock.grace))
	}

	/// What is due at `now` (accrued to now): interest past a due date, and after maturity
	/// everything.
	pub fn due(&self, clock: &Clock, now: Moment) -> Balance {
		if now >= clock.maturity {
			self.total()
		} else {
			self.interest_due
		}
	}

	/// Accrues interest up to `now` (whole seconds), marking what falls due on the way.
	/// `None` on overflow.
	pub fn accrue(&mut self, clock: &Clock, now: Moment) -> Option<()> {
		if now <= self.last_accrued {
			return Some(());
		}
		let seconds = (now - self.last_accrued) / MILLISECONDS_PER_SECOND;
		let until =
			self.last_accrued.saturating_add(seconds.saturating_mul(MILLISECONDS_PER_SECOND));
		let mut t = self.last_accrued;
		while t < until {
			let due = clock.next_due_after(t);
			let mut end = due.unwrap_or(until).min(until);
			let penalty_from = clock.penalty_from();
			if t < penalty_from {
				end = end.min(penalty_from);
			}
			let rate = if t >= penalty_from {
				clock.rate.saturating_add(clock.penalty_rate)
			} else {
				clock.rate
			};
			let elapsed = (end - t) / MILLISECONDS_PER_SECOND;
			let interest = simple_interest(self.principal, rate, elapsed, Rounding::Up)?;
			self.interest = self.interest.checked_add(interest)?;
			t = end;
			if due == Some(t) {
				let still_due = self.interest_due;
				self.interest_due = self.interest;
				let owes = self.interest_due > 0 || (t >= clock.maturity && self.principal > 0);
				if owes {
					self.due_before_latest = still_due;
					self.latest_due_at = Some(t);
					if self.overdue_since.is_none() {
						self.overdue_since = Some(t);
					}
				}
			}
		}
		if t >= clock.maturity {
			// After maturity every unit owed is due at once.
			self.interest_due = self.interest;
		}
		self.last_accrued = until;
		Some(())
	}

	/// Applies a payment of at most `amount` (accrued first): interest (due first), then
	/// principal. Returns `(interest, principal)` paid. Clears lateness once nothing due is left.
	pub fn pay(&mut self, clock: &Clock, now: Moment, amount: Balance) -> (Balance, Balance) {
		let interest = amount.min(self.interest);
		self.interest -= interest;
		self.interest_due = self.interest_due.saturating_sub(interest).min(self.interest);
		self.due_before_latest = self.due_before_latest.saturating_sub(interest);
		let principal = (amount - interest).min(self.principal);
		self.principal -= principal;
		if self.due(clock, now) == 0 {
			self.overdue_since = None;
			self.latest_due_at = None;
			self.due_before_latest = 0;
		} else if self.due_before_latest == 0 {
			// What fell due before the latest due date is paid: lateness counts from there.
			self.overdue_since = self.latest_due_at.or(self.overdue_since);
		}
		(interest, principal)
	}

	/// Adds a drawn tranche.
	pub fn draw(&mut self, amount: Balance) -> Option<()> {
		self.principal = self.principal.checked_add(amount)?;
		Some(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	const DAY: Moment = 24 * 60 * 60 * 1_000;
	const START: Moment = 1_767_225_600_000;

	fn clock() -> Clock {
		Clock {
			started_at: START,
			maturity: START + 360 * DAY,
			period: 30 * DAY,
			grace: 3 * DAY,
			rate: Rate::from_rational(12, 100),
			penalty_rate: Rate::from_rational(12, 100),
		}
	}

	fn drawn(principal: Balance) -> Outstanding {
		Outstanding { principal, last_accrued: START, ..Default::default() }
	}

	#[test]
	fn due_dates_are_period_ends_then_maturity() {
		let c = clock();
		assert_eq!(c.next_due_after(START), Some(START + 30 * DAY));
		assert_eq!(c.next_due_after(START + 30 * DAY - 1), Some(START + 30 * DAY));
		assert_eq!(c.next_due_after(START + 30 * DAY), Some(START + 60 * DAY));
		assert_eq!(c.next_due_after(START + 350 * DAY), Some(START + 360 * DAY));
		assert_eq!(c.next_due_after(START + 360 * DAY), None);
	}

	#[test]
	fn interest_falls_due_each_period_and_lateness_starts_there() {
		let c = clock();
		let mut o = drawn(1_000_000_000);
		o.accrue(&c, START + 29 * DAY).unwrap();
		assert_eq!(o.interest_due, 0);
		assert_eq!(o.overdue_since, None);
		o.accrue(&c, START + 31 * DAY).unwrap();
		// 12% a year over 30 days on 1,000 USDX.
		// (The factor rounds up, then the amount: 9.863015.)
		assert_eq!(o.interest_due, 9_863_015);
		assert_eq!(o.overdue_since, Some(START + 30 * DAY));
		assert!(!o.is_overdue(&c, START + 31 * DAY));
		assert!(o.is_overdue(&c, START + 33 * DAY + 1));
		// Paying what is due clears lateness; interest since the due date is not due yet.
		let (interest, principal) = o.pay(&c, START + 31 * DAY, 9_863_015);
		assert_eq!((interest, principal), (9_863_015, 0));
		assert_eq!(o.overdue_since, None);
		assert_eq!(o.interest_due, 0);
		assert!(o.interest > 0);
	}

	#[test]
	fn one_instalment_behind_is_as_late_as_that_instalment() {
		let c = clock();
		let mut o = drawn(1_000_000_000);
		// The first interest (day 30) is unpaid until day 61, when the second (day 60) is due.
		o.accrue(&c, START + 61 * DAY).unwrap();
		assert_eq!(o.overdue_since, Some(START + 30 * DAY));
		let first = o.due_before_latest;
		assert!(first > 0 && first < o.interest_due);
		o.pay(&c, START + 61 * DAY, first);
		// The first is paid: the line is as late as the second, due at day 60.
		assert_eq!(o.overdue_since, Some(START + 60 * DAY));
		o.accrue(&c, START + 91 * DAY).unwrap();
		assert_eq!(o.overdue_since, Some(START + 60 * DAY));
		// Paying the second (not the third, due at day 90) moves lateness to day 90.
		let second = o.due_before_latest;
		o.pay(&c, START + 91 * DAY, second);
		assert_eq!(o.overdue_since, Some(START + 90 * DAY));
		// Paying a part of what is older keeps the older date.
		o.accrue(&c, START + 121 * DAY).unwrap();
		o.pay(&c, START + 121 * DAY, 1);
		assert_eq!(o.overdue_since, Some(START + 90 * DAY));
		// Paying everything due clears lateness.
		o.pay(&c, START + 121 * DAY, o.interest_due);
		assert_eq!((o.overdue_since, o.latest_due_at, o.due_before_latest), (None, None, 0));
	}

	#[test]
	fn one_touch_over_many_periods_equals_touching_every_day() {
		let c = clock();
		let mut once = drawn(5_000_000_000);
		once.accrue(&c, START + 100 * DAY).unwrap();
		let mut daily = drawn(5_000_000_000);
		for day in 1..=100 {
			daily.accrue(&c, START + day * DAY).unwrap();
		}
		assert_eq!(once.overdue_since, Some(START + 30 * DAY));
		assert_eq!(daily.overdue_since, once.overdue_since);
		// Rounding up per step: daily touches may charge a unit more per touch, never less.
		assert!(daily.interest >= once.interest && daily.interest <= once.interest + 100);
		assert!(once.interest_due <= once.interest);
	}

	#[test]
	fn after_maturity_everything_is_due_and_the_penalty_accrues() {
		let c = clock();
		let mut o = drawn(1_000_000_000);
		o.accrue(&c, c.maturity).unwrap();
		assert_eq!(o.due(&c, c.maturity), o.total());
		let at_maturity = o.interest;
		o.accrue(&c, c.penalty_from() + 10 * DAY).unwrap();
		// 3 days at 12%, then 10 days at 24%.
		let expected = at_maturity
			+ simple_interest(1_000_000_000, c.rate, 3 * 86_400, Rounding::Up).unwrap()
			+ simple_interest(
				1_000_000_000,
				Rate::from_rational(24, 100),
				10 * 86_400,
				Rounding::Up,
			)
			.unwrap();
		assert_eq!(o.interest, expected);
		assert_eq!(o.interest_due, o.interest);
		// Paying part leaves it overdue; paying all clears it.
		o.pay(&c, c.penalty_from() + 10 * DAY, o.interest);
		assert!(o.overdue_since.is_some());
		o.pay(&c, c.penalty_from() + 10 * DAY, o.principal);
		assert_eq!(o.total(), 0);
		assert_eq!(o.overdue_since, None);
	}

	#[test]
	fn nothing_drawn_owes_nothing() {
		let c = clock();
		let mut o = drawn(0);
		o.accrue(&c, c.maturity + 400 * DAY).unwrap();
		assert_eq!(o.total(), 0);
		assert_eq!(o.overdue_since, None);
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(200))]

		/// Splitting time into touches never charges less than one touch, and at most a unit
		/// per touch more; what is due never exceeds what is owed.
		#[test]
		fn accrual_is_path_independent_up_to_rounding(
			principal in 0u128..1_000_000_000_000_000,
			cuts in proptest::collection::vec(0u64..500 * DAY, 0..12),
			end in 1u64..500 * DAY,
		) {
			let c = clock();
			let mut once = drawn(principal);
			once.accrue(&c, START + end).unwrap();
			let mut steps = drawn(principal);
			let mut cuts: Vec<_> = cuts.into_iter().filter(|t| *t < end).collect();
			cuts.sort();
			for t in &cuts {
				steps.accrue(&c, START + t).unwrap();
			}
			steps.accrue(&c, START + end).unwrap();
			prop_assert!(steps.interest >= once.interest);
			prop_assert!(steps.interest <= once.interest + 3 * (cuts.len() as u128 + 1) + 40);
			prop_assert!(once.interest_due <= once.interest);
			prop_assert_eq!(steps.overdue_since.is_some(), once.overdue_since.is_some());
		}

		/// A payment never pays more than was owed, and pays interest before principal.
		#[test]
		fn payments_go_to_interest_first_and_never_exceed_the_debt(
			principal in 1u128..1_000_000_000_000,
			days in 1u64..400,
			amount in 0u128..2_000_000_000_000,
		) {
			let c = clock();
			let mut o = drawn(principal);
			let now = START + days * DAY;
			o.accrue(&c, now).unwrap();
			let before = o;
			let (interest, paid_principal) = o.pay(&c, now, amount);
			prop_assert!(interest + paid_principal <= amount.min(before.total()));
			prop_assert!(paid_principal == 0 || interest == before.interest);
			prop_assert_eq!(o.total() + interest + paid_principal, before.total());
			prop_assert!(o.interest_due <= o.interest);
		}
	}
}
