//! Calls of the FRAME pallets around the domain ones: balances, assets, batches, proxies,
//! multisig and referenda. Wrappers (batch, proxy, multisig, a referendum's proposal) carry
//! calls the generator makes one level deeper.

use codec::{Decode, Encode};
use frame_support::traits::{schedule::DispatchTime, Bounded};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use sp_runtime::MultiAddress;
use xindai_runtime::{
	configs::ProxyType, governance::origins::pallet_custom_origins, OriginCaller, RuntimeCall, XDI,
};

use super::Generator;
use crate::plan::{account, Actor, Step};

/// How deep wrappers nest (a batch inside a proxy, …).
const MAX_DEPTH: u8 = 2;

impl Generator {
	pub(super) fn frame_call(&mut self, depth: u8) -> Step {
		let who = self.anyone();
		let dest = MultiAddress::Id(account(self.anyone()));
		let wrap = depth < MAX_DEPTH;
		let choice = self.rng.weighted(&[
			6,
			4,
			1,
			6,
			2,
			1,
			1,
			if wrap { 6 } else { 0 },
			if wrap { 3 } else { 0 },
			3,
			1,
			if wrap { 4 } else { 0 },
			if wrap { 3 } else { 0 },
			if wrap { 3 } else { 0 },
			3,
			4,
		]);
		let (actor, call) = match choice {
			0 => (
				Actor::Signed(who),
				RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest,
					value: self.amount(0, who),
				}),
			),
			1 => (
				Actor::Signed(who),
				RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
					dest,
					value: self.amount(0, who),
				}),
			),
			2 => (
				Actor::Signed(who),
				RuntimeCall::Balances(pallet_balances::Call::transfer_all {
					dest,
					keep_alive: self.rng.chance(50),
				}),
			),
			3 => {
				let id = self.asset();
				(
					Actor::Signed(who),
					RuntimeCall::Assets(pallet_assets::Call::transfer {
						id: id.into(),
						target: dest,
						amount: self.amount(id, who),
					}),
				)
			},
			4 => {
				// Alice issues the dev assets.
				let id = self.asset();
				(
					self.signed_or(Some(0)),
					RuntimeCall::Assets(pallet_assets::Call::mint {
						id: id.into(),
						beneficiary: dest,
						amount: self.amount(id, 0),
					}),
				)
			},
			5 => (
				self.signed_or(Some(0)),
				RuntimeCall::Assets(pallet_assets::Call::freeze {
					id: self.asset().into(),
					who: self.maybe_custody(dest),
				}),
			),
			6 => (
				self.signed_or(Some(0)),
				RuntimeCall::Assets(pallet_assets::Call::thaw {
					id: self.asset().into(),
					who: self.maybe_custody(dest),
				}),
			),
			7 => {
				let calls = self.inner_calls(depth);
				let call = match self.rng.below(3) {
					0 => pallet_utility::Call::batch { calls },
					1 => pallet_utility::Call::batch_all { calls },
					_ => pallet_utility::Call::force_batch { calls },
				};
				(Actor::Signed(who), RuntimeCall::Utility(call))
			},
			8 => {
				let inner = self.step(depth + 1);
				let real = match inner.actor {
					Actor::Signed(real) => real,
					_ => who,
				};
				(
					Actor::Signed(self.anyone()),
					RuntimeCall::Proxy(pallet_proxy::Call::proxy {
						real: MultiAddress::Id(account(real)),
						force_proxy_type: None,
						call: Box::new(inner.call),
					}),
				)
			},
			9 => (
				Actor::Signed(who),
				RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
					delegate: dest,
					proxy_type: self.proxy_type(),
					delay: 0,
				}),
			),
			10 => (Actor::Signed(who), RuntimeCall::Proxy(pallet_proxy::Call::remove_proxies {})),
			11 => {
				let inner = self.step(depth + 1);
				let mut others = vec![account(self.anyone())];
				others.sort();
				(
					inner.actor,
					RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
						other_signatories: others,
						call: Box::new(inner.call),
					}),
				)
			},
			12 | 13 => self.referendum(who, depth),
			14 => {
				let count = pallet_referenda::ReferendumCount::<xindai_runtime::Runtime>::get();
				(
					Actor::Signed(who),
					RuntimeCall::Referenda(pallet_referenda::Call::place_decision_deposit {
						index: self.rng.below(u64::from(count) + 1) as u32,
					}),
				)
			},
			_ => {
				let count = pallet_referenda::ReferendumCount::<xindai_runtime::Runtime>::get();
				let vote = Vote {
					aye: self.rng.chance(75),
					conviction: Conviction::decode(&mut &[self.rng.below(7) as u8][..])
						.unwrap_or_default(),
				};
				(
					Actor::Signed(who),
					RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
						poll_index: self.rng.below(u64::from(count) + 1) as u32,
						vote: AccountVote::Standard {
							vote,
							balance: XDI * u128::from(self.rng.range(1, 900_000)),
						},
					}),
				)
			},
		};
		Step { actor, call }
	}

	/// One to three calls for a batch.
	fn inner_calls(&mut self, depth: u8) -> Vec<RuntimeCall> {
		(0..self.rng.range(1, 3)).map(|_| self.step(depth + 1).call).collect()
	}

	/// A referendum on a generated call, proposed with the origin it needs.
	fn referendum(&mut self, who: u8, depth: u8) -> (Actor, RuntimeCall) {
		let inner = self.step(depth + 1);
		let origin: OriginCaller = match inner.actor {
			Actor::RiskAdmin => pallet_custom_origins::Origin::RiskAdmin.into(),
			Actor::VerifierAdmin => pallet_custom_origins::Origin::VerifierAdmin.into(),
			Actor::Underwriter => pallet_custom_origins::Origin::Underwriter.into(),
			Actor::Treasurer => pallet_custom_origins::Origin::Treasurer.into(),
			Actor::ReferendumCanceller => pallet_custom_origins::Origin::ReferendumCanceller.into(),
			_ => frame_system::RawOrigin::Root.into(),
		};
		let encoded = inner.call.encode();
		let proposal = match encoded.try_into() {
			Ok(inline) => Bounded::Inline(inline),
			Err(_) => Bounded::Inline(
				RuntimeCall::System(frame_system::Call::remark { remark: vec![1] })
					.encode()
					.try_into()
					.expect("a remark is short"),
			),
		};
		(
			Actor::Signed(who),
			RuntimeCall::Referenda(pallet_referenda::Call::submit {
				proposal_origin: Box::new(origin),
				proposal,
				enactment_moment: DispatchTime::After(self.rng.range(1, 20) as u32),
			}),
		)
	}

	/// A proxy type of the runtime (decoded from its index, `Any` when out of range).
	fn proxy_type(&mut self) -> ProxyType {
		ProxyType::decode(&mut &[self.rng.below(8) as u8][..]).unwrap_or_default()
	}

	/// `dest`, or sometimes a lending pallet's custody account.
	fn maybe_custody(
		&mut self,
		dest: MultiAddress<xindai_runtime::AccountId, ()>,
	) -> MultiAddress<xindai_runtime::AccountId, ()> {
		match self.rng.weighted(&[85, 5, 5, 5]) {
			0 => dest,
			1 => MultiAddress::Id(
				pallet_liquidity_pools::Pallet::<xindai_runtime::Runtime>::account_id(),
			),
			2 => {
				MultiAddress::Id(pallet_p2p_loans::Pallet::<xindai_runtime::Runtime>::account_id())
			},
			_ => {
				MultiAddress::Id(pallet_sme_finance::Pallet::<xindai_runtime::Runtime>::account_id())
			},
		}
	}
}
