//! The pallet's dispatchable calls, each with its origin, effects, errors and weight; their
//! logic is in `impls/`. A `pallet_section` imported into the pallet module (`lib.rs`), so that
//! every call reads as part of the pallet.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Ask for a loan. Collateral moves into custody and the request deposit is held.
		///
		/// The terms include collection on default: if the loan defaults, lenders holding a
		/// majority of it may assign a collection agent, who then sees the borrower's contact
		/// file for a limited time (`vote_collector`).
		///
		/// `purpose` states what the money is for (a category governance has not closed for P2P
		/// loans, and the hash of a description kept off chain). The schedule's average monthly
		/// payment is booked as the borrower's debt service from now until the loan closes,
		/// defaults or the request ends: the credit registry accepts the request only while the
		/// person's total monthly service stays within its repayment capacity.
		///
		/// - Origin: signed, passing the credit registry's checks of the principal's value
		///   (exposure cap) and of the monthly service (repayment capacity).
		/// - Errors: [`Error::ZeroPrincipal`], [`Error::InstalmentsOutOfBounds`],
		///   [`Error::PeriodOutOfBounds`], [`Error::RateTooHigh`], [`Error::DeadlineOutOfBounds`],
		///   [`Error::BadMinTicket`], [`Error::ZeroCollateral`], [`Error::CollateralTooLow`],
		///   [`Error::TooManyOpenRequests`], [`Error::NoPrice`], [`Error::PriceStale`], the
		///   credit registry's errors, transfer and hold errors.
		/// - Emits [`Event::RequestCreated`].
		/// - Weight: with the credit registry's capacity and exposure checks of the largest
		///   person; after the call, those of the borrower's person as it is.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_request()
			.saturating_add(T::Credit::repayment_capacity_weight())
			.saturating_add(T::Credit::exposure_check_weight()))]
		pub fn create_request(
			origin: OriginFor<T>,
			asset: AssetId,
			principal: Balance,
			annual_rate: Rate,
			instalments: u32,
			period: Seconds,
			kind: RepaymentKind,
			collateral: Option<(AssetId, Balance)>,
			funding_deadline: Moment,
			min_ticket: Balance,
			purpose: LoanPurpose,
		) -> DispatchResultWithPostInfo {
			let borrower = ensure_signed(origin)?;
			let terms = LoanTerms {
				asset,
				principal,
				annual_rate,
				instalments,
				period,
				kind,
				collateral,
				funding_deadline,
				min_ticket,
				purpose,
			};
			Self::do_create_request(borrower.clone(), terms)?;
			Ok(Some(
				T::WeightInfo::create_request()
					.saturating_add(T::Credit::capacity_and_exposure_weight_for(&borrower)),
			)
			.into())
		}

		/// Withdraw a request before it is fully funded: collateral and deposit come back at
		/// once; lenders reclaim their money with `claim_refund` (or the `on_idle` sweep).
		///
		/// - Origin: signed, the borrower.
		/// - Errors: [`Error::LoanNotFound`], [`Error::NotBorrower`], [`Error::NotFunding`].
		/// - Emits [`Event::RequestCancelled`].
		#[pallet::call_index(1)]
		pub fn cancel_request(origin: OriginFor<T>, loan: LoanId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_request(&who, loan)
		}

		/// Fund `amount` of a request. The slice that completes it disburses the principal and
		/// starts the loan.
		///
		/// - Origin: signed, verified, not the borrower.
		/// - Errors: [`Error::LoanNotFound`], [`Error::NotFunding`], [`Error::DeadlinePassed`],
		///   [`Error::OwnLoan`], [`Error::NotVerified`], [`Error::ZeroAmount`],
		///   [`Error::OverFunded`], [`Error::BelowMinTicket`], [`Error::TooManyLoans`], transfer
		///   errors.
		/// - Emits [`Event::Funded`], and [`Event::LoanStarted`] when complete.
		/// - Weight: that of the completing slice with the credit registry's capacity and
		///   exposure checks of the largest person; after the call, the completing slice is
		///   charged the checks of the borrower's person as it is, and a slice that leaves the
		///   request short only `fund_partial`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::fund()
			.saturating_add(T::Credit::repayment_capacity_weight())
			.saturating_add(T::Credit::exposure_check_weight()))]
		pub fn fund(
			origin: OriginFor<T>,
			loan: LoanId,
			amount: Balance,
		) -> DispatchResultWithPostInfo {
			let lender = ensure_signed(origin)?;
			let completed = Self::do_fund(&lender, loan, amount)?;
			// Only the slice that completes the request disburses, writes the schedule and
			// checks the borrower's repayment capacity: the others pay for a slice.
			if !completed {
				return Ok(Some(T::WeightInfo::fund_partial()).into());
			}
			let checked = match Loans::<T>::get(loan) {
				Some(started) => T::WeightInfo::fund()
					.saturating_add(T::Credit::capacity_and_exposure_weight_for(&started.borrower)),
				None => return Ok(None.into()),
			};
			Ok(Some(checked).into())
		}

		/// Take back the caller's funding of a cancelled request, or of one unfunded past its
		/// deadline (which this call marks expired, returning the borrower's collateral).
		///
		/// - Origin: signed, a lender of the request.
		/// - Errors: [`Error::LoanNotFound`], [`Error::NothingToRefund`].
		/// - Emits [`Event::Refunded`] (and [`Event::RequestExpired`] the first time).
		#[pallet::call_index(3)]
		pub fn claim_refund(origin: OriginFor<T>, loan: LoanId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_refund(&who, loan)
		}

		/// Pay `amount` (at most what is owed in full) towards a loan: penalty, the oldest due
		/// instalments and the current one, then principal ahead of schedule. Anyone may pay; the borrower's history
		/// records it.
		///
		/// - Origin: signed.
		/// - Errors: [`Error::LoanNotFound`], [`Error::NotRepayable`], [`Error::ZeroAmount`],
		///   transfer errors.
		/// - Emits [`Event::Repaid`], [`Event::InstalmentPaid`] per completed instalment, and
		///   [`Event::LoanClosed`] when nothing is left.
		/// - Weight: that of the payoff (closing the loan, returning its collateral, ending its
		///   debt service); a payment that leaves something owed is charged only
		///   `repay_instalment`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::repay().max(T::WeightInfo::repay_instalment()))]
		pub fn repay(
			origin: OriginFor<T>,
			loan: LoanId,
			amount: Balance,
		) -> DispatchResultWithPostInfo {
			let payer = ensure_signed(origin)?;
			let settled = Self::do_repay(&payer, loan, amount)?;
			Ok(if settled { None } else { Some(T::WeightInfo::repay_instalment()) }.into())
		}

		/// Take the caller's share of what the borrower paid in, and of any collateral handed to
		/// lenders.
		///
		/// - Origin: signed, a lender.
		/// - Errors: [`Error::LoanNotFound`], [`Error::NothingToClaim`].
		/// - Emits [`Event::Claimed`].
		#[pallet::call_index(5)]
		pub fn claim(origin: OriginFor<T>, loan: LoanId) -> DispatchResult {
			let lender = ensure_signed(origin)?;
			Self::do_claim(&lender, loan).map(|_| ())
		}

		/// Declare a loan defaulted once its oldest unpaid instalment is `default_after_days`
		/// past due: the collateral goes to the lenders, the rest is reported as a default.
		///
		/// - Origin: signed (anyone).
		/// - Errors: [`Error::LoanNotFound`], [`Error::NotRepayable`] (not active),
		///   [`Error::NotOverdueEnough`].
		/// - Emits [`Event::Defaulted`].
		#[pallet::call_index(6)]
		pub fn mark_default(origin: OriginFor<T>, loan: LoanId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_mark_default(loan)
		}

		/// Liquidate the collateral of a loan whose loan-to-value, at fresh prices, is above the
		/// liquidation LTV: the caller earns the reward, the lenders get the rest.
		///
		/// - Origin: signed (anyone).
		/// - Errors: [`Error::LoanNotFound`], [`Error::NotRepayable`] (not active),
		///   [`Error::NoCollateral`], [`Error::NoPrice`], [`Error::PriceStale`],
		///   [`Error::LtvHealthy`].
		/// - Emits [`Event::Liquidated`].
		#[pallet::call_index(7)]
		pub fn liquidate(origin: OriginFor<T>, loan: LoanId) -> DispatchResult {
			let liquidator = ensure_signed(origin)?;
			Self::do_liquidate(&liquidator, loan)
		}

		/// Offer `shares` of an active loan for `price` (in the loan's asset, for all of them).
		///
		/// - Origin: signed, a lender with that many unlisted shares.
		/// - Errors: [`Error::LoanNotFound`], [`Error::NotTradable`], [`Error::ZeroAmount`], [`Error::ZeroPrice`],
		///   [`Error::InsufficientShares`], [`Error::AlreadyListed`] (one open listing per
		///   seller and loan), [`Error::TooManyListings`].
		/// - Emits [`Event::SharesListed`].
		#[pallet::call_index(8)]
		pub fn list_shares(
			origin: OriginFor<T>,
			loan: LoanId,
			shares: Balance,
			price: Balance,
		) -> DispatchResult {
			let seller = ensure_signed(origin)?;
			Self::do_list_shares(&seller, loan, shares, price)
		}

		/// Withdraw a listing; its deposit returns to the seller.
		///
		/// - Origin: signed, the seller; anyone once the loan's shares cannot be traded any more
		///   (closed, cancelled, expired), so a stale listing cannot keep a loan's record alive.
		/// - Errors: [`Error::ListingNotFound`], [`Error::NotSeller`].
		/// - Emits [`Event::ListingCancelled`].
		#[pallet::call_index(9)]
		pub fn cancel_listing(origin: OriginFor<T>, listing: ListingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_listing(&who, listing)
		}

		/// Buy `shares` of a listing at its price per share (rounded up). The seller first
		/// receives what its shares earned so far; the buyer receives later repayments.
		///
		/// - Origin: signed, verified, not the seller or the borrower.
		/// - Errors: [`Error::ListingNotFound`], [`Error::NotVerified`], [`Error::OwnLoan`],
		///   [`Error::ZeroAmount`], [`Error::InsufficientShares`], [`Error::NotTradable`],
		///   [`Error::TooManyLoans`], transfer errors.
		/// - Emits [`Event::SharesSold`].
		#[pallet::call_index(10)]
		pub fn buy_shares(
			origin: OriginFor<T>,
			listing: ListingId,
			shares: Balance,
		) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_buy_shares(&buyer, listing, shares)
		}

		/// Set the lateness, default and stop-loss parameters, within [`bounds`].
		///
		/// - Origin: `RiskOrigin`.
		/// - Errors: one per bound.
		/// - Emits [`Event::RiskParamsSet`].
		#[pallet::call_index(11)]
		pub fn set_risk_params(origin: OriginFor<T>, params: RiskParams) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			Self::ensure_valid_params(&params)?;
			Params::<T>::put(params);
			Self::deposit_event(Event::RiskParamsSet { params });
			Ok(())
		}

		/// Remove the record of a loan that ended: closed, cancelled or expired. Each lender is
		/// first paid what it may still claim or is still owed as a refund (at most `SweepBatch`
		/// lenders per call: call again until `complete`); a payout its account cannot receive
		/// waits as its unclaimed balance (`withdraw_unclaimed`), so no lender can hold the
		/// record hostage. Then the loan, its schedule and its shares are removed and the
		/// request deposit returns to the borrower.
		///
		/// - Origin: signed (anyone).
		/// - Errors: [`Error::LoanNotFound`], [`Error::NotPrunable`], [`Error::ListingsOpen`].
		/// - Emits [`Event::Claimed`] or [`Event::Refunded`] per lender paid,
		///   [`Event::PayoutSetAside`] per payout set aside, [`Event::LoanPruned`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::prune_loan(T::SweepBatch::get()))]
		pub fn prune_loan(origin: OriginFor<T>, loan: LoanId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_prune_loan(loan)
		}

		/// Withdraw what was set aside for the caller in `asset` (a payout its account could not
		/// receive then).
		///
		/// - Origin: signed, an account with an unclaimed balance.
		/// - Errors: [`Error::NothingToClaim`], transfer errors (nothing changes then).
		/// - Emits [`Event::UnclaimedWithdrawn`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn withdraw_unclaimed(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_unclaimed(&who, asset)
		}

		/// Announce that `loan`'s oldest unpaid instalment passed one or more of the governance
		/// thresholds (`RiskParams::notice_days`, e.g. 1, 7, 30, 60, 90 days past due): one
		/// `OverdueNotice` per threshold, each once per due date. Anyone may call it (the
		/// borrower's wallet, an indexer, a collection agent); it pays no reward.
		///
		/// - Origin: signed (anyone).
		/// - Errors: [`Error::LoanNotFound`], [`Error::NotRepayable`], [`Error::NothingOverdue`],
		///   [`Error::NoNoticeDue`].
		/// - Emits [`Event::OverdueNotice`] per threshold crossed since the last call.
		#[pallet::call_index(14)]
		pub fn notify_overdue(origin: OriginFor<T>, loan: LoanId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_notify_overdue(loan)
		}

		/// Vote, with the caller's shares, for `agent` to collect the defaulted `loan`
		/// (replacing the caller's earlier vote). The vote that gives an agent more than half of
		/// the loan's shares assigns it: the agent gets access to the borrower's contact file
		/// for `CollectionAccessPeriod` (the borrower agreed to this in the loan's terms; the
		/// grant shows among its grants), and a previously assigned agent's access ends. What
		/// the agent recovers it pays with `repay`.
		///
		/// - Origin: signed, a lender of the loan.
		/// - Errors: [`Error::LoanNotFound`], [`Error::NotDefaulted`],
		///   [`Error::NotCollectionAgent`], [`Error::InsufficientShares`] (no shares).
		/// - Emits [`Event::CollectorVoted`], and [`Event::CollectorAssigned`] on a majority.
		#[pallet::call_index(15)]
		pub fn vote_collector(
			origin: OriginFor<T>,
			loan: LoanId,
			agent: T::AccountId,
		) -> DispatchResult {
			let lender = ensure_signed(origin)?;
			Self::do_vote_collector(&lender, loan, agent)
		}
	}
}
