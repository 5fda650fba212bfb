//! The runtime API views (`P2pLoansApi`): a loan with its schedule, penalty and payoff, the
//! requests open for funding, and a lender's positions. Their types live in the parent module.

use alloc::vec::Vec;
use xindai_primitives::MILLISECONDS_PER_SECOND;

use super::{InstalmentState, InstalmentView, LoanView, PositionView};
use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// The loan `id` for the runtime API.
	pub fn loan_view(id: LoanId) -> Option<LoanView<T::AccountId>> {
		let loan = Loans::<T>::get(id)?;
		let items = Schedules::<T>::get(id).map(|s| s.into_inner()).unwrap_or_default();
		let now = Self::now();
		let params = Params::<T>::get();
		let grace = params.grace_period.saturating_mul(MILLISECONDS_PER_SECOND);
		let mut accrued = loan.clone();
		if loan.status.is_repayable() {
			let _ = Self::accrue_penalty(&mut accrued, &items, now, &params);
		}
		let schedule = items
			.iter()
			.map(|i| InstalmentView {
				instalment: *i,
				state: if i.is_paid() {
					InstalmentState::Paid
				} else if i.due_at > now {
					InstalmentState::Upcoming
				} else if now <= i.due_at.saturating_add(grace) {
					InstalmentState::Due
				} else {
					InstalmentState::Overdue
				},
			})
			.collect();
		let next_due = items.iter().find(|i| !i.is_paid()).map(|i| (i.due_at, i.outstanding()));
		Some(LoanView {
			borrower: loan.borrower.clone(),
			terms: loan.terms,
			monthly_service: loan.monthly_service,
			status: loan.status,
			funded: loan.funded,
			schedule,
			next_due,
			penalty_owed: accrued.penalty_accrued.saturating_sub(accrued.penalty_paid),
			payoff_today: if loan.status.is_repayable() {
				Self::payoff(&accrued, &items, now)
			} else {
				0
			},
			repaid: loan.distributed,
			collection: Collections::<T>::get(id),
		})
	}

	/// The positions of `who` for the runtime API.
	pub fn positions_of(who: &T::AccountId) -> Vec<PositionView> {
		LenderLoans::<T>::get(who)
			.into_iter()
			.filter_map(|id| {
				let loan = Loans::<T>::get(id)?;
				let position = Positions::<T>::get(id, who)?;
				let (claimable, collateral_claimable) = Self::claimable(&loan, &position);
				let refunding = loan.status.is_refunding()
					|| (loan.status == LoanStatus::Funding
						&& Self::now() > loan.terms.funding_deadline);
				Some(PositionView {
					loan: id,
					status: loan.status,
					shares: position.shares,
					listed: position.listed,
					claimable,
					collateral_claimable,
					refundable: if refunding { position.shares } else { 0 },
				})
			})
			.collect()
	}

	/// Up to `limit` requests open for funding, for the runtime API.
	pub fn open_requests(limit: u32) -> Vec<(LoanId, LoanView<T::AccountId>)> {
		let now = Self::now();
		FundingLoans::<T>::iter_keys()
			.filter_map(|id| Loans::<T>::get(id).map(|loan| (id, loan)))
			.filter(|(_, l)| l.status == LoanStatus::Funding && now <= l.terms.funding_deadline)
			.take(limit as usize)
			.filter_map(|(id, _)| Self::loan_view(id).map(|v| (id, v)))
			.collect()
	}
}
