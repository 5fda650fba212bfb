//! Runtime API of Xindai's SME finance, for enterprises, financiers, underwriters and buyers.
//!
//! From @polkadot/api: `api.call.smeFinanceApi.filings(who)`, `api.call.smeFinanceApi.line(id)`,
//! `api.call.smeFinanceApi.lines(who)`, `api.call.smeFinanceApi.invoices(who)`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;

pub use pallet_sme_finance::{types::LineId, FilingView, InvoiceView, LineView, MilestoneView};

sp_api::decl_runtime_apis! {
	/// Read access to filings, credit lines and invoices, at the current block's time.
	pub trait SmeFinanceApi<AccountId, DepositBalance>
	where
		AccountId: Codec,
		DepositBalance: Codec,
	{
		/// The enterprise's filings, with their audit and derived ratios (net margin,
		/// receivables to payables, revenue per employee).
		fn filings(enterprise: AccountId) -> Vec<FilingView<AccountId>>;

		/// A credit line: terms, milestones (released / pending), drawn principal, interest
		/// accrued to now, what is due, the next due date and whether it is overdue.
		fn line(id: LineId) -> Option<LineView<AccountId>>;

		/// The enterprise's lines, as [`line`](Self::line) shows them.
		fn lines(enterprise: AccountId) -> Vec<LineView<AccountId>>;

		/// The enterprise's open invoices with their state (submitted, confirmed, financed,
		/// under recourse).
		fn invoices(enterprise: AccountId) -> Vec<InvoiceView<AccountId, DepositBalance>>;
	}
}
