//! The pallet's dispatchable calls, each with its origin, effects and errors; their logic is in
//! `impls/`. A `pallet_section` imported into the pallet module (`lib.rs`), so that every call
//! reads as part of the pallet.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// File a financial report for `period`: a commitment to the full statements and their
		/// key figures. Replaces an unattested filing of the same period. The first filing of a
		/// period holds the record deposit.
		///
		/// - Origin: signed, a KYB-verified enterprise.
		/// - Errors: [`Error::NotVerifiedEnterprise`], [`Error::InvalidPeriod`],
		///   [`Error::MetricsOutOfBounds`], [`Error::FilingLocked`], [`Error::TooManyFilings`],
		///   hold errors.
		/// - Emits [`Event::ReportFiled`].
		#[pallet::call_index(0)]
		pub fn file_report(
			origin: OriginFor<T>,
			period: ReportingPeriod,
			commitment: H256,
			metrics: FinancialMetrics,
		) -> DispatchResult {
			let enterprise = ensure_signed(origin)?;
			Self::do_file_report(&enterprise, period, commitment, metrics)
		}

		/// Attest an enterprise's filing for `period`, naming the commitment and figures the
		/// auditor reviewed (so a filing replaced meanwhile is not attested): the credit registry
		/// counts it in the enterprise's score.
		///
		/// - Origin: signed, an admitted `Auditor` other than the enterprise.
		/// - Errors: [`Error::NotVerifier`], [`Error::SelfAttestation`],
		///   [`Error::FilingNotFound`], [`Error::FilingLocked`], [`Error::FilingMismatch`], the
		///   registry's errors.
		/// - Emits [`Event::ReportAttested`].
		#[pallet::call_index(1)]
		pub fn attest_report(
			origin: OriginFor<T>,
			enterprise: T::AccountId,
			period: ReportingPeriod,
			commitment: H256,
			metrics: FinancialMetrics,
		) -> DispatchResult {
			let auditor = ensure_signed(origin)?;
			Self::do_attest_report(&auditor, &enterprise, period, commitment, metrics)
		}

		/// Apply for a credit line of `limit` in `asset` at `annual_rate` for `term_secs`,
		/// released in `milestones` whose amounts add up to the limit. Holds the record deposit.
		/// The terms include collection on default: the line's source may then assign a
		/// collection agent, who sees the enterprise's contact file for a limited time
		/// (`assign_line_collector`).
		///
		/// `purpose` states what the line is for (a category governance has not closed for SME
		/// finance, and the hash of a description kept off chain). The limit and its interest
		/// over the term, averaged over its months, are booked as the enterprise's debt service
		/// until the line is removed or defaults: the credit registry accepts the application
		/// only while the enterprise's total monthly service stays within its repayment
		/// capacity (a share of its audited monthly revenue).
		///
		/// - Origin: signed, a KYB-verified enterprise passing the credit checks for the limit
		///   (exposure cap) and its monthly service (repayment capacity).
		/// - Errors: [`Error::NotVerifiedEnterprise`], [`Error::ZeroLimit`],
		///   [`Error::BadMilestones`], [`Error::MilestoneTooSmall`],
		///   [`Error::MilestonesMismatchLimit`], [`Error::RateTooHigh`],
		///   [`Error::TermOutOfBounds`], [`Error::TooManyLines`], the registry's errors, hold
		///   errors.
		/// - Emits [`Event::LineApplied`].
		/// - Weight: with the credit registry's checks of the largest person; after the call,
		///   those of the enterprise's person as it is.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::apply_credit_line()
			.saturating_add(T::Credit::repayment_capacity_weight())
			.saturating_add(T::Credit::exposure_check_weight()))]
		pub fn apply_credit_line(
			origin: OriginFor<T>,
			asset: AssetId,
			limit: Balance,
			annual_rate: Rate,
			term_secs: Seconds,
			milestones: MilestoneSpecsOf<T>,
			purpose: LoanPurpose,
		) -> DispatchResultWithPostInfo {
			let enterprise = ensure_signed(origin)?;
			let terms = LineTerms { asset, limit, annual_rate, term: term_secs, purpose };
			Self::do_apply(&enterprise, terms, milestones)?;
			let checks = T::Credit::capacity_and_exposure_weight_for(&enterprise);
			Ok(Some(T::WeightInfo::apply_credit_line().saturating_add(checks)).into())
		}

		/// Approve an applied line with its source. With [`LineSource::Pool`] the pool of the
		/// line's asset commits a facility for the limit and the line is active at once; with
		/// [`LineSource::Financier`] it waits for the financier's deposit.
		///
		/// - Origin: `UnderwriterOrigin`.
		/// - Errors: [`Error::LineNotFound`], [`Error::WrongLineStatus`], the pool's errors
		///   (no pool, facility cap exceeded, paused).
		/// - Emits [`Event::LineApproved`], and [`Event::LineActivated`] for a pool.
		/// - Weight: with the credit registry's checks of the largest person; after the call,
		///   those of the enterprise's person as it is.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::approve_credit_line()
			.saturating_add(T::Credit::repayment_capacity_weight())
			.saturating_add(T::Credit::exposure_check_weight()))]
		pub fn approve_credit_line(
			origin: OriginFor<T>,
			line: LineId,
			source: LineSource<T::AccountId>,
		) -> DispatchResultWithPostInfo {
			T::UnderwriterOrigin::ensure_origin(origin)?;
			Self::do_approve(line, source)?;
			Ok(Self::charged_with_checks(T::WeightInfo::approve_credit_line(), line, true).into())
		}

		/// Deposit the approved line's limit into custody: the line becomes active and its
		/// term starts.
		///
		/// - Origin: signed, the financier named at approval (verified).
		/// - Errors: [`Error::LineNotFound`], [`Error::WrongLineStatus`],
		///   [`Error::NotFinancier`], [`Error::NotVerified`], transfer errors.
		/// - Emits [`Event::LineActivated`].
		/// - Weight: with the credit registry's checks of the largest person; after the call,
		///   those of the enterprise's person as it is.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::fund_credit_line()
			.saturating_add(T::Credit::repayment_capacity_weight())
			.saturating_add(T::Credit::exposure_check_weight()))]
		pub fn fund_credit_line(origin: OriginFor<T>, line: LineId) -> DispatchResultWithPostInfo {
			let financier = ensure_signed(origin)?;
			Self::do_fund_line(&financier, line)?;
			Ok(Self::charged_with_checks(T::WeightInfo::fund_credit_line(), line, true).into())
		}

		/// Attest that milestone `index` of an active line is reached: its tranche goes to the
		/// enterprise (from custody or the pool) and becomes debt.
		///
		/// - Origin: signed, an admitted verifier of the milestone's kind, not the enterprise.
		/// - Errors: [`Error::LineNotFound`], [`Error::WrongLineStatus`],
		///   [`Error::MilestoneNotPending`], [`Error::MilestoneOutOfOrder`],
		///   [`Error::NotVerifier`], [`Error::SelfAttestation`], [`Error::LineMatured`],
		///   [`Error::LineOverdue`], the registry's errors (frozen, exposure cap), the pool's
		///   errors (cash, paused).
		/// - Emits [`Event::TrancheReleased`].
		/// - Weight: with the credit registry's checks of the largest person; after the call,
		///   those of the enterprise's person as it is.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::attest_milestone()
			.saturating_add(T::Credit::exposure_check_weight()))]
		pub fn attest_milestone(
			origin: OriginFor<T>,
			line: LineId,
			index: u32,
		) -> DispatchResultWithPostInfo {
			let verifier = ensure_signed(origin)?;
			Self::do_attest_milestone(&verifier, line, index)?;
			Ok(Self::charged_with_checks(T::WeightInfo::attest_milestone(), line, false).into())
		}

		/// Pay up to `amount` on a line: interest (what is due first), then principal. The
		/// payment goes to the source; the enterprise's history records it with its lateness.
		/// A line that is closing or defaulted and paid off in full closes.
		///
		/// - Origin: signed (anyone may pay for the enterprise).
		/// - Errors: [`Error::LineNotFound`], [`Error::ZeroAmount`], [`Error::NothingOwed`],
		///   transfer errors.
		/// - Emits [`Event::LineRepaid`], and [`Event::LineClosed`] when closed.
		/// - Weight: that of the payoff that removes the line (its facility, debt service and
		///   deposit end); a payment that leaves the line in place is charged only
		///   `repay_line_instalment`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::repay_line().max(T::WeightInfo::repay_line_instalment()))]
		pub fn repay_line(
			origin: OriginFor<T>,
			line: LineId,
			amount: Balance,
		) -> DispatchResultWithPostInfo {
			let payer = ensure_signed(origin)?;
			let finished = Self::do_repay_line(&payer, line, amount)?;
			Ok(if finished { None } else { Some(T::WeightInfo::repay_line_instalment()) }.into())
		}

		/// Close a line to new tranches: the undrawn part returns to the source. A line not yet
		/// funded is withdrawn; a line with nothing owed is removed (deposit returned); otherwise
		/// it is `Closing` until repaid.
		///
		/// - Origin: the enterprise, `UnderwriterOrigin`, or anyone once the line matured.
		/// - Errors: [`Error::LineNotFound`], [`Error::NotEnterprise`],
		///   [`Error::WrongLineStatus`], transfer errors.
		/// - Emits [`Event::LineClosing`] or [`Event::LineClosed`].
		#[pallet::call_index(7)]
		pub fn close_line(origin: OriginFor<T>, line: LineId) -> DispatchResult {
			let caller = match T::UnderwriterOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			Self::do_close_line(caller.as_ref(), line)
		}

		/// Declare a line defaulted once its first unpaid due date is `default_after_days` past:
		/// the undrawn part returns to the source, a pool writes off the drawn principal, and the
		/// credit registry records the default. Payments after default still reach the source.
		///
		/// - Origin: signed (anyone).
		/// - Errors: [`Error::LineNotFound`], [`Error::WrongLineStatus`],
		///   [`Error::NotOverdueEnough`].
		/// - Emits [`Event::LineDefaulted`].
		#[pallet::call_index(8)]
		pub fn mark_line_default(origin: OriginFor<T>, line: LineId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_mark_default(line)
		}

		/// Submit an invoice to `buyer` for `amount` of `asset`, due at `due_at`, identified by
		/// the hash of the invoice document. Holds the record deposit.
		///
		/// - Origin: signed, a KYB-verified enterprise.
		/// - Errors: [`Error::NotVerifiedEnterprise`], [`Error::SelfInvoice`],
		///   [`Error::ZeroAmount`], [`Error::UnknownAsset`], [`Error::InvoiceBelowMinimum`],
		///   [`Error::DueDateOutOfBounds`], [`Error::DuplicateInvoice`],
		///   [`Error::TooManyInvoices`], hold errors.
		/// - Emits [`Event::InvoiceSubmitted`].
		#[pallet::call_index(9)]
		pub fn submit_invoice(
			origin: OriginFor<T>,
			buyer: T::AccountId,
			amount: Balance,
			asset: AssetId,
			due_at: Moment,
			invoice_hash: H256,
		) -> DispatchResult {
			let enterprise = ensure_signed(origin)?;
			Self::do_submit_invoice(enterprise, buyer, amount, asset, due_at, invoice_hash)
				.map(|_| ())
		}

		/// Confirm the invoice: the buyer owes its amount by the due date, and its credit
		/// history records the payable.
		///
		/// - Origin: signed, the buyer (verified).
		/// - Errors: [`Error::InvoiceNotFound`], [`Error::NotBuyer`], [`Error::NotVerified`],
		///   [`Error::WrongInvoiceStatus`], [`Error::InvoiceDue`].
		/// - Emits [`Event::InvoiceConfirmed`].
		/// - Weight: with the credit registry's exposure check of the largest person; after the
		///   call, that of the buyer's person as it is.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::confirm_invoice()
			.saturating_add(T::Credit::exposure_check_weight()))]
		pub fn confirm_invoice(
			origin: OriginFor<T>,
			invoice: InvoiceId,
		) -> DispatchResultWithPostInfo {
			let buyer = ensure_signed(origin)?;
			Self::do_confirm_invoice(&buyer, invoice)?;
			let checked = T::Credit::exposure_check_weight_for(&buyer);
			Ok(Some(T::WeightInfo::confirm_invoice().saturating_add(checked)).into())
		}

		/// Reject the invoice: it is removed and the enterprise's deposit returned.
		///
		/// - Origin: signed, the buyer.
		/// - Errors: [`Error::InvoiceNotFound`], [`Error::NotBuyer`],
		///   [`Error::WrongInvoiceStatus`].
		/// - Emits [`Event::InvoiceRejected`].
		#[pallet::call_index(11)]
		pub fn reject_invoice(origin: OriginFor<T>, invoice: InvoiceId) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_reject_or_cancel(&buyer, invoice, true)
		}

		/// Withdraw an invoice the buyer has not confirmed.
		///
		/// - Origin: signed, the enterprise.
		/// - Errors: [`Error::InvoiceNotFound`], [`Error::NotEnterprise`],
		///   [`Error::WrongInvoiceStatus`].
		/// - Emits [`Event::InvoiceCancelled`].
		#[pallet::call_index(12)]
		pub fn cancel_invoice(origin: OriginFor<T>, invoice: InvoiceId) -> DispatchResult {
			let enterprise = ensure_signed(origin)?;
			Self::do_reject_or_cancel(&enterprise, invoice, false)
		}

		/// Finance a confirmed invoice the enterprise offered: advance `amount × advance_rate`
		/// to the enterprise now, for `amount × advance_rate + amount × fee_rate` from the
		/// buyer's payment. The rates must meet the offer (at least its advance, at most its
		/// fee, by its financier if it named one). An invoice is financed once.
		///
		/// - Origin: signed, verified, neither the enterprise nor the buyer.
		/// - Errors: [`Error::InvoiceNotFound`], [`Error::WrongInvoiceStatus`],
		///   [`Error::NotVerified`], [`Error::OwnInvoice`], [`Error::InvoiceDue`],
		///   [`Error::AdvanceRateOutOfBounds`], [`Error::FeeOutOfBounds`],
		///   [`Error::NotOffered`], [`Error::TermsNotMet`], [`Error::FinancingBelowMinimum`],
		///   transfer errors.
		/// - Emits [`Event::InvoiceFinanced`].
		#[pallet::call_index(13)]
		pub fn finance_invoice(
			origin: OriginFor<T>,
			invoice: InvoiceId,
			advance_rate: Permill,
			fee_rate: Permill,
		) -> DispatchResult {
			let financier = ensure_signed(origin)?;
			Self::do_finance_invoice(&financier, invoice, advance_rate, fee_rate)
		}

		/// Pay a confirmed invoice in full: a financier receives its advance and fee (or what
		/// recourse left owed), the enterprise the rest. Lateness after the due date (and grace)
		/// is recorded in the buyer's history.
		///
		/// - Origin: signed, the buyer.
		/// - Errors: [`Error::InvoiceNotFound`], [`Error::NotBuyer`],
		///   [`Error::WrongInvoiceStatus`], transfer errors.
		/// - Emits [`Event::InvoicePaid`].
		#[pallet::call_index(14)]
		pub fn pay_invoice(origin: OriginFor<T>, invoice: InvoiceId) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_pay_invoice(&buyer, invoice)
		}

		/// The buyer is `default_after_days` past the due date: record its default, and make the
		/// enterprise owe the financier the advance.
		///
		/// - Origin: signed, the financier.
		/// - Errors: [`Error::InvoiceNotFound`], [`Error::WrongInvoiceStatus`],
		///   [`Error::NotFinancier`], [`Error::NotLateEnough`].
		/// - Emits [`Event::RecourseClaimed`].
		#[pallet::call_index(15)]
		pub fn claim_recourse(origin: OriginFor<T>, invoice: InvoiceId) -> DispatchResult {
			let financier = ensure_signed(origin)?;
			Self::do_claim_recourse(&financier, invoice)
		}

		/// Pay up to `amount` of what the enterprise owes the financier under recourse; the
		/// invoice closes when nothing is owed.
		///
		/// - Origin: signed (anyone may pay for the enterprise).
		/// - Errors: [`Error::InvoiceNotFound`], [`Error::WrongInvoiceStatus`],
		///   [`Error::ZeroAmount`], [`Error::RecourseDustLeft`], transfer errors.
		/// - Emits [`Event::RecourseRepaid`].
		#[pallet::call_index(16)]
		pub fn repay_recourse(
			origin: OriginFor<T>,
			invoice: InvoiceId,
			amount: Balance,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			Self::do_repay_recourse(&payer, invoice, amount)
		}

		/// Offer an invoice for financing: the smallest advance and the largest fee the
		/// enterprise accepts, and optionally the one financier it accepts. A new offer replaces
		/// the previous one until the invoice is financed.
		///
		/// - Origin: signed, the enterprise.
		/// - Errors: [`Error::InvoiceNotFound`], [`Error::NotEnterprise`],
		///   [`Error::WrongInvoiceStatus`], [`Error::AdvanceRateOutOfBounds`],
		///   [`Error::FeeOutOfBounds`] (beyond the governance maximums).
		/// - Emits [`Event::InvoiceOffered`].
		#[pallet::call_index(18)]
		pub fn offer_invoice(
			origin: OriginFor<T>,
			invoice: InvoiceId,
			min_advance_rate: Permill,
			max_fee_rate: Permill,
			financier: Option<T::AccountId>,
		) -> DispatchResult {
			let enterprise = ensure_signed(origin)?;
			let offer = FinancingOffer { min_advance_rate, max_fee_rate, financier };
			Self::do_offer_invoice(&enterprise, invoice, offer)
		}

		/// Set the lateness, default and invoice-financing parameters, within [`bounds`].
		///
		/// - Origin: `RiskOrigin`.
		/// - Errors: one per bound.
		/// - Emits [`Event::ParamsSet`].
		#[pallet::call_index(17)]
		pub fn set_params(origin: OriginFor<T>, params: SmeParams) -> DispatchResult {
			T::RiskOrigin::ensure_origin(origin)?;
			Self::ensure_valid_params(&params)?;
			Params::<T>::put(params);
			Self::deposit_event(Event::ParamsSet { params });
			Ok(())
		}

		/// Prune the record of an ended invoice's document hash once its retention passed (its
		/// due date, or its end if later, plus `InvoiceHashRetention`): the document may then be
		/// invoiced again.
		///
		/// - Origin: signed (anyone).
		/// - Errors: [`Error::UnknownInvoiceHash`], [`Error::InvoiceHashRetained`].
		/// - Emits [`Event::InvoiceHashForgotten`].
		#[pallet::call_index(19)]
		pub fn forget_invoice_hash(origin: OriginFor<T>, invoice_hash: H256) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_forget_invoice_hash(invoice_hash)
		}

		/// Announce that a line's oldest unpaid due date, or an invoice's recourse, passed one or
		/// more of the governance thresholds (`SmeParams::notice_days`): one `OverdueNotice` per
		/// threshold, each once. Anyone may call it; it pays no reward.
		///
		/// - Origin: signed (anyone).
		/// - Errors: [`Error::LineNotFound`], [`Error::InvoiceNotFound`],
		///   [`Error::WrongLineStatus`], [`Error::WrongInvoiceStatus`], [`Error::NothingOverdue`],
		///   [`Error::NoNoticeDue`].
		/// - Emits [`Event::OverdueNotice`] per threshold crossed since the last call.
		#[pallet::call_index(20)]
		pub fn notify_overdue(origin: OriginFor<T>, target: OverdueTarget) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_notify_overdue(target)
		}

		/// Assign `agent` to collect the defaulted `line` (or renew its access): it gets access
		/// to the enterprise's contact file for `CollectionAccessPeriod` (the enterprise agreed
		/// to this in the line's terms; the grant shows among its grants), and a previously
		/// assigned agent's access ends. What the agent recovers it pays with `repay_line`.
		///
		/// - Origin: signed by the line's financier, or `UnderwriterOrigin` for a pool-funded
		///   line (the pool's lenders have no signer of their own).
		/// - Errors: [`Error::LineNotFound`], [`Error::NotLineSource`],
		///   [`Error::WrongLineStatus`] (not defaulted), [`Error::NotCollectionAgent`].
		/// - Emits [`Event::LineCollectorAssigned`].
		#[pallet::call_index(21)]
		pub fn assign_line_collector(
			origin: OriginFor<T>,
			line: LineId,
			agent: T::AccountId,
		) -> DispatchResult {
			let caller = match T::UnderwriterOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			Self::do_assign_line_collector(caller, line, agent)
		}
	}
}
