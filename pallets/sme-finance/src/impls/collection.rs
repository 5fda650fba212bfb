//! Collection of defaulted credit lines: the line's source (its financier, or for a pool-funded
//! line the underwriter acting for the pool) assigns an admitted collection agent, who gets
//! time-limited access to the enterprise's contact file (the enterprise agreed to this in the
//! line's terms) and pays what it recovers with `repay_line`, so the source's money, the history
//! and the score follow as for any payment. A new assignment replaces the agent (ending its
//! access) or renews the access; repayment in full ends it with the line.

use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::DispatchResult;
use xindai_primitives::{
	collection::{self, AssignRefused, CollectionAccess, CollectionCase},
	credit::CreditProduct,
	Balance,
};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	fn line_case(line: LineId) -> CollectionCase {
		CollectionCase { product: CreditProduct::SmeFinance, id: line }
	}

	/// `caller` is the signer, or `None` for the underwriter origin.
	pub(crate) fn do_assign_line_collector(
		caller: Option<T::AccountId>,
		id: LineId,
		agent: T::AccountId,
	) -> DispatchResult {
		let line = Lines::<T>::get(id).ok_or(Error::<T>::LineNotFound)?;
		let is_source = match (&line.source, &caller) {
			(Some(LineSource::Financier(financier)), Some(who)) => financier == who,
			(Some(LineSource::Pool), None) => true,
			_ => false,
		};
		ensure!(is_source, Error::<T>::NotLineSource);
		ensure!(line.status == LineStatus::Defaulted, Error::<T>::WrongLineStatus);
		ensure!(T::Collections::is_collection_agent(&agent), Error::<T>::NotCollectionAgent);
		let case = Self::line_case(id);
		let now = Self::now();
		let current = LineCollections::<T>::get(id);
		let assignment = collection::assign::<_, T::Collections>(
			current,
			&line.enterprise,
			agent.clone(),
			case,
			now,
			T::CollectionAccessPeriod::get(),
		)
		.map_err(|refused| match refused {
			AssignRefused::RenewalsExhausted => Error::<T>::RenewalsExhausted.into(),
			AssignRefused::Grant(error) => error,
		})?;
		let access_until = assignment.access_until;
		LineCollections::<T>::insert(id, assignment);
		Self::deposit_event(Event::LineCollectorAssigned { line: id, agent, access_until });
		Ok(())
	}

	/// `payer` paid `amount` on line `id`: recorded as recovered if it is the assigned agent.
	pub(crate) fn note_line_collection_payment(id: LineId, payer: &T::AccountId, amount: Balance) {
		// Read, and written only when the agent paid (see the P2P pallet's twin).
		let Some(mut assignment) = LineCollections::<T>::get(id) else { return };
		if assignment.note_payment(payer, amount) {
			let recovered = assignment.recovered;
			LineCollections::<T>::insert(id, assignment);
			Self::deposit_event(Event::LineCollectionRecovered {
				line: id,
				agent: payer.clone(),
				amount,
				recovered,
			});
		}
	}

	/// The line is gone: its agent's access ends with it.
	pub(crate) fn end_line_collection(id: LineId, enterprise: &T::AccountId) {
		if let Some(assignment) = LineCollections::<T>::take(id) {
			T::Collections::end_collection_access(
				enterprise,
				&assignment.agent,
				Self::line_case(id),
			);
		}
	}
}
