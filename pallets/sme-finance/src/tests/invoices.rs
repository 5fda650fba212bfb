//! Invoices: submission, the buyer's answer, financing once, payment split, lateness and
//! recourse.

use super::*;
use sp_runtime::Permill;

fn invoice(id: InvoiceId) -> crate::InvoiceOf<Test> {
	crate::Invoices::<Test>::get(id).unwrap()
}

fn submit(buyer: AccountId, amount: Balance, due_at: u64, h: u8) -> sp_runtime::DispatchResult {
	SmeFinance::submit_invoice(RuntimeOrigin::signed(EVE), buyer, amount, USDX, due_at, hash(h))
}

/// Eve offers the invoice for at least 80% and at most a 2% fee, to anyone.
fn eve_offers(id: InvoiceId) {
	assert_ok!(SmeFinance::offer_invoice(
		RuntimeOrigin::signed(EVE),
		id,
		Permill::from_percent(80),
		Permill::from_percent(2),
		None
	));
}

/// Eve offers; Dave finances 80% for a 2% fee.
pub(super) fn dave_finances(id: InvoiceId) {
	eve_offers(id);
	assert_ok!(SmeFinance::finance_invoice(
		RuntimeOrigin::signed(DAVE),
		id,
		Permill::from_percent(80),
		Permill::from_percent(2)
	));
}

#[test]
fn submit_and_confirm() {
	run_test(|| {
		let held = Balances::reserved_balance(EVE);
		assert_ok!(submit(FERDIE, 1_000 * DOLLAR, START + 60 * DAY, 1));
		assert_eq!(Balances::reserved_balance(EVE), held + DEPOSIT);
		assert_eq!(invoice(0).status, InvoiceStatus::Submitted);
		assert_eq!(
			crate::InvoiceHashes::<Test>::get(hash(1)),
			Some(crate::types::InvoiceHashRecord { invoice: 0, forget_after: None })
		);
		assert_noop!(
			SmeFinance::confirm_invoice(RuntimeOrigin::signed(DAVE), 0),
			Error::<Test>::NotBuyer
		);
		assert_ok!(SmeFinance::confirm_invoice(RuntimeOrigin::signed(FERDIE), 0));
		assert_eq!(invoice(0).status, InvoiceStatus::Confirmed);
		assert_eq!(credit_notes(), vec![CreditNote::Borrowed(FERDIE, 1_000 * DOLLAR)]);
		assert_eq!(last_event(), Event::InvoiceConfirmed { invoice: 0 });
		assert_noop!(
			SmeFinance::confirm_invoice(RuntimeOrigin::signed(FERDIE), 0),
			Error::<Test>::WrongInvoiceStatus
		);
		assert_noop!(
			SmeFinance::confirm_invoice(RuntimeOrigin::signed(FERDIE), 9),
			Error::<Test>::InvoiceNotFound
		);
	});
}

#[test]
fn submit_errors() {
	run_test(|| {
		assert_noop!(
			SmeFinance::submit_invoice(
				RuntimeOrigin::signed(FERDIE),
				EVE,
				DOLLAR,
				USDX,
				START + DAY,
				hash(1)
			),
			Error::<Test>::NotVerifiedEnterprise
		);
		assert_noop!(submit(EVE, DOLLAR, START + DAY, 1), Error::<Test>::SelfInvoice);
		// A buyer that is another account of the enterprise's owner is the enterprise.
		xindai_primitives::testing::same_person(EVE, 77);
		assert_noop!(submit(77, DOLLAR, START + DAY, 1), Error::<Test>::SelfInvoice);
		assert_noop!(submit(FERDIE, 0, START + DAY, 1), Error::<Test>::ZeroAmount);
		assert_noop!(submit(FERDIE, DOLLAR, START, 1), Error::<Test>::DueDateOutOfBounds);
		assert_noop!(
			submit(FERDIE, DOLLAR, START + 181 * DAY, 1),
			Error::<Test>::DueDateOutOfBounds
		);
		assert_ok!(submit(FERDIE, DOLLAR, START + DAY, 1));
		assert_noop!(submit(DAVE, DOLLAR, START + DAY, 1), Error::<Test>::DuplicateInvoice);
		assert_ok!(submit(FERDIE, DOLLAR, START + DAY, 2));
		assert_ok!(submit(FERDIE, DOLLAR, START + DAY, 3));
		assert_noop!(submit(FERDIE, DOLLAR, START + DAY, 4), Error::<Test>::TooManyInvoices);
	});
}

#[test]
fn an_unverified_buyer_cannot_confirm_and_a_due_invoice_cannot_be_confirmed() {
	run_test(|| {
		assert_ok!(submit(MALLORY, DOLLAR, START + DAY, 1));
		assert_noop!(
			SmeFinance::confirm_invoice(RuntimeOrigin::signed(MALLORY), 0),
			Error::<Test>::NotVerified
		);
		assert_ok!(submit(FERDIE, DOLLAR, START + DAY, 2));
		advance(DAY);
		assert_noop!(
			SmeFinance::confirm_invoice(RuntimeOrigin::signed(FERDIE), 1),
			Error::<Test>::InvoiceDue
		);
	});
}

#[test]
fn reject_and_cancel_remove_the_invoice_but_not_its_hash() {
	run_test(|| {
		let held = Balances::reserved_balance(EVE);
		assert_ok!(submit(FERDIE, DOLLAR, START + DAY, 1));
		assert_noop!(
			SmeFinance::reject_invoice(RuntimeOrigin::signed(DAVE), 0),
			Error::<Test>::NotBuyer
		);
		assert_ok!(SmeFinance::reject_invoice(RuntimeOrigin::signed(FERDIE), 0));
		assert_eq!(last_event(), Event::InvoiceRejected { invoice: 0 });
		assert!(crate::Invoices::<Test>::get(0).is_none());
		assert_eq!(Balances::reserved_balance(EVE), held);
		assert_noop!(submit(FERDIE, DOLLAR, START + DAY, 1), Error::<Test>::DuplicateInvoice);
		assert_ok!(submit(FERDIE, DOLLAR, START + DAY, 2));
		assert_noop!(
			SmeFinance::cancel_invoice(RuntimeOrigin::signed(FERDIE), 1),
			Error::<Test>::NotEnterprise
		);
		assert_ok!(SmeFinance::cancel_invoice(RuntimeOrigin::signed(EVE), 1));
		assert_eq!(last_event(), Event::InvoiceCancelled { invoice: 1 });
		assert_noop!(
			SmeFinance::cancel_invoice(RuntimeOrigin::signed(EVE), 1),
			Error::<Test>::InvoiceNotFound
		);
		// A confirmed invoice can be neither rejected nor cancelled.
		let id = confirmed_invoice();
		assert_noop!(
			SmeFinance::reject_invoice(RuntimeOrigin::signed(FERDIE), id),
			Error::<Test>::WrongInvoiceStatus
		);
		assert_noop!(
			SmeFinance::cancel_invoice(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::WrongInvoiceStatus
		);
	});
}

#[test]
fn financing_advances_once_and_the_buyers_payment_is_split() {
	run_test(|| {
		let id = confirmed_invoice();
		let eve = balance(USDX, EVE);
		let dave = balance(USDX, DAVE);
		dave_finances(id);
		assert_eq!(balance(USDX, EVE), eve + 800 * DOLLAR);
		assert_eq!(balance(USDX, DAVE), dave - 800 * DOLLAR);
		assert_eq!(
			last_event(),
			Event::InvoiceFinanced {
				invoice: id,
				financier: DAVE,
				advance: 800 * DOLLAR,
				fee: 20 * DOLLAR
			}
		);
		// No double financing, by anyone.
		assert_noop!(
			SmeFinance::finance_invoice(
				RuntimeOrigin::signed(CHARLIE),
				id,
				Permill::from_percent(50),
				Permill::zero()
			),
			Error::<Test>::WrongInvoiceStatus
		);
		assert_noop!(
			SmeFinance::pay_invoice(RuntimeOrigin::signed(DAVE), id),
			Error::<Test>::NotBuyer
		);
		travel_to(START + 60 * DAY);
		let held = Balances::reserved_balance(EVE);
		assert_ok!(SmeFinance::pay_invoice(RuntimeOrigin::signed(FERDIE), id));
		assert_eq!(balance(USDX, DAVE), dave + 20 * DOLLAR);
		assert_eq!(balance(USDX, EVE), eve + 800 * DOLLAR + 180 * DOLLAR);
		assert_eq!(
			last_event(),
			Event::InvoicePaid {
				invoice: id,
				to_financier: 820 * DOLLAR,
				to_enterprise: 180 * DOLLAR,
				days_late: 0
			}
		);
		assert!(credit_notes().contains(&CreditNote::Repaid(FERDIE, 1_000 * DOLLAR, 0)));
		assert!(crate::Invoices::<Test>::get(id).is_none());
		assert_eq!(Balances::reserved_balance(EVE), held - DEPOSIT);
		assert_noop!(
			SmeFinance::pay_invoice(RuntimeOrigin::signed(FERDIE), id),
			Error::<Test>::InvoiceNotFound
		);
	});
}

#[test]
fn finance_errors() {
	run_test(|| {
		assert_ok!(submit(FERDIE, 1_000 * DOLLAR, START + 60 * DAY, 1));
		assert_noop!(
			SmeFinance::finance_invoice(
				RuntimeOrigin::signed(DAVE),
				0,
				Permill::from_percent(80),
				Permill::zero()
			),
			Error::<Test>::WrongInvoiceStatus
		);
		let id = confirmed_invoice();
		let finance = |who, advance, fee| {
			SmeFinance::finance_invoice(
				RuntimeOrigin::signed(who),
				id,
				Permill::from_percent(advance),
				Permill::from_percent(fee),
			)
		};
		assert_noop!(finance(MALLORY, 80, 2), Error::<Test>::NotVerified);
		assert_noop!(finance(FERDIE, 80, 2), Error::<Test>::OwnInvoice);
		assert_noop!(finance(0, 80, 2), Error::<Test>::NotVerified);
		assert_noop!(finance(DAVE, 0, 2), Error::<Test>::AdvanceRateOutOfBounds);
		assert_noop!(finance(DAVE, 91, 2), Error::<Test>::AdvanceRateOutOfBounds);
		assert_noop!(finance(DAVE, 80, 6), Error::<Test>::FeeOutOfBounds);
		assert_noop!(finance(DAVE, 80, 2), Error::<Test>::NotOffered);
		assert_ok!(SmeFinance::set_params(
			RuntimeOrigin::root(),
			SmeParams {
				max_advance_rate: Permill::from_percent(95),
				max_fee_rate: Permill::from_percent(10),
				..Default::default()
			}
		));
		assert_ok!(SmeFinance::offer_invoice(
			RuntimeOrigin::signed(EVE),
			id,
			Permill::from_percent(50),
			Permill::from_percent(10),
			None
		));
		assert_noop!(finance(DAVE, 95, 10), Error::<Test>::FeeOutOfBounds);
		assert_noop!(
			SmeFinance::finance_invoice(
				RuntimeOrigin::signed(DAVE),
				77,
				Permill::from_percent(80),
				Permill::zero()
			),
			Error::<Test>::InvoiceNotFound
		);
		// The advance is credit to the enterprise: one not in good standing (unverified,
		// frozen, flagged) takes none.
		xindai_primitives::testing::unverify(EVE);
		assert_noop!(finance(DAVE, 50, 10), sp_runtime::DispatchError::Other("NotVerified"));
		xindai_primitives::testing::verify(EVE);
		travel_to(START + 60 * DAY);
		assert_noop!(finance(DAVE, 80, 2), Error::<Test>::InvoiceDue);
	});
}

#[test]
fn an_unfinanced_invoice_is_paid_to_the_enterprise_and_lateness_is_recorded() {
	run_test(|| {
		let id = confirmed_invoice();
		let eve = balance(USDX, EVE);
		// Ten days after the due date (three of grace).
		travel_to(START + 70 * DAY);
		assert_ok!(SmeFinance::pay_invoice(RuntimeOrigin::signed(FERDIE), id));
		assert_eq!(balance(USDX, EVE), eve + 1_000 * DOLLAR);
		assert!(credit_notes().contains(&CreditNote::Repaid(FERDIE, 1_000 * DOLLAR, 10)));
		assert_eq!(
			last_event(),
			Event::InvoicePaid {
				invoice: id,
				to_financier: 0,
				to_enterprise: 1_000 * DOLLAR,
				days_late: 10
			}
		);
		// A submitted, unconfirmed invoice cannot be paid through the pallet.
		assert_ok!(submit(FERDIE, DOLLAR, START + 80 * DAY, 9));
		assert_noop!(
			SmeFinance::pay_invoice(RuntimeOrigin::signed(FERDIE), 1),
			Error::<Test>::WrongInvoiceStatus
		);
	});
}

#[test]
fn a_defaulting_buyer_puts_the_enterprise_on_recourse() {
	run_test(|| {
		let id = confirmed_invoice();
		dave_finances(id);
		let claim = |who| SmeFinance::claim_recourse(RuntimeOrigin::signed(who), id);
		travel_to(START + 149 * DAY);
		assert_noop!(claim(DAVE), Error::<Test>::NotLateEnough);
		travel_to(START + 150 * DAY);
		assert_noop!(claim(CHARLIE), Error::<Test>::NotFinancier);
		assert_ok!(claim(DAVE));
		assert_eq!(invoice(id).status, InvoiceStatus::Recourse);
		assert_eq!(last_event(), Event::RecourseClaimed { invoice: id, owed: 800 * DOLLAR });
		assert!(credit_notes().contains(&CreditNote::Defaulted(FERDIE, 1_000 * DOLLAR)));
		assert!(credit_notes().contains(&CreditNote::Borrowed(EVE, 800 * DOLLAR)));
		assert_noop!(claim(DAVE), Error::<Test>::WrongInvoiceStatus);
		// Eve repays in two parts, straight to Dave.
		let dave = balance(USDX, DAVE);
		assert_noop!(
			SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, 0),
			Error::<Test>::ZeroAmount
		);
		assert_ok!(SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, 300 * DOLLAR));
		assert_eq!(
			last_event(),
			Event::RecourseRepaid { invoice: id, amount: 300 * DOLLAR, owed: 500 * DOLLAR }
		);
		assert_ok!(SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, 900 * DOLLAR));
		assert_eq!(balance(USDX, DAVE), dave + 800 * DOLLAR);
		assert!(crate::Invoices::<Test>::get(id).is_none());
		assert_noop!(
			SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, DOLLAR),
			Error::<Test>::InvoiceNotFound
		);
	});
}

#[test]
fn a_late_buyer_under_recourse_pays_the_financier_what_is_still_owed() {
	run_test(|| {
		let id = confirmed_invoice();
		dave_finances(id);
		assert_noop!(
			SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, DOLLAR),
			Error::<Test>::WrongInvoiceStatus
		);
		travel_to(START + 150 * DAY);
		assert_ok!(SmeFinance::claim_recourse(RuntimeOrigin::signed(DAVE), id));
		assert_ok!(SmeFinance::repay_recourse(RuntimeOrigin::signed(EVE), id, 300 * DOLLAR));
		let (eve, dave) = (balance(USDX, EVE), balance(USDX, DAVE));
		assert_ok!(SmeFinance::pay_invoice(RuntimeOrigin::signed(FERDIE), id));
		assert_eq!(balance(USDX, DAVE), dave + 500 * DOLLAR);
		assert_eq!(balance(USDX, EVE), eve + 500 * DOLLAR);
		// The buyer's default (and debt) was written off at recourse: its late payment is
		// recovery, neither late again nor a second fall of exposure.
		assert!(credit_notes().contains(&CreditNote::Repaid(FERDIE, 0, 0)));
		assert!(credit_notes().contains(&CreditNote::Repaid(EVE, 500 * DOLLAR, 0)));
	});
}

#[test]
fn the_view_lists_open_invoices_by_state() {
	run_test(|| {
		let id = confirmed_invoice();
		assert_ok!(submit(FERDIE, DOLLAR, START + DAY, 5));
		let views = SmeFinance::invoices(&EVE);
		assert_eq!(
			views.iter().map(|v| (v.id, v.invoice.status)).collect::<Vec<_>>(),
			vec![(id, InvoiceStatus::Confirmed), (id + 1, InvoiceStatus::Submitted)]
		);
	});
}

#[test]
fn financing_happens_only_on_the_enterprises_terms() {
	run_test(|| {
		let id = confirmed_invoice();
		let offer = |min_advance, max_fee, financier| {
			SmeFinance::offer_invoice(
				RuntimeOrigin::signed(EVE),
				id,
				Permill::from_percent(min_advance),
				Permill::from_percent(max_fee),
				financier,
			)
		};
		let finance = |who, advance, fee| {
			SmeFinance::finance_invoice(
				RuntimeOrigin::signed(who),
				id,
				Permill::from_percent(advance),
				Permill::from_percent(fee),
			)
		};
		assert_noop!(
			SmeFinance::offer_invoice(
				RuntimeOrigin::signed(FERDIE),
				id,
				Permill::from_percent(80),
				Permill::zero(),
				None
			),
			Error::<Test>::NotEnterprise
		);
		assert_noop!(offer(0, 2, None), Error::<Test>::AdvanceRateOutOfBounds);
		assert_noop!(offer(91, 2, None), Error::<Test>::AdvanceRateOutOfBounds);
		assert_noop!(offer(80, 6, None), Error::<Test>::FeeOutOfBounds);
		assert_noop!(
			SmeFinance::offer_invoice(
				RuntimeOrigin::signed(EVE),
				77,
				Permill::from_percent(80),
				Permill::zero(),
				None
			),
			Error::<Test>::InvoiceNotFound
		);
		// Eve negotiated with Dave: at least 80%, at most 2%.
		assert_ok!(offer(80, 2, Some(DAVE)));
		assert!(matches!(last_event(), Event::InvoiceOffered { invoice, .. } if invoice == id));
		// A stranger cannot skim a fee with a token advance, nor beat Dave to it.
		assert_noop!(finance(CHARLIE, 80, 2), Error::<Test>::TermsNotMet);
		assert_noop!(finance(DAVE, 79, 2), Error::<Test>::TermsNotMet);
		assert_noop!(finance(DAVE, 80, 3), Error::<Test>::TermsNotMet);
		assert_ok!(finance(DAVE, 85, 1));
		assert_eq!(
			invoice(id).financing.map(|f| (f.advance, f.fee)),
			Some((850 * DOLLAR, 10 * DOLLAR))
		);
		// Financed invoices take no new offer.
		assert_noop!(offer(80, 2, None), Error::<Test>::WrongInvoiceStatus);
	});
}

#[test]
fn an_ended_invoice_hash_is_refused_for_its_retention_then_anyone_may_prune_it() {
	run_test(|| {
		assert_ok!(submit(FERDIE, DOLLAR, START + DAY, 1));
		// Open: the record cannot be pruned.
		assert_noop!(
			SmeFinance::forget_invoice_hash(RuntimeOrigin::signed(DAVE), hash(1)),
			Error::<Test>::InvoiceHashRetained
		);
		assert_noop!(
			SmeFinance::forget_invoice_hash(RuntimeOrigin::signed(DAVE), hash(9)),
			Error::<Test>::UnknownInvoiceHash
		);
		assert_ok!(SmeFinance::reject_invoice(RuntimeOrigin::signed(FERDIE), 0));
		let record = crate::InvoiceHashes::<Test>::get(hash(1)).unwrap();
		// Kept from the due date (later than the rejection) for a year in the mock.
		assert_eq!(record.forget_after, Some(START + DAY + 365 * DAY));
		advance(DAY + 365 * DAY - 1);
		assert_noop!(
			submit(FERDIE, DOLLAR, Timestamp::get() + DAY, 1),
			Error::<Test>::DuplicateInvoice
		);
		assert_noop!(
			SmeFinance::forget_invoice_hash(RuntimeOrigin::signed(DAVE), hash(1)),
			Error::<Test>::InvoiceHashRetained
		);
		advance(1);
		assert_ok!(SmeFinance::forget_invoice_hash(RuntimeOrigin::signed(DAVE), hash(1)));
		assert_eq!(last_event(), Event::InvoiceHashForgotten { invoice_hash: hash(1), invoice: 0 });
		assert!(crate::InvoiceHashes::<Test>::get(hash(1)).is_none());
		// The document may be invoiced again.
		assert_ok!(submit(FERDIE, DOLLAR, Timestamp::get() + DAY, 1));
	});
}

#[test]
fn a_buyer_who_joined_the_enterprises_person_after_submission_cannot_confirm() {
	run_test(|| {
		assert_ok!(submit(FERDIE, DOLLAR, START + DAY, 1));
		xindai_primitives::testing::same_person(EVE, FERDIE);
		assert_noop!(
			SmeFinance::confirm_invoice(RuntimeOrigin::signed(FERDIE), 0),
			Error::<Test>::SelfInvoice
		);
	});
}

/// An invoice that could never be paid to an enterprise holding none of its asset is refused:
/// an unknown asset, or an amount below the asset's minimum balance (regression: a confirmed
/// dust invoice was a debt of the buyer that no payment could clear, and that nothing ended).
#[test]
fn invoices_below_the_minimum_balance_or_in_unknown_assets_are_refused() {
	run_test(|| {
		create_dusty_asset();
		let submit_in = |asset, amount| {
			SmeFinance::submit_invoice(
				RuntimeOrigin::signed(EVE),
				FERDIE,
				amount,
				asset,
				START + DAY,
				hash(7),
			)
		};
		assert_noop!(submit_in(77, DOLLAR), Error::<Test>::UnknownAsset);
		assert_noop!(submit_in(DUSTY, 999), Error::<Test>::InvoiceBelowMinimum);
		assert_ok!(submit_in(DUSTY, 1_000));
	});
}

/// Financing whose advance, financier's share or enterprise's rest would be a positive amount
/// below the minimum balance is refused with its own error (regression: such a payment could
/// fail for good and push the buyer into recourse).
#[test]
fn financing_legs_below_the_minimum_balance_are_refused() {
	run_test(|| {
		create_dusty_asset();
		mint(DUSTY, DAVE, 1_000_000);
		assert_ok!(SmeFinance::submit_invoice(
			RuntimeOrigin::signed(EVE),
			FERDIE,
			10_000,
			DUSTY,
			START + 60 * DAY,
			hash(8),
		));
		let id = crate::NextInvoiceId::<Test>::get() - 1;
		assert_ok!(SmeFinance::confirm_invoice(RuntimeOrigin::signed(FERDIE), id));
		assert_ok!(SmeFinance::offer_invoice(
			RuntimeOrigin::signed(EVE),
			id,
			Permill::from_percent(50),
			Permill::from_percent(5),
			None
		));
		// 90% advance + 5% fee leaves 500 for the enterprise: below 1,000.
		assert_ok!(SmeFinance::set_params(
			RuntimeOrigin::root(),
			SmeParams {
				max_advance_rate: Permill::from_percent(95),
				max_fee_rate: Permill::from_percent(10),
				..Default::default()
			}
		));
		let finance = |advance, fee| {
			SmeFinance::finance_invoice(
				RuntimeOrigin::signed(DAVE),
				id,
				Permill::from_percent(advance),
				Permill::from_percent(fee),
			)
		};
		assert_noop!(finance(90, 5), Error::<Test>::FinancingBelowMinimum);
		// 80% + 5% leaves 1,500: every leg is at least the minimum.
		assert_ok!(finance(80, 5));
	});
}
