//! Overdue notices: when an unpaid due date passes governance-set day thresholds (e.g. 1, 7, 30,
//! 60 and 90 days past due), the product emits one notice per threshold, once. Every lending
//! product keeps a [`NoticeState`] per loan and asks [`due_notices`] which thresholds a
//! permissionless `notify_overdue` call should announce now.
//!
//! Why a call and not a hook: a hook would have to scan loans for lateness every block (work
//! growing with the book) or keep a time-ordered index of every due date; a call costs one loan
//! and is open to anyone, so the borrower's wallet, the indexer or a collection agent keeps
//! notices timely. It pays no reward: a keeper earning from a borrower's distress would be paid
//! out of the penalty that belongs to the lenders, and the call is cheap.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::{credit::DAY_MS, Moment};

/// The most thresholds a product may set.
pub const MAX_NOTICES: usize = 5;

/// The latest threshold, in days past due.
pub const MAX_NOTICE_DAY: u32 = 365;

/// Days past due at which a notice goes out: ascending, non-zero, then zeros for unused slots.
pub type NoticeDays = [u32; MAX_NOTICES];

/// The default thresholds: 1, 7, 30, 60 and 90 days past due.
pub const DEFAULT_NOTICE_DAYS: NoticeDays = [1, 7, 30, 60, 90];

/// Whether `days` is a valid threshold list: strictly ascending thresholds within
/// 1..=[`MAX_NOTICE_DAY`], then only zeros.
pub fn valid_notice_days(days: &NoticeDays) -> bool {
	let used = days.iter().take_while(|d| **d > 0).count();
	days[used..].iter().all(|d| *d == 0)
		&& days[..used].iter().all(|d| *d <= MAX_NOTICE_DAY)
		&& days[..used].windows(2).all(|pair| pair[0] < pair[1])
}

/// Which notices of a loan's oldest unpaid due date were sent.
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
pub struct NoticeState {
	/// The due date the notices are about.
	pub due_at: Moment,
	/// The latest threshold (days past due) announced for it: a change of the thresholds
	/// meanwhile neither repeats nor skips a notice.
	pub last_day: u32,
}

/// The thresholds (days past due) to announce now, at `now`, for the unpaid due date `due_at`,
/// each once: a new due date starts afresh. Updates `state`.
pub fn due_notices(
	state: &mut NoticeState,
	days: &NoticeDays,
	due_at: Moment,
	now: Moment,
) -> Vec<u32> {
	if state.due_at != due_at {
		*state = NoticeState { due_at, last_day: 0 };
	}
	let past_due = u32::try_from(now.saturating_sub(due_at) / DAY_MS).unwrap_or(u32::MAX);
	let due: Vec<u32> =
		days.iter().copied().filter(|d| *d > state.last_day && *d <= past_due).collect();
	if let Some(last) = due.last() {
		state.last_day = *last;
	}
	due
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn each_threshold_is_announced_once_and_a_new_due_date_starts_afresh() {
		let mut state = NoticeState::default();
		let due = 100 * DAY_MS;
		assert!(due_notices(&mut state, &DEFAULT_NOTICE_DAYS, due, due).is_empty());
		assert_eq!(due_notices(&mut state, &DEFAULT_NOTICE_DAYS, due, due + DAY_MS), vec![1]);
		assert!(due_notices(&mut state, &DEFAULT_NOTICE_DAYS, due, due + 2 * DAY_MS).is_empty());
		// Called late, every threshold crossed since goes out at once.
		assert_eq!(
			due_notices(&mut state, &DEFAULT_NOTICE_DAYS, due, due + 45 * DAY_MS),
			vec![7, 30]
		);
		let next = due + 30 * DAY_MS;
		assert_eq!(
			due_notices(&mut state, &DEFAULT_NOTICE_DAYS, next, next + 8 * DAY_MS),
			vec![1, 7]
		);
	}

	#[test]
	fn changing_the_thresholds_meanwhile_neither_repeats_nor_skips() {
		let mut state = NoticeState::default();
		assert_eq!(due_notices(&mut state, &DEFAULT_NOTICE_DAYS, 0, 8 * DAY_MS), vec![1, 7]);
		// Governance moves to 3, 8, 10: 8 is new, 3 was covered by the 7-day notice.
		let days = [3, 8, 10, 0, 0];
		assert_eq!(due_notices(&mut state, &days, 0, 8 * DAY_MS), vec![8]);
		assert_eq!(due_notices(&mut state, &DEFAULT_NOTICE_DAYS, 0, 9 * DAY_MS), Vec::<u32>::new());
	}

	#[test]
	fn threshold_lists_are_ascending_then_zeros() {
		assert!(valid_notice_days(&DEFAULT_NOTICE_DAYS));
		assert!(valid_notice_days(&[0; MAX_NOTICES]));
		assert!(valid_notice_days(&[3, 30, 0, 0, 0]));
		assert!(!valid_notice_days(&[7, 1, 0, 0, 0]));
		assert!(!valid_notice_days(&[1, 0, 7, 0, 0]));
		assert!(!valid_notice_days(&[1, 1, 0, 0, 0]));
		assert!(!valid_notice_days(&[366, 0, 0, 0, 0]));
	}

	proptest! {
		#[test]
		fn no_threshold_is_announced_twice(calls in proptest::collection::vec(0u64..400, 1..20)) {
			let mut state = NoticeState::default();
			let mut announced = Vec::new();
			let mut calls = calls;
			calls.sort();
			for day in calls {
				announced.extend(due_notices(&mut state, &DEFAULT_NOTICE_DAYS, 0, day * DAY_MS));
			}
			let mut unique = announced.clone();
			unique.dedup();
			prop_assert_eq!(&unique, &announced);
			prop_assert!(announced.windows(2).all(|p| p[0] < p[1]));
		}
	}
}
