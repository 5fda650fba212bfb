//! On-time service: how much credit history a loan earns, measured in principal × time.
//!
//! A credit score must measure repayment behaviour **over time**, not the number of calls: a
//! borrower who borrows and repays forty times in one block has shown nothing. So every lending
//! product keeps a [`ServiceClock`] per loan or position. The clock remembers since when the
//! loan has been served on time and the least principal outstanding over that time; a product
//! [`take`](ServiceClock::take)s the [`Service`] earned when the borrower pays on time and
//! reports it to the credit registry with the payment ([`Repayment`]). A delinquency
//! [`restart`](ServiceClock::restart)s the clock without credit.
//!
//! Properties (tested below): within one moment a clock yields service once, and never more
//! than the time elapsed since it last yielded; the principal it reports never exceeds what was
//! outstanding the whole time (an increase just before a payment earns nothing).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::{Balance, Moment};

/// Service earned by one loan: `principal` outstanding (and served on time) for `duration`.
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
pub struct Service {
	/// The least principal outstanding over the served time, in the loan asset's units (the
	/// credit registry values it in credit units for the score's volume).
	pub principal: Balance,
	/// Milliseconds served.
	pub duration: Moment,
}

impl Service {
	/// No service: what a payment earns that proves nothing about time (same block, late).
	pub const NONE: Self = Self { principal: 0, duration: 0 };

	/// Whether it earns nothing.
	pub fn is_none(&self) -> bool {
		self.principal == 0 || self.duration == 0
	}
}

/// What a product reports to the credit registry about one payment.
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
pub struct Repayment {
	/// The principal the payment took off the borrower's debt, in the loan asset's units
	/// (interest and penalty are not debt the registry books).
	pub amount: Balance,
	/// Zero for a payment on time, else how many days after its due date (and grace) it came.
	/// A product reports a late payment at most once per due date.
	pub days_late: u32,
	/// The on-time service this payment completes ([`Service::NONE`] when it proves nothing),
	/// principal in the loan asset's units.
	pub served: Service,
	/// Whether the borrower itself paid (not a third party, a collection agent, a liquidation
	/// or its collateral): only its own payments tell the registry's monitoring about its
	/// behaviour (borrow-repay cycling), so nobody can make a borrower look like a cycler.
	pub by_borrower: bool,
}

impl Repayment {
	/// A payment that reduces debt and proves nothing about behaviour (e.g. made by a third
	/// party, or within the moment the loan started).
	pub fn unscored(amount: Balance) -> Self {
		Self { amount, days_late: 0, served: Service::NONE, by_borrower: false }
	}

	/// A late payment: `days_late` days after its due date.
	pub fn late(amount: Balance, days_late: u32) -> Self {
		Self { amount, days_late, served: Service::NONE, by_borrower: false }
	}

	/// The same payment, made by the borrower itself if `by_borrower`.
	pub fn paid_by_borrower(self, by_borrower: bool) -> Self {
		Self { by_borrower, ..self }
	}
}

/// Since when a loan has been served on time, and the least principal outstanding since.
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
pub struct ServiceClock {
	/// When the clock last (re)started, milliseconds.
	pub since: Moment,
	/// The least principal outstanding since `since`.
	pub least_principal: Balance,
}

impl ServiceClock {
	/// A clock starting at `now` with `principal` outstanding.
	pub fn start(now: Moment, principal: Balance) -> Self {
		Self { since: now, least_principal: principal }
	}

	/// The principal outstanding changed to `principal`: a decrease lowers what the running
	/// period can earn; an increase earns nothing until it has been outstanding for a while.
	pub fn note_principal(&mut self, principal: Balance) {
		self.least_principal = self.least_principal.min(principal);
	}

	/// The service earned since the clock last started (the least principal, for the time
	/// elapsed), restarting it at `now` with `principal` outstanding. Time never runs backwards:
	/// a `now` before `since` earns nothing.
	pub fn take(&mut self, now: Moment, principal: Balance) -> Service {
		let earned =
			Service { principal: self.least_principal, duration: now.saturating_sub(self.since) };
		self.restart(now, principal);
		if earned.is_none() {
			Service::NONE
		} else {
			earned
		}
	}

	/// A delinquency (or any period that earns nothing): restarts at `now` without credit.
	pub fn restart(&mut self, now: Moment, principal: Balance) {
		self.since = self.since.max(now);
		self.least_principal = principal;
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn a_clock_yields_the_least_principal_for_the_elapsed_time() {
		let mut clock = ServiceClock::start(1_000, 500);
		clock.note_principal(800);
		clock.note_principal(300);
		assert_eq!(clock.take(4_000, 300), Service { principal: 300, duration: 3_000 });
		assert_eq!(clock, ServiceClock { since: 4_000, least_principal: 300 });
	}

	#[test]
	fn a_second_take_in_the_same_moment_earns_nothing() {
		let mut clock = ServiceClock::start(0, 500);
		assert!(!clock.take(10, 500).is_none());
		assert_eq!(clock.take(10, 500), Service::NONE);
	}

	#[test]
	fn a_restart_forfeits_the_running_period() {
		let mut clock = ServiceClock::start(0, 500);
		clock.restart(100, 500);
		assert_eq!(clock.take(150, 500), Service { principal: 500, duration: 50 });
	}

	proptest! {
		/// Whatever happens within one moment, a clock yields at most the elapsed time once.
		#[test]
		fn no_sequence_of_takes_in_one_moment_yields_more_than_the_elapsed_time(
			since in 0u64..1_000_000,
			elapsed in 0u64..1_000_000,
			principals in proptest::collection::vec(0u128..1_000_000, 1..20),
		) {
			let now = since + elapsed;
			let mut clock = ServiceClock::start(since, principals[0]);
			let mut total = 0u64;
			let mut most = 0u128;
			for p in &principals {
				clock.note_principal(*p);
				let s = clock.take(now, *p);
				total += s.duration;
				most = most.max(s.principal);
			}
			prop_assert!(total <= elapsed);
			prop_assert!(most <= principals[0]);
		}

		/// An increase of principal just before a take earns nothing extra.
		#[test]
		fn an_increase_before_a_take_earns_nothing(
			start in 1u128..1_000_000,
			more in 0u128..1_000_000,
			elapsed in 1u64..1_000_000,
		) {
			let mut clock = ServiceClock::start(0, start);
			clock.note_principal(start + more);
			prop_assert_eq!(clock.take(elapsed, start + more).principal, start);
		}
	}
}
