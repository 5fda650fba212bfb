//! Repayment capacity: the debt service book, each person's limit, and the check every credit
//! application passes (see [`xindai_primitives::capacity`] for the rules and their bounds).
//!
//! - **Booked service.** P2P requests and SME credit lines book their monthly debt service
//!   ([`DebtService`], in the asset's units, per account and position) when the application is
//!   accepted, and end it when the loan or line ends. Pool debt books nothing: its service is a
//!   month of interest on the recorded principal at the pool's current rate plus the borrower's
//!   tier premium (`Config::PoolRates`), priced when checked.
//! - **Re-check.** When an accepted loan or line starts (a P2P loan is disbursed, an SME line
//!   activated), the person's booked service must still be within its limit: an income
//!   attestation that expired, a limit governance lowered or pool debt taken meanwhile stop it.
//! - **Limit.** An individual's basis is the most recently issued valid income attestation of
//!   any of its person's accounts; an enterprise's is the revenue of the latest attested filing
//!   of any of its accounts, for `RevenueValidity` after the period's end. Governance's [`CapacityParameters`]
//!   turn the basis into a limit.
//! - **Check.** A new application's monthly service plus everything the person's accounts
//!   carry, valued at fresh prices (rounded up), must stay within the limit; a refusal names the
//!   limit it hit. Reads: the profile, the person's accounts, their attestations, revenue
//!   records, booked services and pool positions (each bounded by `MaxAccountsPerPerson`,
//!   `MaxAttestations` and `MaxPositions`), a price per asset and a rate per pool.

use frame_support::{ensure, traits::Get};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Saturating, Zero},
	DispatchError, FixedPointNumber, Rounding,
};
use xindai_primitives::{
	capacity::{
		self, BindingLimit, CapacityBasis, CapacityParams, CapacityView, LoanPurpose, PoolRates,
		PurposeSet,
	},
	credit::{CreditProduct, FilingSignal, PositionKey},
	interest::{mul_fixed, Rate},
	AssetId, Balance, Moment,
};

use crate::{pallet::*, positions::Valuation, types::*};

impl<T: Config> Pallet<T> {
	/// What the repayment capacity of `who`'s person is measured against at `now`.
	pub(crate) fn capacity_basis(who: &T::AccountId, now: Moment) -> CapacityBasis {
		let enterprise = Profiles::<T>::get(who).is_some_and(|p| p.kind == ProfileKind::Enterprise);
		if enterprise {
			Self::person_accounts(who)
				.iter()
				.filter_map(EnterpriseRevenue::<T>::get)
				.filter(|record| now < record.expires_at)
				.max_by_key(|record| (record.period_end, record.expires_at))
				.map_or(CapacityBasis::Unattested, |record| CapacityBasis::Revenue {
					monthly_revenue: record.monthly_revenue,
					expires_at: record.expires_at,
				})
		} else {
			Self::person_attestations(who)
				.iter()
				.filter(|a| a.is_valid_at(now))
				.filter_map(|a| a.income_band.map(|band| (a.issued_at, band, a.expires_at)))
				.max_by_key(|(issued_at, _, _)| *issued_at)
				.map_or(CapacityBasis::Unattested, |(_, band, expires_at)| CapacityBasis::Income {
					band,
					expires_at,
				})
		}
	}

	/// A month of interest on `owed` of `asset` at its pool's current rate plus the borrower's
	/// `premium` (rounded up).
	fn pool_monthly_interest(asset: AssetId, owed: Balance, premium: Rate) -> Option<Balance> {
		let Some(rate) = T::PoolRates::borrow_rate(asset) else { return Some(0) };
		let yearly = mul_fixed(owed, rate.saturating_add(premium), Rounding::Up)?;
		multiply_by_rational_with_rounding(yearly, 1, 12, Rounding::Up)
	}

	/// The monthly debt service of every account of `who`'s person, in credit units, valued as
	/// `valuation` says.
	pub(crate) fn person_monthly_service(
		who: &T::AccountId,
		valuation: Valuation,
		now: Moment,
	) -> Result<Balance, DispatchError> {
		// Pools charge their rate plus the borrower's tier premium.
		let premium = <Self as xindai_primitives::credit::CreditRegistry<T::AccountId>>::tier(who)
			.map_or(Rate::zero(), |tier| {
				Rate::saturating_from_rational(tier.rate_premium_bps, 10_000u32)
			});
		let mut total: Balance = 0;
		let mut add = |asset: AssetId, amount: Balance| -> Result<(), DispatchError> {
			let value = Self::value_in_credit_units(asset, amount, valuation, now)?;
			total = total.saturating_add(value);
			Ok(())
		};
		for account in Self::person_accounts(who) {
			for (key, monthly) in DebtService::<T>::iter_prefix(&account) {
				add(key.asset, monthly)?;
			}
			for (key, position) in Positions::<T>::iter_prefix(&account) {
				if key.product == CreditProduct::Pools && position.owed > 0 {
					let interest = Self::pool_monthly_interest(key.asset, position.owed, premium)
						.unwrap_or(Balance::MAX);
					add(key.asset, interest)?;
				}
			}
		}
		Ok(total)
	}

	/// Why `who` may not apply for credit at `product` for `purpose` with `monthly` (asset units)
	/// of new debt service, if anything stops it.
	pub(crate) fn check_repayment_capacity(
		who: &T::AccountId,
		product: CreditProduct,
		purpose: &LoanPurpose,
		asset: AssetId,
		monthly: Balance,
	) -> Result<(), DispatchError> {
		ensure!(
			!ClosedPurposes::<T>::get(product).contains(purpose.category),
			Error::<T>::PurposeClosed
		);
		Self::check_capacity(who, Some((asset, monthly)))
	}

	/// Why the person of `who` may not carry its booked debt service plus `extra` (an asset
	/// and a monthly amount) now, if anything stops it.
	pub(crate) fn check_capacity(
		who: &T::AccountId,
		extra: Option<(AssetId, Balance)>,
	) -> Result<(), DispatchError> {
		ensure!(Profiles::<T>::contains_key(who), Error::<T>::NoProfile);
		let now = Self::now();
		let (limit, binding) =
			capacity::limit(&CapacityParameters::<T>::get(), &Self::capacity_basis(who, now));
		let refused: DispatchError = match binding {
			BindingLimit::Income => Error::<T>::DebtServiceAboveIncomeLimit,
			BindingLimit::Revenue => Error::<T>::DebtServiceAboveRevenueLimit,
			BindingLimit::Unattested => Error::<T>::DebtServiceAboveUnattestedLimit,
		}
		.into();
		// A value beyond `u128` is beyond every limit.
		let overflow: DispatchError = Error::<T>::ExposureCapExceeded.into();
		let beyond = |e: DispatchError| if e == overflow { refused } else { e };
		let current =
			Self::person_monthly_service(who, Valuation::FreshForCap, now).map_err(beyond)?;
		let new = match extra {
			Some((asset, monthly)) => {
				Self::value_in_credit_units(asset, monthly, Valuation::FreshForCap, now)
					.map_err(beyond)?
			},
			None => 0,
		};
		ensure!(current.saturating_add(new) <= limit, refused);
		Ok(())
	}

	/// `who`'s repayment capacity now at the latest prices, if it has a profile.
	pub fn capacity_view(who: &T::AccountId) -> Option<CapacityView> {
		Profiles::<T>::get(who)?;
		let now = Self::now();
		let basis = Self::capacity_basis(who, now);
		let (limit, _) = capacity::limit(&CapacityParameters::<T>::get(), &basis);
		let monthly_service =
			Self::person_monthly_service(who, Valuation::Latest, now).unwrap_or_default();
		Some(CapacityView {
			basis,
			monthly_service,
			limit,
			room: limit.saturating_sub(monthly_service),
		})
	}

	/// Moves the service booked for `who` at `key` by `change` (asset units per month).
	pub(crate) fn update_debt_service(
		who: &T::AccountId,
		key: PositionKey,
		change: impl FnOnce(Balance) -> Balance,
	) {
		let before = DebtService::<T>::get(who, key).unwrap_or_default();
		let after = change(before);
		if after == before {
			return;
		}
		if after == 0 {
			DebtService::<T>::remove(who, key);
		} else {
			DebtService::<T>::insert(who, key, after);
		}
		Self::deposit_event(Event::DebtServiceChanged {
			who: who.clone(),
			position: key,
			monthly: after,
		});
	}

	/// An auditor attested a filing of the enterprise `who`: its revenue counts if the filing
	/// is the latest (by period) it has.
	pub(crate) fn note_revenue(who: &T::AccountId, signal: &FilingSignal) {
		let now = Self::now();
		let record = RevenueRecord {
			monthly_revenue: signal.monthly_revenue,
			period_end: signal.period_end,
			expires_at: signal.period_end.saturating_add(T::RevenueValidity::get()),
		};
		let newer = EnterpriseRevenue::<T>::get(who)
			.is_none_or(|old| old.expires_at <= now || old.period_end <= record.period_end);
		if newer {
			EnterpriseRevenue::<T>::insert(who, record);
		}
	}

	pub(crate) fn do_set_capacity_params(params: CapacityParams) -> Result<(), DispatchError> {
		ensure!(capacity::bounds::check(&params).is_ok(), Error::<T>::CapacityParamsOutOfBounds);
		CapacityParameters::<T>::put(params);
		Self::deposit_event(Event::CapacityParamsSet { params });
		Ok(())
	}

	pub(crate) fn do_set_closed_purposes(
		product: CreditProduct,
		closed: PurposeSet,
	) -> Result<(), DispatchError> {
		ensure!(closed.is_valid_closed_set(), Error::<T>::InvalidClosedPurposes);
		if closed == PurposeSet::EMPTY {
			ClosedPurposes::<T>::remove(product);
		} else {
			ClosedPurposes::<T>::insert(product, closed);
		}
		Self::deposit_event(Event::PurposesClosed { product, closed });
		Ok(())
	}

	/// The book's invariants: no zero entry, the parameters within their bounds, every closed
	/// set valid.
	#[cfg(any(feature = "try-runtime", test))]
	pub(crate) fn try_state_capacity() -> Result<(), sp_runtime::TryRuntimeError> {
		for (_, _, monthly) in DebtService::<T>::iter() {
			ensure!(monthly > 0, "a zero debt service is kept");
		}
		ensure!(
			capacity::bounds::check(&CapacityParameters::<T>::get()).is_ok(),
			"capacity parameters out of bounds"
		);
		for (_, closed) in ClosedPurposes::<T>::iter() {
			ensure!(closed.is_valid_closed_set(), "a product closed every purpose");
		}
		Ok(())
	}
}
