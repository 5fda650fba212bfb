//! Repayment capacity (issue 20): purposes governance may close, income bands, audited revenue,
//! the debt service every product books, and the check of a new application against the limit.

use super::*;
use crate::{
	CapacityBasis, CapacityParameters, CapacityParams, ClosedPurposes, DebtService,
	EnterpriseRevenue, FilingSignal, IncomeBand, LoanPurpose, PurposeCategory, PurposeSet,
};
use xindai_primitives::{
	capacity::bounds,
	credit::{CreditProduct, EnterpriseRegistry, PositionKey},
};

/// 1 USDX a month, in credit units.
const USD: Balance = CREDIT_UNIT;

fn purpose(category: PurposeCategory) -> LoanPurpose {
	LoanPurpose { category, description_hash: H256::repeat_byte(0x44) }
}

fn admit_bureau() {
	assert_ok!(CreditRecords::add_verifier(
		RuntimeOrigin::root(),
		BUREAU,
		VerifierKind::CreditBureau,
		name("Bureau")
	));
}

fn attest_income(who: AccountId, band: IncomeBand, days: u64) -> sp_runtime::DispatchResult {
	CreditRecords::attest_income(
		RuntimeOrigin::signed(BUREAU),
		who,
		band,
		docs(5),
		now() + days * DAY,
	)
}

/// Whether `who` may apply for `monthly` USDX a month of new P2P debt service for education.
fn apply(who: AccountId, monthly: Balance) -> sp_runtime::DispatchResult {
	CreditRecords::ensure_repayment_capacity(
		&who,
		CreditProduct::P2pLoans,
		&purpose(PurposeCategory::Education),
		USDX,
		monthly,
	)
}

fn limit_of(who: AccountId) -> Balance {
	CreditRecords::capacity_view(&who).expect("a profile").limit
}

#[test]
fn without_income_the_unattested_limit_applies() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let view = CreditRecords::capacity_view(&ALICE).unwrap();
		assert_eq!(view.basis, CapacityBasis::Unattested);
		assert_eq!((view.limit, view.room, view.monthly_service), (300 * USD, 300 * USD, 0));
		assert_ok!(apply(ALICE, 300 * USD));
		assert_noop!(apply(ALICE, 300 * USD + 1), Error::<Test>::DebtServiceAboveUnattestedLimit);
		// No profile, no capacity.
		assert_noop!(apply(BOB, 1), Error::<Test>::NoProfile);
		assert!(CreditRecords::capacity_view(&BOB).is_none());
	});
}

#[test]
fn an_income_band_sets_the_limit_and_a_refusal_names_it() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		admit_bureau();
		assert_ok!(attest_income(ALICE, IncomeBand::From6kTo12k, 365));
		System::assert_has_event(
			Event::IncomeAttested {
				subject: ALICE,
				verifier: BUREAU,
				band: IncomeBand::From6kTo12k,
			}
			.into(),
		);
		// 40 % of the band's lower bound, 6,000.
		assert_eq!(limit_of(ALICE), 2_400 * USD);
		// 2,000 a month booked by a product: 400 left.
		CreditRecords::note_debt_service(&ALICE, P2P_USDX, 2_000 * USD);
		let view = CreditRecords::capacity_view(&ALICE).unwrap();
		assert_eq!((view.monthly_service, view.room), (2_000 * USD, 400 * USD));
		assert_ok!(apply(ALICE, 400 * USD));
		assert_noop!(apply(ALICE, 400 * USD + 1), Error::<Test>::DebtServiceAboveIncomeLimit);
		// The lowest band never leaves less than no attestation: the unattested limit binds.
		assert_ok!(attest_income(ALICE, IncomeBand::Under1k, 365));
		assert_eq!(limit_of(ALICE), 300 * USD);
		assert_noop!(apply(ALICE, 1), Error::<Test>::DebtServiceAboveUnattestedLimit);
		CreditRecords::note_debt_service_ended(&ALICE, P2P_USDX, 2_000 * USD);
	});
}

#[test]
fn an_expired_income_attestation_stops_counting() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		admit_bureau();
		assert_ok!(attest_income(ALICE, IncomeBand::Over50k, 30));
		assert_eq!(limit_of(ALICE), 20_000 * USD);
		advance(30 * DAY);
		assert_eq!(CreditRecords::capacity_view(&ALICE).unwrap().basis, CapacityBasis::Unattested);
		assert_noop!(apply(ALICE, 301 * USD), Error::<Test>::DebtServiceAboveUnattestedLimit);
	});
}

#[test]
fn income_attestation_errors() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		// An income claim carries its band: `attest` cannot make one.
		admit_bureau();
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(BUREAU),
				ALICE,
				ClaimKind::IncomeVerified,
				docs(5),
				now() + DAY,
				None
			),
			Error::<Test>::IncomeBandMismatch
		);
		assert_noop!(
			CreditRecords::attest_income(
				RuntimeOrigin::signed(KYC),
				ALICE,
				IncomeBand::Over50k,
				docs(5),
				now() + DAY
			),
			Error::<Test>::ClaimNotAllowed
		);
		assert_noop!(
			CreditRecords::attest_income(
				RuntimeOrigin::signed(CHARLIE),
				ALICE,
				IncomeBand::Over50k,
				docs(5),
				now() + DAY
			),
			Error::<Test>::NotVerifier
		);
		assert_noop!(
			attest_income(ALICE, IncomeBand::Over50k, 0),
			Error::<Test>::ExpiryNotInFuture
		);
		assert_noop!(attest_income(CHARLIE, IncomeBand::Over50k, 1), Error::<Test>::NoProfile);
		assert_noop!(
			CreditRecords::attest_income(
				RuntimeOrigin::none(),
				ALICE,
				IncomeBand::Over50k,
				docs(5),
				now() + DAY
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn one_persons_accounts_share_one_capacity() {
	ExtBuilder::default().build_and_execute(|| {
		use super::persons::{attested_as, joins, person};
		assert_ok!(attested_as(ALICE, person()));
		joins(BOB, ALICE, person());
		admit_bureau();
		// Alice's income serves Bob; Bob's loans count against Alice.
		assert_ok!(attest_income(ALICE, IncomeBand::From3kTo6k, 365));
		assert_eq!(limit_of(BOB), 1_200 * USD);
		CreditRecords::note_debt_service(&BOB, P2P_USDX, 1_000 * USD);
		assert_noop!(apply(ALICE, 201 * USD), Error::<Test>::DebtServiceAboveIncomeLimit);
		assert_ok!(apply(ALICE, 200 * USD));
		CreditRecords::note_debt_service_ended(&BOB, P2P_USDX, 1_000 * USD);
	});
}

#[test]
fn pool_debt_counts_a_month_of_interest_at_the_current_rate() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		set_pool_rate(xindai_primitives::interest::Rate::from_rational(12, 100));
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 7_500 * USD));
		// 12 % a year, plus tier 2's 4 % premium, of 7,500: 100 a month.
		assert_eq!(CreditRecords::capacity_view(&ALICE).unwrap().monthly_service, 100 * USD);
		assert_ok!(apply(ALICE, 200 * USD));
		assert_noop!(apply(ALICE, 200 * USD + 1), Error::<Test>::DebtServiceAboveUnattestedLimit);
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, unscored(7_500 * USD)));
	});
}

#[test]
fn service_in_another_asset_is_valued_at_fresh_prices() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let p2p_xbtc = PositionKey::new(CreditProduct::P2pLoans, XBTC);
		// 0.0025 XBTC (250,000 satoshi) a month at 600 credit units a satoshi: 150 USDX.
		CreditRecords::note_debt_service(&ALICE, p2p_xbtc, 250_000);
		assert_eq!(CreditRecords::capacity_view(&ALICE).unwrap().monthly_service, 150 * USD);
		assert_noop!(apply(ALICE, 151 * USD), Error::<Test>::DebtServiceAboveUnattestedLimit);
		// A stale price refuses rather than guesses.
		set_price_at(XBTC, xindai_primitives::price::Price::from_u32(600), now());
		advance(60 * 60 * 1_000 + 1);
		assert_noop!(apply(ALICE, 1), Error::<Test>::PriceUnavailable);
		CreditRecords::note_debt_service_ended(&ALICE, p2p_xbtc, 250_000);
	});
}

#[test]
fn an_enterprise_is_measured_against_its_latest_audited_revenue() {
	ExtBuilder::default().build_and_execute(|| {
		register(CHARLIE, ProfileKind::Enterprise);
		let filing = |period_end, monthly_revenue| FilingSignal {
			profitable: true,
			monthly_revenue,
			period_end,
		};
		let quarter_end = now() - 30 * DAY;
		assert_ok!(CreditRecords::note_attested_filing(
			&CHARLIE,
			filing(quarter_end, 40_000 * USD)
		));
		// 25 % of 40,000 a month.
		assert_eq!(limit_of(CHARLIE), 10_000 * USD);
		let refused = CreditRecords::ensure_repayment_capacity(
			&CHARLIE,
			CreditProduct::SmeFinance,
			&purpose(PurposeCategory::Equipment),
			USDX,
			10_000 * USD + 1,
		);
		assert_eq!(refused, Err(Error::<Test>::DebtServiceAboveRevenueLimit.into()));
		// An older period attested later does not replace the latest; a newer one does.
		assert_ok!(CreditRecords::note_attested_filing(
			&CHARLIE,
			filing(quarter_end - 90 * DAY, 100_000 * USD)
		));
		assert_eq!(limit_of(CHARLIE), 10_000 * USD);
		assert_ok!(CreditRecords::note_attested_filing(&CHARLIE, filing(now(), 1_000 * USD)));
		// 25 % of 1,000 is below the unattested limit, which binds.
		assert_eq!(limit_of(CHARLIE), 300 * USD);
		assert_eq!(EnterpriseRevenue::<Test>::get(CHARLIE).unwrap().period_end, now());
		// The filing counts for `RevenueValidity` after its period's end.
		advance(456 * DAY);
		assert_eq!(
			CreditRecords::capacity_view(&CHARLIE).unwrap().basis,
			CapacityBasis::Unattested
		);
		// An old period audited today counts no longer than its validity allows.
		assert_ok!(CreditRecords::note_attested_filing(
			&CHARLIE,
			filing(now() - 500 * DAY, 80_000 * USD)
		));
		assert_eq!(
			CreditRecords::capacity_view(&CHARLIE).unwrap().basis,
			CapacityBasis::Unattested
		);
		// Once expired, any newly attested recent filing counts.
		assert_ok!(CreditRecords::note_attested_filing(
			&CHARLIE,
			filing(now() - 10 * DAY, 80_000 * USD)
		));
		assert_eq!(limit_of(CHARLIE), 20_000 * USD);
	});
}

#[test]
fn governance_closes_purposes_per_product_but_never_all() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let consumption = PurposeSet::of(&[PurposeCategory::PersonalConsumption]);
		assert_noop!(
			CreditRecords::set_closed_purposes(
				RuntimeOrigin::signed(ALICE),
				CreditProduct::P2pLoans,
				consumption
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CreditRecords::set_closed_purposes(
				RuntimeOrigin::root(),
				CreditProduct::P2pLoans,
				PurposeSet::of(&PurposeCategory::ALL)
			),
			Error::<Test>::InvalidClosedPurposes
		);
		assert_noop!(
			CreditRecords::set_closed_purposes(
				RuntimeOrigin::root(),
				CreditProduct::P2pLoans,
				PurposeSet(1 << 12)
			),
			Error::<Test>::InvalidClosedPurposes
		);
		assert_ok!(CreditRecords::set_closed_purposes(
			RuntimeOrigin::root(),
			CreditProduct::P2pLoans,
			consumption
		));
		System::assert_last_event(
			Event::PurposesClosed { product: CreditProduct::P2pLoans, closed: consumption }.into(),
		);
		let ask = |product, category| {
			CreditRecords::ensure_repayment_capacity(&ALICE, product, &purpose(category), USDX, 1)
		};
		assert_noop!(
			ask(CreditProduct::P2pLoans, PurposeCategory::PersonalConsumption),
			Error::<Test>::PurposeClosed
		);
		assert_ok!(ask(CreditProduct::P2pLoans, PurposeCategory::Medical));
		assert_ok!(ask(CreditProduct::SmeFinance, PurposeCategory::PersonalConsumption));
		// Reopened.
		assert_ok!(CreditRecords::set_closed_purposes(
			RuntimeOrigin::root(),
			CreditProduct::P2pLoans,
			PurposeSet::EMPTY
		));
		assert!(!ClosedPurposes::<Test>::contains_key(CreditProduct::P2pLoans));
		assert_ok!(ask(CreditProduct::P2pLoans, PurposeCategory::PersonalConsumption));
	});
}

#[test]
fn governance_sets_capacity_params_within_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		let params = CapacityParams {
			income_ratio: sp_runtime::Permill::from_percent(50),
			revenue_ratio: sp_runtime::Permill::from_percent(30),
			unattested_limit: 1_000 * USD,
		};
		assert_noop!(
			CreditRecords::set_capacity_params(RuntimeOrigin::signed(ALICE), params),
			DispatchError::BadOrigin
		);
		for broken in [
			CapacityParams { income_ratio: sp_runtime::Permill::from_percent(61), ..params },
			CapacityParams { income_ratio: sp_runtime::Permill::from_percent(9), ..params },
			CapacityParams { revenue_ratio: sp_runtime::Permill::from_percent(51), ..params },
			CapacityParams { revenue_ratio: sp_runtime::Permill::from_percent(4), ..params },
			CapacityParams { unattested_limit: bounds::MAX_UNATTESTED_LIMIT + 1, ..params },
		] {
			assert_noop!(
				CreditRecords::set_capacity_params(RuntimeOrigin::root(), broken),
				Error::<Test>::CapacityParamsOutOfBounds
			);
		}
		assert_ok!(CreditRecords::set_capacity_params(RuntimeOrigin::root(), params));
		assert_eq!(CapacityParameters::<Test>::get(), params);
		System::assert_last_event(Event::CapacityParamsSet { params }.into());
		verified_individual(ALICE);
		assert_eq!(limit_of(ALICE), 1_000 * USD);
	});
}

#[test]
fn the_debt_service_book_keeps_its_totals() {
	ExtBuilder::default().build_and_execute(|| {
		CreditRecords::note_debt_service(&ALICE, P2P_USDX, 500);
		CreditRecords::note_debt_service(&BOB, P2P_USDX, 300);
		CreditRecords::note_debt_service(&ALICE, P2P_USDX, 200);
		System::assert_last_event(
			Event::DebtServiceChanged { who: ALICE, position: P2P_USDX, monthly: 700 }.into(),
		);
		assert_eq!(CreditRecords::debt_service_total(P2P_USDX), 1_000);
		CreditRecords::note_debt_service_ended(&ALICE, P2P_USDX, 700);
		assert!(!DebtService::<Test>::contains_key(ALICE, P2P_USDX));
		// Ending more than was booked ends what there is.
		CreditRecords::note_debt_service_ended(&BOB, P2P_USDX, 301);
		assert_eq!(DebtService::<Test>::iter().count(), 0);
		assert_eq!(CreditRecords::debt_service_total(P2P_USDX), 0);
		// Nothing booked, nothing changes (no event).
		let events = System::events().len();
		CreditRecords::note_debt_service_ended(&BOB, P2P_USDX, 1);
		assert_eq!(System::events().len(), events);
	});
}

mod property {
	use super::*;
	use proptest::prelude::*;

	/// One step: a product asks to add `monthly` of service (booked when accepted), or ends
	/// the `index`-th accepted loan, or the clock moves `days`.
	#[derive(Clone, Debug)]
	enum Op {
		Apply { account: bool, monthly: Balance },
		End { index: usize },
		Wait { days: u64 },
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			4 => (any::<bool>(), 1..3_000 * USD).prop_map(|(account, monthly)| Op::Apply { account, monthly }),
			1 => (0usize..8).prop_map(|index| Op::End { index }),
			1 => (1u64..120).prop_map(|days| Op::Wait { days }),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		/// No sequence of accepted applications leaves the person's debt service above the limit
		/// at the time each was accepted, whatever its two accounts ask for.
		#[test]
		fn accepted_applications_stay_within_the_limit(
			band in 0usize..7,
			income_days in 1u64..400,
			ops in proptest::collection::vec(op(), 1..40),
		) {
			ExtBuilder::default().build_and_execute(|| {
				use super::super::persons::{attested_as, joins, person};
				assert_ok!(attested_as(ALICE, person()));
				joins(BOB, ALICE, person());
				admit_bureau();
				let bands = [
					IncomeBand::Under1k,
					IncomeBand::From1kTo3k,
					IncomeBand::From3kTo6k,
					IncomeBand::From6kTo12k,
					IncomeBand::From12kTo25k,
					IncomeBand::From25kTo50k,
					IncomeBand::Over50k,
				];
				assert_ok!(attest_income(ALICE, bands[band], income_days));
				let mut accepted: Vec<(AccountId, Balance)> = Vec::new();
				for op in &ops {
					match *op {
						Op::Apply { account, monthly } => {
							let who = if account { ALICE } else { BOB };
							if apply(who, monthly).is_ok() {
								CreditRecords::note_debt_service(&who, P2P_USDX, monthly);
								accepted.push((who, monthly));
								let view = CreditRecords::capacity_view(&who).unwrap();
								assert!(view.monthly_service <= view.limit);
							}
						},
						Op::End { index } => {
							if index < accepted.len() {
								let (who, monthly) = accepted.remove(index);
								CreditRecords::note_debt_service_ended(&who, P2P_USDX, monthly);
							}
						},
						Op::Wait { days } => advance(days * DAY),
					}
				}
				let booked: Balance = accepted.iter().map(|(_, m)| m).sum();
				assert_eq!(CreditRecords::capacity_view(&ALICE).unwrap().monthly_service, booked);
			});
		}
	}
}

#[test]
fn booked_debt_service_keeps_the_profile() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		CreditRecords::note_debt_service(&ALICE, P2P_USDX, 100 * USD);
		assert_noop!(
			CreditRecords::deregister(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::DebtOutstanding
		);
		// Still within the limit: the loan may start.
		assert_ok!(CreditRecords::ensure_debt_service_within_limit(&ALICE));
		// Governance lowers the limit below it: the loan may not start any more.
		assert_ok!(CreditRecords::set_capacity_params(
			RuntimeOrigin::root(),
			CapacityParams { unattested_limit: 99 * USD, ..CapacityParams::default() }
		));
		assert_noop!(
			CreditRecords::ensure_debt_service_within_limit(&ALICE),
			Error::<Test>::DebtServiceAboveUnattestedLimit
		);
		CreditRecords::note_debt_service_ended(&ALICE, P2P_USDX, 100 * USD);
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
	});
}

#[test]
fn pool_debt_pays_the_borrowers_premium_too() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		set_pool_rate(xindai_primitives::interest::Rate::from_rational(12, 100));
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 10_000 * USD));
		// Tier 2 of the default table charges 4 % more: 16 % of 10,000 is 133.34 a month.
		let premium = CreditRecords::tier(&ALICE).unwrap().rate_premium_bps;
		assert_eq!(premium, 400);
		assert_eq!(CreditRecords::capacity_view(&ALICE).unwrap().monthly_service, 133_333_334);
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, unscored(10_000 * USD)));
	});
}

/// A product asks whether everything the borrower carries is priced before it turns a refusal
/// into the end of a request: a booked service in an asset with no position (an SME line not
/// approved yet) counts too, so a stale price fails the call instead of cancelling a loan
/// (regression, found by review).
#[test]
fn a_stale_price_of_a_booked_service_is_not_a_lasting_refusal() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let sme_xbtc = PositionKey::new(CreditProduct::SmeFinance, XBTC);
		CreditRecords::note_debt_service(&ALICE, sme_xbtc, 1_000);
		assert!(CreditRecords::exposure_priced(&ALICE));
		set_price_at(XBTC, xindai_primitives::price::Price::from_u32(600), now());
		advance(60 * 60 * 1_000 + 1);
		assert!(!CreditRecords::exposure_priced(&ALICE));
		CreditRecords::note_debt_service_ended(&ALICE, sme_xbtc, 1_000);
		assert!(CreditRecords::exposure_priced(&ALICE));
	});
}
