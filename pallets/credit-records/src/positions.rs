//! The exposure book: what each product lent each account, per asset, in the asset's own units
//! ([`Positions`]), and its valuation in credit units.
//!
//! Products report principal as it is lent, committed, repaid and written off; the book moves by
//! exactly those amounts, so a product's loans and its positions here stay equal (checked by
//! every product's `try_state` through [`CreditRegistry::position`] and
//! [`CreditRegistry::product_total`], which adds the positions up: no running total is written
//! on every loan, a write each borrower of a product would otherwise pay). Prices enter only when the book is **valued**: at fresh
//! prices, rounded up, for the exposure cap; at the latest price of any age for what a wallet
//! shows and for the history's totals.

use alloc::vec::Vec;
use frame_support::traits::Get;
use sp_runtime::{DispatchError, Rounding};
use xindai_primitives::{
	credit::{PositionKey, ReportedPosition},
	price::{self, PriceProvider},
	AssetId, Balance, Moment,
};

use crate::{pallet::*, types::CreditHistory};

/// How a valuation treats prices.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Valuation {
	/// For the exposure cap: prices no older than `MaxPriceAge`, values rounded up; a missing or
	/// stale price is an error.
	FreshForCap,
	/// For display and statistics: the latest price of any age, rounded down; unpriced is 0.
	Latest,
}

impl<T: Config> Pallet<T> {
	/// `amount` of `asset` in credit units, valued as `valuation` says.
	pub(crate) fn value_in_credit_units(
		asset: AssetId,
		amount: Balance,
		valuation: Valuation,
		now: Moment,
	) -> Result<Balance, DispatchError> {
		if amount == 0 || asset == T::CreditAsset::get() {
			return Ok(amount);
		}
		match valuation {
			Valuation::FreshForCap => {
				let quote = T::Prices::price(asset)
					.filter(|quote| quote.is_fresh(now, T::MaxPriceAge::get()))
					.ok_or(Error::<T>::PriceUnavailable)?;
				// A value beyond `u128` is beyond every cap.
				Ok(price::value_of(amount, quote.price, Rounding::Up)
					.ok_or(Error::<T>::ExposureCapExceeded)?)
			},
			Valuation::Latest => Ok(price::report_value::<T::Prices>(asset, amount)),
		}
	}

	/// Debt and commitments of every position of `who`'s person (all its accounts), plus
	/// `extra` (a new borrowing), in credit units; a new borrowing in an asset of none of the positions is refused beyond
	/// `MaxPositions`. Reads the account's positions: at most `MaxPositions`, plus one per
	/// (product, asset) of recourse debt booked without asking.
	pub(crate) fn exposure_value(
		who: &T::AccountId,
		extra: Option<(AssetId, Balance)>,
		valuation: Valuation,
		now: Moment,
	) -> Result<Balance, DispatchError> {
		let mut total: Balance = 0;
		let mut new_asset = extra.map(|(asset, _)| asset);
		let mut open = 0u32;
		// One person, one cap: every account of the person counts.
		let mut amounts: Vec<(AssetId, Balance)> = Vec::new();
		for account in Self::person_accounts(who) {
			for (key, position) in Positions::<T>::iter_prefix(&account) {
				open = open.saturating_add(1);
				if new_asset == Some(key.asset) {
					new_asset = None;
				}
				amounts.push((key.asset, position.owed.saturating_add(position.committed)));
			}
		}
		amounts.extend(extra);
		// New credit in an asset none of the positions is in opens a position: within the bound.
		// (In an asset it already owes, another product may open one: an account holds at most
		// one position per product in each of at most `MaxPositions` assets.)
		if new_asset.is_some() {
			frame_support::ensure!(open < T::MaxPositions::get(), Error::<T>::TooManyPositions);
		}
		for (asset, amount) in amounts {
			let value = Self::value_in_credit_units(asset, amount, valuation, now)?;
			total = total.checked_add(value).ok_or(Error::<T>::ExposureCapExceeded)?;
		}
		Ok(total)
	}

	/// Debt and commitments of `who` at the latest prices: what a wallet shows.
	pub(crate) fn shown_exposure(who: &T::AccountId, now: Moment) -> (Balance, Balance) {
		Positions::<T>::iter_prefix(who).fold((0, 0), |(owed, committed), (key, position)| {
			let value = |amount| {
				Self::value_in_credit_units(key.asset, amount, Valuation::Latest, now)
					.unwrap_or_default()
			};
			(
				owed.saturating_add(value(position.owed)),
				committed.saturating_add(value(position.committed)),
			)
		})
	}

	/// The open positions of `who`, at most `MaxPositions`.
	pub fn positions_of(who: &T::AccountId) -> Vec<(PositionKey, ReportedPosition)> {
		Positions::<T>::iter_prefix(who).collect()
	}

	/// Changes the position `key` of `who` with `change`, keeping the product total, the
	/// history's count of open positions (`history` is written by the caller) and the rule that
	/// empty positions are removed. A hook books what happened whatever the count:
	/// `MaxPositions` is enforced when new credit is asked for (`ensure_can_borrow`), and only
	/// debt arising from an earlier obligation (recourse) can add a position without asking.
	pub(crate) fn update_position(
		who: &T::AccountId,
		history: &mut CreditHistory,
		key: PositionKey,
		change: impl FnOnce(&mut ReportedPosition) -> Result<(), DispatchError>,
	) -> Result<ReportedPosition, DispatchError> {
		let before = Positions::<T>::get(who, key);
		let mut after = before.unwrap_or_default();
		change(&mut after)?;
		let before = before.unwrap_or_default();
		// Nothing moved (an interest-only payment, a zero amount): the book stays as it is,
		// unwritten.
		if before == after {
			return Ok(after);
		}
		match (before.is_empty(), after.is_empty()) {
			(true, false) => history.open_positions = history.open_positions.saturating_add(1),
			(false, true) => history.open_positions = history.open_positions.saturating_sub(1),
			_ => {},
		}
		if after.is_empty() {
			Positions::<T>::remove(who, key);
		} else {
			Positions::<T>::insert(who, key, after);
		}
		Ok(after)
	}

	/// The book's invariants: no empty position, and each history counts its positions.
	#[cfg(any(feature = "try-runtime", test))]
	pub(crate) fn try_state_positions() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::ensure;

		let mut counts: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (who, _, position) in Positions::<T>::iter() {
			ensure!(!position.is_empty(), "an empty position is stored");
			// A person's positions are counted in the history its accounts share.
			*counts.entry(Self::history_holder(&who)).or_default() += 1;
		}
		for (who, history) in Histories::<T>::iter() {
			let count = counts.remove(&who).unwrap_or_default();
			ensure!(history.open_positions == count, "a history miscounts its positions");
		}
		ensure!(counts.is_empty(), "positions of an account without a history");
		Ok(())
	}
}
