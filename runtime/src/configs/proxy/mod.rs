//! Proxy accounts: what each [`ProxyType`] lets a proxy do on its principal's behalf, and the
//! configuration of `pallet-proxy`.
//!
//! A proxy's call is dispatched with its principal's origin, `Signed(principal)`, carrying
//! [`ProxyType`]'s [`InstanceFilter`] as an origin filter. The filter is an allow-list: a private
//! classification function names every call of every pallet with an allowed call, in exhaustive
//! matches over the pallets' `Call` enums, so a call added to one of them (by our pallets or by a
//! polkadot-sdk upgrade) does not compile until someone classifies it here. Pallets none of whose
//! calls a restricted proxy may make (balances, assets, timestamp, GRANDPA, session, scheduler,
//! sudo and the three membership pallets) are refused whole: a new call there stays refused.
//!
//! # Proxy types
//!
//! - **`Any`** (encoded 0): every call.
//! - **`NonTransfer`** (1): every call that moves nothing out of the principal's account and
//!   creates no debt or obligation for it: remarks, managing its own proxies, cancelling its
//!   multisig operations, governance (everything `Governance` may do), feeding the oracle, and the
//!   record-keeping, verifier and keeper calls of the lending pallets (profiles, access grants,
//!   attestations, filings, cancellations, claims of what the principal is owed, marking
//!   defaults). No balance, asset, pool, loan, credit-line or invoice call that pays, lends,
//!   borrows, repays, deposits collateral, or sets the price of something the principal sells.
//! - **`CancelProxy`** (2): only `proxy.rejectAnnouncement`, alone or in batches: a key kept to
//!   veto announced calls of time-delayed proxies.
//! - **`Lending`** (3): managing the principal's lending positions: every call a borrower, lender,
//!   depositor, enterprise, financier or invoice buyer makes in the four lending pallets
//!   (credit records, liquidity pools, P2P loans, SME finance), including those that move the
//!   principal's funds into and out of lending products, alone or in batches. Never a balance or
//!   asset call, so never a plain transfer. See [`ProxyType::Lending`] for what it does not
//!   protect against.
//! - **`Governance`** (4): OpenGov and the risk council: referenda, conviction voting,
//!   preimages, treasury payouts, the council's proposals and votes, alone or in batches. Every
//!   `Governance` call is also a `NonTransfer` call.
//!
//! `is_superset` is inclusion of these sets: `Any` ⊇ everything, `NonTransfer` ⊇ `Governance`
//! and `CancelProxy`, each type ⊇ itself, nothing else (`Lending` can move funds, so
//! `NonTransfer` is no superset of it). pallet-proxy uses it to stop a proxy adding or removing a
//! proxy with more rights than its own; the tests check it against the filter over every call.
//!
//! # Rules behind the classification
//!
//! - **Deposits and locks are not transfers.** Holds and reserves (a profile's, an access grant's,
//!   a filing's, a preimage's, a referendum's, a proxy's or a multisig operation's deposit) and
//!   conviction-voting locks leave the funds in the principal's account, and most come back to
//!   it when the record goes. So `creditRecords.register` and `grantAccess`,
//!   `smeFinance.fileReport` and `submitInvoice`, `preimage.notePreimage` and `referenda.submit`
//!   are `NonTransfer`. The cost: a proxy can tie deposits up, sometimes for good (a rejected or
//!   timed-out referendum's submission deposit stays reserved, filings are kept for life), and a
//!   referendum killed by root has its deposits slashed to the treasury. Never to the proxy's
//!   benefit.
//! - **Privileged calls are refused.** Calls that need root, a governance track's origin or a
//!   council majority (`creditRecords.addVerifier`, `liquidityPools.createPool`,
//!   `treasury.spend`, `referenda.kill`, every scheduler and membership admin call, ...) are
//!   refused to every type but `Any`. A proxy's origin is always `Signed(principal)`, which
//!   those origins never accept, so allowing them would only lengthen the list to review.
//! - **Inner calls must stay filtered.** `utility.batch`, `batchAll`, `forceBatch`, `ifElse`
//!   and `asDerivative` dispatch their inner calls with the caller's origin, filter included
//!   (pallet-utility 50: `call.dispatch(origin)` for non-root origins), so every inner call is
//!   checked against the same proxy type: they are allowed. `utility.dispatchAs`, `withWeight`
//!   and `dispatchAsFallible` need root and bypass filters: refused.
//! - **Calls that execute with a fresh origin are refused**, because the proxy's filter does not
//!   follow the inner call there:
//!   - `proxy.proxy` and `proxy.proxyAnnounced` run the inner call as another account with that
//!     account's proxy definition (pallet-proxy's `do_proxy` builds a new `Signed(real)` origin):
//!     a `NonTransfer` proxy of an account that is itself an `Any` proxy (e.g. of its pure proxy)
//!     would otherwise move the other account's funds. `proxy.announce` announces such a call for
//!     later: refused too.
//!   - `multisig.asMulti`, `asMultiThreshold1` and `approveAsMulti` execute (or approve for
//!     execution) a call from the multisig account, whose funds the principal co-controls.
//!     `cancelAsMulti` and `pokeDeposit` only return or adjust the principal's own deposit.
//!   - `sudo.*` dispatches as root: `Any` only, even if the principal is the sudo key.
//!   - One exception: the risk council's `propose` and `execute` dispatch the proposal with the
//!     council's origin, which only freezes or unfreezes accounts, reviews monitoring flags and
//!     pauses pools (the `EmergencyOrigin` of credit records and liquidity pools; nothing else
//!     accepts it, and nothing lets it touch an account's funds), so they are `Governance` and
//!     `NonTransfer`.
//! - **pallet-proxy adds its own limits**: whatever the filter says, a proxy cannot add or remove
//!   a proxy of a type its own type is not a superset of, and only `Any` may `removeProxies` or
//!   `killPure` (the filter refuses those two as well).
//!
//! # Pallet by pallet
//!
//! - **System**: `remark`, `remarkWithEvent`: `NonTransfer`. Everything else needs root or is
//!   an unsigned upgrade step. (`doTask` exists only with frame-system's `experimental` feature,
//!   which this runtime does not enable; enabling it breaks the exhaustive match until `doTask`
//!   is classified.)
//! - **Timestamp, GRANDPA**: inherents, root or unsigned calls, and GRANDPA's signed
//!   `reportEquivocation` cannot be built here (its key-ownership proof is `Void`): refused.
//! - **Session**: `setKeys`, `purgeKeys`: refused. They choose the keys a validator's authority
//!   signs with: a proxy that registers keys no node runs takes that validator's block production
//!   and its GRANDPA vote away (with three or fewer validators, one missing vote stops finality).
//! - **Validator set** (membership): root only: refused.
//! - **Balances, Assets**: transfers, burns, approvals and account management: refused.
//! - **Utility**: batches and `ifElse`: every type; `asDerivative`: `NonTransfer`, `Lending`,
//!   `Governance` (the derivative account gets the same filter).
//! - **Multisig, Proxy**: see above. `NonTransfer` may add and remove proxies (within its
//!   superset), create pure proxies, remove its own announcements, reject others' and poke its
//!   deposit; `CancelProxy` only rejects announcements.
//! - **Scheduler**: root only: refused.
//! - **Preimage**: `notePreimage`, `unnotePreimage`, `ensureUpdated`: `Governance`,
//!   `NonTransfer`; `requestPreimage`, `unrequestPreimage` need root.
//! - **Referenda**: `submit`, `placeDecisionDeposit`, `refundDecisionDeposit`,
//!   `refundSubmissionDeposit`, `setMetadata`: `Governance`, `NonTransfer`; `cancel`, `kill`,
//!   `nudgeReferendum`, `oneFewerDeciding` are privileged.
//! - **Conviction voting**: every call (votes and delegations lock, never move, the balance):
//!   `Governance`, `NonTransfer`.
//! - **Treasury**: `payout` and `checkStatus` (anyone may call them; they pay an approved spend
//!   to its beneficiary out of the treasury): `Governance`, `NonTransfer`; spends and their
//!   removal are privileged.
//! - **Risk council**: `propose`, `vote`, `close`, `execute`, `releaseProposalCost`:
//!   `Governance`, `NonTransfer`; `setMembers`, `disapproveProposal`, `kill` are privileged.
//! - **Risk council and oracle membership**: every call but `changeKey` is privileged;
//!   `changeKey` hands the principal's seat to another account for good, a transfer of the seat,
//!   so `Any` only.
//! - **Oracle**: `feedValues` (a feeder's hot key): `NonTransfer`.
//! - **Credit records**: `register`, `updateDocuments`, `deregister`, `grantAccess`,
//!   `revokeAccess`, `logAccess`: `NonTransfer`, `Lending`; a verifier's `attest`,
//!   `revokeAttestation` and `raiseFlag`: `NonTransfer` only (a verifier's work, not a lending
//!   position); the rest (including the council's `clearFlag`, `confirmFlag`) is privileged.
//! - **Liquidity pools**: `deposit`, `withdraw`, `enableCollateral`, `disableCollateral`,
//!   `borrow`, `repay`, `repayAll`, `liquidate`: `Lending` only (each moves the principal's
//!   assets, or changes its debt or the health of its position); the rest is privileged.
//! - **P2P loans**: `createRequest`, `fund`, `repay`, `listShares`, `buyShares`: `Lending`;
//!   `cancelRequest`, `claimRefund`, `claim`, `markDefault`, `liquidate`, `cancelListing`,
//!   `voteCollector` (nothing leaves the principal: they return its own funds, pay it what it is
//!   owed, are a lender's vote, or are permissionless keeper calls whose caller pays nothing):
//!   `Lending`, `NonTransfer`;
//!   `setRiskParams` is privileged.
//! - **SME finance**: `applyCreditLine`, `fundCreditLine`, `repayLine`, `confirmInvoice` (the
//!   buyer takes on a payable), `financeInvoice`, `payInvoice`, `repayRecourse`, `offerInvoice`
//!   (sets the price of the principal's receivable): `Lending`; `fileReport`, `closeLine`,
//!   `markLineDefault`, `submitInvoice`, `rejectInvoice`, `cancelInvoice`, `claimRecourse`,
//!   `assignLineCollector`: `Lending`, `NonTransfer`; an auditor's `attestReport` and a verifier's `attestMilestone`:
//!   `NonTransfer` only; `approveCreditLine`, `setParams` are privileged.
//!
//! Deposits here follow [`deposit`].

use frame_support::{
	parameter_types,
	traits::{ConstU32, InstanceFilter},
};

use super::deposit;
use crate::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, System};

/// What a proxy account may do on behalf of its principal (the module docs explain each type and
/// each pallet's classification).
///
/// The encoding is part of the call format: variants keep their indices and new ones are
/// appended.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Default,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	Debug,
)]
pub enum ProxyType {
	/// Any call.
	#[default]
	#[codec(index = 0)]
	Any,
	/// Any call that moves nothing out of the principal's account and creates no debt or
	/// obligation for it: no balance, asset or lending-product transfer, no borrowing, no
	/// execution through another account (nested proxies, multisig, sudo).
	#[codec(index = 1)]
	NonTransfer,
	/// Only rejecting announcements of the principal's time-delayed proxies (also in batches).
	#[codec(index = 2)]
	CancelProxy,
	/// Managing the principal's lending positions: the user calls of credit records, liquidity
	/// pools, P2P loans and SME finance, including those that move its funds into or out of
	/// lending products (deposit, withdraw, enable or disable collateral, borrow, repay, fund,
	/// buy shares, finance an invoice, claim). Never a balance or asset call: no plain transfer.
	///
	/// A `Lending` proxy is trusted with the principal's lending decisions, and some of them pay
	/// a counterparty the proxy chooses, so it does not protect against a proxy acting against
	/// the principal inside the lending pallets:
	/// - `p2pLoans.buyShares` pays the seller the listing's price (the call has no maximum
	///   price), and `p2pLoans.listShares` or `smeFinance.offerInvoice` set the price at which the
	///   principal sells: a proxy could trade with a listing or account of its own at a bad
	///   price.
	/// - `p2pLoans.repay`, `smeFinance.repayLine` and `repayRecourse` accept payment for anyone's
	///   loan, line or recourse: the filter sees only the call, not whose loan it is, so a proxy
	///   could pay another account's debt with the principal's funds.
	/// - `p2pLoans.fund`, `smeFinance.fundCreditLine` and `financeInvoice` lend to a borrower
	///   or enterprise: the counterparty's credit risk is the product (the credit registry checks
	///   and records the borrower; defaults freeze it).
	/// - `liquidityPools.borrow` and `withdraw` may bring a position close to liquidation.
	/// - `liquidityPools.liquidate` pays a third party's debt, but only in exchange for their
	///   collateral worth more, at fresh oracle prices, than what is paid (the pallet refuses
	///   healthy positions and stale prices): allowed.
	///
	/// Give it to an account trusted with the principal's lending funds (its own bot or hot
	/// key), not to a stranger. A verifier's or auditor's attestations are not in it (see
	/// `NonTransfer`).
	#[codec(index = 3)]
	Lending,
	/// OpenGov and the risk council: referenda and their deposits, conviction voting and
	/// delegation, preimages, treasury payouts, the risk council's proposals, votes and
	/// closing, also in batches. Every call it allows is also allowed to `NonTransfer`.
	#[codec(index = 4)]
	Governance,
}

/// A set of restricted proxy types (every type but [`ProxyType::Any`]), one bit each.
type Allowed = u8;

/// No restricted proxy type: only [`ProxyType::Any`] may make the call.
const NONE: Allowed = 0;
/// [`ProxyType::NonTransfer`].
const NON_TRANSFER: Allowed = 0b0001;
/// [`ProxyType::CancelProxy`].
const CANCEL_PROXY: Allowed = 0b0010;
/// [`ProxyType::Lending`].
const LENDING: Allowed = 0b0100;
/// [`ProxyType::Governance`].
const GOVERNANCE: Allowed = 0b1000;
/// Every restricted proxy type: calls that only dispatch other calls under the same filter.
const EVERY: Allowed = NON_TRANSFER | CANCEL_PROXY | LENDING | GOVERNANCE;

/// The restricted proxy types that may make `call` (the module docs give the reasons).
///
/// Pallets with an allowed call are matched exhaustively, `__Ignore` (the uninhabited variant
/// FRAME adds to every `Call` enum) included, so that a new call is a compile error here.
fn allowed(call: &RuntimeCall) -> Allowed {
	match call {
		RuntimeCall::System(call) => match call {
			frame_system::Call::remark { .. } | frame_system::Call::remark_with_event { .. } => {
				NON_TRANSFER
			},
			frame_system::Call::set_heap_pages { .. }
			| frame_system::Call::set_code { .. }
			| frame_system::Call::set_code_without_checks { .. }
			| frame_system::Call::set_storage { .. }
			| frame_system::Call::kill_storage { .. }
			| frame_system::Call::kill_prefix { .. }
			| frame_system::Call::authorize_upgrade { .. }
			| frame_system::Call::authorize_upgrade_without_checks { .. }
			| frame_system::Call::apply_authorized_upgrade { .. }
			| frame_system::Call::__Ignore(..) => NONE,
		},
		// Inherents, root-only or unsigned calls; balance and asset transfers; root-only
		// scheduling; root; membership admin and seat hand-overs (`change_key`).
		RuntimeCall::Timestamp(_)
		| RuntimeCall::Balances(_)
		| RuntimeCall::Assets(_)
		| RuntimeCall::Scheduler(_)
		| RuntimeCall::RiskCouncilMembership(_)
		| RuntimeCall::OracleMembership(_)
		| RuntimeCall::ValidatorSet(_)
		// The keys a validator's authority signs with.
		| RuntimeCall::Session(_)
		| RuntimeCall::Sudo(_) => NONE,
		#[cfg(not(xindai_parachain))]
		RuntimeCall::Grandpa(_) => NONE,
		// The relay chain's inherent and upgrade, and the message queue's housekeeping.
		#[cfg(xindai_parachain)]
		RuntimeCall::ParachainSystem(_)
		| RuntimeCall::ParachainInfo(_)
		| RuntimeCall::MessageQueue(_) => NONE,
		RuntimeCall::Utility(call) => match call {
			// Inner calls are dispatched with the caller's origin and its filter.
			pallet_utility::Call::batch { .. }
			| pallet_utility::Call::batch_all { .. }
			| pallet_utility::Call::force_batch { .. }
			| pallet_utility::Call::if_else { .. } => EVERY,
			pallet_utility::Call::as_derivative { .. } => NON_TRANSFER | LENDING | GOVERNANCE,
			// Root only, and they bypass the filter.
			pallet_utility::Call::dispatch_as { .. }
			| pallet_utility::Call::with_weight { .. }
			| pallet_utility::Call::dispatch_as_fallible { .. }
			| pallet_utility::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::Multisig(call) => match call {
			pallet_multisig::Call::cancel_as_multi { .. }
			| pallet_multisig::Call::poke_deposit { .. } => NON_TRANSFER,
			// Execute, or approve for execution, a call from the multisig account.
			pallet_multisig::Call::as_multi_threshold_1 { .. }
			| pallet_multisig::Call::as_multi { .. }
			| pallet_multisig::Call::approve_as_multi { .. }
			| pallet_multisig::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::Proxy(call) => match call {
			// pallet-proxy refuses adding or removing a proxy type that is not a subset.
			pallet_proxy::Call::add_proxy { .. }
			| pallet_proxy::Call::remove_proxy { .. }
			| pallet_proxy::Call::create_pure { .. }
			| pallet_proxy::Call::remove_announcement { .. }
			| pallet_proxy::Call::poke_deposit { .. } => NON_TRANSFER,
			pallet_proxy::Call::reject_announcement { .. } => NON_TRANSFER | CANCEL_PROXY,
			// Nested proxy execution (now or announced for later) escapes the filter;
			// pallet-proxy allows `remove_proxies` and `kill_pure` only to `Any`.
			pallet_proxy::Call::proxy { .. }
			| pallet_proxy::Call::proxy_announced { .. }
			| pallet_proxy::Call::announce { .. }
			| pallet_proxy::Call::remove_proxies { .. }
			| pallet_proxy::Call::kill_pure { .. }
			| pallet_proxy::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::Preimage(call) => match call {
			pallet_preimage::Call::note_preimage { .. }
			| pallet_preimage::Call::unnote_preimage { .. }
			| pallet_preimage::Call::ensure_updated { .. } => NON_TRANSFER | GOVERNANCE,
			pallet_preimage::Call::request_preimage { .. }
			| pallet_preimage::Call::unrequest_preimage { .. }
			| pallet_preimage::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::Referenda(call) => match call {
			pallet_referenda::Call::submit { .. }
			| pallet_referenda::Call::place_decision_deposit { .. }
			| pallet_referenda::Call::refund_decision_deposit { .. }
			| pallet_referenda::Call::refund_submission_deposit { .. }
			| pallet_referenda::Call::set_metadata { .. } => NON_TRANSFER | GOVERNANCE,
			pallet_referenda::Call::cancel { .. }
			| pallet_referenda::Call::kill { .. }
			| pallet_referenda::Call::nudge_referendum { .. }
			| pallet_referenda::Call::one_fewer_deciding { .. }
			| pallet_referenda::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::ConvictionVoting(call) => match call {
			pallet_conviction_voting::Call::vote { .. }
			| pallet_conviction_voting::Call::delegate { .. }
			| pallet_conviction_voting::Call::undelegate { .. }
			| pallet_conviction_voting::Call::unlock { .. }
			| pallet_conviction_voting::Call::remove_vote { .. }
			| pallet_conviction_voting::Call::remove_other_vote { .. } => NON_TRANSFER | GOVERNANCE,
			pallet_conviction_voting::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::Treasury(call) => match call {
			pallet_treasury::Call::payout { .. } | pallet_treasury::Call::check_status { .. } => {
				NON_TRANSFER | GOVERNANCE
			},
			pallet_treasury::Call::spend_local { .. }
			| pallet_treasury::Call::remove_approval { .. }
			| pallet_treasury::Call::spend { .. }
			| pallet_treasury::Call::void_spend { .. }
			| pallet_treasury::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::RiskCouncil(call) => match call {
			pallet_collective::Call::execute { .. }
			| pallet_collective::Call::propose { .. }
			| pallet_collective::Call::vote { .. }
			| pallet_collective::Call::close { .. }
			| pallet_collective::Call::release_proposal_cost { .. } => NON_TRANSFER | GOVERNANCE,
			pallet_collective::Call::set_members { .. }
			| pallet_collective::Call::disapprove_proposal { .. }
			| pallet_collective::Call::kill { .. }
			| pallet_collective::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::Oracle(call) => match call {
			pallet_oracle::Call::feed_values { .. } => NON_TRANSFER,
			pallet_oracle::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::CreditRecords(call) => match call {
			// Profile records and access grants; deposits are holds.
			pallet_credit_records::Call::register { .. }
			| pallet_credit_records::Call::update_documents { .. }
			| pallet_credit_records::Call::deregister { .. }
			| pallet_credit_records::Call::forget_history { .. }
			| pallet_credit_records::Call::reject_link { .. }
			| pallet_credit_records::Call::grant_access { .. }
			| pallet_credit_records::Call::revoke_access { .. }
			| pallet_credit_records::Call::log_access { .. } => NON_TRANSFER | LENDING,
			// A verifier's work.
			pallet_credit_records::Call::attest { .. }
			| pallet_credit_records::Call::attest_income { .. }
			| pallet_credit_records::Call::revoke_attestation { .. }
			| pallet_credit_records::Call::raise_flag { .. } => NON_TRANSFER,
			// Tying another account to the principal's person (its history and cap): the
			// principal itself only (an `Any` proxy).
			pallet_credit_records::Call::accept_person { .. }
			| pallet_credit_records::Call::approve_account { .. }
			// Verifier-admin, risk and freeze origins.
			| pallet_credit_records::Call::add_verifier { .. }
			| pallet_credit_records::Call::remove_verifier { .. }
			| pallet_credit_records::Call::force_revoke_attestation { .. }
			| pallet_credit_records::Call::set_tier_table { .. }
			| pallet_credit_records::Call::freeze { .. }
			| pallet_credit_records::Call::unfreeze { .. }
			// Review and risk origins.
			| pallet_credit_records::Call::clear_flag { .. }
			| pallet_credit_records::Call::confirm_flag { .. }
			| pallet_credit_records::Call::set_monitor_params { .. }
			| pallet_credit_records::Call::set_capacity_params { .. }
			| pallet_credit_records::Call::set_closed_purposes { .. }
			| pallet_credit_records::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::LiquidityPools(call) => match call {
			// Each moves the principal's assets or changes its debt or position health.
			pallet_liquidity_pools::Call::deposit { .. }
			| pallet_liquidity_pools::Call::withdraw { .. }
			| pallet_liquidity_pools::Call::enable_collateral { .. }
			| pallet_liquidity_pools::Call::disable_collateral { .. }
			| pallet_liquidity_pools::Call::borrow { .. }
			| pallet_liquidity_pools::Call::repay { .. }
			| pallet_liquidity_pools::Call::repay_all { .. }
			| pallet_liquidity_pools::Call::liquidate { .. } => LENDING,
			// Risk and pause origins.
			pallet_liquidity_pools::Call::create_pool { .. }
			| pallet_liquidity_pools::Call::set_pool_params { .. }
			| pallet_liquidity_pools::Call::pause_pool { .. }
			| pallet_liquidity_pools::Call::unpause_pool { .. }
			| pallet_liquidity_pools::Call::reduce_reserves { .. }
			| pallet_liquidity_pools::Call::set_max_price_age { .. }
			| pallet_liquidity_pools::Call::set_facility_cap { .. }
			| pallet_liquidity_pools::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::P2pLoans(call) => match call {
			// Pay, lend, borrow against collateral, or set a sale price.
			pallet_p2p_loans::Call::create_request { .. }
			| pallet_p2p_loans::Call::fund { .. }
			| pallet_p2p_loans::Call::repay { .. }
			| pallet_p2p_loans::Call::list_shares { .. }
			| pallet_p2p_loans::Call::buy_shares { .. } => LENDING,
			// Return the principal's own funds, pay it what it is owed, or keeper calls whose
			// caller pays nothing.
			pallet_p2p_loans::Call::cancel_request { .. }
			| pallet_p2p_loans::Call::claim_refund { .. }
			| pallet_p2p_loans::Call::claim { .. }
			| pallet_p2p_loans::Call::mark_default { .. }
			| pallet_p2p_loans::Call::liquidate { .. }
			| pallet_p2p_loans::Call::cancel_listing { .. }
			| pallet_p2p_loans::Call::prune_loan { .. }
			| pallet_p2p_loans::Call::withdraw_unclaimed { .. }
			| pallet_p2p_loans::Call::notify_overdue { .. }
			// A lender's vote for a collection agent: moves nothing.
			| pallet_p2p_loans::Call::vote_collector { .. } => NON_TRANSFER | LENDING,
			// Risk origin.
			pallet_p2p_loans::Call::set_risk_params { .. }
			| pallet_p2p_loans::Call::__Ignore(..) => NONE,
		},
		RuntimeCall::SmeFinance(call) => match call {
			// Pay, lend, take on a payable or a line, or set a sale price.
			pallet_sme_finance::Call::apply_credit_line { .. }
			| pallet_sme_finance::Call::fund_credit_line { .. }
			| pallet_sme_finance::Call::repay_line { .. }
			| pallet_sme_finance::Call::confirm_invoice { .. }
			| pallet_sme_finance::Call::finance_invoice { .. }
			| pallet_sme_finance::Call::pay_invoice { .. }
			| pallet_sme_finance::Call::repay_recourse { .. }
			| pallet_sme_finance::Call::offer_invoice { .. } => LENDING,
			// Records (deposits are holds), withdrawals that return the principal's own funds,
			// claims in its favour, keeper calls.
			pallet_sme_finance::Call::file_report { .. }
			| pallet_sme_finance::Call::close_line { .. }
			| pallet_sme_finance::Call::mark_line_default { .. }
			| pallet_sme_finance::Call::submit_invoice { .. }
			| pallet_sme_finance::Call::reject_invoice { .. }
			| pallet_sme_finance::Call::cancel_invoice { .. }
			| pallet_sme_finance::Call::claim_recourse { .. }
			| pallet_sme_finance::Call::forget_invoice_hash { .. }
			| pallet_sme_finance::Call::notify_overdue { .. }
			// A financier assigns a collection agent to its defaulted line: moves nothing.
			| pallet_sme_finance::Call::assign_line_collector { .. } => NON_TRANSFER | LENDING,
			// An auditor's or verifier's work.
			pallet_sme_finance::Call::attest_report { .. }
			| pallet_sme_finance::Call::attest_milestone { .. } => NON_TRANSFER,
			// Underwriter and risk origins.
			pallet_sme_finance::Call::approve_credit_line { .. }
			| pallet_sme_finance::Call::set_params { .. }
			| pallet_sme_finance::Call::__Ignore(..) => NONE,
		},
	}
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		let bit = match self {
			ProxyType::Any => return true,
			ProxyType::NonTransfer => NON_TRANSFER,
			ProxyType::CancelProxy => CANCEL_PROXY,
			ProxyType::Lending => LENDING,
			ProxyType::Governance => GOVERNANCE,
		};
		(allowed(call) & bit) != 0
	}

	/// Whether every call `other` allows is allowed to `self` (exhaustive over `self`, so a new
	/// proxy type must be placed here).
	fn is_superset(&self, other: &Self) -> bool {
		self == other
			|| match self {
				ProxyType::Any => true,
				ProxyType::NonTransfer => {
					matches!(other, ProxyType::Governance | ProxyType::CancelProxy)
				},
				ProxyType::CancelProxy | ProxyType::Lending | ProxyType::Governance => false,
			}
	}
}

parameter_types! {
	// One storage item; key size 32, value size 8.
	pub const ProxyDepositBase: Balance = deposit(1, 8);
	// Additional storage item size of 33 bytes.
	pub const ProxyDepositFactor: Balance = deposit(0, 33);
	pub const AnnouncementDepositBase: Balance = deposit(1, 8);
	pub const AnnouncementDepositFactor: Balance = deposit(0, 66);
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = ConstU32<32>;
	type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = sp_runtime::traits::BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}

#[cfg(test)]
mod tests;
