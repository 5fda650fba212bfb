//! Default and stop-loss liquidation.

use super::*;
use xindai_primitives::price::Price;

#[test]
fn a_loan_defaults_after_the_threshold_and_lenders_get_the_collateral() {
	run_test(|| {
		let id = fully_funded();
		advance(30 * DAY + 89 * DAY);
		assert_noop!(
			P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::NotOverdueEnough
		);
		advance(DAY);
		assert_ok!(P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), id));
		let loan = crate::Loans::<Test>::get(id).unwrap();
		assert_eq!(loan.status, LoanStatus::Defaulted);
		assert_eq!(loan.collateral_for_lenders, BTC / 10);
		assert!(matches!(credit_notes().last(), Some(CreditNote::Defaulted(BOB, _))));
		// The collateral (6,000 USDX) covers the principal: nothing is left but interest.
		assert_eq!(loan.recovered, 1_000 * DOLLAR);
		let alice = balance(XBTC, ALICE);
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(XBTC, ALICE) - alice, BTC / 10 * 6 / 10);
		assert_noop!(
			P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::NotRepayable
		);
		// Payments after default still reach lenders.
		let payoff = P2pLoans::loan_view(id).unwrap().payoff_today;
		assert!(payoff > 0);
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, payoff));
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Closed);
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(CHARLIE), id));
	});
}

#[test]
fn an_uncollateralised_default_is_reported_in_full() {
	run_test(|| {
		let id = bob_requests_with(RepaymentKind::Amortising, None);
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_000 * DOLLAR));
		advance(120 * DAY);
		assert_ok!(P2pLoans::mark_default(RuntimeOrigin::signed(ALICE), id));
		match credit_notes().last() {
			Some(CreditNote::Defaulted(BOB, value)) => assert!(*value > 1_000 * DOLLAR),
			other => panic!("{other:?}"),
		}
	});
}

#[test]
fn liquidation_when_the_collateral_falls() {
	run_test(|| {
		let id = fully_funded();
		advance(10 * DAY);
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(600));
		assert_noop!(
			P2pLoans::liquidate(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::LtvHealthy
		);
		// XBTC falls from 60,000 to 11,000 USDX: 0.1 XBTC is worth 1,100, the debt over 1,000.
		set_price(XBTC, Price::from_u32(110));
		assert_ok!(P2pLoans::liquidate(RuntimeOrigin::signed(DAVE), id));
		let loan = crate::Loans::<Test>::get(id).unwrap();
		assert_eq!(loan.status, LoanStatus::Liquidated);
		// Dave's 5% reward.
		assert_eq!(balance(XBTC, DAVE), 10 * BTC + BTC / 10 / 20);
		match last_event() {
			Event::Liquidated { reward, collateral_to_lenders, outstanding, .. } => {
				assert_eq!(reward + collateral_to_lenders, BTC / 10);
				// 0.095 XBTC at 11,000 = 1,045 USDX covers the principal; the started month's
				// interest remains owed.
				assert!(outstanding > 0 && outstanding < 50 * DOLLAR, "{outstanding}");
			},
			e => panic!("{e:?}"),
		}
		assert_noop!(
			P2pLoans::liquidate(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::NotRepayable
		);
	});
}

#[test]
fn liquidation_errors() {
	run_test(|| {
		let id = bob_requests_with(RepaymentKind::Amortising, None);
		assert_noop!(
			P2pLoans::liquidate(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::NotRepayable
		);
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_000 * DOLLAR));
		assert_noop!(
			P2pLoans::liquidate(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::NoCollateral
		);
		let id = fully_funded();
		advance(2 * 60 * 60 * 1_000);
		assert_noop!(
			P2pLoans::liquidate(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::PriceStale
		);
		assert_noop!(
			P2pLoans::liquidate(RuntimeOrigin::signed(DAVE), 99),
			Error::<Test>::LoanNotFound
		);
		assert_noop!(
			P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), 99),
			Error::<Test>::LoanNotFound
		);
	});
}
