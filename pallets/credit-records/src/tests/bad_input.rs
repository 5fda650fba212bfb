//! Bad input the other test files did not cover (from an audit of every call against each class
//! of bad input): a link that does not exist and unsigned origins, each refused with its typed
//! error and changing nothing.

use super::*;

#[test]
fn rejecting_a_link_nobody_proposed_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_noop!(
			CreditRecords::reject_link(RuntimeOrigin::signed(ALICE), ALICE),
			Error::<Test>::NoPendingLink
		);
		assert_noop!(
			CreditRecords::reject_link(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NoPendingLink
		);
	});
}

#[test]
fn a_grant_without_its_deposit_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), ALICE, 1));
		assert_noop!(
			CreditRecords::grant_access(
				RuntimeOrigin::signed(ALICE),
				BOB,
				START + DAY,
				envelope(32)
			),
			TokenError::FundsUnavailable
		);
		assert!(Grants::<Test>::get(ALICE, BOB).is_none());
	});
}

#[test]
fn unsigned_origins_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		let none = || RuntimeOrigin::none();
		assert_noop!(
			CreditRecords::register(none(), ProfileKind::Individual, H256::repeat_byte(1)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CreditRecords::update_documents(none(), H256::repeat_byte(2)),
			DispatchError::BadOrigin
		);
		assert_noop!(CreditRecords::deregister(none()), DispatchError::BadOrigin);
		assert_noop!(
			CreditRecords::grant_access(none(), BOB, START + DAY, BoundedVec::default()),
			DispatchError::BadOrigin
		);
		assert_noop!(CreditRecords::revoke_access(none(), BOB), DispatchError::BadOrigin);
		assert_noop!(CreditRecords::forget_history(none()), DispatchError::BadOrigin);
		assert_noop!(CreditRecords::accept_person(none()), DispatchError::BadOrigin);
	});
}

/// The person approves first; the account's own acceptance then completes the link, and is
/// refused while the account has a used history of its own (which would be lost under the
/// person's). The pending link stays, so both sides' consent still stands.
#[test]
fn accepting_a_person_with_a_used_history_of_ones_own_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		use super::persons::{attested_as, person};
		assert_ok!(attested_as(ALICE, person()));
		register(BOB, ProfileKind::Individual);
		assert_ok!(CreditRecords::note_borrowed(&BOB, POOL_USDX, 1));
		assert_ok!(attested_as(BOB, person()));
		assert_ok!(CreditRecords::approve_account(RuntimeOrigin::signed(ALICE), BOB));
		assert_noop!(
			CreditRecords::accept_person(RuntimeOrigin::signed(BOB)),
			Error::<Test>::HistoryConflict
		);
		assert!(crate::AccountPerson::<Test>::get(BOB).is_none());
		assert!(crate::PendingLinks::<Test>::get(BOB).is_some_and(|link| link.approved));
	});
}
