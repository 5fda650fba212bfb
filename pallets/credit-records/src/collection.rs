//! Collection access: the time-limited grants a lending product gives the collection agent its
//! lenders assigned to a defaulted loan ([`CollectionAccess`]).
//!
//! Every loan's terms carry the borrower's consent: when a loan defaults, the agent its
//! lenders' majority assigns may see the borrower's off-chain contact file until the grant ends.
//! Such a grant sits beside the owner's own grants ([`CollectionGrants`]), shows in
//! `CreditRecordsApi::grants` with its case, and is audited the same way: the agent logs each
//! access (`log_access`), and the off-chain document host serves the contact file only against
//! a valid grant. It holds no deposit (the product's loan record pays for it, and the product
//! ends it when the debt is repaid or another agent is assigned); one per (agent, case).

use frame_support::{ensure, traits::Get};
use sp_runtime::DispatchResult;
use xindai_primitives::{
	collection::{CollectionAccess, CollectionCase},
	Moment,
};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// Whether `agent` holds a valid collection grant from `owner` (for any case) and is still
	/// an admitted collection agent (removing an agent ends its access at once).
	pub(crate) fn has_collection_access(owner: &T::AccountId, agent: &T::AccountId) -> bool {
		let Some(admitted_at) = Verifiers::<T>::get(agent)
			.filter(|v| v.kind == VerifierKind::CollectionAgent)
			.map(|v| v.admitted_at)
		else {
			return false;
		};
		let now = Self::now();
		// The agent's cases on this owner: as many as its defaulted debts the agent collects. A
		// grant from before a removal and re-admission does not revive.
		CollectionGrants::<T>::iter_prefix_values((owner, agent))
			.any(|grant| now < grant.until && grant.granted_at >= admitted_at)
	}
}

impl<T: Config> CollectionAccess<T::AccountId> for Pallet<T> {
	fn is_collection_agent(who: &T::AccountId) -> bool {
		Verifiers::<T>::get(who).is_some_and(|v| v.kind == VerifierKind::CollectionAgent)
	}

	fn grant_collection_access(
		owner: &T::AccountId,
		agent: &T::AccountId,
		case: CollectionCase,
		until: Moment,
	) -> DispatchResult {
		ensure!(Self::is_collection_agent(agent), Error::<T>::NotVerifier);
		let now = Self::now();
		ensure!(until > now, Error::<T>::GrantExpiryNotInFuture);
		ensure!(until.saturating_sub(now) <= T::MaxGrantDuration::get(), Error::<T>::GrantTooLong);
		CollectionGrants::<T>::insert(
			(owner, agent, case),
			CollectionGrant { granted_at: now, until },
		);
		Self::deposit_event(Event::CollectionAccessGranted {
			owner: owner.clone(),
			agent: agent.clone(),
			case,
			until,
		});
		Ok(())
	}

	fn end_collection_access(owner: &T::AccountId, agent: &T::AccountId, case: CollectionCase) {
		if CollectionGrants::<T>::take((owner, agent, case)).is_some() {
			Self::deposit_event(Event::CollectionAccessEnded {
				owner: owner.clone(),
				agent: agent.clone(),
				case,
			});
		}
	}
}
