//! Pruning: the record of a loan that ended (closed, or a request that ended with every lender
//! refunded) is removed, after paying each lender what it may still claim, and the request
//! deposit returns to the borrower. Lenders are paid and removed a bounded batch per call.

use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_runtime::{traits::Zero, DispatchResult};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// Whether `loan`'s record may be pruned: nothing more can happen to it.
	pub fn is_prunable(loan: &LoanOf<T>) -> bool {
		match loan.status {
			LoanStatus::Closed => true,
			LoanStatus::Cancelled | LoanStatus::Expired => loan.funded == loan.refunded,
			_ => false,
		}
	}

	pub(crate) fn do_prune_loan(loan_id: LoanId) -> DispatchResult {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(Self::is_prunable(&loan), Error::<T>::NotPrunable);
		ensure!(ListingCount::<T>::get(loan_id).is_zero(), Error::<T>::ListingsOpen);
		let batch = T::SweepBatch::get() as usize;
		let lenders: Vec<(T::AccountId, LenderPosition)> =
			Positions::<T>::iter_prefix(loan_id).take(batch).collect();
		let mut lenders_paid = 0u32;
		for (lender, mut position) in lenders {
			let (amount, collateral) = Self::claimable(&loan, &position);
			if amount > 0 || collateral > 0 {
				Self::pay_claim(loan_id, &mut loan, &lender, &mut position, amount, collateral)?;
				lenders_paid = lenders_paid.saturating_add(1);
			}
			Positions::<T>::remove(loan_id, &lender);
			Self::remove_lender_loan(&lender, loan_id);
		}
		let complete = Positions::<T>::iter_key_prefix(loan_id).next().is_none();
		if complete {
			T::Currency::release(
				&HoldReason::RequestDeposit.into(),
				&loan.borrower,
				loan.deposit,
				Precision::BestEffort,
			)?;
			Loans::<T>::remove(loan_id);
			Schedules::<T>::remove(loan_id);
			PendingRefunds::<T>::remove(loan_id);
		} else {
			Loans::<T>::insert(loan_id, loan);
		}
		Self::deposit_event(Event::LoanPruned { loan: loan_id, lenders_paid, complete });
		Ok(())
	}
}
