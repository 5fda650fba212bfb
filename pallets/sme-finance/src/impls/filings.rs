//! Filings: an enterprise files a report per period (a commitment to its statements and key
//! figures, a deposit held for a new one); an admitted auditor attests it, naming what it
//! reviewed, which locks it and tells the enterprise registry.

use frame_support::pallet_prelude::*;
use sp_core::H256;
use xindai_primitives::credit::{EnterpriseRegistry, FilingSignal};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_file_report(
		enterprise: &T::AccountId,
		period: ReportingPeriod,
		commitment: H256,
		metrics: FinancialMetrics,
	) -> DispatchResult {
		Self::ensure_enterprise(enterprise)?;
		ensure!(period_is_valid(&period), Error::<T>::InvalidPeriod);
		ensure!(metrics_in_bounds(&metrics), Error::<T>::MetricsOutOfBounds);
		match Filings::<T>::get(enterprise, period) {
			Some(existing) => ensure!(existing.audit.is_none(), Error::<T>::FilingLocked),
			None => {
				let count = FilingCount::<T>::get(enterprise);
				ensure!(count < T::MaxFilings::get(), Error::<T>::TooManyFilings);
				Self::hold_deposit(enterprise)?;
				FilingCount::<T>::insert(enterprise, count + 1);
			},
		}
		let filing = Filing { commitment, metrics, filed_at: Self::now(), audit: None };
		Filings::<T>::insert(enterprise, period, filing);
		Self::deposit_event(Event::ReportFiled {
			enterprise: enterprise.clone(),
			period,
			commitment,
		});
		Ok(())
	}

	pub(crate) fn do_attest_report(
		auditor: &T::AccountId,
		enterprise: &T::AccountId,
		period: ReportingPeriod,
		commitment: H256,
		metrics: FinancialMetrics,
	) -> DispatchResult {
		use xindai_primitives::credit::VerifierKind;
		ensure!(
			T::Enterprises::is_verifier_of(auditor, VerifierKind::Auditor),
			Error::<T>::NotVerifier
		);
		ensure!(auditor != enterprise, Error::<T>::SelfAttestation);
		let mut filing = Filings::<T>::get(enterprise, period).ok_or(Error::<T>::FilingNotFound)?;
		ensure!(filing.audit.is_none(), Error::<T>::FilingLocked);
		ensure!(
			filing.commitment == commitment && filing.metrics == metrics,
			Error::<T>::FilingMismatch
		);
		filing.audit = Some(Audit { auditor: auditor.clone(), at: Self::now() });
		let signal = FilingSignal {
			profitable: filing.metrics.net_profit > 0,
			monthly_revenue: filing.metrics.revenue / u128::from(period.months()),
			period_end: period.end_ms(),
		};
		Filings::<T>::insert(enterprise, period, filing);
		T::Enterprises::note_attested_filing(enterprise, signal)?;
		Self::deposit_event(Event::ReportAttested {
			enterprise: enterprise.clone(),
			period,
			auditor: auditor.clone(),
		});
		Ok(())
	}
}
