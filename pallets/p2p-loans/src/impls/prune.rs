//! Pruning: the record of a loan that ended (closed, cancelled or expired) is removed, after
//! paying each lender what it may still claim or is still owed as a refund, and the request
//! deposit returns to the borrower. Lenders are paid and removed a bounded batch per call; a
//! payout a lender's account cannot receive waits in custody as its unclaimed balance, so no
//! lender can keep the record (and the borrower's deposit) hostage.

use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_runtime::{traits::Zero, DispatchResult};
use xindai_primitives::{custody, AssetId, Balance};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// Whether `loan`'s record may be pruned: nothing more can happen to it.
	pub fn is_prunable(loan: &LoanOf<T>) -> bool {
		matches!(loan.status, LoanStatus::Closed | LoanStatus::Cancelled | LoanStatus::Expired)
	}

	pub(crate) fn do_prune_loan(loan_id: LoanId) -> DispatchResult {
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(Self::is_prunable(&loan), Error::<T>::NotPrunable);
		ensure!(ListingCount::<T>::get(loan_id).is_zero(), Error::<T>::ListingsOpen);
		let batch = T::SweepBatch::get() as usize;
		let lenders: Vec<(T::AccountId, LenderPosition)> =
			Positions::<T>::iter_prefix(loan_id).take(batch).collect();
		let mut lenders_paid = 0u32;
		for (lender, position) in lenders {
			if Self::pay_out_lender(loan_id, &mut loan, &lender, position) {
				lenders_paid = lenders_paid.saturating_add(1);
			}
			Positions::<T>::remove(loan_id, &lender);
			Self::remove_lender_loan(&lender, loan_id);
			Self::prune_vote(loan_id, &lender);
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
			Collections::<T>::remove(loan_id);
			PendingRefunds::<T>::remove(loan_id);
		} else {
			Loans::<T>::insert(loan_id, loan);
		}
		Self::deposit_event(Event::LoanPruned { loan: loan_id, lenders_paid, complete });
		Ok(())
	}

	/// Pays `lender` what its `position` in an ended loan is still owed: its refund (a request
	/// that ended) or its claim (a closed loan). What cannot be paid is set aside as unclaimed.
	/// Returns whether anything was paid.
	fn pay_out_lender(
		loan_id: LoanId,
		loan: &mut LoanOf<T>,
		lender: &T::AccountId,
		mut position: LenderPosition,
	) -> bool {
		let mut owed: Vec<(AssetId, Balance)> = Vec::new();
		let paid = if loan.status.is_refunding() {
			if position.shares.is_zero() {
				return false;
			}
			let refunded =
				frame_support::storage::with_storage_layer(|| Self::refund(loan_id, loan, lender));
			match refunded {
				Ok(_) => return true,
				Err(error) => {
					loan.refunded = loan.refunded.saturating_add(position.shares);
					owed.push((loan.terms.asset, position.shares));
					error
				},
			}
		} else {
			let (amount, collateral) = Self::claimable(loan, &position);
			if amount.is_zero() && collateral.is_zero() {
				return false;
			}
			let claimed = frame_support::storage::with_storage_layer(|| {
				Self::pay_claim(loan_id, loan, lender, &mut position, amount, collateral)
			});
			match claimed {
				Ok(()) => return true,
				Err(error) => {
					loan.claimed = loan.claimed.saturating_add(amount);
					owed.push((loan.terms.asset, amount));
					if let Some((asset, _)) = loan.terms.collateral {
						loan.collateral_claimed =
							loan.collateral_claimed.saturating_add(collateral);
						owed.push((asset, collateral));
					}
					error
				},
			}
		};
		for (asset, amount) in owed {
			Self::set_aside(loan_id, lender, asset, amount, paid);
		}
		false
	}

	/// Keeps `amount` of `asset` in custody for `to`, whose account could not receive it
	/// (`error`): its unclaimed balance, withdrawn with `withdraw_unclaimed`.
	pub(super) fn set_aside(
		loan_id: LoanId,
		to: &T::AccountId,
		asset: AssetId,
		amount: Balance,
		error: DispatchError,
	) {
		if amount.is_zero() {
			return;
		}
		Unclaimed::<T>::mutate(to, asset, |unclaimed| {
			*unclaimed = unclaimed.saturating_add(amount)
		});
		Self::deposit_event(Event::PayoutSetAside {
			loan: loan_id,
			to: to.clone(),
			asset,
			amount,
			error,
		});
	}

	pub(crate) fn do_withdraw_unclaimed(who: &T::AccountId, asset: AssetId) -> DispatchResult {
		let amount = Unclaimed::<T>::get(who, asset);
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		custody::transfer_without_dust::<_, T::Assets>(asset, &Self::account_id(), who, amount)?;
		Unclaimed::<T>::remove(who, asset);
		Self::deposit_event(Event::UnclaimedWithdrawn { who: who.clone(), asset, amount });
		Ok(())
	}
}
