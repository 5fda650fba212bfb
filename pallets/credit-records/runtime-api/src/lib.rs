//! Runtime API of Xindai's credit records, for wallets, lenders and institutions.
//!
//! From @polkadot/api: `api.call.creditRecordsApi.profileSummary(who)`,
//! `api.call.creditRecordsApi.scoreBreakdown(who)`, `api.call.creditRecordsApi.grants(owner)`,
//! `api.call.creditRecordsApi.flags(who)`, `api.call.creditRecordsApi.reviewQueue(startAfter, limit)`,
//! `api.call.creditRecordsApi.repaymentCapacity(who)`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;

pub use pallet_credit_records::{
	CapacityView, Flag, FlagId, GrantView, ProfileSummary, ScoreBreakdown,
};

sp_api::decl_runtime_apis! {
	/// Read access to credit profiles.
	pub trait CreditRecordsApi<AccountId, DepositBalance>
	where
		AccountId: Codec,
		DepositBalance: Codec,
	{
		/// Score, tier, exposure cap, outstanding debt, freeze, valid attestations and borrowing
		/// eligibility of `who`; `None` without a profile.
		fn profile_summary(who: AccountId) -> Option<ProfileSummary<AccountId, DepositBalance>>;

		/// Each factor's contribution to the score of `who` (a fresh history if unknown).
		fn score_breakdown(who: AccountId) -> ScoreBreakdown;

		/// The data-access grants `owner` has given.
		fn grants(owner: AccountId) -> Vec<GrantView<AccountId>>;

		/// The open monitoring flags of `who`'s person (at most `MAX_OPEN_FLAGS`).
		fn flags(who: AccountId) -> Vec<(FlagId, Flag<AccountId>)>;

		/// The risk council's review queue: open flags after `start_after`, in storage order, at
		/// most `limit` (capped at 100). Page on with the last id returned.
		fn review_queue(start_after: Option<FlagId>, limit: u32) -> Vec<(FlagId, Flag<AccountId>)>;

		/// The repayment capacity of `who`'s person: what it is measured against (income band,
		/// audited revenue or neither), its monthly debt service across every product, the limit
		/// and the room left for a new application's monthly service (credit units, latest
		/// prices); `None` without a profile.
		fn repayment_capacity(who: AccountId) -> Option<CapacityView>;
	}
}
