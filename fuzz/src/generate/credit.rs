//! Calls of the credit registry: profiles, verifiers, attestations, data access, person links,
//! flags and governance's parameters.

use pallet_credit_records::{
	types::{ClaimKind, FreezeReason, ProfileKind},
	Call, CapacityParameters, CreditProduct, Flags, IncomeBand, LoanPurpose, MonitorParameters,
	PurposeCategory, PurposeSet, TierTable,
};
use xindai_primitives::credit::VerifierKind;
use xindai_runtime::{Runtime, RuntimeCall};

use super::Generator;
use crate::plan::{Actor, Step};

/// The verifiers the setup admits, by account index: KYC provider, auditor, credit bureau,
/// collection agent.
pub const KYC_PROVIDER: u8 = 3;
pub const AUDITOR: u8 = 4;
pub const CREDIT_BUREAU: u8 = 5;
pub const COLLECTION_AGENT: u8 = 15;

impl Generator {
	pub(super) fn credit_call(&mut self) -> Step {
		let subject = self.anyone();
		let (actor, call) = match self
			.rng
			.weighted(&[2, 1, 6, 3, 2, 12, 3, 1, 1, 1, 3, 6, 3, 4, 2, 4, 4, 2, 5, 3, 3, 1, 6, 1, 1])
		{
			0 => (
				self.privileged(Actor::VerifierAdmin),
				Call::add_verifier {
					verifier: crate::plan::account(subject),
					kind: self.verifier_kind(),
					name: b"fuzz verifier".to_vec().try_into().expect("short name"),
				},
			),
			1 => (
				self.privileged(Actor::VerifierAdmin),
				Call::remove_verifier { verifier: crate::plan::account(subject) },
			),
			2 => (
				Actor::Signed(subject),
				Call::register { kind: self.profile_kind(subject), documents: self.hash() },
			),
			3 => (Actor::Signed(subject), Call::update_documents { documents: self.hash() }),
			4 => (Actor::Signed(subject), Call::deregister {}),
			5 => {
				let claim = self.claim_kind(subject);
				let verifier = match claim {
					ClaimKind::AuditedFinancials => super::credit::AUDITOR,
					ClaimKind::IncomeVerified => CREDIT_BUREAU,
					_ => KYC_PROVIDER,
				};
				let identity = self.identity(subject);
				(
					self.signed_or(Some(verifier)),
					Call::attest {
						subject: crate::plan::account(subject),
						claim,
						claim_hash: self.hash(),
						expires_at: self.moment(),
						identity,
					},
				)
			},
			6 => (
				self.signed_or(Some(KYC_PROVIDER)),
				Call::revoke_attestation {
					subject: crate::plan::account(subject),
					claim: self.claim_kind(subject),
				},
			),
			7 => (
				self.privileged(Actor::VerifierAdmin),
				Call::force_revoke_attestation {
					subject: crate::plan::account(subject),
					verifier: crate::plan::account(KYC_PROVIDER),
					claim: self.claim_kind(subject),
				},
			),
			8 => (
				self.privileged(Actor::RiskAdmin),
				Call::set_tier_table { tiers: self.mutate(TierTable::<Runtime>::get()) },
			),
			9 => (
				self.emergency_or_other(),
				Call::freeze { who: crate::plan::account(subject), reason: self.freeze_reason() },
			),
			10 => {
				(self.emergency_or_other(), Call::unfreeze { who: crate::plan::account(subject) })
			},
			11 => {
				let institution = self.anyone();
				let envelope_len = self.rng.range(0, 600) as usize;
				let envelope = vec![7u8; envelope_len];
				let key_envelope =
					envelope.try_into().unwrap_or_else(|_| b"short".to_vec().try_into().unwrap());
				(
					Actor::Signed(subject),
					Call::grant_access {
						institution: crate::plan::account(institution),
						until: self.moment(),
						key_envelope,
					},
				)
			},
			12 => (
				Actor::Signed(subject),
				Call::revoke_access { institution: crate::plan::account(self.anyone()) },
			),
			13 => (
				Actor::Signed(self.anyone()),
				Call::log_access { subject: crate::plan::account(subject) },
			),
			14 => (Actor::Signed(subject), Call::forget_history {}),
			15 => (Actor::Signed(subject), Call::accept_person {}),
			16 => (
				Actor::Signed(subject),
				Call::approve_account { account: crate::plan::account(self.anyone()) },
			),
			17 => (
				Actor::Signed(subject),
				Call::reject_link { account: crate::plan::account(self.anyone()) },
			),
			18 => (
				Actor::Signed(self.anyone()),
				Call::raise_flag {
					subject: crate::plan::account(subject),
					reason_code: self.rng.below(4) as u16,
					evidence: self.hash(),
				},
			),
			19 => (
				self.emergency_or_other(),
				Call::clear_flag { flag: self.flag_id(), reason: self.hash() },
			),
			20 => (
				self.emergency_or_other(),
				Call::confirm_flag { flag: self.flag_id(), reason: self.hash() },
			),
			21 => (
				self.privileged(Actor::RiskAdmin),
				Call::set_monitor_params {
					params: self.mutate(MonitorParameters::<Runtime>::get()),
				},
			),
			22 => (
				self.signed_or(Some(CREDIT_BUREAU)),
				Call::attest_income {
					subject: crate::plan::account(subject),
					band: self.income_band(),
					claim_hash: self.hash(),
					expires_at: self.moment(),
				},
			),
			23 => (
				self.privileged(Actor::RiskAdmin),
				Call::set_capacity_params {
					params: self.mutate(CapacityParameters::<Runtime>::get()),
				},
			),
			_ => {
				let product = *self.rng.pick(&[
					CreditProduct::P2pLoans,
					CreditProduct::SmeFinance,
					CreditProduct::Pools,
				]);
				// Mostly one category or none; sometimes every one, or bits of none.
				let closed = match self.rng.weighted(&[40, 40, 10, 10]) {
					0 => PurposeSet::EMPTY,
					1 => PurposeSet::of(&[*self.rng.pick(&PurposeCategory::ALL)]),
					2 => PurposeSet::of(&PurposeCategory::ALL),
					_ => PurposeSet(self.rng.below(1 << 16) as u16),
				};
				(self.privileged(Actor::RiskAdmin), Call::set_closed_purposes { product, closed })
			},
		};
		Step { actor, call: RuntimeCall::CreditRecords(call) }
	}

	fn verifier_kind(&mut self) -> VerifierKind {
		*self.rng.pick(&[
			VerifierKind::KycProvider,
			VerifierKind::Auditor,
			VerifierKind::CreditBureau,
			VerifierKind::CollectionAgent,
		])
	}

	/// The kind a fuzz account registers as: enterprises 11–14, individuals otherwise (and
	/// sometimes the other kind).
	fn profile_kind(&mut self, who: u8) -> ProfileKind {
		let enterprise = (11..=14).contains(&who) != self.rng.chance(10);
		if enterprise {
			ProfileKind::Enterprise
		} else {
			ProfileKind::Individual
		}
	}

	fn claim_kind(&mut self, who: u8) -> ClaimKind {
		let enterprise = (11..=14).contains(&who);
		match self.rng.weighted(&[30, 20, 20, 10, 20]) {
			0 if enterprise => ClaimKind::Kyb,
			0 => ClaimKind::KycFull,
			1 => ClaimKind::KycBasic,
			2 => ClaimKind::IncomeVerified,
			3 => ClaimKind::AuditedFinancials,
			_ => ClaimKind::Kyb,
		}
	}

	/// The identity commitment of a person: accounts 6 and 7 are one person's (so linked
	/// accounts happen), the others each their own; sometimes none or a random one.
	pub(super) fn identity(&mut self, who: u8) -> Option<sp_core::H256> {
		match self.rng.weighted(&[80, 10, 10]) {
			0 => Some(sp_core::H256::repeat_byte(if who == 7 { 6 } else { who })),
			1 => None,
			_ => Some(self.hash()),
		}
	}

	/// A band, mostly one that leaves room for the generated loans.
	pub(super) fn income_band(&mut self) -> IncomeBand {
		*self.rng.pick(&[
			IncomeBand::Under1k,
			IncomeBand::From3kTo6k,
			IncomeBand::From12kTo25k,
			IncomeBand::Over50k,
			IncomeBand::Over50k,
		])
	}

	/// A stated purpose: mostly one lenders see often, the description's hash random.
	pub(super) fn purpose(&mut self) -> LoanPurpose {
		LoanPurpose {
			category: *self.rng.pick(&PurposeCategory::ALL),
			description_hash: self.hash(),
		}
	}

	fn freeze_reason(&mut self) -> FreezeReason {
		*self.rng.pick(&[
			FreezeReason::Default,
			FreezeReason::SuspectedFraud,
			FreezeReason::Compliance,
			FreezeReason::RiskReview,
		])
	}

	fn flag_id(&mut self) -> pallet_credit_records::FlagId {
		let live: Vec<_> = Flags::<Runtime>::iter_keys().take(32).collect();
		match self.rng.pick_opt(&live) {
			Some(id) if self.rng.chance(85) => id,
			_ => self.rng.below(1_000) as _,
		}
	}
}
