//! Collection of defaulted loans: lenders holding a majority of a defaulted loan's shares assign
//! an admitted collection agent, who gets time-limited access to the borrower's contact file
//! (the borrower agreed to this in the loan's terms) and pays what it recovers through the
//! ordinary `repay`, so lenders' claims, the history and the score follow as for any payment.
//!
//! Votes are weighted by shares, kept per lender ([`CollectorVotes`]) with each agent's total
//! ([`CollectorSupport`]): O(1) per vote. Shares sold after a vote take their weight away from it
//! (the buyer votes anew), so the support never counts a share twice. The assignment
//! ([`Collections`]) is made by the vote that gives an agent more than half of the shares; a
//! later majority for another agent replaces it (ending the first agent's access), and a
//! majority vote for the assigned agent after its access expired renews it. Repayment in full
//! ends the access; pruning the loan removes the votes and the assignment.

use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::{traits::Zero, DispatchResult};
use xindai_primitives::{
	collection::{self, AssignRefused, CollectionAccess, CollectionCase},
	credit::CreditProduct,
	Balance,
};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// The collection case of `loan`.
	pub(crate) fn collection_case(loan: LoanId) -> CollectionCase {
		CollectionCase { product: CreditProduct::P2pLoans, id: loan.into() }
	}

	pub(crate) fn do_vote_collector(
		lender: &T::AccountId,
		loan_id: LoanId,
		agent: T::AccountId,
	) -> DispatchResult {
		let loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(loan.status == LoanStatus::Defaulted, Error::<T>::NotDefaulted);
		ensure!(T::Collections::is_collection_agent(&agent), Error::<T>::NotCollectionAgent);
		let shares = Positions::<T>::get(loan_id, lender).map(|p| p.shares).unwrap_or_default();
		ensure!(!shares.is_zero(), Error::<T>::InsufficientShares);
		if let Some((previous, weight)) = CollectorVotes::<T>::get(loan_id, lender) {
			Self::take_support(loan_id, &previous, weight);
		}
		CollectorVotes::<T>::insert(loan_id, lender, (agent.clone(), shares));
		let support = CollectorSupport::<T>::mutate(loan_id, &agent, |support| {
			let total = support.unwrap_or_default().saturating_add(shares);
			*support = Some(total);
			total
		});
		Self::deposit_event(Event::CollectorVoted {
			loan: loan_id,
			lender: lender.clone(),
			agent: agent.clone(),
			shares,
			support,
		});
		let majority = support.saturating_mul(2) > loan.terms.principal;
		if !majority {
			return Ok(());
		}
		let now = Self::now();
		let current = Collections::<T>::get(loan_id);
		if current.as_ref().is_some_and(|c| c.agent == agent && now < c.access_until) {
			return Ok(());
		}
		let assignment = collection::assign::<_, T::Collections>(
			current,
			&loan.borrower,
			agent.clone(),
			Self::collection_case(loan_id),
			now,
			T::CollectionAccessPeriod::get(),
		)
		.map_err(|refused| match refused {
			AssignRefused::RenewalsExhausted => Error::<T>::RenewalsExhausted.into(),
			AssignRefused::Grant(error) => error,
		})?;
		let access_until = assignment.access_until;
		Collections::<T>::insert(loan_id, assignment);
		Self::deposit_event(Event::CollectorAssigned { loan: loan_id, agent, access_until });
		Ok(())
	}

	/// Takes `weight` of support away from `agent` on `loan`.
	fn take_support(loan: LoanId, agent: &T::AccountId, weight: Balance) {
		CollectorSupport::<T>::mutate_exists(loan, agent, |support| {
			*support = support.map(|s| s.saturating_sub(weight)).filter(|s| !s.is_zero());
		});
	}

	/// `seller` no longer holds `shares` of `loan`: its vote loses their weight.
	pub(crate) fn shares_left_voter(loan: LoanId, seller: &T::AccountId, shares: Balance) {
		let Some((agent, weight)) = CollectorVotes::<T>::get(loan, seller) else { return };
		let moved = shares.min(weight);
		Self::take_support(loan, &agent, moved);
		if weight == moved {
			CollectorVotes::<T>::remove(loan, seller);
		} else {
			CollectorVotes::<T>::insert(loan, seller, (agent, weight - moved));
		}
	}

	/// `payer` paid `amount` on `loan`: recorded as recovered if it is the assigned agent.
	pub(crate) fn note_collection_payment(loan: LoanId, payer: &T::AccountId, amount: Balance) {
		// Read, and written only when the agent paid: most loans have no agent, and a
		// `mutate` of an absent entry would still write (its removal).
		let Some(mut assignment) = Collections::<T>::get(loan) else { return };
		if assignment.note_payment(payer, amount) {
			let recovered = assignment.recovered;
			Collections::<T>::insert(loan, assignment);
			Self::deposit_event(Event::CollectionRecovered {
				loan,
				agent: payer.clone(),
				amount,
				recovered,
			});
		}
	}

	/// The loan was repaid in full: the agent's access ends (the assignment stays on record
	/// until the loan is pruned).
	pub(crate) fn end_collection(loan: LoanId, borrower: &T::AccountId) {
		if let Some(assignment) = Collections::<T>::get(loan) {
			T::Collections::end_collection_access(
				borrower,
				&assignment.agent,
				Self::collection_case(loan),
			);
		}
	}

	/// Pruning: `lender`'s vote goes with its position.
	pub(crate) fn prune_vote(loan: LoanId, lender: &T::AccountId) {
		if let Some((agent, weight)) = CollectorVotes::<T>::take(loan, lender) {
			Self::take_support(loan, &agent, weight);
		}
	}
}
