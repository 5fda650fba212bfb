//! The runtime API views (`SmeFinanceApi`): the structs it returns and the functions building
//! them, the filings with their ratios, the lines accrued to now and the open invoices.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;
use sp_runtime::{FixedI64, FixedPointNumber, FixedU128};
use xindai_primitives::{Balance, Moment};

use crate::{pallet::*, types::*};

/// A filing with the ratios lenders read from it (`SmeFinanceApi::filings`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct FilingView<AccountId> {
	/// The period covered.
	pub period: ReportingPeriod,
	/// The filing as stored.
	pub filing: Filing<AccountId>,
	/// Net profit over revenue; `None` without revenue.
	pub net_margin: Option<FixedI64>,
	/// Receivables over payables; `None` without payables.
	pub receivables_to_payables: Option<FixedU128>,
	/// Revenue per employee (credit units); `None` without employees.
	pub revenue_per_employee: Option<Balance>,
}

/// A milestone and whether its tranche was released.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct MilestoneView<AccountId> {
	/// As declared.
	pub spec: MilestoneSpec,
	/// Released (attested) or pending.
	pub released: bool,
	/// Who attested it and when.
	pub attested: Option<Audit<AccountId>>,
}

/// A credit line as the enterprise and its source see it now (`SmeFinanceApi::line`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct LineView<AccountId> {
	/// The line's id.
	pub id: LineId,
	/// The borrowing enterprise.
	pub enterprise: AccountId,
	/// The terms (with the stated purpose).
	pub terms: LineTerms,
	/// The monthly debt service the line books against the enterprise's repayment capacity
	/// (in the lent asset; 0 once it defaulted).
	pub monthly_service: Balance,
	/// Where it stands.
	pub status: LineStatus,
	/// Where the money comes from.
	pub source: Option<LineSource<AccountId>>,
	/// The milestones, released or pending.
	pub milestones: Vec<MilestoneView<AccountId>>,
	/// Σ released tranches.
	pub released: Balance,
	/// Still committed, not drawn.
	pub undrawn: Balance,
	/// Drawn principal owed.
	pub principal: Balance,
	/// Interest accrued to now, unpaid.
	pub accrued_interest: Balance,
	/// What is due now (interest past due dates; after maturity, everything).
	pub due: Balance,
	/// The next due date (milliseconds), if before maturity; else maturity.
	pub next_due_at: Moment,
	/// Funding and maturity (milliseconds); zero before funding.
	pub started_at: Moment,
	pub maturity: Moment,
	/// Since when something is unpaid, and whether that is beyond the grace period.
	pub overdue_since: Option<Moment>,
	pub overdue: bool,
	/// Interest and principal paid so far.
	pub interest_paid: Balance,
	pub principal_repaid: Balance,
}

/// An open invoice (`SmeFinanceApi::invoices`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct InvoiceView<AccountId, DepositBalance> {
	/// The invoice's id.
	pub id: InvoiceId,
	/// The invoice as stored (its `status` says where it stands).
	pub invoice: Invoice<AccountId, DepositBalance>,
}

impl<T: Config> Pallet<T> {
	/// The filings of `who` with their ratios.
	pub fn filings(who: &T::AccountId) -> Vec<FilingView<T::AccountId>> {
		Filings::<T>::iter_prefix(who)
			.map(|(period, filing)| {
				let m = filing.metrics;
				let net_margin = (m.revenue > 0 && m.revenue <= i128::MAX as u128).then(|| {
					let revenue = m.revenue as i128;
					FixedI64::checked_from_rational(m.net_profit, revenue).unwrap_or_default()
				});
				FilingView {
					period,
					net_margin,
					receivables_to_payables: (m.payables > 0)
						.then(|| FixedU128::saturating_from_rational(m.receivables, m.payables)),
					revenue_per_employee: (m.employees > 0)
						.then(|| m.revenue / m.employees as Balance),
					filing,
				}
			})
			.collect()
	}

	/// A line accrued to now.
	pub fn line_view(id: LineId) -> Option<LineView<T::AccountId>> {
		let now = Self::now();
		let mut line = Lines::<T>::get(id)?;
		let started =
			matches!(line.status, LineStatus::Active | LineStatus::Closing | LineStatus::Defaulted);
		let clock = Self::clock(&line);
		if started {
			line.outstanding.accrue(&clock, now)?;
		}
		let o = line.outstanding;
		Some(LineView {
			id,
			enterprise: line.enterprise.clone(),
			terms: line.terms,
			monthly_service: line.monthly_service,
			status: line.status,
			source: line.source.clone(),
			milestones: line
				.milestones
				.iter()
				.map(|m| MilestoneView {
					spec: m.spec,
					released: m.attested.is_some(),
					attested: m.attested.clone(),
				})
				.collect(),
			released: line.released,
			undrawn: line.undrawn,
			principal: o.principal,
			accrued_interest: o.interest,
			due: if started { o.due(&clock, now) } else { 0 },
			next_due_at: if started {
				clock.next_due_after(now).unwrap_or(line.maturity)
			} else {
				0
			},
			started_at: line.started_at,
			maturity: line.maturity,
			overdue_since: o.overdue_since,
			overdue: started && o.is_overdue(&clock, now),
			interest_paid: line.interest_paid,
			principal_repaid: line.principal_repaid,
		})
	}

	/// The lines of `who`, accrued to now.
	pub fn lines(who: &T::AccountId) -> Vec<LineView<T::AccountId>> {
		EnterpriseLines::<T>::get(who).into_iter().filter_map(Self::line_view).collect()
	}

	/// The open invoices of `who`.
	pub fn invoices(who: &T::AccountId) -> Vec<InvoiceView<T::AccountId, DepositBalanceOf<T>>> {
		EnterpriseInvoices::<T>::get(who)
			.into_iter()
			.filter_map(|id| Invoices::<T>::get(id).map(|invoice| InvoiceView { id, invoice }))
			.collect()
	}
}
