//! Collection access (issue 13, item 4): the grant a product gives the collection agent of a
//! defaulted loan shows among the borrower's grants, lets the agent log its access, and ends.

use super::*;
use crate::{CollectionAccess, CollectionCase, CollectionGrants};
use xindai_primitives::credit::CreditProduct;

const AGENT: AccountId = BUREAU;
const CASE: CollectionCase = CollectionCase { product: CreditProduct::P2pLoans, id: 7 };

fn admit_agent() {
	assert_ok!(CreditRecords::add_verifier(
		RuntimeOrigin::root(),
		AGENT,
		VerifierKind::CollectionAgent,
		name("Collect Co"),
	));
}

#[test]
fn an_assigned_agent_sees_the_contact_file_until_its_access_ends() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		admit_agent();
		assert!(CreditRecords::is_collection_agent(&AGENT));
		assert!(!CreditRecords::is_collection_agent(&KYC));
		// Before any assignment the agent has no access.
		assert_noop!(
			CreditRecords::log_access(RuntimeOrigin::signed(AGENT), ALICE),
			Error::<Test>::NoValidGrant
		);
		let until = now() + 30 * DAY;
		assert_ok!(CreditRecords::grant_collection_access(&ALICE, &AGENT, CASE, until));
		System::assert_last_event(
			Event::CollectionAccessGranted { owner: ALICE, agent: AGENT, case: CASE, until }.into(),
		);
		// The borrower sees it among its grants, with the debt it is for; no deposit is held.
		assert_eq!(
			CreditRecords::grants_of(&ALICE),
			vec![GrantView {
				institution: AGENT,
				granted_at: START,
				until,
				active: true,
				collection: Some(CASE),
			}]
		);
		assert_eq!(grant_deposit_held(ALICE), 0);
		assert_ok!(CreditRecords::log_access(RuntimeOrigin::signed(AGENT), ALICE));
		System::assert_last_event(
			Event::ProfileAccessed { subject: ALICE, institution: AGENT }.into(),
		);
		// Only while it lasts.
		advance(30 * DAY);
		assert_noop!(
			CreditRecords::log_access(RuntimeOrigin::signed(AGENT), ALICE),
			Error::<Test>::NoValidGrant
		);
		assert!(!CreditRecords::grants_of(&ALICE)[0].active);
		// Removing the agent ends its access at once.
		assert_ok!(CreditRecords::grant_collection_access(&ALICE, &AGENT, CASE, now() + DAY));
		assert_ok!(CreditRecords::log_access(RuntimeOrigin::signed(AGENT), ALICE));
		assert_ok!(CreditRecords::remove_verifier(RuntimeOrigin::root(), AGENT));
		assert_noop!(
			CreditRecords::log_access(RuntimeOrigin::signed(AGENT), ALICE),
			Error::<Test>::NoValidGrant
		);
		// Re-admitting it (later) does not revive the grant it held before.
		advance(1);
		admit_agent();
		assert_noop!(
			CreditRecords::log_access(RuntimeOrigin::signed(AGENT), ALICE),
			Error::<Test>::NoValidGrant
		);
		CreditRecords::end_collection_access(&ALICE, &AGENT, CASE);
		System::assert_last_event(
			Event::CollectionAccessEnded { owner: ALICE, agent: AGENT, case: CASE }.into(),
		);
		assert!(CollectionGrants::<Test>::iter_prefix((ALICE,)).next().is_none());
		// Ending what does not exist is a no-op.
		let events = System::events().len();
		CreditRecords::end_collection_access(&ALICE, &AGENT, CASE);
		assert_eq!(System::events().len(), events);
	});
}

#[test]
fn only_an_admitted_agent_gets_access_and_it_attests_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		verified_individual(ALICE);
		assert_noop!(
			CreditRecords::grant_collection_access(&ALICE, &AGENT, CASE, now() + DAY),
			Error::<Test>::NotVerifier
		);
		admit_agent();
		assert_noop!(
			CreditRecords::grant_collection_access(&ALICE, &AGENT, CASE, now()),
			Error::<Test>::GrantExpiryNotInFuture
		);
		assert_noop!(
			CreditRecords::grant_collection_access(&ALICE, &AGENT, CASE, now() + 366 * DAY),
			Error::<Test>::GrantTooLong
		);
		assert_noop!(
			CreditRecords::attest(
				RuntimeOrigin::signed(AGENT),
				ALICE,
				ClaimKind::IncomeVerified,
				docs(3),
				now() + DAY,
				None,
			),
			Error::<Test>::ClaimNotAllowed
		);
	});
}
