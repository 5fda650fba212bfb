//! Calls of the liquidity pools and the P2P loans.

use pallet_liquidity_pools::{Call as PoolCall, Debts, Pools};
use pallet_p2p_loans::{
	schedule::RepaymentKind,
	types::{ListingId, LoanId, LoanStatus},
	Call as P2pCall, Listings, Loans, NextListingId, NextLoanId, Params as P2pParams, Positions,
};
use sp_runtime::Permill;
use xindai_primitives::AssetId;
use xindai_runtime::{
	genesis_config_presets::{usdx, xbtc},
	Runtime, RuntimeCall,
};

use super::{index_of, Generator, DAY, HOUR};

/// A day in seconds (loan periods are in seconds).
pub(super) const DAY_SECS: u64 = 86_400;
use crate::plan::{account, Actor, Step};

impl Generator {
	pub(super) fn pool_call(&mut self) -> Step {
		let asset = self.asset();
		let (who, debtor) = self.pool_actor(asset);
		let (actor, call) = match self
			.rng
			.weighted(&[1, 2, 1, 1, 1, 1, 22, 14, 8, 5, 18, 12, 4, 8, 1])
		{
			0 => (
				self.privileged(Actor::RiskAdmin),
				PoolCall::create_pool { asset, params: self.pool_params(usdx::ID) },
			),
			1 => (
				self.privileged(Actor::RiskAdmin),
				PoolCall::set_pool_params { asset, params: self.pool_params(asset) },
			),
			2 => (self.emergency_or_other(), PoolCall::pause_pool { asset }),
			3 => (self.privileged(Actor::RiskAdmin), PoolCall::unpause_pool { asset }),
			4 => {
				let reserves = Pools::<Runtime>::get(asset).map_or(0, |p| p.total_reserves);
				(
					self.privileged(Actor::RiskAdmin),
					PoolCall::reduce_reserves { asset, amount: self.part_of(reserves) },
				)
			},
			5 => (
				self.privileged(Actor::RiskAdmin),
				PoolCall::set_max_price_age { max_age: self.rng.range(0, 3 * HOUR) },
			),
			6 => (Actor::Signed(who), PoolCall::deposit { asset, amount: self.amount(asset, who) }),
			7 => {
				let lp = Pools::<Runtime>::get(asset).map_or(asset, |p| p.lp_asset);
				(Actor::Signed(who), PoolCall::withdraw { asset, lp_amount: self.amount(lp, who) })
			},
			8 => (Actor::Signed(who), PoolCall::enable_collateral { asset }),
			9 => (Actor::Signed(who), PoolCall::disable_collateral { asset }),
			10 => (Actor::Signed(who), PoolCall::borrow { asset, amount: self.amount(asset, who) }),
			11 => (Actor::Signed(who), PoolCall::repay { asset, amount: self.amount(asset, who) }),
			12 => (Actor::Signed(who), PoolCall::repay_all { asset }),
			13 => {
				let collateral_asset = if asset == usdx::ID { xbtc::ID } else { self.asset() };
				(
					Actor::Signed(self.anyone()),
					PoolCall::liquidate {
						borrower: account(debtor.unwrap_or(who)),
						debt_asset: asset,
						collateral_asset,
						amount: self.amount(asset, who),
					},
				)
			},
			_ => (
				self.privileged(Actor::RiskAdmin),
				PoolCall::set_facility_cap { asset, cap: self.amount(asset, 0) },
			),
		};
		Step { actor, call: RuntimeCall::LiquidityPools(call) }
	}

	/// An actor for a pool call, and a borrower of `asset` if there is one.
	fn pool_actor(&mut self, asset: AssetId) -> (u8, Option<u8>) {
		let debtors: Vec<u8> = Debts::<Runtime>::iter_keys()
			.filter(|(_, a)| *a == asset)
			.filter_map(|(who, _)| index_of(&who))
			.take(16)
			.collect();
		let debtor = self.rng.pick_opt(&debtors);
		(self.account_of(debtor), debtor)
	}

	/// The current parameters of `asset`'s pool (or USDX's), mutated.
	fn pool_params(&mut self, asset: AssetId) -> pallet_liquidity_pools::types::PoolParams {
		let base = Pools::<Runtime>::get(asset)
			.or_else(|| Pools::<Runtime>::get(usdx::ID))
			.map(|p| p.params)
			.unwrap_or_else(usdx::pool_params);
		self.mutate(base)
	}

	pub(super) fn p2p_call(&mut self) -> Step {
		let choice = self.rng.weighted(&[16, 3, 16, 3, 16, 8, 3, 4, 5, 2, 5, 1, 2, 2, 3, 3]);
		let wanted = match choice {
			1 | 2 => Some(LoanStatus::Funding),
			4..=8 | 14 => Some(LoanStatus::Active),
			15 => Some(LoanStatus::Defaulted),
			_ => None,
		};
		let loan = self.loan_id(wanted);
		let (borrower, lender) = self.loan_parties(loan);
		let (actor, call) = match choice {
			0 => {
				let who = self.anyone();
				let asset = if self.rng.chance(85) { usdx::ID } else { self.asset() };
				let principal = match self.rng.weighted(&[70, 30]) {
					0 => usdx::UNIT * u128::from(self.rng.range(10, 2_000)),
					_ => self.amount(asset, who),
				};
				let collateral = match self.rng.weighted(&[50, 40, 10]) {
					0 => None,
					1 => Some((xbtc::ID, xbtc::UNIT / u128::from(self.rng.range(1, 50)))),
					_ => Some((self.asset(), self.amount(xbtc::ID, who))),
				};
				(
					Actor::Signed(who),
					P2pCall::create_request {
						asset,
						principal,
						annual_rate: self.rate(),
						instalments: if self.rng.chance(90) {
							*self.rng.pick(&[1, 2, 3, 6, 12, 24, 48])
						} else {
							*self.rng.pick(&[0, 49, 1_000])
						},
						period: if self.rng.chance(90) {
							*self.rng.pick(&[DAY_SECS, 7 * DAY_SECS, 30 * DAY_SECS, 365 * DAY_SECS])
						} else {
							*self.rng.pick(&[0, 60, 366 * DAY_SECS])
						},
						kind: if self.rng.chance(60) {
							RepaymentKind::Amortising
						} else {
							RepaymentKind::Bullet
						},
						collateral,
						funding_deadline: self.now + self.rng.range(HOUR, 30 * DAY),
						min_ticket: match self.rng.weighted(&[80, 20]) {
							0 => (principal / u128::from(self.rng.range(2, 20))).max(1),
							_ => *self.rng.pick(&[0, 1, principal, principal.saturating_add(1)]),
						},
						purpose: self.purpose(),
					},
				)
			},
			1 => (self.signed_or(borrower), P2pCall::cancel_request { loan }),
			2 => {
				let who = self.signed_index(lender);
				let open = Loans::<Runtime>::get(loan)
					.map_or(0, |l| l.terms.principal.saturating_sub(l.funded));
				let amount = if self.rng.chance(60) {
					self.part_of(open)
				} else {
					self.amount(usdx::ID, who)
				};
				(Actor::Signed(who), P2pCall::fund { loan, amount })
			},
			3 => (self.signed_or(lender), P2pCall::claim_refund { loan }),
			4 => {
				let who = self.signed_index(borrower);
				(Actor::Signed(who), P2pCall::repay { loan, amount: self.amount(usdx::ID, who) })
			},
			5 => (self.signed_or(lender), P2pCall::claim { loan }),
			6 => (Actor::Signed(self.anyone()), P2pCall::mark_default { loan }),
			7 => (Actor::Signed(self.anyone()), P2pCall::liquidate { loan }),
			8 => {
				let shares = lender
					.and_then(|l| Positions::<Runtime>::get(loan, account(l)))
					.map_or(0, |p| p.shares);
				(
					self.signed_or(lender),
					P2pCall::list_shares {
						loan,
						shares: self.part_of(shares),
						price: self.part_of(shares.saturating_add(usdx::UNIT)),
					},
				)
			},
			9 => {
				let listing = self.listing_id();
				let seller = Listings::<Runtime>::get(listing).and_then(|l| index_of(&l.seller));
				(self.signed_or(seller), P2pCall::cancel_listing { listing })
			},
			10 => {
				let listing = self.listing_id();
				let shares = Listings::<Runtime>::get(listing).map_or(0, |l| l.shares);
				(
					Actor::Signed(self.anyone()),
					P2pCall::buy_shares { listing, shares: self.part_of(shares) },
				)
			},
			11 => (
				self.privileged(Actor::RiskAdmin),
				P2pCall::set_risk_params { params: self.mutate(P2pParams::<Runtime>::get()) },
			),
			12 => (Actor::Signed(self.anyone()), P2pCall::prune_loan { loan }),
			13 => (
				self.signed_or(lender),
				P2pCall::withdraw_unclaimed {
					asset: if self.rng.chance(80) { usdx::ID } else { self.asset() },
				},
			),
			14 => (Actor::Signed(self.anyone()), P2pCall::notify_overdue { loan }),
			_ => {
				let agent = if self.rng.chance(70) {
					super::credit::COLLECTION_AGENT
				} else {
					self.anyone()
				};
				(self.signed_or(lender), P2pCall::vote_collector { loan, agent: account(agent) })
			},
		};
		Step { actor, call: RuntimeCall::P2pLoans(call) }
	}

	/// A loan in the `wanted` status mostly, else a recent or live one, an unknown id sometimes.
	fn loan_id(&mut self, wanted: Option<LoanStatus>) -> LoanId {
		let next = u64::from(NextLoanId::<Runtime>::get());
		let loans = Loans::<Runtime>::iter().map(|(id, loan)| (u64::from(id), loan.status));
		let id = self.record_id(next, loans, wanted.map(|w| move |s: &LoanStatus| *s == w));
		LoanId::try_from(id).unwrap_or(LoanId::MAX)
	}

	/// The loan's borrower and one of its lenders, as fuzz account indices.
	fn loan_parties(&mut self, loan: LoanId) -> (Option<u8>, Option<u8>) {
		let borrower = Loans::<Runtime>::get(loan).and_then(|l| index_of(&l.borrower));
		let lenders: Vec<u8> = Positions::<Runtime>::iter_key_prefix(loan)
			.filter_map(|who| index_of(&who))
			.take(16)
			.collect();
		(borrower, self.rng.pick_opt(&lenders))
	}

	fn listing_id(&mut self) -> ListingId {
		let live: Vec<_> = Listings::<Runtime>::iter_keys().take(32).collect();
		match self.rng.pick_opt(&live) {
			Some(id) if self.rng.chance(85) => id,
			_ => NextListingId::<Runtime>::get(),
		}
	}
}

/// A permill of at most 100 % (sometimes exactly the bounds).
pub(super) fn permill(rng: &mut crate::rng::Rng) -> Permill {
	match rng.weighted(&[5, 5, 90]) {
		0 => Permill::zero(),
		1 => Permill::one(),
		_ => Permill::from_parts(rng.below(1_000_001) as u32),
	}
}
