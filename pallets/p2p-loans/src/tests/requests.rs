//! Requests, funding, cancellation, expiry and refunds.

use super::*;
use frame_support::traits::fungible::InspectHold;
use sp_runtime::DispatchError;

fn request(
	principal: xindai_primitives::Balance,
	rate: Rate,
	instalments: u32,
	period: xindai_primitives::Seconds,
	collateral: Option<(xindai_primitives::AssetId, xindai_primitives::Balance)>,
	deadline: xindai_primitives::Moment,
	min_ticket: xindai_primitives::Balance,
) -> sp_runtime::DispatchResult {
	P2pLoans::create_request(
		RuntimeOrigin::signed(BOB),
		USDX,
		principal,
		rate,
		instalments,
		period,
		RepaymentKind::Amortising,
		collateral,
		deadline,
		min_ticket,
		purpose(),
	)
	.map(|_| ())
	.map_err(|e| e.error)
}

#[test]
fn a_request_locks_collateral_and_a_deposit() {
	run_test(|| {
		let before = balance(XBTC, BOB);
		let id = bob_requests();
		assert_eq!(before - balance(XBTC, BOB), BTC / 10);
		assert_eq!(Balances::total_balance_on_hold(&BOB), DEPOSIT);
		let loan = crate::Loans::<Test>::get(id).unwrap();
		assert_eq!(loan.status, LoanStatus::Funding);
		assert_eq!(crate::OpenRequests::<Test>::get(BOB), 1);
		assert!(matches!(last_event(), Event::RequestCreated { loan: 0, borrower: BOB, .. }));
	});
}

#[test]
fn request_errors() {
	run_test(|| {
		let r = Rate::from_rational(12, 100);
		let deadline = START + DAY;
		let c = Some((XBTC, BTC));
		assert_noop!(request(0, r, 4, MONTH, c, deadline, 1), Error::<Test>::ZeroPrincipal);
		assert_noop!(
			request(1_000, r, 0, MONTH, c, deadline, 1),
			Error::<Test>::InstalmentsOutOfBounds
		);
		assert_noop!(
			request(1_000, r, 49, MONTH, c, deadline, 1),
			Error::<Test>::InstalmentsOutOfBounds
		);
		assert_noop!(request(1_000, r, 4, 60, c, deadline, 1), Error::<Test>::PeriodOutOfBounds);
		assert_noop!(
			request(1_000, Rate::from_rational(61, 100), 4, MONTH, c, deadline, 1),
			Error::<Test>::RateTooHigh
		);
		assert_noop!(request(1_000, r, 4, MONTH, c, START, 1), Error::<Test>::DeadlineOutOfBounds);
		assert_noop!(
			request(1_000, r, 4, MONTH, c, START + 91 * DAY, 1),
			Error::<Test>::DeadlineOutOfBounds
		);
		assert_noop!(request(1_000, r, 4, MONTH, c, deadline, 0), Error::<Test>::BadMinTicket);
		assert_noop!(request(1_000, r, 4, MONTH, c, deadline, 1_001), Error::<Test>::BadMinTicket);
		assert_noop!(
			request(1_000, r, 4, MONTH, Some((XBTC, 0)), deadline, 1),
			Error::<Test>::ZeroCollateral
		);
		// 6,000 USDX of XBTC covers at most 4,200 at 70%.
		assert_noop!(
			request(4_201 * DOLLAR, r, 4, MONTH, Some((XBTC, BTC / 10)), deadline, 1),
			Error::<Test>::CollateralTooLow
		);
		assert_noop!(
			P2pLoans::create_request(
				RuntimeOrigin::signed(EVE),
				USDX,
				1_000,
				r,
				4,
				MONTH,
				RepaymentKind::Bullet,
				None,
				deadline,
				1,
				purpose()
			),
			DispatchError::Other("NotVerified")
		);
		advance(2 * 60 * 60 * 1_000);
		assert_noop!(
			request(1_000, r, 4, MONTH, None, START + 2 * DAY, 1),
			Error::<Test>::PriceStale
		);
		set_price(USDX, xindai_primitives::price::Price::from_u32(1));
		assert_ok!(request(1_000, r, 4, MONTH, None, START + 2 * DAY, 1));
		assert_ok!(request(1_000, r, 4, MONTH, None, START + 2 * DAY, 1));
		assert_ok!(request(1_000, r, 4, MONTH, None, START + 2 * DAY, 1));
		assert_noop!(
			request(1_000, r, 4, MONTH, None, START + 2 * DAY, 1),
			Error::<Test>::TooManyOpenRequests
		);
	});
}

#[test]
fn funding_completes_and_disburses() {
	run_test(|| {
		let id = bob_requests();
		let before = balance(USDX, BOB);
		// A slice that leaves the request short disburses nothing and runs no capacity check:
		// it is charged a slice's weight; the completing one pays for the completing slice and
		// the registry's checks of the borrower as it is (the stand-in registry weighs none).
		let partial = P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 600 * DOLLAR);
		assert_eq!(
			partial.expect("a valid slice").actual_weight,
			Some(<() as crate::WeightInfo>::fund_partial())
		);
		assert_eq!(
			last_event(),
			Event::Funded { loan: id, lender: ALICE, amount: 600 * DOLLAR, funded: 600 * DOLLAR }
		);
		assert_eq!(balance(USDX, BOB), before);
		let completing = P2pLoans::fund(RuntimeOrigin::signed(CHARLIE), id, 400 * DOLLAR);
		assert_eq!(
			completing.expect("the completing slice").actual_weight,
			Some(<() as crate::WeightInfo>::fund())
		);
		assert_eq!(balance(USDX, BOB) - before, 1_000 * DOLLAR);
		assert_eq!(
			last_event(),
			Event::LoanStarted { loan: id, borrower: BOB, principal: 1_000 * DOLLAR }
		);
		let loan = crate::Loans::<Test>::get(id).unwrap();
		assert_eq!(loan.status, LoanStatus::Active);
		assert_eq!(crate::Schedules::<Test>::get(id).unwrap().len(), 4);
		assert_eq!(crate::OpenRequests::<Test>::get(BOB), 0);
		// The open request was committed exposure; funded, the commitment became debt.
		assert_eq!(
			credit_notes(),
			vec![
				CreditNote::Committed(BOB, 1_000 * DOLLAR),
				CreditNote::Released(BOB, 1_000 * DOLLAR),
				CreditNote::Borrowed(BOB, 1_000 * DOLLAR)
			]
		);
	});
}

#[test]
fn fund_errors() {
	run_test(|| {
		let id = bob_requests();
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(ALICE), 9, DOLLAR),
			Error::<Test>::LoanNotFound
		);
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(BOB), id, 100 * DOLLAR),
			Error::<Test>::OwnLoan
		);
		// Another account of Bob's person is Bob.
		xindai_primitives::testing::same_person(BOB, DAVE);
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(DAVE), id, 100 * DOLLAR),
			Error::<Test>::OwnLoan
		);
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(EVE), id, 100 * DOLLAR),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 99 * DOLLAR),
			Error::<Test>::BelowMinTicket
		);
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1_001 * DOLLAR),
			Error::<Test>::OverFunded
		);
		// The last slice may be below the minimum ticket.
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 950 * DOLLAR));
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(CHARLIE), id, 50 * DOLLAR));
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(DAVE), id, 100 * DOLLAR),
			Error::<Test>::NotFunding
		);
		let late = bob_requests();
		advance(11 * DAY);
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(ALICE), late, 100 * DOLLAR),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn cancelling_returns_collateral_and_lenders_claim_refunds() {
	run_test(|| {
		let id = bob_requests();
		let alice = balance(USDX, ALICE);
		let bob_xbtc = balance(XBTC, BOB);
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 300 * DOLLAR));
		assert_noop!(
			P2pLoans::cancel_request(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotBorrower
		);
		assert_ok!(P2pLoans::cancel_request(RuntimeOrigin::signed(BOB), id));
		assert_eq!(last_event(), Event::RequestCancelled { loan: id });
		// The registry's monitoring counts the withdrawn request.
		assert!(credit_notes().contains(&CreditNote::Withdrawn(BOB)));
		assert_eq!(balance(XBTC, BOB) - bob_xbtc, BTC / 10);
		// The deposit stays until the record is pruned, after every lender is refunded.
		assert_eq!(Balances::total_balance_on_hold(&BOB), DEPOSIT);
		assert_noop!(
			P2pLoans::cancel_request(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotFunding
		);
		assert_noop!(
			P2pLoans::claim_refund(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::NothingToRefund
		);
		assert_ok!(P2pLoans::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(USDX, ALICE), alice);
		assert_noop!(
			P2pLoans::claim_refund(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NothingToRefund
		);
		assert!(crate::PendingRefunds::<Test>::get(id).is_none());
	});
}

#[test]
fn an_unfunded_request_expires_and_refunds() {
	run_test(|| {
		let id = bob_requests();
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 300 * DOLLAR));
		assert_noop!(
			P2pLoans::claim_refund(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NothingToRefund
		);
		advance(11 * DAY);
		let alice = balance(USDX, ALICE);
		assert_ok!(P2pLoans::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(USDX, ALICE) - alice, 300 * DOLLAR);
		assert!(loan_events().contains(&Event::RequestExpired { loan: id }));
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Expired);
		assert_eq!(crate::OpenRequests::<Test>::get(BOB), 0);
	});
}

#[test]
fn on_idle_expires_and_refunds_in_bounded_batches() {
	run_test(|| {
		let id = bob_requests();
		for lender in [ALICE, CHARLIE, DAVE] {
			assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(lender), id, 100 * DOLLAR));
		}
		advance(11 * DAY);
		let weight = frame_support::weights::Weight::from_parts(u64::MAX, u64::MAX);
		// First block: finds and expires the request (batch of 2 loans examined).
		P2pLoans::sweep(weight);
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Expired);
		// Two refunds per block.
		P2pLoans::sweep(weight);
		assert_eq!(crate::Positions::<Test>::iter_prefix(id).count(), 1);
		P2pLoans::sweep(weight);
		assert_eq!(crate::Positions::<Test>::iter_prefix(id).count(), 0);
		assert!(crate::PendingRefunds::<Test>::get(id).is_none());
		// No weight, no work.
		assert_eq!(
			P2pLoans::sweep(frame_support::weights::Weight::zero()),
			frame_support::weights::Weight::zero()
		);
	});
}

#[test]
fn lenders_hold_shares_of_a_bounded_number_of_loans() {
	run_test(|| {
		for _ in 0..8 {
			let id = crate::NextLoanId::<Test>::get();
			assert_ok!(P2pLoans::create_request(
				RuntimeOrigin::signed(CHARLIE),
				USDX,
				1_000,
				Rate::zero(),
				1,
				MONTH,
				RepaymentKind::Bullet,
				None,
				START + DAY,
				1,
				purpose()
			));
			assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 1));
			assert_ok!(P2pLoans::cancel_request(RuntimeOrigin::signed(CHARLIE), id));
		}
		let id = bob_requests();
		assert_noop!(
			P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 100 * DOLLAR),
			Error::<Test>::TooManyLoans
		);
	});
}

#[test]
fn unpriced_assets_and_exhausted_ids_are_refused() {
	run_test(|| {
		create_asset(7, b"NOP", 6);
		assert_noop!(
			P2pLoans::create_request(
				RuntimeOrigin::signed(BOB),
				7,
				1_000,
				Rate::zero(),
				1,
				MONTH,
				RepaymentKind::Bullet,
				None,
				START + DAY,
				1,
				purpose()
			),
			Error::<Test>::NoPrice
		);
		assert_noop!(
			P2pLoans::create_request(
				RuntimeOrigin::signed(BOB),
				USDX,
				1_000,
				Rate::zero(),
				1,
				MONTH,
				RepaymentKind::Bullet,
				Some((7, 1)),
				START + DAY,
				1,
				purpose()
			),
			Error::<Test>::NoPrice
		);
		crate::NextLoanId::<Test>::put(LoanId::MAX);
		assert_noop!(
			P2pLoans::create_request(
				RuntimeOrigin::signed(BOB),
				USDX,
				1_000,
				Rate::zero(),
				1,
				MONTH,
				RepaymentKind::Bullet,
				None,
				START + DAY,
				1,
				purpose()
			),
			Error::<Test>::Overflow
		);
	});
}
