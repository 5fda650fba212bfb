//! Benchmarks of every call at its heaviest path: the longest schedule (`MaxInstalments`),
//! collateral, the slice that starts the loan, the repayment that settles it.

use super::*;
use crate::{schedule::RepaymentKind, types::*, BenchmarkHelper};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungibles::{Inspect, Mutate},
	tokens::Preservation,
	EnsureOrigin, Get, Time,
};
use frame_system::RawOrigin;
use xindai_primitives::{
	credit::{CreditProduct, CreditRegistry, PositionKey},
	interest::Rate,
	price::Price,
	service::{Repayment, Service},
	AssetId, Balance,
};

const LENT: AssetId = 9_101;
const COLLATERAL: AssetId = 9_102;
/// 1,000 units of a 6-decimal asset priced 1.
const PRINCIPAL: Balance = 1_000_000_000;

fn setup<T: Config>() -> (T::AccountId, T::AccountId) {
	let borrower: T::AccountId = account("borrower", 0, 0);
	let lender: T::AccountId = account("lender", 0, 0);
	for who in [&borrower, &lender] {
		T::BenchmarkHelper::create_asset_and_fund(LENT, who);
		T::BenchmarkHelper::create_asset_and_fund(COLLATERAL, who);
		T::BenchmarkHelper::make_eligible(who);
	}
	T::BenchmarkHelper::set_price(LENT, Price::from_u32(1));
	T::BenchmarkHelper::set_price(COLLATERAL, Price::from_u32(600));
	(borrower, lender)
}

fn terms<T: Config>() -> LoanTerms {
	LoanTerms {
		asset: LENT,
		principal: PRINCIPAL,
		annual_rate: Rate::from_rational(12, 100),
		instalments: T::MaxInstalments::get(),
		period: T::MinPeriod::get().max(30 * 24 * 60 * 60).min(T::MaxPeriod::get()),
		kind: RepaymentKind::Amortising,
		collateral: Some((COLLATERAL, 100_000_000)),
		funding_deadline: T::Time::now().saturating_add(24 * 60 * 60 * 1_000),
		min_ticket: 1,
		purpose: LoanPurpose {
			category: PurposeCategory::Education,
			description_hash: [7u8; 32].into(),
		},
	}
}

fn requested<T: Config>(borrower: &T::AccountId) -> LoanId {
	Pallet::<T>::do_create_request(borrower.clone(), terms::<T>()).expect("a valid request")
}

fn started<T: Config>() -> (T::AccountId, T::AccountId, LoanId) {
	let (borrower, lender) = setup::<T>();
	let id = requested::<T>(&borrower);
	assert!(Pallet::<T>::do_fund(&lender, id, PRINCIPAL).is_ok());
	(borrower, lender, id)
}

/// Moves the clock `days` past loan `id`'s last due date, with fresh prices (the collateral
/// worth 600 times the lent asset).
fn days_after_last_due<T: Config>(id: LoanId, days: u64) {
	let last_due = Schedules::<T>::get(id)
		.and_then(|items| items.last().map(|i| i.due_at))
		.unwrap_or_default();
	T::BenchmarkHelper::set_time(last_due.saturating_add(days * 24 * 60 * 60 * 1_000));
	T::BenchmarkHelper::set_price(LENT, Price::from_u32(1));
	T::BenchmarkHelper::set_price(COLLATERAL, Price::from_u32(600));
}

/// A started loan long after its last due date (every instalment late, a penalty accrued),
/// whose borrower has just borrowed and repaid quickly `max_quick_repayments` times (the
/// registry's default of 3): its next own repayment is quick and raises the monitor's flag.
/// Returns the borrower, the loan and its payoff now.
fn overdue_cycler<T: Config>() -> (T::AccountId, LoanId, Balance) {
	let (borrower, _, id) = started::<T>();
	days_after_last_due::<T>(id, 30);
	let elsewhere = PositionKey::new(CreditProduct::Pools, LENT);
	let cycle = Repayment { amount: 1, days_late: 0, served: Service::NONE, by_borrower: true };
	for _ in 0..3 {
		assert!(T::Credit::note_borrowed(&borrower, elsewhere, 1).is_ok());
		assert!(T::Credit::note_repaid(&borrower, elsewhere, cycle).is_ok());
	}
	assert!(T::Credit::note_borrowed(&borrower, elsewhere, 1).is_ok());
	let payoff = Pallet::<T>::loan_view(id).map(|view| view.payoff_today).unwrap_or_default();
	(borrower, id, payoff)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_request() {
		let (borrower, _) = setup::<T>();
		let t = terms::<T>();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(borrower),
			t.asset,
			t.principal,
			t.annual_rate,
			t.instalments,
			t.period,
			t.kind,
			t.collateral,
			t.funding_deadline,
			t.min_ticket,
			t.purpose,
		);
		assert!(Loans::<T>::contains_key(0));
	}

	#[benchmark]
	fn cancel_request() {
		let (borrower, lender) = setup::<T>();
		let id = requested::<T>(&borrower);
		assert!(Pallet::<T>::do_fund(&lender, id, PRINCIPAL / 2).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower), id);
		assert_eq!(Loans::<T>::get(id).map(|l| l.status), Some(LoanStatus::Cancelled));
	}

	/// The slice that completes the request: disbursement and the longest schedule.
	#[benchmark]
	fn fund() {
		let (borrower, lender) = setup::<T>();
		let id = requested::<T>(&borrower);
		#[extrinsic_call]
		_(RawOrigin::Signed(lender), id, PRINCIPAL);
		assert_eq!(Loans::<T>::get(id).map(|l| l.status), Some(LoanStatus::Active));
	}

	/// A slice from a new lender that leaves the request short: custody, the lender's
	/// position and loan list; no disbursement, schedule or capacity check.
	#[benchmark]
	fn fund_partial() {
		let (borrower, lender) = setup::<T>();
		let id = requested::<T>(&borrower);
		#[extrinsic_call]
		fund(RawOrigin::Signed(lender), id, PRINCIPAL / 2);
		let loan = Loans::<T>::get(id).map(|l| (l.status, l.funded));
		assert_eq!(loan, Some((LoanStatus::Funding, PRINCIPAL / 2)));
	}

	#[benchmark]
	fn claim_refund() {
		let (borrower, lender) = setup::<T>();
		let id = requested::<T>(&borrower);
		assert!(Pallet::<T>::do_fund(&lender, id, PRINCIPAL / 2).is_ok());
		assert!(Pallet::<T>::do_cancel_request(&borrower, id).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(lender.clone()), id);
		assert!(!Positions::<T>::contains_key(id, &lender));
	}

	/// Pays everything off at once: every instalment walked, the loan settled.
	/// The payoff at its heaviest: every instalment late (the penalty accrual walks the whole
	/// schedule, each instalment is reported late), a quick repayment that raises the
	/// monitor's flag ([`overdue_cycler`]), then the settlement: collateral back, debt service
	/// ended, the loan closed.
	#[benchmark]
	fn repay() {
		let (borrower, id, payoff) = overdue_cycler::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower), id, payoff);
		assert_eq!(Loans::<T>::get(id).map(|l| l.status), Some(LoanStatus::Closed));
	}

	/// A payment that leaves the loan open, at its heaviest: as [`repay`](Self::repay), all but
	/// one unit of the payoff (the penalty, every instalment late, the last one in part).
	#[benchmark]
	fn repay_instalment() {
		let (borrower, id, payoff) = overdue_cycler::<T>();
		#[extrinsic_call]
		repay(RawOrigin::Signed(borrower), id, payoff.saturating_sub(1));
		assert_eq!(Loans::<T>::get(id).map(|l| l.status), Some(LoanStatus::Active));
		let items = Schedules::<T>::get(id).map(|s| s.into_inner()).unwrap_or_default();
		assert_eq!(items.iter().filter(|i| !i.is_paid()).count(), 1);
	}

	/// The lender's last claim on a loan its collateral settled: repayments and collateral
	/// paid out (into a collateral account the payout creates), and the loan leaves the
	/// lender's list (the most a claim writes).
	#[benchmark]
	fn claim() {
		let (borrower, lender, id) = started::<T>();
		assert!(Pallet::<T>::do_repay(&borrower, id, PRINCIPAL / 10).is_ok());
		days_after_last_due::<T>(id, 400);
		assert!(Pallet::<T>::do_mark_default(id).is_ok());
		let loan = Loans::<T>::get(id);
		assert_eq!(loan.as_ref().map(|l| l.status), Some(LoanStatus::Closed));
		assert!(loan.is_some_and(|l| l.distributed > 0 && l.collateral_for_lenders > 0));
		// The lender never held the collateral asset: the payout creates its account.
		let held = T::Assets::balance(COLLATERAL, &lender);
		assert!(T::Assets::transfer(
			COLLATERAL,
			&lender,
			&borrower,
			held,
			Preservation::Expendable
		)
		.is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(lender.clone()), id);
		let position = Positions::<T>::get(id, &lender);
		assert!(position.is_some_and(|p| p.claimed > 0 && p.collateral_claimed > 0));
		assert!(!LenderLoans::<T>::get(&lender).contains(&id));
	}

	/// Default long after the last due date, at fresh prices: the penalty accrual walks every
	/// instalment, the lenders take what the debt needs, the surplus returns to the borrower and
	/// the settled loan closes (the most work a default does).
	#[benchmark]
	fn mark_default() {
		let (_, lender, id) = started::<T>();
		days_after_last_due::<T>(id, 400);
		#[extrinsic_call]
		_(RawOrigin::Signed(lender), id);
		assert!(matches!(
			Loans::<T>::get(id).map(|l| l.status),
			Some(LoanStatus::Closed | LoanStatus::Defaulted)
		));
	}

	#[benchmark]
	fn liquidate() {
		let (_, lender, id) = started::<T>();
		T::BenchmarkHelper::set_price(COLLATERAL, Price::from_u32(1));
		#[extrinsic_call]
		_(RawOrigin::Signed(lender), id);
		assert_eq!(Loans::<T>::get(id).map(|l| l.status), Some(LoanStatus::Liquidated));
	}

	#[benchmark]
	fn list_shares() {
		let (_, lender, id) = started::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(lender), id, PRINCIPAL / 2, PRINCIPAL / 2);
		assert!(Listings::<T>::contains_key(0));
	}

	#[benchmark]
	fn cancel_listing() {
		let (_, lender, id) = started::<T>();
		assert!(Pallet::<T>::do_list_shares(&lender, id, PRINCIPAL / 2, PRINCIPAL / 2).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(lender), 0);
		assert!(!Listings::<T>::contains_key(0));
	}

	/// A partial purchase after a repayment: the seller is paid its earnings first.
	#[benchmark]
	fn buy_shares() {
		let (borrower, lender, id) = started::<T>();
		assert!(Pallet::<T>::do_repay(&borrower, id, PRINCIPAL / 10).is_ok());
		assert!(Pallet::<T>::do_list_shares(&lender, id, PRINCIPAL / 2, PRINCIPAL / 2).is_ok());
		let buyer: T::AccountId = account("buyer", 0, 0);
		T::BenchmarkHelper::create_asset_and_fund(LENT, &buyer);
		T::BenchmarkHelper::make_eligible(&buyer);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), 0, PRINCIPAL / 4);
		assert!(Positions::<T>::contains_key(id, &buyer));
	}

	/// A repaid loan of `n` lenders, none of whom claimed: each is paid out and removed, then
	/// the record goes and the deposit returns.
	#[benchmark]
	fn prune_loan(n: Linear<1, { T::SweepBatch::get() }>) {
		let (borrower, _) = setup::<T>();
		let id = requested::<T>(&borrower);
		let ticket = PRINCIPAL / Balance::from(n);
		for i in 0..n {
			let lender: T::AccountId = account("pruned-lender", i, 0);
			T::BenchmarkHelper::create_asset_and_fund(LENT, &lender);
			T::BenchmarkHelper::make_eligible(&lender);
			let amount =
				if i + 1 == n { PRINCIPAL - ticket * Balance::from(n - 1) } else { ticket };
			assert!(Pallet::<T>::do_fund(&lender, id, amount).is_ok());
		}
		assert!(Pallet::<T>::do_repay(&borrower, id, PRINCIPAL * 2).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower), id);
		assert!(Loans::<T>::get(id).is_none());
	}

	/// An instalment far past due: the penalty accrual walks the schedule and every threshold
	/// goes out at once.
	#[benchmark]
	fn notify_overdue() {
		let (_, lender, id) = started::<T>();
		let first_due = Schedules::<T>::get(id)
			.and_then(|items| items.first().map(|i| i.due_at))
			.unwrap_or_default();
		T::BenchmarkHelper::set_time(first_due + 100 * 24 * 60 * 60 * 1_000);

		#[extrinsic_call]
		_(RawOrigin::Signed(lender), id);

		assert!(Loans::<T>::get(id).is_some_and(|l| l.notices.last_day > 0));
	}

	#[benchmark]
	fn set_risk_params() -> Result<(), BenchmarkError> {
		let origin =
			T::RiskOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = RiskParams { default_after_days: 60, ..Default::default() };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);
		assert_eq!(Params::<T>::get(), params);
		Ok(())
	}

	/// The worst case: the lender moves its majority from an assigned agent to another, which
	/// ends the first agent's access and grants the second.
	#[benchmark]
	fn vote_collector() {
		let (_, lender, id) = started::<T>();
		Loans::<T>::mutate(id, |loan| {
			if let Some(loan) = loan {
				loan.status = LoanStatus::Defaulted;
			}
		});
		let first: T::AccountId = account("agent", 1, 0);
		let second: T::AccountId = account("agent", 2, 0);
		T::BenchmarkHelper::make_collection_agent(&first);
		T::BenchmarkHelper::make_collection_agent(&second);
		assert!(Pallet::<T>::do_vote_collector(&lender, id, first).is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(lender), id, second.clone());

		assert_eq!(Collections::<T>::get(id).map(|c| c.agent), Some(second));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
