//! Collection of defaulted credit lines (issue 13, item 4): the line's source assigns an agent,
//! who sees the enterprise's contact file while the line is owed and pays what it recovers.

use super::*;
use xindai_primitives::{
	collection::CollectionCase,
	credit::{CreditProduct, VerifierKind},
	testing::{admit_verifier, collection_grants},
};

const AGENT: AccountId = CHARLIE;
const OTHER_AGENT: AccountId = OWNER;

fn case(id: LineId) -> CollectionCase {
	CollectionCase { product: CreditProduct::SmeFinance, id }
}

/// A line of `source` with its first tranche drawn, marked in default 120 days on.
fn defaulted(pool: bool) -> LineId {
	let id = if pool { pool_line() } else { financier_line() };
	first_tranche(id);
	travel_to(START + 120 * DAY);
	assert_ok!(SmeFinance::mark_line_default(RuntimeOrigin::signed(MALLORY), id));
	admit_verifier(AGENT, VerifierKind::CollectionAgent);
	admit_verifier(OTHER_AGENT, VerifierKind::CollectionAgent);
	id
}

#[test]
fn the_financier_assigns_an_agent_whose_recovery_reaches_it() {
	run_test(|| {
		let id = defaulted(false);
		assert_noop!(
			SmeFinance::assign_line_collector(RuntimeOrigin::signed(MALLORY), id, AGENT),
			Error::<Test>::NotLineSource
		);
		// The underwriter speaks for a pool line, not for a financier's.
		assert_noop!(
			SmeFinance::assign_line_collector(RuntimeOrigin::signed(UNDERWRITER), id, AGENT),
			Error::<Test>::NotLineSource
		);
		assert_noop!(
			SmeFinance::assign_line_collector(RuntimeOrigin::signed(DAVE), id, MALLORY),
			Error::<Test>::NotCollectionAgent
		);
		assert_ok!(SmeFinance::assign_line_collector(RuntimeOrigin::signed(DAVE), id, AGENT));
		let until = START + 120 * DAY + 90 * DAY;
		assert_eq!(
			last_event(),
			Event::LineCollectorAssigned { line: id, agent: AGENT, access_until: until }
		);
		assert_eq!(collection_grants().get(&(EVE, AGENT, case(id))), Some(&until));
		// The agent pays what it recovered; the financier receives it.
		mint(USDX, AGENT, 1_000 * DOLLAR);
		let dave = balance(USDX, DAVE);
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(AGENT), id, 500 * DOLLAR));
		assert_eq!(balance(USDX, DAVE) - dave, 500 * DOLLAR);
		assert!(sme_events().contains(&Event::LineCollectionRecovered {
			line: id,
			agent: AGENT,
			amount: 500 * DOLLAR,
			recovered: 500 * DOLLAR,
		}));
		// Replacing the agent ends the first one's access.
		assert_ok!(SmeFinance::assign_line_collector(RuntimeOrigin::signed(DAVE), id, OTHER_AGENT));
		assert!(!collection_grants().contains_key(&(EVE, AGENT, case(id))));
		assert!(collection_grants().contains_key(&(EVE, OTHER_AGENT, case(id))));
		assert_eq!(crate::LineCollections::<Test>::get(id).unwrap().recovered, 0);
		// Paying the line off ends the access with the line.
		let owed = crate::Lines::<Test>::get(id).unwrap().outstanding.total();
		assert_ok!(SmeFinance::repay_line(RuntimeOrigin::signed(EVE), id, owed * 2));
		assert!(crate::Lines::<Test>::get(id).is_none());
		assert!(crate::LineCollections::<Test>::get(id).is_none());
		assert!(collection_grants().is_empty());
	});
}

#[test]
fn the_underwriter_assigns_the_agent_of_a_pool_line_once_it_defaulted() {
	run_test(|| {
		let id = pool_line();
		first_tranche(id);
		admit_verifier(AGENT, VerifierKind::CollectionAgent);
		assert_noop!(
			SmeFinance::assign_line_collector(RuntimeOrigin::signed(UNDERWRITER), id, AGENT),
			Error::<Test>::WrongLineStatus
		);
		assert_noop!(
			SmeFinance::assign_line_collector(RuntimeOrigin::signed(UNDERWRITER), 99, AGENT),
			Error::<Test>::LineNotFound
		);
		let id = defaulted(true);
		assert_noop!(
			SmeFinance::assign_line_collector(RuntimeOrigin::signed(EVE), id, AGENT),
			Error::<Test>::NotLineSource
		);
		assert_ok!(SmeFinance::assign_line_collector(
			RuntimeOrigin::signed(UNDERWRITER),
			id,
			AGENT
		));
		assert!(collection_grants().contains_key(&(EVE, AGENT, case(id))));
		// Renewing the same agent counts; after three renewals another agent must take over.
		for renewals in 1..=3 {
			assert_ok!(SmeFinance::assign_line_collector(
				RuntimeOrigin::signed(UNDERWRITER),
				id,
				AGENT
			));
			assert_eq!(crate::LineCollections::<Test>::get(id).unwrap().renewals, renewals);
		}
		assert_noop!(
			SmeFinance::assign_line_collector(RuntimeOrigin::signed(UNDERWRITER), id, AGENT),
			Error::<Test>::RenewalsExhausted
		);
		// Nor does switching agents reset the count.
		admit_verifier(OTHER_AGENT, VerifierKind::CollectionAgent);
		assert_noop!(
			SmeFinance::assign_line_collector(RuntimeOrigin::signed(UNDERWRITER), id, OTHER_AGENT),
			Error::<Test>::RenewalsExhausted
		);
	});
}
