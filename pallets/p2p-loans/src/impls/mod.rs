//! The logic behind the calls, the `on_idle` sweep, the runtime API views and `try_state`, one
//! file per concern: requests, funding, repayment, default, the share market, the sweep, the
//! views and the invariants. This module holds what they share: the custody account, the clock,
//! prices, credit reports, the check of the risk parameters and the types the runtime API returns
//! (kept here so that their paths in the metadata stay `pallet_p2p_loans::impls::*`).

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{ensure, pallet_prelude::*, traits::Time};
use scale_info::TypeInfo;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, Zero},
	DispatchResult, Rounding,
};
use xindai_primitives::{
	credit::{lateness_bounds, CreditProduct, PositionKey},
	price::{self, PriceProvider},
	AssetId, Balance, Moment,
};

use crate::{pallet::*, types::*};

mod collection;
mod default;
mod funding;
mod market;
mod notices;
mod prune;
mod repayment;
mod requests;
mod sweep;
#[cfg(any(test, feature = "try-runtime"))]
mod try_state;
mod views;

pub use xindai_primitives::credit::DAY_MS;

/// Where an instalment stands (`P2pLoansApi::loan`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum InstalmentState {
	/// Fully paid.
	Paid,
	/// Due and within the grace period.
	Due,
	/// Past due and grace: accruing penalty.
	Overdue,
	/// Not due yet.
	Upcoming,
}

/// An instalment as a borrower sees it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct InstalmentView {
	/// The instalment, with what was paid of it.
	pub instalment: Instalment,
	/// Where it stands now.
	pub state: InstalmentState,
}

/// A loan as borrowers and lenders see it (`P2pLoansApi::loan`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct LoanView<AccountId> {
	/// Who borrows.
	pub borrower: AccountId,
	/// The terms (with the stated purpose).
	pub terms: LoanTerms,
	/// The monthly debt service the loan books against the borrower's repayment capacity (in
	/// the lent asset; 0 once it closed, defaulted or its request ended).
	pub monthly_service: Balance,
	/// The status.
	pub status: LoanStatus,
	/// Funded so far.
	pub funded: Balance,
	/// The schedule with each instalment's state (empty before the loan starts).
	pub schedule: Vec<InstalmentView>,
	/// The next instalment not fully paid: due date and what is left of it.
	pub next_due: Option<(Moment, Balance)>,
	/// Penalty owed now.
	pub penalty_owed: Balance,
	/// What pays the loan off today: penalty, due and started interest, all principal.
	pub payoff_today: Balance,
	/// Paid in by the borrower for lenders so far.
	pub repaid: Balance,
	/// The collection agent lenders assigned, if the loan defaulted and they did.
	pub collection: Option<CollectionAssignment<AccountId>>,
}

/// A lender's position in one loan (`P2pLoansApi::positions`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PositionView {
	/// The loan.
	pub loan: LoanId,
	/// Its status.
	pub status: LoanStatus,
	/// Shares held (one per unit funded).
	pub shares: Balance,
	/// Of them, listed for sale.
	pub listed: Balance,
	/// Repayments `claim` would pay now.
	pub claimable: Balance,
	/// Collateral `claim` would pay now.
	pub collateral_claimable: Balance,
	/// A refund `claim_refund` would pay now.
	pub refundable: Balance,
}

/// `amount × part / whole`, rounded down (0 when `whole` is 0).
fn pro_rata(amount: Balance, part: Balance, whole: Balance) -> Balance {
	if whole.is_zero() {
		return 0;
	}
	multiply_by_rational_with_rounding(amount, part, whole, Rounding::Down).unwrap_or(0)
}

impl<T: Config> Pallet<T> {
	/// The custody account.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	fn now() -> Moment {
		T::Time::now()
	}

	fn fresh_price(asset: AssetId, now: Moment) -> Result<price::Price, Error<T>> {
		let p = T::Prices::price(asset).ok_or(Error::<T>::NoPrice)?;
		ensure!(p.is_fresh(now, Params::<T>::get().max_price_age), Error::<T>::PriceStale);
		Ok(p.price)
	}

	/// Where the credit registry books this pallet's loans of `asset`.
	pub(crate) fn credit_position(asset: AssetId) -> PositionKey {
		PositionKey::new(CreditProduct::P2pLoans, asset)
	}

	/// Checks `params` against [`bounds`].
	pub fn ensure_valid_params(params: &RiskParams) -> DispatchResult {
		use bounds::*;
		lateness_bounds::check(params.grace_period, params.penalty_rate, params.default_after_days)
			.map_err(|broken| match broken {
				lateness_bounds::Broken::GracePeriod => Error::<T>::GracePeriodTooLong,
				lateness_bounds::Broken::PenaltyRate => Error::<T>::PenaltyRateTooHigh,
				lateness_bounds::Broken::DefaultDays => Error::<T>::DefaultDaysOutOfBounds,
			})?;
		ensure!(
			params.max_initial_ltv <= MAX_INITIAL_LTV
				&& params.max_initial_ltv < params.liquidation_ltv,
			Error::<T>::InitialLtvOutOfBounds
		);
		ensure!(
			params.liquidator_reward <= MAX_LIQUIDATOR_REWARD,
			Error::<T>::LiquidatorRewardTooHigh
		);
		ensure!(
			(MIN_PRICE_AGE..=MAX_PRICE_AGE).contains(&params.max_price_age),
			Error::<T>::PriceAgeOutOfBounds
		);
		ensure!(
			xindai_primitives::overdue::valid_notice_days(&params.notice_days),
			Error::<T>::NoticeDaysInvalid
		);
		Ok(())
	}

	/// Handles the result of a report to the credit registry that must not stop a money flow
	/// (a debtor must always be able to pay, a request to end): a failure is announced, never
	/// swallowed.
	pub(crate) fn report(result: DispatchResult) {
		if let Err(error) = result {
			log::warn!(target: "p2p-loans", "credit report failed: {error:?}");
			Self::deposit_event(Event::CreditReportFailed { error });
		}
	}
}
