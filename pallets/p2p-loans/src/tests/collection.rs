//! Collection agents (issue 13, item 4): lenders holding a majority of a defaulted loan assign
//! one; it sees the borrower's contact file for a while and pays what it recovers through
//! `repay`.

use super::*;
use xindai_primitives::{
	collection::CollectionCase,
	credit::{CreditProduct, VerifierKind},
	testing::{admit_verifier, collection_grants},
	Moment,
};

const AGENT: AccountId = EVE;
const OTHER_AGENT: AccountId = OWNER;
const ACCESS: Moment = 90 * DAY;

fn case(id: LoanId) -> CollectionCase {
	CollectionCase { product: CreditProduct::P2pLoans, id: id.into() }
}

/// Bob's uncollateralised 1,000 USDX loan, funded 600 by Alice, 300 by Charlie, 100 by Dave,
/// and marked in default 120 days on; both agents admitted.
fn defaulted() -> LoanId {
	let id = bob_requests_with(RepaymentKind::Amortising, None);
	for (lender, amount) in [(ALICE, 600), (CHARLIE, 300), (DAVE, 100)] {
		assert_ok!(P2pLoans::fund(RuntimeOrigin::signed(lender), id, amount * DOLLAR));
	}
	admit_verifier(AGENT, VerifierKind::CollectionAgent);
	admit_verifier(OTHER_AGENT, VerifierKind::CollectionAgent);
	advance(120 * DAY);
	assert_ok!(P2pLoans::mark_default(RuntimeOrigin::signed(ALICE), id));
	id
}

#[test]
fn a_majority_assigns_an_agent_whose_recovery_reaches_the_lenders() {
	run_test(|| {
		let id = defaulted();
		// Charlie's 30% is no majority.
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(CHARLIE), id, AGENT));
		assert_eq!(
			last_event(),
			Event::CollectorVoted {
				loan: id,
				lender: CHARLIE,
				agent: AGENT,
				shares: 300 * DOLLAR,
				support: 300 * DOLLAR,
			}
		);
		assert!(crate::Collections::<Test>::get(id).is_none());
		assert!(collection_grants().is_empty());
		// With Alice's 60% it is.
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), id, AGENT));
		let until = Timestamp::get() + ACCESS;
		assert_eq!(
			last_event(),
			Event::CollectorAssigned { loan: id, agent: AGENT, access_until: until }
		);
		assert_eq!(collection_grants().get(&(BOB, AGENT, case(id))), Some(&until));
		assert_eq!(P2pLoans::loan_view(id).unwrap().collection.map(|c| c.agent), Some(AGENT));
		// The agent pays what it recovered through the ordinary repayment path.
		let alice = balance(USDX, ALICE);
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(AGENT), id, 200 * DOLLAR));
		assert!(loan_events().contains(&Event::CollectionRecovered {
			loan: id,
			agent: AGENT,
			amount: 200 * DOLLAR,
			recovered: 200 * DOLLAR,
		}));
		assert!(credit_notes().contains(&CreditNote::Repaid(BOB, 0, 0)));
		assert_ok!(P2pLoans::claim(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(USDX, ALICE) - alice, 120 * DOLLAR);
		// Someone else's payment is not the agent's recovery.
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(BOB), id, DOLLAR));
		assert_eq!(crate::Collections::<Test>::get(id).unwrap().recovered, 200 * DOLLAR);
	});
}

#[test]
fn votes_are_refused_before_default_for_non_agents_and_without_shares() {
	run_test(|| {
		let id = fully_funded();
		admit_verifier(AGENT, VerifierKind::CollectionAgent);
		assert_noop!(
			P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), id, AGENT),
			Error::<Test>::NotDefaulted
		);
		assert_noop!(
			P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), 99, AGENT),
			Error::<Test>::LoanNotFound
		);
		let id = defaulted();
		assert_noop!(
			P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), id, DAVE),
			Error::<Test>::NotCollectionAgent
		);
		assert_noop!(
			P2pLoans::vote_collector(RuntimeOrigin::signed(BOB), id, AGENT),
			Error::<Test>::InsufficientShares
		);
	});
}

#[test]
fn a_new_majority_replaces_the_agent_and_its_access() {
	run_test(|| {
		let id = defaulted();
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), id, AGENT));
		assert_eq!(crate::Collections::<Test>::get(id).unwrap().agent, AGENT);
		// Alice changes her mind: her 60% moves to the other agent.
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), id, OTHER_AGENT));
		assert_eq!(crate::Collections::<Test>::get(id).unwrap().agent, OTHER_AGENT);
		assert!(crate::CollectorSupport::<Test>::get(id, AGENT).is_none());
		assert!(!collection_grants().contains_key(&(BOB, AGENT, case(id))));
		assert!(collection_grants().contains_key(&(BOB, OTHER_AGENT, case(id))));
		// Voting again for the assigned agent while its access lasts changes nothing.
		let events = loan_events().len();
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(DAVE), id, OTHER_AGENT));
		assert_eq!(loan_events().len(), events + 1);
		// After the access expired, a majority vote renews it.
		advance(ACCESS);
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), id, OTHER_AGENT));
		let until = Timestamp::get() + ACCESS;
		assert_eq!(
			last_event(),
			Event::CollectorAssigned { loan: id, agent: OTHER_AGENT, access_until: until }
		);
		assert_eq!(collection_grants().get(&(BOB, OTHER_AGENT, case(id))), Some(&until));
		// Four access periods per debt in all (a year), whoever the agent: the change of agent
		// and this renewal were two, one more, then neither agent gets access again.
		assert_eq!(crate::Collections::<Test>::get(id).unwrap().renewals, 2);
		advance(ACCESS);
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), id, OTHER_AGENT));
		assert_eq!(crate::Collections::<Test>::get(id).unwrap().renewals, 3);
		advance(ACCESS);
		assert_noop!(
			P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), id, OTHER_AGENT),
			Error::<Test>::RenewalsExhausted
		);
		assert_noop!(
			P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), id, AGENT),
			Error::<Test>::RenewalsExhausted
		);
	});
}

#[test]
fn sold_shares_take_their_weight_from_the_sellers_vote() {
	run_test(|| {
		let id = defaulted();
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(CHARLIE), id, AGENT));
		assert_ok!(P2pLoans::list_shares(RuntimeOrigin::signed(CHARLIE), id, 200 * DOLLAR, DOLLAR));
		assert_ok!(P2pLoans::buy_shares(RuntimeOrigin::signed(DAVE), 0, 200 * DOLLAR));
		assert_eq!(crate::CollectorVotes::<Test>::get(id, CHARLIE), Some((AGENT, 100 * DOLLAR)));
		assert_eq!(crate::CollectorSupport::<Test>::get(id, AGENT), Some(100 * DOLLAR));
		// Dave's 300 and Charlie's 100 are 40%: no majority, the shares were not counted twice.
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(DAVE), id, AGENT));
		assert_eq!(crate::CollectorSupport::<Test>::get(id, AGENT), Some(400 * DOLLAR));
		assert!(crate::Collections::<Test>::get(id).is_none());
	});
}

#[test]
fn repaying_in_full_ends_the_access_and_pruning_removes_the_case() {
	run_test(|| {
		let id = defaulted();
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(ALICE), id, AGENT));
		assert_ok!(P2pLoans::vote_collector(RuntimeOrigin::signed(CHARLIE), id, AGENT));
		let payoff = P2pLoans::loan_view(id).unwrap().payoff_today;
		assert_ok!(P2pLoans::repay(RuntimeOrigin::signed(AGENT), id, payoff));
		assert_eq!(crate::Loans::<Test>::get(id).unwrap().status, LoanStatus::Closed);
		assert!(collection_grants().is_empty());
		assert_eq!(crate::Collections::<Test>::get(id).unwrap().recovered, payoff);
		assert_ok!(P2pLoans::prune_loan(RuntimeOrigin::signed(DAVE), id));
		assert_ok!(P2pLoans::prune_loan(RuntimeOrigin::signed(DAVE), id));
		assert!(crate::Loans::<Test>::get(id).is_none());
		assert!(crate::Collections::<Test>::get(id).is_none());
		assert_eq!(crate::CollectorVotes::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(crate::CollectorSupport::<Test>::iter_prefix(id).count(), 0);
	});
}
