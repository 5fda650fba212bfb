//! The pallet's invariants (`try_state`), checked by try-runtime and after every unit test: the
//! custody account covers what is owed, shares match funding, statuses match their data, and
//! listings match positions.

use frame_support::ensure;
use xindai_primitives::{
	credit::{CreditRegistry, ReportedPosition},
	AssetId, Balance,
};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// The pallet's invariants:
	/// - the custody account holds, of every asset, exactly the escrowed funding not yet
	///   refunded, the collateral held or handed to lenders and not yet claimed, and the
	///   repayments not yet claimed, and what pruning set aside for lenders (`Unclaimed`);
	/// - every loan's shares add up to what was funded and not refunded (the principal once
	///   disbursed), listed shares are covered by positions, and each status is consistent with
	///   its data (schedule after disbursement, principal fully funded, open-request counts);
	/// - the credit registry books exactly what the loans say: an open request's principal as
	///   committed, an active or liquidated loan's unpaid principal as owed, nothing for a loan
	///   that defaulted (written off) or ended; per borrower and in total per asset; and the
	///   monthly debt service of every open request and active or liquidated loan.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut owed: BTreeMap<AssetId, Balance> = BTreeMap::new();
		let mut open: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut booked: BTreeMap<(T::AccountId, AssetId), ReportedPosition> = BTreeMap::new();
		let mut services: BTreeMap<(T::AccountId, AssetId), Balance> = BTreeMap::new();
		for (id, loan) in Loans::<T>::iter() {
			let book = booked.entry((loan.borrower.clone(), loan.terms.asset)).or_default();
			book.committed += loan.committed;
			*services.entry((loan.borrower.clone(), loan.terms.asset)).or_default() +=
				loan.monthly_service;
			ensure!(
				loan.monthly_service == 0
					|| matches!(
						loan.status,
						LoanStatus::Funding | LoanStatus::Active | LoanStatus::Liquidated
					),
				"a loan that ended still books debt service"
			);
			if matches!(loan.status, LoanStatus::Active | LoanStatus::Liquidated) {
				let items = Schedules::<T>::get(id).ok_or("disbursed loan without schedule")?;
				book.owed += Self::unpaid_principal(&items);
			}
			let escrow = if loan.status.was_disbursed() { 0 } else { loan.funded - loan.refunded };
			*owed.entry(loan.terms.asset).or_default() +=
				escrow + (loan.distributed - loan.claimed);
			if let Some((asset, _)) = loan.terms.collateral {
				*owed.entry(asset).or_default() +=
					loan.collateral_held + (loan.collateral_for_lenders - loan.collateral_claimed);
			}
			let shares: Balance = Positions::<T>::iter_prefix_values(id).map(|p| p.shares).sum();
			let expected = if loan.status.was_disbursed() {
				loan.terms.principal
			} else {
				loan.funded - loan.refunded
			};
			// A closed loan being pruned has lost some of its lenders already.
			if loan.status == LoanStatus::Closed {
				ensure!(shares <= expected, "more shares than the principal");
			} else {
				ensure!(shares == expected, "shares differ from funding");
			}
			for (_, p) in Positions::<T>::iter_prefix(id) {
				ensure!(p.listed <= p.shares, "more shares listed than held");
			}
			if loan.status.was_disbursed() {
				ensure!(loan.started_at.is_some(), "disbursed loan without start");
				ensure!(loan.funded == loan.terms.principal, "disbursed loan not fully funded");
				ensure!(Schedules::<T>::contains_key(id), "disbursed loan without schedule");
			} else {
				ensure!(
					loan.funded < loan.terms.principal || loan.status.is_refunding(),
					"full request not started"
				);
			}
			ensure!(
				FundingLoans::<T>::contains_key(id) == (loan.status == LoanStatus::Funding),
				"the index of requests open for funding differs from the loans"
			);
			if loan.status == LoanStatus::Funding {
				*open.entry(loan.borrower.clone()).or_default() += 1;
			} else {
				ensure!(loan.committed == 0, "a request that ended still commits credit");
			}
			ensure!(loan.claimed <= loan.distributed, "claimed more than paid in");
		}
		let mut totals: BTreeMap<AssetId, ReportedPosition> = BTreeMap::new();
		for ((who, asset), book) in booked {
			let position = Self::credit_position(asset);
			ensure!(
				T::Credit::position(&who, position) == book,
				"the credit registry books another debt than the borrower's loans"
			);
			let total = totals.entry(asset).or_default();
			total.owed += book.owed;
			total.committed += book.committed;
		}
		for (asset, total) in totals {
			ensure!(
				T::Credit::product_total(Self::credit_position(asset)) == total,
				"the credit registry's P2P total differs from the loans"
			);
		}
		xindai_primitives::capacity::check_service_book::<_, T::Credit>(
			xindai_primitives::credit::CreditProduct::P2pLoans,
			services,
		)?;
		for (who, count) in OpenRequests::<T>::iter() {
			ensure!(open.get(&who).copied().unwrap_or(0) == count, "open-request count differs");
		}
		for (_, asset, amount) in Unclaimed::<T>::iter() {
			ensure!(amount > 0, "an empty unclaimed balance is kept");
			*owed.entry(asset).or_default() += amount;
		}
		let account = Self::account_id();
		for (asset, amount) in owed {
			ensure!(
				<T::Assets as frame_support::traits::fungibles::Inspect<_>>::balance(
					asset, &account
				) >= amount,
				// `>=`: anyone may donate to the custody account; what is owed must be there.
				"custody holds less than what is owed"
			);
		}
		let mut listed: BTreeMap<(LoanId, T::AccountId), Balance> = BTreeMap::new();
		for (_, listing) in Listings::<T>::iter() {
			*listed.entry((listing.loan, listing.seller.clone())).or_default() += listing.shares;
		}
		for ((loan, seller), shares) in listed {
			let position = Positions::<T>::get(loan, &seller).unwrap_or_default();
			ensure!(position.listed == shares, "listed shares differ from listings");
		}
		// Collection: each vote weighs at most its lender's shares, each agent's support is the
		// sum of its votes, and only a defaulted or closed loan has an agent.
		let mut support: BTreeMap<(LoanId, T::AccountId), Balance> = BTreeMap::new();
		for (loan, lender, (agent, weight)) in CollectorVotes::<T>::iter() {
			let shares = Positions::<T>::get(loan, &lender).map(|p| p.shares).unwrap_or_default();
			ensure!(weight > 0 && weight <= shares, "a collector vote outweighs its shares");
			*support.entry((loan, agent)).or_default() += weight;
		}
		for (loan, agent, total) in CollectorSupport::<T>::iter() {
			ensure!(
				support.remove(&(loan, agent)) == Some(total),
				"a collector's support differs from its votes"
			);
		}
		ensure!(support.is_empty(), "collector votes without support");
		for (loan, _) in Collections::<T>::iter() {
			let status = Loans::<T>::get(loan).map(|l| l.status);
			ensure!(
				matches!(status, Some(LoanStatus::Defaulted | LoanStatus::Closed)),
				"a collection agent on a loan that is not in default"
			);
		}
		Ok(())
	}
}
