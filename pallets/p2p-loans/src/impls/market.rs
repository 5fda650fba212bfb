//! The share market: lenders list shares of a repaying loan at a price, cancel listings, and
//! buyers buy all or part of a listing; what the shares earned before the sale is paid to the
//! seller.

use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding, traits::Zero, DispatchResult, Rounding,
};
use xindai_primitives::{credit::CreditRegistry, custody, Balance};

use super::pro_rata;
use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_list_shares(
		seller: &T::AccountId,
		loan_id: LoanId,
		shares: Balance,
		price: Balance,
	) -> DispatchResult {
		let loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(loan.status.is_repayable(), Error::<T>::NotTradable);
		ensure!(shares > 0, Error::<T>::ZeroAmount);
		ensure!(price > 0, Error::<T>::ZeroPrice);
		let mut position =
			Positions::<T>::get(loan_id, seller).ok_or(Error::<T>::InsufficientShares)?;
		ensure!(
			position.shares.saturating_sub(position.listed) >= shares,
			Error::<T>::InsufficientShares
		);
		// One open listing per seller and loan: no lender can take every slot of a loan.
		ensure!(position.listed.is_zero(), Error::<T>::AlreadyListed);
		let count = ListingCount::<T>::get(loan_id);
		ensure!(count < T::MaxListingsPerLoan::get(), Error::<T>::TooManyListings);
		// A listing occupies one of the loan's slots: it holds a deposit, so filling the slots
		// through many accounts costs what it blocks.
		let deposit = T::ListingDeposit::get();
		T::Currency::hold(&HoldReason::ListingDeposit.into(), seller, deposit)?;
		position.listed += shares;
		Positions::<T>::insert(loan_id, seller, position);
		ListingCount::<T>::insert(loan_id, count + 1);
		let id = NextListingId::<T>::get();
		NextListingId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Listings::<T>::insert(
			id,
			Listing { loan: loan_id, seller: seller.clone(), shares, price, deposit },
		);
		Self::deposit_event(Event::SharesListed {
			listing: id,
			loan: loan_id,
			seller: seller.clone(),
			shares,
			price,
		});
		Ok(())
	}

	fn close_listing(listing_id: ListingId, listing: &Listing<T::AccountId, DepositBalanceOf<T>>) {
		Listings::<T>::remove(listing_id);
		// Best effort: a hold the seller's account no longer has cannot block the closing.
		let _ = T::Currency::release(
			&HoldReason::ListingDeposit.into(),
			&listing.seller,
			listing.deposit,
			Precision::BestEffort,
		);
		ListingCount::<T>::mutate_exists(listing.loan, |count| {
			*count = count.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
	}

	pub(crate) fn do_cancel_listing(who: &T::AccountId, listing_id: ListingId) -> DispatchResult {
		let listing = Listings::<T>::get(listing_id).ok_or(Error::<T>::ListingNotFound)?;
		// Once the shares cannot trade any more, anyone may clear the listing (the seller gets
		// its deposit back): a stale listing must not keep an ended loan's record alive.
		let tradable = Loans::<T>::get(listing.loan).is_some_and(|l| l.status.is_repayable());
		ensure!(&listing.seller == who || !tradable, Error::<T>::NotSeller);
		Positions::<T>::mutate(listing.loan, &listing.seller, |position| {
			if let Some(position) = position {
				position.listed = position.listed.saturating_sub(listing.shares);
			}
		});
		Self::close_listing(listing_id, &listing);
		Self::deposit_event(Event::ListingCancelled { listing: listing_id });
		Ok(())
	}

	pub(crate) fn do_buy_shares(
		buyer: &T::AccountId,
		listing_id: ListingId,
		shares: Balance,
	) -> DispatchResult {
		let mut listing = Listings::<T>::get(listing_id).ok_or(Error::<T>::ListingNotFound)?;
		let loan_id = listing.loan;
		let mut loan = Loans::<T>::get(loan_id).ok_or(Error::<T>::LoanNotFound)?;
		ensure!(loan.status.is_repayable(), Error::<T>::NotTradable);
		ensure!(T::Credit::is_verified(buyer), Error::<T>::NotVerified);
		ensure!(
			!T::Credit::same_person(buyer, &listing.seller)
				&& !T::Credit::same_person(buyer, &loan.borrower),
			Error::<T>::OwnLoan
		);
		ensure!(shares > 0, Error::<T>::ZeroAmount);
		ensure!(shares <= listing.shares, Error::<T>::InsufficientShares);
		let cost =
			multiply_by_rational_with_rounding(listing.price, shares, listing.shares, Rounding::Up)
				.ok_or(Error::<T>::Overflow)?
				.min(listing.price);
		let seller = listing.seller.clone();
		let mut from =
			Positions::<T>::get(loan_id, &seller).ok_or(Error::<T>::InsufficientShares)?;
		ensure!(from.shares >= shares && from.listed >= shares, Error::<T>::InsufficientShares);
		custody::transfer_without_dust::<_, T::Assets>(loan.terms.asset, buyer, &seller, cost)?;
		// What the shares earned up to the sale is the seller's.
		let (amount, collateral) = Self::claimable(&loan, &from);
		if amount > 0 || collateral > 0 {
			Self::pay_claim(loan_id, &mut loan, &seller, &mut from, amount, collateral)?;
		}
		let principal = loan.terms.principal;
		from.shares -= shares;
		from.listed -= shares;
		// Sold shares take their weight away from the seller's collector vote.
		Self::shares_left_voter(loan_id, &seller, shares);
		from.claimed = pro_rata(loan.distributed, from.shares, principal);
		from.collateral_claimed = pro_rata(loan.collateral_for_lenders, from.shares, principal);
		let mut to = Positions::<T>::get(loan_id, buyer).unwrap_or_default();
		to.shares = to.shares.saturating_add(shares);
		to.claimed = to.claimed.saturating_add(pro_rata(loan.distributed, shares, principal));
		to.collateral_claimed = to.collateral_claimed.saturating_add(pro_rata(
			loan.collateral_for_lenders,
			shares,
			principal,
		));
		Self::add_lender_loan(buyer, loan_id)?;
		Positions::<T>::insert(loan_id, buyer, to);
		if from.shares.is_zero() {
			Positions::<T>::remove(loan_id, &seller);
			Self::remove_lender_loan(&seller, loan_id);
		} else {
			Positions::<T>::insert(loan_id, &seller, from);
		}
		listing.shares -= shares;
		listing.price -= cost;
		if listing.shares.is_zero() {
			Self::close_listing(listing_id, &listing);
		} else {
			Listings::<T>::insert(listing_id, listing);
		}
		Loans::<T>::insert(loan_id, loan);
		Self::deposit_event(Event::SharesSold {
			listing: listing_id,
			loan: loan_id,
			seller,
			buyer: buyer.clone(),
			shares,
			paid: cost,
		});
		Ok(())
	}
}
