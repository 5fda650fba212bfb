//! The exposure book: positions in the assets' own units, valued only when checked.

use super::*;
use xindai_primitives::{
	credit::{CreditProduct, PositionKey, ReportedPosition},
	price::Price,
};

/// One XBTC in its smallest unit (8 decimals).
const ONE_XBTC: Balance = 100_000_000;

#[test]
fn debt_is_booked_in_the_lent_asset_and_a_price_move_cannot_make_it_drift() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		// 0.1 XBTC at 60,000 USDX a bitcoin: 6,000 USDX of exposure.
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_XBTC, ONE_XBTC / 10));
		assert_eq!(
			CreditRecords::position(&ALICE, POOL_XBTC),
			ReportedPosition { owed: ONE_XBTC / 10, committed: 0 }
		);
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 4_000 * CREDIT_UNIT));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 4_000 * CREDIT_UNIT + 1),
			Error::<Test>::ExposureCapExceeded
		);
		// Bitcoin halves: the same debt is worth half, valued when checked.
		set_price_at(XBTC, Price::from_u32(300), now());
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 7_000 * CREDIT_UNIT));
		assert_eq!(
			CreditRecords::profile_summary(&ALICE).unwrap().outstanding,
			3_000 * CREDIT_UNIT
		);
		// Repaid in the asset: nothing is left over, whatever the price did.
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_XBTC, unscored(ONE_XBTC / 10)));
		assert_eq!(CreditRecords::position(&ALICE, POOL_XBTC), ReportedPosition::default());
		assert!(!Positions::<Test>::contains_key(ALICE, POOL_XBTC));
		assert_eq!(history_of(ALICE).open_positions, 0);
		// The history's totals keep the value of each event at its time.
		assert_eq!(history_of(ALICE).borrowed, 6_000 * CREDIT_UNIT);
		assert_eq!(history_of(ALICE).repaid, 3_000 * CREDIT_UNIT);
	});
}

#[test]
fn a_position_without_a_fresh_price_refuses_new_borrowing() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_XBTC, ONE_XBTC / 100));
		set_price_at(XBTC, Price::from_u32(600), now());
		advance(60 * 60 * 1_000 + 1);
		// The XBTC debt cannot be valued: no borrowing in any asset until the oracle is fed.
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, CREDIT_UNIT),
			Error::<Test>::PriceUnavailable
		);
		assert!(!CreditRecords::profile_summary(&ALICE).unwrap().eligible);
		// A wallet still shows the debt, at the latest price.
		assert_eq!(CreditRecords::profile_summary(&ALICE).unwrap().outstanding, 600 * CREDIT_UNIT);
		set_price_at(XBTC, Price::from_u32(600), now());
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, CREDIT_UNIT));
		// A new borrowing in an asset without any price cannot be valued either.
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, UNPRICED, 1),
			Error::<Test>::PriceUnavailable
		);
	});
}

#[test]
fn the_credit_asset_needs_no_price() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 4_000 * CREDIT_UNIT));
		// USDX is the credit unit: a stale (or odd) oracle price of it changes nothing.
		set_price_at(USDX, Price::from_u32(7), now());
		advance(2 * 60 * 60 * 1_000);
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 6_000 * CREDIT_UNIT));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, USDX, 6_000 * CREDIT_UNIT + 1),
			Error::<Test>::ExposureCapExceeded
		);
	});
}

#[test]
fn products_and_assets_are_separate_positions_with_their_totals() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		verified_individual(BOB);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100));
		assert_ok!(CreditRecords::note_borrowed(&BOB, POOL_USDX, 50));
		assert_ok!(CreditRecords::note_committed(&ALICE, P2P_USDX, 70));
		assert_eq!(
			CreditRecords::product_total(POOL_USDX),
			ReportedPosition { owed: 150, committed: 0 }
		);
		assert_eq!(
			CreditRecords::product_total(P2P_USDX),
			ReportedPosition { owed: 0, committed: 70 }
		);
		assert_eq!(history_of(ALICE).open_positions, 2);
		assert_eq!(CreditRecords::profile_summary(&ALICE).unwrap().positions.len(), 2);
		// The commitment turns into debt: release, then borrow.
		assert_ok!(CreditRecords::note_commitment_released(&ALICE, P2P_USDX, 70));
		assert_ok!(CreditRecords::note_borrowed(&ALICE, P2P_USDX, 70));
		assert_eq!(
			CreditRecords::product_total(P2P_USDX),
			ReportedPosition { owed: 70, committed: 0 }
		);
		// A default writes off what collateral did not cover.
		assert_ok!(CreditRecords::note_defaulted(&BOB, POOL_USDX, 50));
		assert_eq!(CreditRecords::product_total(POOL_USDX).owed, 100);
		assert_eq!(history_of(BOB).open_positions, 0);
	});
}

#[test]
fn an_account_holds_at_most_max_positions() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		let usdx_sme = PositionKey::new(CreditProduct::SmeFinance, USDX);
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 1));
		assert_ok!(CreditRecords::note_borrowed(&ALICE, P2P_USDX, 1));
		assert_ok!(CreditRecords::note_committed(&ALICE, usdx_sme, 1));
		// Credit in a new asset would open a fourth position (the mock's bound is three).
		assert_noop!(
			CreditRecords::ensure_can_borrow(&ALICE, XBTC, 1),
			Error::<Test>::TooManyPositions
		);
		// More in an asset it owes already is fine, and a closed position makes room.
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, USDX, 1));
		assert_ok!(CreditRecords::note_commitment_released(&ALICE, usdx_sme, 1));
		assert_ok!(CreditRecords::note_commitment_released(&ALICE, usdx_sme, 0));
		assert_ok!(CreditRecords::note_repaid(&ALICE, P2P_USDX, unscored(1)));
		assert_ok!(CreditRecords::ensure_can_borrow(&ALICE, XBTC, 1));
		// A hook books what happened even beyond the bound (recourse debt is not asked for):
		// a report that refused would hide a debt.
		assert_ok!(CreditRecords::note_borrowed(&ALICE, P2P_USDX, 1));
		assert_ok!(CreditRecords::note_borrowed(&ALICE, usdx_sme, 1));
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_XBTC, 1));
		assert_eq!(history_of(ALICE).open_positions, 4);
		assert_eq!(CreditRecords::product_total(POOL_XBTC).owed, 1);
	});
}

#[test]
fn an_open_position_keeps_the_profile_and_the_history_records_after_deregistering() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_ok!(CreditRecords::note_committed(&ALICE, P2P_USDX, 10));
		assert_noop!(
			CreditRecords::deregister(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::DebtOutstanding
		);
		assert_ok!(CreditRecords::note_commitment_released(&ALICE, P2P_USDX, 10));
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
		// Releasing what was never committed, for an account without any history, is a no-op.
		assert_ok!(CreditRecords::note_commitment_released(&CHARLIE, P2P_USDX, 10));
		assert!(!Histories::<Test>::contains_key(CHARLIE));
	});
}
