//! The `on_idle` sweep: refunds lenders of requests that ended and expires requests past their
//! funding deadline, a bounded batch of each within the weight left in the block.

use alloc::vec::Vec;
use frame_support::pallet_prelude::*;

use crate::{pallet::*, types::*, WeightInfo};

impl<T: Config> Pallet<T> {
	/// `on_idle`: refunds lenders of ended requests, then expires requests past their deadline,
	/// at most `SweepBatch` of each, within `remaining` weight.
	pub(crate) fn sweep(remaining: Weight) -> Weight {
		let per_refund = T::WeightInfo::claim_refund();
		let per_scan = T::DbWeight::get().reads(1);
		let mut used = T::DbWeight::get().reads(2);
		if remaining.any_lt(used) {
			return Weight::zero();
		}
		let batch = T::SweepBatch::get();
		let mut refunds = 0;
		if let Some(loan_id) = PendingRefunds::<T>::iter_keys().next() {
			if let Some(mut loan) = Loans::<T>::get(loan_id) {
				let lenders: Vec<T::AccountId> =
					Positions::<T>::iter_key_prefix(loan_id).take(batch as usize).collect();
				let (fetched, mut tried, mut paid) = (lenders.len(), 0usize, 0u32);
				for lender in lenders {
					if remaining.any_lt(used.saturating_add(per_refund)) {
						break;
					}
					used.saturating_accrue(per_refund);
					refunds += 1;
					tried += 1;
					// Each refund in its own storage layer (`on_idle` has none): a lender whose
					// refund fails (asset frozen, account blocked) is skipped, the others paid.
					let refunded = frame_support::storage::with_storage_layer(|| {
						Self::refund(loan_id, &mut loan, &lender)
					});
					match refunded {
						Ok(_) => paid += 1,
						Err(error) => Self::deposit_event(Event::RefundFailed {
							loan: loan_id,
							lender: lender.clone(),
							error,
						}),
					}
				}
				Loans::<T>::insert(loan_id, loan);
				if fetched > 0 && tried == fetched && paid == 0 {
					// Nothing could be paid: the lenders claim themselves (`claim_refund`); the
					// sweep moves on instead of retrying this loan forever.
					PendingRefunds::<T>::remove(loan_id);
				}
			} else {
				PendingRefunds::<T>::remove(loan_id);
			}
		}
		let now = Self::now();
		let mut iter = match SweepCursor::<T>::get() {
			Some(cursor) => FundingLoans::<T>::iter_keys_from(cursor.into_inner()),
			None => FundingLoans::<T>::iter_keys(),
		};
		let mut scanned = 0;
		let mut last_key = None;
		while scanned < batch && refunds < batch {
			if remaining.any_lt(
				used.saturating_add(per_scan).saturating_add(per_scan).saturating_add(per_refund),
			) {
				break;
			}
			let Some(loan_id) = iter.next() else {
				last_key = None;
				break;
			};
			scanned += 1;
			used.saturating_accrue(per_scan.saturating_add(per_scan));
			last_key = Some(FundingLoans::<T>::hashed_key_for(loan_id));
			let Some(mut loan) = Loans::<T>::get(loan_id) else { continue };
			if loan.status == LoanStatus::Funding && now > loan.terms.funding_deadline {
				used.saturating_accrue(per_refund);
				let expired = frame_support::storage::with_storage_layer(|| {
					Self::expire_if_due(loan_id, &mut loan, now)
				});
				if expired.is_ok() {
					Loans::<T>::insert(loan_id, loan);
				}
			}
		}
		match last_key.and_then(|k| BoundedVec::try_from(k).ok()) {
			Some(key) => SweepCursor::<T>::put(key),
			None => SweepCursor::<T>::kill(),
		}
		used
	}
}
