//! Calls of SME financing: filings, credit lines with milestones, invoices and their financing.

use pallet_sme_finance::{
	types::{
		FinancialMetrics, InvoiceId, InvoiceStatus, LineId, LineSource, LineStatus, MilestoneSpec,
		OverdueTarget, ReportingPeriod,
	},
	Call, Filings, Invoices, Lines, NextInvoiceId, NextLineId, Params,
};
use sp_runtime::{traits::Saturating, Permill};
use xindai_primitives::credit::VerifierKind;
use xindai_runtime::{genesis_config_presets::usdx, Runtime, RuntimeCall};

use super::{
	credit::{AUDITOR, COLLECTION_AGENT},
	index_of,
	lending::{permill, DAY_SECS},
	Generator, DAY,
};
use crate::plan::{account, Actor, Step};

/// The enterprises of the setup, by account index.
pub const ENTERPRISES: [u8; 4] = [11, 12, 13, 14];

impl Generator {
	pub(super) fn sme_call(&mut self) -> Step {
		let enterprise =
			if self.rng.chance(85) { *self.rng.pick(&ENTERPRISES) } else { self.anyone() };
		let choice = self
			.rng
			.weighted(&[5, 5, 8, 10, 3, 8, 10, 1, 2, 9, 6, 2, 2, 6, 5, 2, 3, 4, 1, 1, 2, 2]);
		let line_status = match choice {
			3 => Some(LineStatus::Applied),
			4 => Some(LineStatus::AwaitingFunds),
			5..=8 | 20 => Some(LineStatus::Active),
			21 => Some(LineStatus::Defaulted),
			_ => None,
		};
		let invoice_status = match choice {
			10..=12 => Some(InvoiceStatus::Submitted),
			13 | 17 => Some(InvoiceStatus::Confirmed),
			14 | 15 => Some(InvoiceStatus::Financed),
			16 | 20 => Some(InvoiceStatus::Recourse),
			_ => None,
		};
		let line = self.line_id(line_status);
		let line_owner = Lines::<Runtime>::get(line).and_then(|l| index_of(&l.enterprise));
		let invoice = self.invoice_id(invoice_status);
		let (invoice_enterprise, buyer, financier) = Invoices::<Runtime>::get(invoice)
			.map(|i| {
				(
					index_of(&i.enterprise),
					index_of(&i.buyer),
					i.financing.and_then(|f| index_of(&f.financier)),
				)
			})
			.unwrap_or_default();
		let (actor, call) = match choice {
			0 => {
				let (period, metrics) = self.filing();
				(
					self.signed_or(Some(enterprise)),
					Call::file_report { period, commitment: self.hash(), metrics },
				)
			},
			1 => {
				let filed: Vec<_> =
					Filings::<Runtime>::iter_prefix(account(enterprise)).take(8).collect();
				let (period, commitment, metrics) = match self.rng.pick_opt(&filed) {
					Some((period, filing)) if self.rng.chance(85) => {
						(period, filing.commitment, filing.metrics)
					},
					_ => {
						let (period, metrics) = self.filing();
						(period, self.hash(), metrics)
					},
				};
				(
					self.signed_or(Some(AUDITOR)),
					Call::attest_report {
						enterprise: account(enterprise),
						period,
						commitment,
						metrics,
					},
				)
			},
			2 => {
				// Mostly within an enterprise's exposure cap (tier 2: 10,000 USDX).
				let limit = usdx::UNIT
					* u128::from(match self.rng.weighted(&[80, 20]) {
						0 => self.rng.range(100, 8_000),
						_ => self.rng.range(8_000, 200_000),
					});
				let milestones = self.milestones(limit);
				(
					self.signed_or(Some(enterprise)),
					Call::apply_credit_line {
						asset: if self.rng.chance(90) { usdx::ID } else { self.asset() },
						limit,
						annual_rate: self.rate(),
						term_secs: if self.rng.chance(90) {
							*self.rng.pick(&[
								30 * DAY_SECS,
								90 * DAY_SECS,
								365 * DAY_SECS,
								5 * 365 * DAY_SECS,
							])
						} else {
							*self.rng.pick(&[0, DAY_SECS, 6 * 365 * DAY_SECS, u64::MAX])
						},
						milestones,
						purpose: self.purpose(),
					},
				)
			},
			3 => {
				let source = if self.rng.chance(50) {
					LineSource::Pool
				} else {
					LineSource::Financier(account(self.anyone()))
				};
				(self.privileged(Actor::Underwriter), Call::approve_credit_line { line, source })
			},
			4 => {
				let named = Lines::<Runtime>::get(line).and_then(|l| match l.source {
					Some(LineSource::Financier(f)) => index_of(&f),
					_ => None,
				});
				(self.signed_or(named), Call::fund_credit_line { line })
			},
			5 => {
				let record = Lines::<Runtime>::get(line);
				let count = record.as_ref().map_or(1, |l| l.milestones.len() as u64);
				// Mostly the next milestone, by a verifier of its kind (Dave, Eve, Ferdie).
				let next = record.as_ref().and_then(|l| {
					let index = l.next_milestone()?;
					Some((index, l.milestones.get(index as usize)?.spec.verifier))
				});
				let (index, kind) = match next {
					Some((index, kind)) if self.rng.chance(80) => (index, kind),
					_ => (
						self.rng.below(count + 1) as u32,
						*self.rng.pick(&[
							VerifierKind::KycProvider,
							VerifierKind::Auditor,
							VerifierKind::CreditBureau,
						]),
					),
				};
				let who = match kind {
					VerifierKind::KycProvider => 3,
					VerifierKind::Auditor => 4,
					_ => 5,
				};
				(self.signed_or(Some(who)), Call::attest_milestone { line, index })
			},
			6 => {
				let who = self.signed_or(line_owner);
				let payer = match who {
					Actor::Signed(i) => i,
					_ => enterprise,
				};
				(who, Call::repay_line { line, amount: self.amount(usdx::ID, payer) })
			},
			7 => {
				let actor = if self.rng.chance(30) {
					self.privileged(Actor::Underwriter)
				} else {
					self.signed_or(line_owner)
				};
				(actor, Call::close_line { line })
			},
			8 => (Actor::Signed(self.anyone()), Call::mark_line_default { line }),
			9 => {
				let buyer = if self.rng.chance(80) {
					*self.rng.pick(&[6, 8, 9, 10, 12])
				} else {
					self.anyone()
				};
				let amount = match self.rng.weighted(&[80, 20]) {
					// Mostly within a buyer's exposure cap (tier 2: 10,000 USDX), so that
					// confirmed and financed invoices are common.
					0 => usdx::UNIT * u128::from(self.rng.range(10, 6_000)),
					_ => self.amount(usdx::ID, buyer),
				};
				(
					self.signed_or(Some(enterprise)),
					Call::submit_invoice {
						buyer: account(buyer),
						amount,
						asset: if self.rng.chance(90) { usdx::ID } else { self.asset() },
						due_at: self.now + self.rng.range(0, 120 * DAY),
						invoice_hash: self.hash(),
					},
				)
			},
			10 => (self.signed_or(buyer), Call::confirm_invoice { invoice }),
			11 => (self.signed_or(buyer), Call::reject_invoice { invoice }),
			12 => (self.signed_or(invoice_enterprise), Call::cancel_invoice { invoice }),
			13 => {
				// Mostly on the enterprise's terms (as a financier reading the offer would).
				let offer = Invoices::<Runtime>::get(invoice).and_then(|i| i.offer);
				let (advance_rate, fee_rate) = match offer.clone() {
					Some(offer) if self.rng.chance(80) => (
						offer
							.min_advance_rate
							.saturating_add(Permill::from_percent(self.rng.below(5) as u32)),
						offer
							.max_fee_rate
							.saturating_sub(Permill::from_parts(self.rng.below(10_000) as u32)),
					),
					_ => (permill(&mut self.rng), permill(&mut self.rng)),
				};
				let named = offer.and_then(|o| o.financier).and_then(|f| index_of(&f));
				(self.signed_or(named), Call::finance_invoice { invoice, advance_rate, fee_rate })
			},
			14 => (self.signed_or(buyer), Call::pay_invoice { invoice }),
			15 => (self.signed_or(financier), Call::claim_recourse { invoice }),
			16 => {
				let who = self.signed_index(invoice_enterprise);
				(
					Actor::Signed(who),
					Call::repay_recourse { invoice, amount: self.amount(usdx::ID, who) },
				)
			},
			17 => {
				let named = self.rng.chance(40).then(|| account(self.anyone()));
				(
					self.signed_or(invoice_enterprise),
					Call::offer_invoice {
						invoice,
						// Mostly within governance's bounds (advance up to 90 %, fee up to 5 %).
						min_advance_rate: if self.rng.chance(80) {
							Permill::from_percent(self.rng.range(50, 90) as u32)
						} else {
							permill(&mut self.rng)
						},
						max_fee_rate: if self.rng.chance(80) {
							Permill::from_parts(self.rng.range(0, 50_000) as u32)
						} else {
							permill(&mut self.rng)
						},
						financier: named,
					},
				)
			},
			18 => (
				self.privileged(Actor::RiskAdmin),
				Call::set_params { params: self.mutate(Params::<Runtime>::get()) },
			),
			19 => {
				let invoice_hash = Invoices::<Runtime>::get(invoice)
					.map_or_else(|| self.hash(), |i| i.invoice_hash);
				(Actor::Signed(self.anyone()), Call::forget_invoice_hash { invoice_hash })
			},
			20 => {
				let target = if self.rng.chance(60) {
					OverdueTarget::Line(line)
				} else {
					OverdueTarget::Recourse(invoice)
				};
				(Actor::Signed(self.anyone()), Call::notify_overdue { target })
			},
			_ => {
				let actor = if self.rng.chance(50) {
					self.privileged(Actor::Underwriter)
				} else {
					self.signed_or(line_owner)
				};
				let agent = if self.rng.chance(70) { COLLECTION_AGENT } else { self.anyone() };
				(actor, Call::assign_line_collector { line, agent: account(agent) })
			},
		};
		Step { actor, call: RuntimeCall::SmeFinance(call) }
	}

	/// A reporting period near 2027 and plausible (sometimes odd) metrics.
	fn filing(&mut self) -> (ReportingPeriod, FinancialMetrics) {
		let period = ReportingPeriod {
			year: 2025 + self.rng.below(4) as u16,
			quarter: self.rng.below(6) as u8,
		};
		let revenue = usdx::UNIT * u128::from(self.rng.range(0, 10_000_000));
		let metrics = FinancialMetrics {
			revenue,
			net_profit: (revenue as i128 / 10)
				- i128::from(self.rng.below(1_000_000) as u32) * 1_000_000,
			receivables: revenue / 4,
			payables: revenue / 5,
			employees: self.rng.below(500) as u32,
		};
		(period, metrics)
	}

	/// One to four milestones that usually add up to `limit`.
	fn milestones(&mut self, limit: u128) -> pallet_sme_finance::MilestoneSpecsOf<Runtime> {
		let count = self.rng.range(1, 4) as u128;
		let mut specs = Vec::new();
		for i in 0..count {
			let amount =
				if i + 1 == count { limit - limit / count * (count - 1) } else { limit / count };
			let amount = if self.rng.chance(5) { amount + 1 } else { amount };
			let verifier = *self.rng.pick(&[
				VerifierKind::KycProvider,
				VerifierKind::Auditor,
				VerifierKind::CreditBureau,
			]);
			specs.push(MilestoneSpec { description: self.hash(), amount, verifier });
		}
		specs.try_into().unwrap_or_default()
	}

	/// A line in the `wanted` status mostly, else a recent or live one, an unknown id sometimes.
	fn line_id(&mut self, wanted: Option<LineStatus>) -> LineId {
		let lines = Lines::<Runtime>::iter().map(|(id, line)| (id, line.status));
		self.record_id(
			NextLineId::<Runtime>::get(),
			lines,
			wanted.map(|w| move |s: &LineStatus| *s == w),
		)
	}

	/// An invoice in the `wanted` status mostly, else a recent or live one, an unknown id
	/// sometimes.
	fn invoice_id(&mut self, wanted: Option<InvoiceStatus>) -> InvoiceId {
		let invoices = Invoices::<Runtime>::iter().map(|(id, invoice)| (id, invoice.status));
		let next = NextInvoiceId::<Runtime>::get();
		self.record_id(next, invoices, wanted.map(|w| move |s: &InvoiceStatus| *s == w))
	}
}
