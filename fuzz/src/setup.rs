//! The state every run starts from: the `development` genesis, then a few blocks of ordinary
//! calls that make most random calls meaningful.
//!
//! - accounts 6–15 get XDI, USDX and XBTC from Alice (who issues the dev assets);
//! - verifiers: Dave (3) a KYC provider, Eve (4) an auditor, Ferdie (5) a credit bureau,
//!   account 15 a collection agent;
//! - everyone registers (11–14 as enterprises) and gets KYC or KYB from Dave (but Dave), with its identity
//!   commitment (6 and 7 are one person); Ferdie attests the income band of 0, 1, 2, 6, 8
//!   and 9;
//! - the enterprises file a report for 2026 Q4 and Eve audits it; the USDX pool may fund SME
//!   lines up to 2,000,000 USDX;
//! - 6–10 supply USDX to its pool, 1–3 supply XBTC as collateral;
//! - the feeders post both prices every setup block.
//!
//! Every setup call must succeed: a refusal is reported as a failure of the setup.

use pallet_credit_records::{
	types::{ClaimKind, ProfileKind},
	IncomeBand,
};
use pallet_sme_finance::types::{FinancialMetrics, ReportingPeriod};
use sp_core::H256;
use sp_runtime::{FixedU128, MultiAddress};
use xindai_primitives::credit::VerifierKind;
use xindai_runtime::{
	genesis_config_presets::{usdx, xbtc},
	RuntimeCall, SLOT_DURATION, XDI,
};

use crate::{
	chain::{Chain, Failure},
	generate::FEEDERS,
	plan::{account, Actor, BlockPlan, Step, ACCOUNTS},
};

const YEAR_MS: u64 = 365 * 24 * 3_600 * 1_000;

/// The enterprises among the fuzz accounts.
pub fn is_enterprise(who: u8) -> bool {
	(11..=14).contains(&who)
}

/// The chain after genesis and the setup blocks.
pub fn prepared_chain() -> Result<Chain, Failure> {
	let mut chain =
		Chain::genesis().map_err(|detail| Failure { block: 0, check: "genesis".into(), detail })?;
	for (index, block) in setup_blocks(chain.now()).into_iter().enumerate() {
		let refused = chain.play(index, &block)?;
		if let Some((step, error)) = refused.first() {
			return Err(Failure {
				block: index,
				check: "setup".into(),
				detail: format!("setup call {step} refused: {error}"),
			});
		}
	}
	Ok(chain)
}

fn signed(who: u8, call: RuntimeCall) -> Step {
	Step { actor: Actor::Signed(who), call }
}

fn feeds() -> Vec<Step> {
	FEEDERS
		.iter()
		.map(|feeder| {
			let values: Vec<(u32, FixedU128)> =
				vec![(usdx::ID, usdx::price()), (xbtc::ID, xbtc::price())];
			signed(
				*feeder,
				RuntimeCall::Oracle(pallet_oracle::Call::feed_values {
					values: values.try_into().expect("two values fit"),
				}),
			)
		})
		.collect()
}

fn setup_blocks(now: u64) -> Vec<BlockPlan> {
	use pallet_credit_records::Call as Credit;
	let extra = 6..ACCOUNTS as u8;
	let block = |steps: Vec<Step>| BlockPlan { advance_ms: SLOT_DURATION, steps };
	let expires = now + 2 * YEAR_MS;

	let mut funding = feeds();
	// The USDX pool may fund SME credit lines (facilities) up to 2,000,000 USDX.
	funding.push(Step {
		actor: Actor::Root,
		call: RuntimeCall::LiquidityPools(pallet_liquidity_pools::Call::set_facility_cap {
			asset: usdx::ID,
			cap: 2_000_000 * usdx::UNIT,
		}),
	});
	for (verifier, kind) in [
		(3u8, VerifierKind::KycProvider),
		(4, VerifierKind::Auditor),
		(5, VerifierKind::CreditBureau),
		(15, VerifierKind::CollectionAgent),
	] {
		funding.push(Step {
			actor: Actor::Root,
			call: RuntimeCall::CreditRecords(Credit::add_verifier {
				verifier: account(verifier),
				kind,
				name: b"setup verifier".to_vec().try_into().expect("short"),
			}),
		});
	}
	for who in extra.clone() {
		let dest = MultiAddress::Id(account(who));
		funding.push(signed(
			0,
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: dest.clone(),
				value: 50_000 * XDI,
			}),
		));
		for (id, amount) in [(usdx::ID, 1_000_000 * usdx::UNIT), (xbtc::ID, 100 * xbtc::UNIT)] {
			funding.push(signed(
				0,
				RuntimeCall::Assets(pallet_assets::Call::mint {
					id: id.into(),
					beneficiary: dest.clone(),
					amount,
				}),
			));
		}
	}

	let mut registering = feeds();
	for who in 0..ACCOUNTS as u8 {
		let kind =
			if is_enterprise(who) { ProfileKind::Enterprise } else { ProfileKind::Individual };
		registering.push(signed(
			who,
			RuntimeCall::CreditRecords(Credit::register {
				kind,
				documents: H256::repeat_byte(0x10 + who),
			}),
		));
	}

	let mut attesting = feeds();
	// Dave cannot attest himself: he is the one fuzz account without KYC.
	for who in (0..ACCOUNTS as u8).filter(|who| *who != 3) {
		let claim = if is_enterprise(who) { ClaimKind::Kyb } else { ClaimKind::KycFull };
		let person = if who == 7 { 6 } else { who };
		attesting.push(signed(
			3,
			RuntimeCall::CreditRecords(Credit::attest {
				subject: account(who),
				claim,
				claim_hash: H256::repeat_byte(0x30 + who),
				expires_at: expires,
				identity: Some(H256::repeat_byte(person)),
			}),
		));
	}
	// Income bands: most individuals have room for large loans; 2 a modest band; 10 none (the
	// unattested limit).
	for (who, band) in [
		(0u8, IncomeBand::Over50k),
		(1, IncomeBand::Over50k),
		(2, IncomeBand::From3kTo6k),
		(6, IncomeBand::Over50k),
		(8, IncomeBand::From25kTo50k),
		(9, IncomeBand::Over50k),
	] {
		attesting.push(signed(
			5,
			RuntimeCall::CreditRecords(Credit::attest_income {
				subject: account(who),
				band,
				claim_hash: H256::repeat_byte(0x50 + who),
				expires_at: expires,
			}),
		));
	}

	let mut business = feeds();
	let period = ReportingPeriod { year: 2026, quarter: 4 };
	for who in 11..=14u8 {
		let metrics = FinancialMetrics {
			revenue: 2_000_000 * usdx::UNIT,
			net_profit: 150_000 * usdx::UNIT as i128,
			receivables: 300_000 * usdx::UNIT,
			payables: 200_000 * usdx::UNIT,
			employees: 25,
		};
		let commitment = H256::repeat_byte(0x70 + who);
		business.push(signed(
			who,
			RuntimeCall::SmeFinance(pallet_sme_finance::Call::file_report {
				period,
				commitment,
				metrics,
			}),
		));
		business.push(signed(
			4,
			RuntimeCall::SmeFinance(pallet_sme_finance::Call::attest_report {
				enterprise: account(who),
				period,
				commitment,
				metrics,
			}),
		));
	}
	for who in 6..=10u8 {
		business.push(signed(
			who,
			RuntimeCall::LiquidityPools(pallet_liquidity_pools::Call::deposit {
				asset: usdx::ID,
				amount: 500_000 * usdx::UNIT,
			}),
		));
	}
	for who in 1..=3u8 {
		business.push(signed(
			who,
			RuntimeCall::LiquidityPools(pallet_liquidity_pools::Call::deposit {
				asset: xbtc::ID,
				amount: 20 * xbtc::UNIT,
			}),
		));
		business.push(signed(
			who,
			RuntimeCall::LiquidityPools(pallet_liquidity_pools::Call::enable_collateral {
				asset: xbtc::ID,
			}),
		));
	}

	vec![block(funding), block(registering), block(attesting), block(business)]
}
