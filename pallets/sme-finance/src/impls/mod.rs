//! The logic behind the calls, the runtime API views and `try_state`, one file per concern (as
//! the tests are): filings, credit lines (application to closing, with their tranches), line
//! repayment and default, invoices, recourse, the runtime API views and the invariants. This
//! module keeps the helpers they share: the pallet account, the clock, prices, transfers,
//! deposits, credit reports and parameter checks.

mod collection;
mod filings;
mod invoices;
mod line_repayment;
mod lines;
mod notices;
mod recourse;
#[cfg(any(test, feature = "try-runtime"))]
mod try_state;
mod views;

pub use views::{FilingView, InvoiceView, LineView, MilestoneView};

use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision, Time},
};
use sp_runtime::traits::AccountIdConversion;
use xindai_primitives::{
	credit::{lateness_bounds, CreditProduct, EnterpriseRegistry, PositionKey, DAY_MS},
	custody, AssetId, Balance, Moment, MILLISECONDS_PER_SECOND,
};

use crate::{accrual::Clock, pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// The account holding financiers' undrawn limits.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	fn now() -> Moment {
		T::Time::now()
	}

	/// Where the credit registry books this pallet's credit in `asset` (lines, financed
	/// invoices as the buyer's debt, recourse as the enterprise's).
	pub(crate) fn credit_position(asset: AssetId) -> PositionKey {
		PositionKey::new(CreditProduct::SmeFinance, asset)
	}

	/// The calendar and rates of an active line.
	pub fn clock(line: &LineOf<T>) -> Clock {
		let params = Params::<T>::get();
		Clock {
			started_at: line.started_at,
			maturity: line.maturity,
			period: T::InterestPeriod::get().saturating_mul(MILLISECONDS_PER_SECOND),
			grace: params.grace_period.saturating_mul(MILLISECONDS_PER_SECOND),
			rate: line.terms.annual_rate,
			penalty_rate: params.penalty_rate,
		}
	}

	fn accrue(line: &mut LineOf<T>, now: Moment) -> Result<Clock, Error<T>> {
		let clock = Self::clock(line);
		line.outstanding.accrue(&clock, now).ok_or(Error::<T>::Overflow)?;
		Ok(clock)
	}

	fn hold_deposit(who: &T::AccountId) -> Result<DepositBalanceOf<T>, DispatchError> {
		let deposit = T::RecordDeposit::get();
		T::Currency::hold(&HoldReason::RecordDeposit.into(), who, deposit)?;
		Ok(deposit)
	}

	fn release_deposit(who: &T::AccountId, deposit: DepositBalanceOf<T>) {
		if deposit.is_zero() {
			return;
		}
		if let Err(error) = T::Currency::release(
			&HoldReason::RecordDeposit.into(),
			who,
			deposit,
			Precision::BestEffort,
		) {
			log::warn!(target: "sme-finance", "deposit release failed: {error:?}");
		}
	}

	fn transfer(
		asset: AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		// Into custody, the first payer of an asset adds its minimum balance (custody's reserve,
		// outside the books); no transfer leaves dust behind (see `xindai_primitives::custody`).
		if *to == Self::account_id() {
			custody::deposit_into_custody::<_, T::Assets>(asset, from, to, amount)?;
		} else {
			custody::transfer_without_dust::<_, T::Assets>(asset, from, to, amount)?;
		}
		Ok(())
	}

	/// Checks `params` against [`bounds`].
	pub fn ensure_valid_params(params: &SmeParams) -> DispatchResult {
		use bounds::*;
		lateness_bounds::check(params.grace_period, params.penalty_rate, params.default_after_days)
			.map_err(|broken| match broken {
				lateness_bounds::Broken::GracePeriod => Error::<T>::GracePeriodTooLong,
				lateness_bounds::Broken::PenaltyRate => Error::<T>::PenaltyRateTooHigh,
				lateness_bounds::Broken::DefaultDays => Error::<T>::DefaultDaysOutOfBounds,
			})?;
		ensure!(
			params.max_advance_rate <= MAX_ADVANCE_RATE && params.max_fee_rate <= MAX_FEE_RATE,
			Error::<T>::InvoiceLimitsOutOfBounds
		);
		ensure!(
			xindai_primitives::overdue::valid_notice_days(&params.notice_days),
			Error::<T>::NoticeDaysInvalid
		);
		Ok(())
	}

	fn ensure_enterprise(who: &T::AccountId) -> DispatchResult {
		ensure!(T::Enterprises::is_verified_enterprise(who), Error::<T>::NotVerifiedEnterprise);
		Ok(())
	}

	fn default_threshold() -> Moment {
		(Params::<T>::get().default_after_days as Moment).saturating_mul(DAY_MS)
	}

	/// Handles the result of a report to the credit registry that must not stop a money flow
	/// (a debtor must always be able to pay): a failure is announced, never swallowed.
	pub(crate) fn report(result: DispatchResult) {
		if let Err(error) = result {
			log::warn!(target: "sme-finance", "credit report failed: {error:?}");
			Self::deposit_event(Event::CreditReportFailed { error });
		}
	}
}
