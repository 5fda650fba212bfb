//! Runtime API of Xindai's P2P loans, for borrowers, lenders and share buyers.
//!
//! From @polkadot/api: `api.call.p2pLoansApi.loan(id)`, `api.call.p2pLoansApi.positions(who)`,
//! `api.call.p2pLoansApi.openRequests()`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;

pub use pallet_p2p_loans::{
	types::LoanId, InstalmentState, InstalmentView, LoanView, PositionView,
};

sp_api::decl_runtime_apis! {
	/// Read access to loans and lenders' positions, at the current block's time.
	pub trait P2pLoansApi<AccountId>
	where
		AccountId: Codec,
	{
		/// A loan's terms, status and full schedule (paid / due / overdue / upcoming), the next
		/// due date and amount, the penalty owed and the payoff amount today.
		fn loan(id: LoanId) -> Option<LoanView<AccountId>>;

		/// The positions of `who`: shares, listed shares, claimable repayments, collateral and
		/// refunds.
		fn positions(who: AccountId) -> Vec<PositionView>;

		/// Requests open for funding (at most 100).
		fn open_requests() -> Vec<(LoanId, LoanView<AccountId>)>;
	}
}
