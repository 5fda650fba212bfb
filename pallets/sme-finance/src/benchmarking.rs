//! v2 benchmarks: each call on its worst path (pool-funded lines, the registry and prices
//! reached through the runtime's real implementations).

use super::*;
use crate::types::*;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::Permill;
use xindai_primitives::{
	credit::{VerifierKind, DAY_MS},
	interest::Rate,
	price::Price,
	AssetId, Balance, Moment,
};

const ASSET: AssetId = 7;
const UNIT: Balance = 1_000_000;
const LIMIT: Balance = 10_000 * UNIT;
const START: Moment = 1_767_225_600_000;
const PERIOD: ReportingPeriod = ReportingPeriod { year: 2026, quarter: 1 };

fn metrics() -> FinancialMetrics {
	FinancialMetrics {
		revenue: 500_000 * UNIT,
		net_profit: 50_000 * UNIT as i128,
		receivables: 80_000 * UNIT,
		payables: 40_000 * UNIT,
		employees: 12,
	}
}

/// A funded, KYB-verified enterprise; assets and a fresh price.
fn enterprise<T: Config>() -> T::AccountId {
	T::BenchmarkHelper::set_time(START);
	let who: T::AccountId = account("enterprise", 0, 0);
	T::BenchmarkHelper::create_asset_and_fund(ASSET, &who);
	T::BenchmarkHelper::set_price(ASSET, Price::from_u32(1));
	T::BenchmarkHelper::make_enterprise(&who);
	who
}

fn verifier<T: Config>(kind: VerifierKind, index: u32) -> T::AccountId {
	let who: T::AccountId = account("verifier", index, 0);
	T::BenchmarkHelper::make_verifier(&who, kind);
	who
}

fn verified<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::create_asset_and_fund(ASSET, &who);
	T::BenchmarkHelper::make_verified(&who);
	who
}

/// The most milestones, the first attested by a KYC provider.
fn specs<T: Config>() -> MilestoneSpecsOf<T> {
	let n = T::MaxMilestones::get().max(1) as u128;
	let mut specs: alloc::vec::Vec<MilestoneSpec> = (0..n)
		.map(|i| MilestoneSpec {
			description: H256::repeat_byte(i as u8),
			amount: LIMIT / n,
			verifier: VerifierKind::KycProvider,
		})
		.collect();
	if let Some(last) = specs.last_mut() {
		last.amount += LIMIT - (LIMIT / n) * n;
	}
	specs.try_into().unwrap_or_default()
}

fn applied<T: Config>(who: &T::AccountId) -> LineId {
	let terms = LineTerms {
		asset: ASSET,
		limit: LIMIT,
		annual_rate: Rate::from_rational(12, 100),
		term: T::MaxTerm::get(),
		purpose: LoanPurpose {
			category: PurposeCategory::Equipment,
			description_hash: sp_core::H256::repeat_byte(7),
		},
	};
	Pallet::<T>::do_apply(who, terms, specs::<T>()).unwrap_or_default()
}

/// A pool-funded active line with its first tranche drawn.
fn drawn_pool_line<T: Config>() -> (T::AccountId, LineId, T::AccountId) {
	let who = enterprise::<T>();
	T::BenchmarkHelper::fund_pool(ASSET, LIMIT * 10);
	let line = applied::<T>(&who);
	let _ = Pallet::<T>::do_approve(line, LineSource::Pool);
	let inspector = verifier::<T>(VerifierKind::KycProvider, 1);
	let _ = Pallet::<T>::do_attest_milestone(&inspector, line, 0);
	(who, line, inspector)
}

fn invoice<T: Config>(confirm: bool) -> (T::AccountId, T::AccountId, InvoiceId) {
	let who = enterprise::<T>();
	let buyer = verified::<T>("buyer");
	let id = Pallet::<T>::do_submit_invoice(
		who.clone(),
		buyer.clone(),
		1_000 * UNIT,
		ASSET,
		START + 60 * DAY_MS,
		H256::repeat_byte(0xaa),
	)
	.unwrap_or_default();
	if confirm {
		let _ = Pallet::<T>::do_confirm_invoice(&buyer, id);
		let _ = Pallet::<T>::do_offer_invoice(&who, id, offer::<T>());
	}
	(who, buyer, id)
}

/// Any financier, at least 50% advance, at most a 2% fee.
fn offer<T: Config>() -> FinancingOffer<T::AccountId> {
	FinancingOffer {
		min_advance_rate: Permill::from_percent(50),
		max_fee_rate: Permill::from_percent(2),
		financier: None,
	}
}

fn financed<T: Config>() -> (T::AccountId, T::AccountId, T::AccountId, InvoiceId) {
	let (who, buyer, id) = invoice::<T>(true);
	let financier = verified::<T>("financier");
	let _ = Pallet::<T>::do_finance_invoice(
		&financier,
		id,
		Permill::from_percent(80),
		Permill::from_percent(2),
	);
	(who, buyer, financier, id)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn file_report() {
		let who = enterprise::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), PERIOD, H256::repeat_byte(1), metrics());
		assert!(Filings::<T>::contains_key(&who, PERIOD));
	}

	#[benchmark]
	fn attest_report() {
		let who = enterprise::<T>();
		let _ = Pallet::<T>::do_file_report(&who, PERIOD, H256::repeat_byte(1), metrics());
		let auditor = verifier::<T>(VerifierKind::Auditor, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(auditor), who.clone(), PERIOD, H256::repeat_byte(1), metrics());
		assert!(Filings::<T>::get(&who, PERIOD).is_some_and(|f| f.audit.is_some()));
	}

	#[benchmark]
	fn apply_credit_line() {
		let who = enterprise::<T>();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who),
			ASSET,
			LIMIT,
			Rate::from_rational(12, 100),
			T::MaxTerm::get(),
			specs::<T>(),
			LoanPurpose {
				category: PurposeCategory::Equipment,
				description_hash: sp_core::H256::repeat_byte(7),
			},
		);
		assert!(Lines::<T>::contains_key(0));
	}

	#[benchmark]
	fn approve_credit_line() -> Result<(), BenchmarkError> {
		let who = enterprise::<T>();
		T::BenchmarkHelper::fund_pool(ASSET, LIMIT * 10);
		let line = applied::<T>(&who);
		let origin = T::UnderwriterOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, line, LineSource::Pool);
		assert_eq!(Lines::<T>::get(line).map(|l| l.status), Some(LineStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn fund_credit_line() {
		let who = enterprise::<T>();
		let financier = verified::<T>("financier");
		let line = applied::<T>(&who);
		let _ = Pallet::<T>::do_approve(line, LineSource::Financier(financier.clone()));
		#[extrinsic_call]
		_(RawOrigin::Signed(financier), line);
		assert_eq!(Lines::<T>::get(line).map(|l| l.status), Some(LineStatus::Active));
	}

	#[benchmark]
	fn attest_milestone() {
		let (_, line, inspector) = drawn_pool_line::<T>();
		// Interest paid up to now: the line is not overdue, the next tranche is released.
		T::BenchmarkHelper::set_time(START + 20 * DAY_MS);
		#[extrinsic_call]
		_(RawOrigin::Signed(inspector), line, 1);
		assert!(Lines::<T>::get(line)
			.is_some_and(|l| l.milestones.get(1).is_some_and(|m| m.attested.is_some())));
	}

	#[benchmark]
	fn repay_line() {
		// Worst path: a closing pool line untouched for years (accrual walks every due date)
		// paid off in full, which removes the line and the pool's facility.
		let (who, line, _) = drawn_pool_line::<T>();
		let _ = Pallet::<T>::do_close_line(Some(&who), line);
		let term_ms = T::MaxTerm::get().saturating_mul(1_000);
		T::BenchmarkHelper::set_time(START + term_ms - DAY_MS);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), line, LIMIT * 10);
		assert!(!Lines::<T>::contains_key(line));
	}

	/// A payment that leaves the line in place, at its heaviest: an active pool line untouched
	/// for years (accrual walks every due date), late, its interest and all its principal paid.
	#[benchmark]
	fn repay_line_instalment() {
		let (who, line, _) = drawn_pool_line::<T>();
		let term_ms = T::MaxTerm::get().saturating_mul(1_000);
		T::BenchmarkHelper::set_time(START + term_ms - DAY_MS);
		#[extrinsic_call]
		repay_line(RawOrigin::Signed(who), line, LIMIT * 10);
		assert!(Lines::<T>::get(line).is_some_and(|l| l.outstanding.total() == 0));
	}

	#[benchmark]
	fn close_line() {
		// Worst path: a financier line with nothing owed is removed, its undrawn funds return.
		let who = enterprise::<T>();
		let financier = verified::<T>("financier");
		let line = applied::<T>(&who);
		let _ = Pallet::<T>::do_approve(line, LineSource::Financier(financier.clone()));
		let _ = Pallet::<T>::do_fund_line(&financier, line);
		let inspector = verifier::<T>(VerifierKind::KycProvider, 1);
		let _ = Pallet::<T>::do_attest_milestone(&inspector, line, 0);
		let _ = Pallet::<T>::do_repay_line(&who, line, LIMIT);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), line);
		assert!(!Lines::<T>::contains_key(line));
	}

	#[benchmark]
	fn mark_line_default() {
		// Years untouched: accrual walks every due date before the default.
		let (who, line, _) = drawn_pool_line::<T>();
		let term_ms = T::MaxTerm::get().saturating_mul(1_000);
		T::BenchmarkHelper::set_time(START + term_ms - DAY_MS);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), line);
		assert_eq!(Lines::<T>::get(line).map(|l| l.status), Some(LineStatus::Defaulted));
	}

	/// The underwriter replaces the agent of a defaulted pool line: the first agent's access
	/// ends, the second's is granted.
	#[benchmark]
	fn assign_line_collector() -> Result<(), BenchmarkError> {
		let origin = T::UnderwriterOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		let (_, line, _) = drawn_pool_line::<T>();
		let term_ms = T::MaxTerm::get().saturating_mul(1_000);
		T::BenchmarkHelper::set_time(START + term_ms - DAY_MS);
		Pallet::<T>::do_mark_default(line).map_err(|_| BenchmarkError::Stop("default"))?;
		let first: T::AccountId = account("agent", 1, 0);
		let second: T::AccountId = account("agent", 2, 0);
		T::BenchmarkHelper::make_verifier(&first, VerifierKind::CollectionAgent);
		T::BenchmarkHelper::make_verifier(&second, VerifierKind::CollectionAgent);
		Pallet::<T>::do_assign_line_collector(None, line, first)
			.map_err(|_| BenchmarkError::Stop("first agent"))?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, line, second.clone());
		assert_eq!(LineCollections::<T>::get(line).map(|c| c.agent), Some(second));
		Ok(())
	}

	#[benchmark]
	fn submit_invoice() {
		let who = enterprise::<T>();
		let buyer = verified::<T>("buyer");
		#[extrinsic_call]
		_(RawOrigin::Signed(who), buyer, 1_000 * UNIT, ASSET, START + DAY_MS, H256::repeat_byte(3));
		assert!(Invoices::<T>::contains_key(0));
	}

	#[benchmark]
	fn confirm_invoice() {
		let (_, buyer, id) = invoice::<T>(false);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id);
		assert_eq!(Invoices::<T>::get(id).map(|i| i.status), Some(InvoiceStatus::Confirmed));
	}

	#[benchmark]
	fn reject_invoice() {
		let (_, buyer, id) = invoice::<T>(false);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id);
		assert!(!Invoices::<T>::contains_key(id));
	}

	#[benchmark]
	fn cancel_invoice() {
		let (who, _, id) = invoice::<T>(false);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id);
		assert!(!Invoices::<T>::contains_key(id));
	}

	#[benchmark]
	fn finance_invoice() {
		let (_, _, id) = invoice::<T>(true);
		let financier = verified::<T>("financier");
		#[extrinsic_call]
		_(RawOrigin::Signed(financier), id, Permill::from_percent(80), Permill::from_percent(2));
		assert_eq!(Invoices::<T>::get(id).map(|i| i.status), Some(InvoiceStatus::Financed));
	}

	#[benchmark]
	fn pay_invoice() {
		let (_, buyer, financier, id) = financed::<T>();
		T::BenchmarkHelper::set_time(START + 150 * DAY_MS);
		// Under recourse, partly repaid: the payment reaches both and reports both.
		let _ = Pallet::<T>::do_claim_recourse(&financier, id);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id);
		assert!(!Invoices::<T>::contains_key(id));
	}

	#[benchmark]
	fn claim_recourse() {
		let (_, _, financier, id) = financed::<T>();
		T::BenchmarkHelper::set_time(START + 150 * DAY_MS);
		#[extrinsic_call]
		_(RawOrigin::Signed(financier), id);
		assert_eq!(Invoices::<T>::get(id).map(|i| i.status), Some(InvoiceStatus::Recourse));
	}

	#[benchmark]
	fn repay_recourse() {
		let (who, _, financier, id) = financed::<T>();
		T::BenchmarkHelper::set_time(START + 150 * DAY_MS);
		let _ = Pallet::<T>::do_claim_recourse(&financier, id);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, 1_000 * UNIT);
		assert!(!Invoices::<T>::contains_key(id));
	}

	#[benchmark]
	fn offer_invoice() {
		let (who, _, id) = invoice::<T>(false);
		let financier: T::AccountId = account("financier", 0, 0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who),
			id,
			Permill::from_percent(80),
			Permill::from_percent(2),
			Some(financier),
		);
		assert!(Invoices::<T>::get(id).is_some_and(|i| i.offer.is_some()));
	}

	/// A recourse long unpaid: every threshold goes out at once.
	#[benchmark]
	fn notify_overdue() {
		let (_, _, financier, id) = financed::<T>();
		T::BenchmarkHelper::set_time(START + 150 * DAY_MS);
		let _ = Pallet::<T>::do_claim_recourse(&financier, id);
		T::BenchmarkHelper::set_time(START + 300 * DAY_MS);
		#[extrinsic_call]
		_(RawOrigin::Signed(financier), OverdueTarget::Recourse(id));
		assert!(Invoices::<T>::get(id)
			.and_then(|i| i.financing)
			.is_some_and(|f| f.notices.last_day > 0));
	}

	#[benchmark]
	fn forget_invoice_hash() {
		let (who, _, id) = invoice::<T>(false);
		let _ = Pallet::<T>::do_reject_or_cancel(&who, id, false);
		let forget_after = InvoiceHashes::<T>::get(H256::repeat_byte(0xaa))
			.and_then(|record| record.forget_after)
			.unwrap_or_default();
		T::BenchmarkHelper::set_time(forget_after);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), H256::repeat_byte(0xaa));
		assert!(!InvoiceHashes::<T>::contains_key(H256::repeat_byte(0xaa)));
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = SmeParams { default_after_days: 60, ..Default::default() };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);
		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
