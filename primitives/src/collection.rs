//! Third-party collection of defaulted debt: how a lending product gives the collection agent
//! its lenders assigned access to the borrower's off-chain contact file, through the credit
//! registry's consented-access mechanism.
//!
//! The borrower consents when the loan starts (it is part of every loan's terms): if the loan
//! defaults, lenders holding a majority of it may assign an admitted collection agent, who then
//! holds a time-limited grant to the borrower's contact file, shown among the borrower's grants
//! and audited like any other (`log_access`). What the agent recovers is paid through the
//! product's ordinary repayment path, so lenders' claims, the history and the score follow.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult};

use crate::{credit::CreditProduct, Moment};

/// A debt in collection: the product and the loan's (or line's) id in it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct CollectionCase {
	/// The product that lent.
	pub product: CreditProduct,
	/// The loan's id in it.
	pub id: u64,
}

/// The collection agent assigned to a debt in collection, as the lending product records it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct CollectionAssignment<AccountId> {
	/// The agent.
	pub agent: AccountId,
	/// When it was assigned (or its access renewed).
	pub assigned_at: Moment,
	/// Until when it may see the borrower's contact file.
	pub access_until: Moment,
	/// What it has paid on the debt.
	pub recovered: crate::Balance,
	/// How many access periods were granted on this debt before this one, to any agent (at
	/// most [`MAX_RENEWALS`]).
	pub renewals: u32,
}

/// The most times access to one debt's borrower is granted again after the first grant,
/// whoever the agent (a renewal, or another agent assigned): at most `MAX_RENEWALS + 1` access
/// periods per debt in all, so no majority can keep a borrower's contact file open for good.
pub const MAX_RENEWALS: u32 = 3;

impl<AccountId: PartialEq> CollectionAssignment<AccountId> {
	/// Counts `amount` paid by `payer` as recovered if `payer` is the agent; whether it was.
	pub fn note_payment(&mut self, payer: &AccountId, amount: crate::Balance) -> bool {
		if &self.agent != payer {
			return false;
		}
		self.recovered = self.recovered.saturating_add(amount);
		true
	}
}

/// The credit registry's collection access (implemented by `pallet-credit-records`), as lending
/// products see it.
pub trait CollectionAccess<AccountId> {
	/// Whether `who` is an admitted collection agent.
	fn is_collection_agent(who: &AccountId) -> bool;

	/// Gives `agent` access to `owner`'s contact file for `case` until `until` (replacing an
	/// earlier grant for the same case and agent). Fails if `agent` is not an admitted
	/// collection agent or `until` is not in the future.
	fn grant_collection_access(
		owner: &AccountId,
		agent: &AccountId,
		case: CollectionCase,
		until: Moment,
	) -> DispatchResult;

	/// Ends `agent`'s access for `case` (the debt was repaid, or another agent was assigned).
	/// Nothing happens without such a grant.
	fn end_collection_access(owner: &AccountId, agent: &AccountId, case: CollectionCase);
}

/// Why [`assign`] refused.
#[derive(Debug, PartialEq, Eq)]
pub enum AssignRefused {
	/// Access to this debt was granted `MAX_RENEWALS + 1` times already.
	RenewalsExhausted,
	/// The registry refused the grant.
	Grant(DispatchError),
}

/// Assigns `agent` to collect `case` from `owner` (or renews its access) for `period` from
/// `now`, after the `current` assignment: every grant after the first counts against
/// [`MAX_RENEWALS`], whoever the agent; a replaced agent's access ends; what the same agent
/// recovered before is kept. What both products (P2P loans, SME lines) do on an assignment.
pub fn assign<AccountId: Clone + PartialEq, Access: CollectionAccess<AccountId>>(
	current: Option<CollectionAssignment<AccountId>>,
	owner: &AccountId,
	agent: AccountId,
	case: CollectionCase,
	now: Moment,
	period: Moment,
) -> Result<CollectionAssignment<AccountId>, AssignRefused> {
	let renewals = match &current {
		Some(c) if c.renewals >= MAX_RENEWALS => return Err(AssignRefused::RenewalsExhausted),
		Some(c) => c.renewals + 1,
		None => 0,
	};
	if let Some(previous) = current.as_ref().filter(|c| c.agent != agent) {
		Access::end_collection_access(owner, &previous.agent, case);
	}
	let access_until = now.saturating_add(period);
	Access::grant_collection_access(owner, &agent, case, access_until)
		.map_err(AssignRefused::Grant)?;
	let recovered = current.filter(|c| c.agent == agent).map(|c| c.recovered).unwrap_or_default();
	Ok(CollectionAssignment { agent, assigned_at: now, access_until, recovered, renewals })
}
