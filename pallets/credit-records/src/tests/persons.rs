//! One person, one cap: accounts attested with one identity commitment share one history and
//! one exposure cap (issue 13, item 1).

use super::*;
use crate::{AccountPerson, HistoryHolder, PersonAccounts};

/// The identity commitment of the person behind several accounts in these tests.
pub(super) fn person() -> H256 {
	H256::repeat_byte(0x77)
}

/// Registers `who` and has the KYC provider attest it with the identity commitment `identity`.
pub(super) fn attested_as(who: AccountId, identity: H256) -> sp_runtime::DispatchResult {
	if !crate::Profiles::<Test>::contains_key(who) {
		register(who, ProfileKind::Individual);
	}
	CreditRecords::attest(
		RuntimeOrigin::signed(KYC),
		who,
		ClaimKind::KycBasic,
		docs(9),
		now() + 365 * DAY,
		Some(identity),
	)
}

/// `who` joins the person whose first account is `first`: attested with its commitment, then
/// both sides agree.
pub(super) fn joins(who: AccountId, first: AccountId, identity: H256) {
	assert_ok!(attested_as(who, identity));
	assert_ok!(CreditRecords::accept_person(RuntimeOrigin::signed(who)));
	assert_ok!(CreditRecords::approve_account(RuntimeOrigin::signed(first), who));
}

#[test]
fn two_accounts_of_one_person_share_one_cap_and_one_history() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attested_as(ALICE, person()));
		joins(BOB, ALICE, person());
		System::assert_has_event(
			Event::IdentityLinked { who: BOB, identity: person(), accounts: 2 }.into(),
		);
		assert_eq!(PersonAccounts::<Test>::get(person()).into_inner(), vec![ALICE, BOB]);
		assert_eq!(HistoryHolder::<Test>::get(BOB), Some(ALICE));
		// Alice owes 6,000 of the person's 10,000 cap: Bob may take 4,000, not more.
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 6_000 * CREDIT_UNIT));
		assert_ok!(CreditRecords::ensure_can_borrow(&BOB, USDX, 4_000 * CREDIT_UNIT));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&BOB, USDX, 4_000 * CREDIT_UNIT + 1),
			Error::<Test>::ExposureCapExceeded
		);
		// What happens on one account is the person's history.
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, late(CREDIT_UNIT, 10)));
		assert_eq!(history_of(BOB).late.days_1_30, 1);
		assert_eq!(score_of(BOB), score_of(ALICE));
		let summary = CreditRecords::profile_summary(&BOB).unwrap();
		assert_eq!(summary.person, Some(person()));
		assert_eq!(summary.person_accounts, vec![ALICE, BOB]);
		// A freeze of one account stops the person's new credit on all of them.
		assert_ok!(CreditRecords::freeze(RuntimeOrigin::root(), ALICE, FreezeReason::RiskReview));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&BOB, USDX, CREDIT_UNIT),
			Error::<Test>::AccountFrozen
		);
		assert!(CreditRecords::same_person(&ALICE, &BOB));
		assert!(!CreditRecords::same_person(&ALICE, &CHARLIE));
	});
}

#[test]
fn a_new_account_after_a_default_inherits_the_default() {
	// The classic escape: default, open a new account, start afresh.
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attested_as(ALICE, person()));
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		let defaulted_score = score_of(ALICE);
		// A new account attested as the same person is not verified on its own: it borrows
		// nothing until it joins the person, and then it is the person.
		assert_ok!(attested_as(CHARLIE, person()));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&CHARLIE, USDX, CREDIT_UNIT),
			Error::<Test>::NotVerified
		);
		assert_ok!(CreditRecords::accept_person(RuntimeOrigin::signed(CHARLIE)));
		assert_ok!(CreditRecords::approve_account(RuntimeOrigin::signed(ALICE), CHARLIE));
		assert_eq!(history_of(CHARLIE).defaults, 1);
		assert_eq!(score_of(CHARLIE), defaulted_score);
		// Alice was frozen by her default: Charlie, the same person, borrows nothing.
		assert_noop!(
			CreditRecords::ensure_can_borrow(&CHARLIE, USDX, CREDIT_UNIT),
			Error::<Test>::AccountFrozen
		);
	});
}

#[test]
fn identity_attestation_errors() {
	ExtBuilder::default().build_and_execute(|| {
		register(ALICE, ProfileKind::Individual);
		// An identity claim needs the commitment; another claim carries none.
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(KYC),
				ALICE,
				ClaimKind::KycBasic,
				docs(9),
				now() + DAY,
				None
			),
			Error::<Test>::IdentityCommitmentMismatch
		);
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(AUDITOR),
				ALICE,
				ClaimKind::AuditedFinancials,
				docs(9),
				now() + DAY,
				Some(person())
			),
			Error::<Test>::IdentityCommitmentMismatch
		);
		// One account, one person.
		assert_ok!(attested_as(ALICE, person()));
		assert_ok!(attested_as(ALICE, person()));
		assert_noop!(attested_as(ALICE, H256::repeat_byte(0x78)), Error::<Test>::IdentityConflict);
		// An account that already has a history of its own cannot join a person.
		register(BOB, ProfileKind::Individual);
		assert_ok!(CreditRecords::note_borrowed(&BOB, POOL_USDX, 1));
		assert_ok!(attested_as(BOB, person()));
		assert_ok!(CreditRecords::accept_person(RuntimeOrigin::signed(BOB)));
		assert_noop!(
			CreditRecords::approve_account(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::HistoryConflict
		);
		assert_ok!(CreditRecords::note_repaid(&BOB, POOL_USDX, unscored(1)));
		// Consent errors.
		assert_noop!(
			CreditRecords::accept_person(RuntimeOrigin::signed(CHARLIE)),
			Error::<Test>::NoPendingLink
		);
		assert_noop!(
			CreditRecords::approve_account(RuntimeOrigin::signed(CHARLIE), BOB),
			Error::<Test>::NotOfThePerson
		);
		assert_noop!(
			CreditRecords::reject_link(RuntimeOrigin::signed(CHARLIE), BOB),
			Error::<Test>::NotOfThePerson
		);
		// A used history stays its own, even repaid: Bob cannot join.
		assert_noop!(
			CreditRecords::approve_account(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::HistoryConflict
		);
		assert_eq!(PersonAccounts::<Test>::get(person()).len(), 1);
	});
}

#[test]
fn a_person_has_at_most_max_accounts_per_person() {
	ExtBuilder::default().build_and_execute(|| {
		let third = H256::repeat_byte(0x79);
		assert_ok!(attested_as(ALICE, third));
		joins(BOB, ALICE, third);
		joins(CHARLIE, BOB, third);
		assert_eq!(PersonAccounts::<Test>::get(third).len(), 3);
		// The auditor (funded, registered as a profile) would be the fourth.
		register(AUDITOR, ProfileKind::Individual);
		assert_noop!(attested_as(AUDITOR, third), Error::<Test>::TooManyAccounts);
	});
}

#[test]
fn a_persons_history_is_erased_only_when_every_account_left() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attested_as(ALICE, person()));
		joins(BOB, ALICE, person());
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(BOB)));
		assert_noop!(
			CreditRecords::forget_history(RuntimeOrigin::signed(BOB)),
			Error::<Test>::StillRegistered
		);
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
		assert_ok!(CreditRecords::forget_history(RuntimeOrigin::signed(BOB)));
		assert!(!Histories::<Test>::contains_key(ALICE));
		assert!(AccountPerson::<Test>::get(ALICE).is_none());
		assert!(AccountPerson::<Test>::get(BOB).is_none());
		assert!(HistoryHolder::<Test>::get(BOB).is_none());
		assert!(PersonAccounts::<Test>::get(person()).is_empty());
	});
}

#[test]
fn no_one_ties_an_account_to_a_person_without_both_sides_consent() {
	// A careless or rogue verifier attests a victim's new account with a defaulter's
	// commitment, or an attacker's account with a victim's: neither joins without consent.
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attested_as(ALICE, person()));
		assert_ok!(attested_as(BOB, person()));
		System::assert_has_event(
			Event::IdentityLinkPending { who: BOB, identity: person() }.into(),
		);
		// Pending, Bob is nobody: not verified, no borrowing against Alice's cap.
		assert!(!<CreditRecords as CreditRegistry<AccountId>>::is_verified(&BOB));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&BOB, USDX, CREDIT_UNIT),
			Error::<Test>::NotVerified
		);
		// One side alone changes nothing.
		assert_ok!(CreditRecords::accept_person(RuntimeOrigin::signed(BOB)));
		assert!(AccountPerson::<Test>::get(BOB).is_none());
		// Alice refuses: the link is gone, Bob's attestation still counts for nothing.
		assert_ok!(CreditRecords::reject_link(RuntimeOrigin::signed(ALICE), BOB));
		System::assert_last_event(Event::IdentityLinkRejected { who: BOB, by: ALICE }.into());
		assert_noop!(
			CreditRecords::approve_account(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NoPendingLink
		);
		assert!(!<CreditRecords as CreditRegistry<AccountId>>::is_verified(&BOB));
		assert_eq!(PersonAccounts::<Test>::get(person()).into_inner(), vec![ALICE]);
	});
}

#[test]
fn a_default_freezes_every_registered_account_of_the_person() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attested_as(ALICE, person()));
		joins(BOB, ALICE, person());
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 100 * CREDIT_UNIT));
		// Alice leaves the registry; her recourse-like debt defaults afterwards.
		assert_ok!(CreditRecords::note_repaid(&ALICE, POOL_USDX, unscored(100 * CREDIT_UNIT)));
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
		assert_ok!(CreditRecords::note_borrowed(&ALICE, POOL_USDX, 10 * CREDIT_UNIT));
		assert_ok!(CreditRecords::note_defaulted(&ALICE, POOL_USDX, 10 * CREDIT_UNIT));
		assert_eq!(crate::Profiles::<Test>::get(BOB).unwrap().frozen, Some(FreezeReason::Default));
		assert_noop!(
			CreditRecords::ensure_can_borrow(&BOB, USDX, CREDIT_UNIT),
			Error::<Test>::AccountFrozen
		);
	});
}

#[test]
fn an_account_is_never_on_its_way_to_two_persons() {
	ExtBuilder::default().build_and_execute(|| {
		let other = H256::repeat_byte(0x78);
		assert_ok!(attested_as(ALICE, person()));
		assert_ok!(attested_as(CHARLIE, other));
		// Bob waits to join Alice's person: no attestation may name him as anyone else.
		assert_ok!(attested_as(BOB, person()));
		assert_noop!(attested_as(BOB, other), Error::<Test>::IdentityConflict);
		assert_noop!(attested_as(BOB, H256::repeat_byte(0x79)), Error::<Test>::IdentityConflict);
		// A deregistered account of the person does not speak for it.
		assert_ok!(CreditRecords::accept_person(RuntimeOrigin::signed(BOB)));
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(ALICE)));
		assert_noop!(
			CreditRecords::approve_account(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotOfThePerson
		);
		// Deregistering drops one's own pending link.
		assert_ok!(CreditRecords::deregister(RuntimeOrigin::signed(BOB)));
		assert!(!crate::PendingLinks::<Test>::contains_key(BOB));
	});
}

#[test]
fn the_credit_checks_are_charged_for_the_persons_size() {
	ExtBuilder::default().build_and_execute(|| {
		type W = <Test as crate::Config>::WeightInfo;
		let one = (
			<W as crate::WeightInfo>::exposure_check_one_account(),
			<W as crate::WeightInfo>::repayment_capacity_check_one_account(),
		);
		let largest = (
			<W as crate::WeightInfo>::exposure_check(),
			<W as crate::WeightInfo>::repayment_capacity_check(),
		);
		assert!(one.0.all_lt(largest.0) && one.1.all_lt(largest.1));
		// Declared up front: the largest person.
		assert_eq!(CreditRecords::exposure_check_weight(), largest.0);
		// After the call: an account without a person, and a person of one account, pay for
		// one account; every account of a person of two pays for the largest.
		assert_eq!(CreditRecords::exposure_check_weight_for(&ALICE), one.0);
		assert_ok!(attested_as(ALICE, person()));
		assert_eq!(CreditRecords::repayment_capacity_weight_for(&ALICE), one.1);
		assert_eq!(CreditRecords::capacity_and_exposure_weight_for(&ALICE), one.0 + one.1);
		joins(BOB, ALICE, person());
		for who in [ALICE, BOB] {
			assert_eq!(CreditRecords::exposure_check_weight_for(&who), largest.0);
			assert_eq!(CreditRecords::repayment_capacity_weight_for(&who), largest.1);
		}
	});
}
