//! Moving assets in and out of a pallet's custody without ever leaving dust behind.
//!
//! `pallet-assets` (at stable2609) burns what a transfer would leave below the asset's minimum
//! balance in the source account when the transfer may reap it (`Preservation::Expendable`),
//! credits the destination only the amount, and reduces no supply (polkadot-sdk PR #13230): the
//! dust vanishes from every book and the asset's supply no longer equals the sum of its accounts.
//! It also refuses to credit less than the minimum balance to an account that does not exist, so
//! an emptied custody account cannot receive a dust-sized repayment.
//!
//! The rules every lending pallet follows, through the two functions here:
//!
//! - A custody account stays alive: the first time it receives an asset, the payer adds the
//!   asset's minimum balance, a reserve outside the books that is never paid out
//!   ([`deposit_into_custody`]). Genesis seeds the reserve for the dev assets.
//! - No transfer leaves dust: moving a whole balance closes the source account, anything else
//!   keeps it alive and fails, moving nothing, if it would leave less than the minimum
//!   ([`transfer_without_dust`]).

use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
use sp_runtime::{traits::Zero, DispatchError, Saturating};

/// Transfers `amount` of `asset` from `from` to `to` without leaving dust in `from`: the whole
/// balance closes the account, any other amount must leave at least the minimum balance.
pub fn transfer_without_dust<AccountId: Eq, A: Mutate<AccountId>>(
	asset: A::AssetId,
	from: &AccountId,
	to: &AccountId,
	amount: A::Balance,
) -> Result<A::Balance, DispatchError> {
	if amount.is_zero() {
		return Ok(amount);
	}
	let preservation = if A::balance(asset.clone(), from) == amount {
		Preservation::Expendable
	} else {
		Preservation::Preserve
	};
	A::transfer(asset, from, to, amount, preservation)
}

/// Moves `amount` of `asset` from `payer` into the custody account `custody`. When custody holds
/// none of the asset yet, the payer adds the asset's minimum balance: custody's reserve, outside
/// the books, which keeps it alive so that paying out never burns dust. When the payment would
/// leave the payer less than the minimum balance, the payer's whole balance moves (the rest is
/// a donation to custody, outside the books): a debtor can always pay, and nothing vanishes.
/// Returns what the payer paid in all.
pub fn deposit_into_custody<AccountId: Eq, A: Mutate<AccountId>>(
	asset: A::AssetId,
	payer: &AccountId,
	custody: &AccountId,
	amount: A::Balance,
) -> Result<A::Balance, DispatchError> {
	if amount.is_zero() {
		return Ok(amount);
	}
	let reserve = if A::balance(asset.clone(), custody).is_zero() {
		A::minimum_balance(asset.clone())
	} else {
		Zero::zero()
	};
	let mut total = amount.saturating_add(reserve);
	let held = A::balance(asset.clone(), payer);
	// More than the payer holds is refused as such (an amount above the asset's whole supply
	// would otherwise fail as an arithmetic underflow, which tells the user nothing).
	if total > held {
		return Err(sp_runtime::TokenError::FundsUnavailable.into());
	}
	if held > total && held.saturating_sub(total) < A::minimum_balance(asset.clone()) {
		total = held;
	}
	transfer_without_dust::<AccountId, A>(asset, payer, custody, total)
}
