//! The pallet's invariants (`try_state`), checked after every unit test and by `try-runtime`:
//! custody, each line's amounts and milestones, the enterprise lists, invoice states and
//! filing counts.

use frame_support::ensure;
use xindai_primitives::{
	credit::{CreditRegistry, ReportedPosition},
	facility::CreditFacilities,
	AssetId, Balance,
};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// The pallet's invariants:
	/// - custody: the pallet account holds, of every asset, the undrawn limits of its
	///   financier-funded lines (more only if someone sent it assets directly);
	/// - each line: Σ released tranches ≤ limit, released + undrawn = limit while active,
	///   released = Σ attested milestones, milestones attested in order, interest due ≤
	///   interest; a pool-funded line's facility matches its undrawn commitment;
	/// - lines and open invoices are listed under their enterprise, and only those;
	/// - invoices: a legal state (financing exactly when financed or under recourse, recourse
	///   owed only under recourse), their hash indexed to them;
	/// - filing counts equal the stored filings;
	/// - the credit registry books exactly what the lines and invoices say, per account and in
	///   total per asset: an active line's undrawn limit as committed and its principal as owed
	///   (nothing once it defaulted: written off), a confirmed or financed invoice's amount as
	///   the buyer's debt, a recourse's amount still owed as the enterprise's; and the monthly
	///   debt service of every line that has not defaulted.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungibles::Inspect;
		let mut custody: BTreeMap<AssetId, Balance> = BTreeMap::new();
		let mut booked: BTreeMap<(T::AccountId, AssetId), ReportedPosition> = BTreeMap::new();
		let mut services: BTreeMap<(T::AccountId, AssetId), Balance> = BTreeMap::new();
		for (id, line) in Lines::<T>::iter() {
			let book = booked.entry((line.enterprise.clone(), line.terms.asset)).or_default();
			book.committed += line.committed;
			*services.entry((line.enterprise.clone(), line.terms.asset)).or_default() +=
				line.monthly_service;
			ensure!(
				line.status != LineStatus::Defaulted || line.monthly_service == 0,
				"a defaulted line still books debt service"
			);
			if matches!(line.status, LineStatus::Active | LineStatus::Closing) {
				book.owed += line.outstanding.principal;
			}
			ensure!(line.released <= line.terms.limit, "released above the limit");
			let attested: Balance = line
				.milestones
				.iter()
				.filter(|m| m.attested.is_some())
				.map(|m| m.spec.amount)
				.sum();
			ensure!(attested == line.released, "released differs from attested milestones");
			let pending =
				line.next_milestone().map(|i| i as usize).unwrap_or(line.milestones.len());
			ensure!(
				line.milestones.iter().skip(pending).all(|m| m.attested.is_none()),
				"milestone attested out of order"
			);
			ensure!(
				line.outstanding.interest_due <= line.outstanding.interest,
				"interest due above interest"
			);
			ensure!(line.outstanding.principal <= line.released, "principal above released");
			match line.status {
				LineStatus::Active => ensure!(
					line.released + line.undrawn == line.terms.limit,
					"active line's released + undrawn differ from its limit"
				),
				_ => ensure!(line.undrawn == 0, "undrawn funds on a line that cannot draw"),
			}
			match line.status {
				LineStatus::Active => ensure!(
					line.undrawn == line.committed,
					"an active line commits another amount than its undrawn limit"
				),
				_ => ensure!(line.committed == 0, "a line that cannot draw still commits credit"),
			}
			match &line.source {
				Some(LineSource::Financier(_)) => {
					*custody.entry(line.terms.asset).or_default() += line.undrawn;
				},
				Some(LineSource::Pool) => {
					let undrawn = T::Facilities::facility(line.terms.asset, id)
						.map(|f| f.undrawn)
						.unwrap_or(0);
					ensure!(undrawn == line.undrawn, "facility commitment differs from undrawn");
				},
				None => ensure!(line.status == LineStatus::Applied, "unapproved line past Applied"),
			}
			ensure!(
				EnterpriseLines::<T>::get(&line.enterprise).contains(&id),
				"line not listed under its enterprise"
			);
		}
		xindai_primitives::capacity::check_service_book::<_, T::Credit>(
			xindai_primitives::credit::CreditProduct::SmeFinance,
			services,
		)?;
		for (who, lines) in EnterpriseLines::<T>::iter() {
			for id in lines {
				ensure!(
					Lines::<T>::get(id).is_some_and(|l| l.enterprise == who),
					"listed line missing"
				);
			}
		}
		let account = Self::account_id();
		for (asset, held) in custody {
			// At least: assets sent to the account directly are a donation, not an error.
			ensure!(T::Assets::balance(asset, &account) >= held, "custody below undrawn");
		}
		for (id, invoice) in Invoices::<T>::iter() {
			ensure!(
				InvoiceHashes::<T>::get(invoice.invoice_hash)
					== Some(InvoiceHashRecord { invoice: id, forget_after: None }),
				"invoice hash not indexed as open"
			);
			ensure!(
				EnterpriseInvoices::<T>::get(&invoice.enterprise).contains(&id),
				"invoice not listed under its enterprise"
			);
			match (invoice.status, &invoice.financing) {
				(InvoiceStatus::Submitted, None) => {},
				(InvoiceStatus::Confirmed, None) => {
					booked.entry((invoice.buyer.clone(), invoice.asset)).or_default().owed +=
						invoice.amount;
				},
				(InvoiceStatus::Financed, Some(f)) => {
					booked.entry((invoice.buyer.clone(), invoice.asset)).or_default().owed +=
						invoice.amount;
					ensure!(f.recourse_owed == 0, "recourse owed before recourse");
					ensure!(f.advance + f.fee <= invoice.amount, "advance + fee above amount");
				},
				(InvoiceStatus::Recourse, Some(f)) => {
					ensure!(f.recourse_owed > 0, "recourse with nothing owed kept");
					ensure!(f.recourse_owed <= f.advance, "recourse above the advance");
					booked.entry((invoice.enterprise.clone(), invoice.asset)).or_default().owed +=
						f.recourse_owed;
				},
				_ => return Err("illegal invoice state".into()),
			}
		}
		for (who, open) in EnterpriseInvoices::<T>::iter() {
			for id in open {
				ensure!(
					Invoices::<T>::get(id).is_some_and(|i| i.enterprise == who),
					"listed invoice missing"
				);
			}
		}
		let mut totals: BTreeMap<AssetId, ReportedPosition> = BTreeMap::new();
		for ((who, asset), book) in booked {
			ensure!(
				T::Credit::position(&who, Self::credit_position(asset)) == book,
				"the credit registry books another debt than the lines and invoices"
			);
			let total = totals.entry(asset).or_default();
			total.owed += book.owed;
			total.committed += book.committed;
		}
		for (asset, total) in totals {
			ensure!(
				T::Credit::product_total(Self::credit_position(asset)) == total,
				"the credit registry's SME total differs from the lines and invoices"
			);
		}
		for (_, record) in InvoiceHashes::<T>::iter() {
			ensure!(
				record.forget_after.is_some() != Invoices::<T>::contains_key(record.invoice),
				"an open invoice's hash is forgettable, or an ended one's is not"
			);
		}
		for (who, count) in FilingCount::<T>::iter() {
			ensure!(
				Filings::<T>::iter_prefix(&who).count() as u32 == count,
				"filing count differs from filings"
			);
		}
		for (id, _) in LineCollections::<T>::iter() {
			ensure!(
				Lines::<T>::get(id).is_some_and(|line| line.status == LineStatus::Defaulted),
				"a collection agent on a line that is not in default"
			);
		}
		Ok(())
	}
}
