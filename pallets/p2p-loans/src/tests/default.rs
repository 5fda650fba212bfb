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
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(600));
		assert_ok!(P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), id));
		let loan = crate::Loans::<Test>::get(id).unwrap();
		assert!(loan_events().iter().any(|e| matches!(e, Event::Defaulted { .. })));
		// Settled by the collateral, the defaulted loan is closed (its deposit returns when the
		// record is pruned).
		assert_eq!(loan.status, LoanStatus::Closed);
		assert_eq!(loan.deposit, DEPOSIT);
		// The collateral (6,000 USDX) covers the whole debt: lenders take what it needs, the
		// rest goes back to Bob, nothing is written off.
		assert!(loan.collateral_for_lenders < BTC / 10 / 5, "{}", loan.collateral_for_lenders);
		assert_eq!(loan.collateral_returned, BTC / 10 - loan.collateral_for_lenders);
		assert!(credit_notes().contains(&CreditNote::Defaulted(BOB, 0)));
		assert_eq!(credit_notes().last(), Some(&CreditNote::Settled(BOB)));
		assert_eq!(loan.recovered + loan.prepaid, 1_000 * DOLLAR);
		let alice = balance(XBTC, ALICE);
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(XBTC, ALICE) - alice, loan.collateral_for_lenders * 6 / 10);
		assert_noop!(
			P2pLoans::mark_default(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::NotRepayable
		);
		assert_eq!(P2pLoans::loan_view(id).unwrap().payoff_today, 0);
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
		// The principal is written off (interest and penalty never counted as exposure).
		assert_eq!(credit_notes().last(), Some(&CreditNote::Defaulted(BOB, 1_000 * DOLLAR)));
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
		// XBTC falls from 60,000 to 10,500 USDX: 0.1 XBTC is worth 1,050, less than the debt
		// (about 1,010) plus the 5% reward.
		set_price(XBTC, Price::from_u32(105));
		assert_ok!(P2pLoans::liquidate(RuntimeOrigin::signed(DAVE), id));
		let loan = crate::Loans::<Test>::get(id).unwrap();
		assert_eq!(loan.status, LoanStatus::Liquidated);
		// Not enough for debt and reward: Dave gets 5/105 of the collateral, the lenders the rest.
		let reward = BTC / 10 * 5 / 105;
		assert_eq!(balance(XBTC, DAVE), 10 * BTC + reward);
		match last_event() {
			Event::Liquidated {
				reward: paid,
				collateral_to_lenders,
				collateral_returned,
				outstanding,
				..
			} => {
				assert_eq!(paid, reward);
				assert_eq!(paid + collateral_to_lenders, BTC / 10);
				assert_eq!(collateral_returned, 0);
				// 0.0952 XBTC at 10,500 = 1,000 USDX settles the interest and most principal.
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
