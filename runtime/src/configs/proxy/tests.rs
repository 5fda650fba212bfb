//! Tests of the proxy types: each type's verdict over every call of the runtime (built from
//! the metadata) against an independent table, `is_superset` as set inclusion, and dispatches
//! through `pallet-proxy`.

use super::*;
use crate::{AccountId, AllPalletsWithSystem, BuildStorage, Proxy, RuntimeOrigin, XDI};
use alloc::collections::{BTreeMap, BTreeSet};
use codec::Decode;
use frame_support::{
	__private::metadata::RuntimeMetadata,
	assert_ok,
	traits::{GetCallMetadata, PalletsInfoAccess},
};
use scale_info::TypeDef;
use sp_runtime::{DispatchError, DispatchResult, MultiAddress, Permill};

/// Every restricted proxy type, with the letter that names it in [`EXPECTED`].
const RESTRICTED: [(ProxyType, char); 4] = [
	(ProxyType::NonTransfer, 'N'),
	(ProxyType::Lending, 'L'),
	(ProxyType::Governance, 'G'),
	(ProxyType::CancelProxy, 'C'),
];

/// Every proxy type.
const ALL_TYPES: [ProxyType; 5] = [
	ProxyType::Any,
	ProxyType::NonTransfer,
	ProxyType::CancelProxy,
	ProxyType::Lending,
	ProxyType::Governance,
];

/// The pallets of `construct_runtime` that have no calls.
#[cfg(not(xindai_parachain))]
const PALLETS_WITHOUT_CALLS: &[&str] = &["Aura", "TransactionPayment", "Origins"];
#[cfg(xindai_parachain)]
const PALLETS_WITHOUT_CALLS: &[&str] =
	&["Aura", "TransactionPayment", "Origins", "AuraExt", "WeightReclaim"];

/// Pallets none of whose calls any restricted proxy type may make.
const REFUSED_PALLETS: &[&str] = &[
	"Timestamp",
	#[cfg(not(xindai_parachain))]
	"Grandpa",
	// The relay chain's inherent, upgrade and message-queue housekeeping: root's or inherents.
	#[cfg(xindai_parachain)]
	"ParachainSystem",
	#[cfg(xindai_parachain)]
	"ParachainInfo",
	#[cfg(xindai_parachain)]
	"MessageQueue",
	"Balances",
	"Assets",
	"Scheduler",
	"RiskCouncilMembership",
	"OracleMembership",
	"ValidatorSet",
	"Session",
	"Sudo",
];

/// Calls no bytes decode to, so the filter cannot be asked about them: GRANDPA's
/// equivocation reports take a key-ownership proof of type `sp_core::Void` (nothing is slashed
/// for an equivocation without staking). They are in a refused pallet.
#[cfg(not(xindai_parachain))]
const UNDECODABLE: &[(&str, &str)] =
	&[("Grandpa", "report_equivocation"), ("Grandpa", "report_equivocation_unsigned")];
#[cfg(xindai_parachain)]
const UNDECODABLE: &[(&str, &str)] = &[];

/// Every call of every pallet with a call some restricted proxy type may make, with the
/// restricted types that may make it: `N`on-transfer, `L`ending, `G`overnance,
/// `C`ancel-proxy. Written from the pallets' docs, independently of `allowed`. Calls of
/// [`REFUSED_PALLETS`] are refused to every restricted type; `Any` may make every call.
const EXPECTED: &[(&str, &[(&str, &str)])] = &[
	(
		"System",
		&[
			("remark", "N"),
			("set_heap_pages", ""),
			("set_code", ""),
			("set_code_without_checks", ""),
			("set_storage", ""),
			("kill_storage", ""),
			("kill_prefix", ""),
			("remark_with_event", "N"),
			("authorize_upgrade", ""),
			("authorize_upgrade_without_checks", ""),
			("apply_authorized_upgrade", ""),
		],
	),
	(
		"Utility",
		&[
			("batch", "NLGC"),
			("as_derivative", "NLG"),
			("batch_all", "NLGC"),
			("dispatch_as", ""),
			("force_batch", "NLGC"),
			("with_weight", ""),
			("if_else", "NLGC"),
			("dispatch_as_fallible", ""),
		],
	),
	(
		"Multisig",
		&[
			("as_multi_threshold_1", ""),
			("as_multi", ""),
			("approve_as_multi", ""),
			("cancel_as_multi", "N"),
			("poke_deposit", "N"),
		],
	),
	(
		"Proxy",
		&[
			("proxy", ""),
			("add_proxy", "N"),
			("remove_proxy", "N"),
			("remove_proxies", ""),
			("create_pure", "N"),
			("kill_pure", ""),
			("announce", ""),
			("remove_announcement", "N"),
			("reject_announcement", "NC"),
			("proxy_announced", ""),
			("poke_deposit", "N"),
		],
	),
	(
		"Preimage",
		&[
			("note_preimage", "NG"),
			("unnote_preimage", "NG"),
			("request_preimage", ""),
			("unrequest_preimage", ""),
			("ensure_updated", "NG"),
		],
	),
	(
		"Referenda",
		&[
			("submit", "NG"),
			("place_decision_deposit", "NG"),
			("refund_decision_deposit", "NG"),
			("cancel", ""),
			("kill", ""),
			("nudge_referendum", ""),
			("one_fewer_deciding", ""),
			("refund_submission_deposit", "NG"),
			("set_metadata", "NG"),
		],
	),
	(
		"ConvictionVoting",
		&[
			("vote", "NG"),
			("delegate", "NG"),
			("undelegate", "NG"),
			("unlock", "NG"),
			("remove_vote", "NG"),
			("remove_other_vote", "NG"),
		],
	),
	(
		"Treasury",
		&[
			("spend_local", ""),
			("remove_approval", ""),
			("spend", ""),
			("payout", "NG"),
			("check_status", "NG"),
			("void_spend", ""),
		],
	),
	(
		"RiskCouncil",
		&[
			("set_members", ""),
			("execute", "NG"),
			("propose", "NG"),
			("vote", "NG"),
			("disapprove_proposal", ""),
			("close", "NG"),
			("kill", ""),
			("release_proposal_cost", "NG"),
		],
	),
	("Oracle", &[("feed_values", "N")]),
	(
		"CreditRecords",
		&[
			("add_verifier", ""),
			("remove_verifier", ""),
			("register", "NL"),
			("update_documents", "NL"),
			("deregister", "NL"),
			("forget_history", "NL"),
			("accept_person", ""),
			("approve_account", ""),
			("reject_link", "NL"),
			("attest", "N"),
			("revoke_attestation", "N"),
			("force_revoke_attestation", ""),
			("set_tier_table", ""),
			("freeze", ""),
			("unfreeze", ""),
			("grant_access", "NL"),
			("revoke_access", "NL"),
			("log_access", "NL"),
			("raise_flag", "N"),
			("clear_flag", ""),
			("confirm_flag", ""),
			("set_monitor_params", ""),
			("attest_income", "N"),
			("set_capacity_params", ""),
			("set_closed_purposes", ""),
		],
	),
	(
		"LiquidityPools",
		&[
			("create_pool", ""),
			("set_pool_params", ""),
			("pause_pool", ""),
			("unpause_pool", ""),
			("reduce_reserves", ""),
			("set_max_price_age", ""),
			("deposit", "L"),
			("withdraw", "L"),
			("enable_collateral", "L"),
			("disable_collateral", "L"),
			("borrow", "L"),
			("repay", "L"),
			("repay_all", "L"),
			("liquidate", "L"),
			("set_facility_cap", ""),
		],
	),
	(
		"P2pLoans",
		&[
			("create_request", "L"),
			("cancel_request", "NL"),
			("fund", "L"),
			("claim_refund", "NL"),
			("repay", "L"),
			("claim", "NL"),
			("mark_default", "NL"),
			("liquidate", "NL"),
			("list_shares", "L"),
			("cancel_listing", "NL"),
			("prune_loan", "NL"),
			("withdraw_unclaimed", "NL"),
			("notify_overdue", "NL"),
			("vote_collector", "NL"),
			("buy_shares", "L"),
			("set_risk_params", ""),
		],
	),
	(
		"SmeFinance",
		&[
			("file_report", "NL"),
			("attest_report", "N"),
			("apply_credit_line", "L"),
			("approve_credit_line", ""),
			("fund_credit_line", "L"),
			("attest_milestone", "N"),
			("repay_line", "L"),
			("close_line", "NL"),
			("mark_line_default", "NL"),
			("submit_invoice", "NL"),
			("confirm_invoice", "L"),
			("reject_invoice", "NL"),
			("cancel_invoice", "NL"),
			("finance_invoice", "L"),
			("pay_invoice", "L"),
			("claim_recourse", "NL"),
			("repay_recourse", "L"),
			("offer_invoice", "L"),
			("forget_invoice_hash", "NL"),
			("notify_overdue", "NL"),
			("assign_line_collector", "NL"),
			("set_params", ""),
		],
	),
];

/// A pallet as the runtime metadata describes it.
struct MetadataPallet {
	/// Its name in `construct_runtime`.
	name: String,
	/// Its index in `construct_runtime`.
	index: u8,
	/// Its calls' names and indices; empty for a pallet without calls.
	calls: Vec<(String, u8)>,
	/// Whether the metadata lists a call type for it.
	has_calls: bool,
}

/// Every pallet of the runtime's (V14) metadata, with its calls.
fn metadata_pallets() -> Vec<MetadataPallet> {
	// Within externalities: a pallet constant may read storage (the parachain's `SelfParaId`).
	let metadata = sp_io::TestExternalities::default().execute_with(|| Runtime::metadata().1);
	let RuntimeMetadata::V14(metadata) = metadata else {
		panic!("Runtime::metadata() returns V14 metadata");
	};
	metadata
		.pallets
		.iter()
		.map(|pallet| {
			let calls = pallet.calls.as_ref().map(|calls| {
				let ty = metadata.types.resolve(calls.ty.id).expect("call types are registered");
				let TypeDef::Variant(variants) = &ty.type_def else {
					panic!("{}'s call type is not an enum", pallet.name);
				};
				variants.variants.iter().map(|v| (v.name.clone(), v.index)).collect::<Vec<_>>()
			});
			MetadataPallet {
				name: pallet.name.clone(),
				index: pallet.index,
				has_calls: calls.is_some(),
				calls: calls.unwrap_or_default(),
			}
		})
		.collect()
}

/// A call of the runtime.
struct CallEntry {
	/// Its pallet's name.
	pallet: String,
	/// Its name.
	name: String,
	/// The call decoded from its indices and zeroed arguments; `None` if that fails.
	call: Option<RuntimeCall>,
}

/// Every call of the runtime, from the metadata, each built by decoding
/// `[pallet index, call index, 0, 0, …]`.
fn every_call() -> Vec<CallEntry> {
	let mut entries = Vec::new();
	for pallet in metadata_pallets() {
		for (name, index) in pallet.calls {
			let mut bytes = [0u8; 4096];
			bytes[0] = pallet.index;
			bytes[1] = index;
			let call = RuntimeCall::decode(&mut &bytes[..]).ok();
			if let Some(call) = &call {
				let metadata = call.get_call_metadata();
				assert_eq!(
					(metadata.pallet_name, metadata.function_name),
					(pallet.name.as_str(), name.as_str()),
					"indices {}/{index} decode to another call",
					pallet.index,
				);
			}
			entries.push(CallEntry { pallet: pallet.name.clone(), name, call });
		}
	}
	entries
}

/// [`EXPECTED`] by (pallet, call).
fn expected() -> BTreeMap<(String, String), &'static str> {
	let mut expected = BTreeMap::new();
	for (pallet, calls) in EXPECTED {
		assert!(!REFUSED_PALLETS.contains(pallet), "{pallet} is both refused and listed");
		for (call, letters) in *calls {
			assert!(letters.chars().all(|c| "NLGC".contains(c)), "{pallet}.{call}: {letters}");
			assert!(
				expected.insert((pallet.to_string(), call.to_string()), *letters).is_none(),
				"{pallet}.{call} is listed twice"
			);
		}
	}
	expected
}

/// The account of 32 bytes `seed`.
fn account(seed: u8) -> AccountId {
	AccountId::new([seed; 32])
}

fn alice() -> AccountId {
	account(1)
}

fn bob() -> AccountId {
	account(2)
}

fn charlie() -> AccountId {
	account(3)
}

/// Runs `test` on a chain where Alice, Bob and Charlie hold 1,000 XDI each and Bob is
/// Alice's proxy of `proxy_type`, at block 1 (so events are recorded).
fn with_proxy(proxy_type: ProxyType, test: impl FnOnce()) {
	let mut storage = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Runtime> {
		balances: vec![(alice(), 1_000 * XDI), (bob(), 1_000 * XDI), (charlie(), 1_000 * XDI)],
		dev_accounts: None,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		System::set_block_number(1);
		assert_ok!(Proxy::add_proxy(
			RuntimeOrigin::signed(alice()),
			MultiAddress::Id(bob()),
			proxy_type,
			0
		));
		test()
	});
}

/// Bob dispatches `call` as Alice through `Proxy::proxy`.
fn bob_as_alice(call: RuntimeCall) {
	assert_ok!(Proxy::proxy(
		RuntimeOrigin::signed(bob()),
		MultiAddress::Id(alice()),
		None,
		Box::new(call)
	));
}

/// The results of the calls dispatched through proxies so far, in order.
fn proxied_results() -> Vec<DispatchResult> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			crate::RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => {
				Some(result)
			},
			_ => None,
		})
		.collect()
}

/// The events of pallet-utility so far, in order.
fn utility_events() -> Vec<pallet_utility::Event> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			crate::RuntimeEvent::Utility(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// A successful proxied call.
const OK: DispatchResult = Ok(());

/// The error of a call refused by the proxy type's filter.
fn filtered() -> DispatchError {
	frame_system::Error::<Runtime>::CallFiltered.into()
}

/// The result of a proxied call refused by the proxy type's filter.
fn refused() -> DispatchResult {
	Err(filtered())
}

/// A transfer of one XDI to `dest`.
fn transfer_to(dest: AccountId) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(dest),
		value: XDI,
	})
}

/// A remark, which `NonTransfer` allows.
fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark_with_event { remark: b"xindai".to_vec() })
}

#[test]
fn the_encoding_of_proxy_types_is_stable() {
	use codec::Encode;
	for (index, proxy_type) in ALL_TYPES.iter().enumerate() {
		assert_eq!(proxy_type.encode(), [index as u8], "{proxy_type:?}");
		assert_eq!(ProxyType::decode(&mut &[index as u8][..]).ok(), Some(*proxy_type));
	}
	assert!(ProxyType::decode(&mut &[ALL_TYPES.len() as u8][..]).is_err());
	assert_eq!(ProxyType::default(), ProxyType::Any);
}

#[test]
fn every_pallet_of_the_runtime_is_seen() {
	let pallets = metadata_pallets();
	let in_metadata: BTreeSet<&str> = pallets.iter().map(|p| p.name.as_str()).collect();
	let in_runtime: BTreeSet<&str> = AllPalletsWithSystem::infos().iter().map(|p| p.name).collect();
	assert_eq!(in_metadata, in_runtime);
	let with_calls: BTreeSet<&str> =
		pallets.iter().filter(|p| p.has_calls).map(|p| p.name.as_str()).collect();
	let call_enum_pallets: BTreeSet<&str> =
		<RuntimeCall as GetCallMetadata>::get_module_names().iter().copied().collect();
	assert_eq!(with_calls, call_enum_pallets);
	let without_calls: BTreeSet<&str> = in_runtime.difference(&with_calls).copied().collect();
	assert_eq!(without_calls, PALLETS_WITHOUT_CALLS.iter().copied().collect::<BTreeSet<_>>());
	for pallet in pallets.iter().filter(|p| p.has_calls) {
		let names: BTreeSet<&str> = pallet.calls.iter().map(|(name, _)| name.as_str()).collect();
		let from_call_enum: BTreeSet<&str> =
			<RuntimeCall as GetCallMetadata>::get_call_names(&pallet.name)
				.iter()
				.copied()
				.collect();
		assert_eq!(names, from_call_enum, "{}'s calls", pallet.name);
		// `staging-parachain-info` declares an empty call enum (nothing to dispatch).
		let declares_empty_calls = pallet.name == "ParachainInfo";
		assert!(
			!names.is_empty() || declares_empty_calls,
			"{} has a call type without calls",
			pallet.name
		);
	}
	// Every pallet with calls is either classified call by call or refused whole.
	let classified: BTreeSet<&str> =
		EXPECTED.iter().map(|(pallet, _)| *pallet).chain(REFUSED_PALLETS.iter().copied()).collect();
	assert_eq!(classified, with_calls);
	// The pallets without calls really have none.
	for pallet in pallets.iter().filter(|p| !p.has_calls) {
		for call_index in 0..=u8::MAX {
			let mut bytes = [0u8; 4096];
			bytes[0] = pallet.index;
			bytes[1] = call_index;
			assert!(RuntimeCall::decode(&mut &bytes[..]).is_err(), "{} has calls", pallet.name);
		}
	}
}

#[test]
fn every_call_gets_the_expected_verdict_from_every_proxy_type() {
	let expected = expected();
	let mut seen = BTreeSet::new();
	let mut undecodable = BTreeSet::new();
	let mut checked = 0;
	for entry in every_call() {
		let key = (entry.pallet.clone(), entry.name.clone());
		let (pallet, name) = (entry.pallet.as_str(), entry.name.as_str());
		let letters = match expected.get(&key) {
			Some(letters) => *letters,
			None => {
				assert!(
					REFUSED_PALLETS.contains(&pallet),
					"{pallet}.{name} is not classified in EXPECTED"
				);
				""
			},
		};
		let Some(call) = &entry.call else {
			undecodable.insert(key);
			continue;
		};
		assert!(ProxyType::Any.filter(call), "Any refuses {pallet}.{name}");
		for (proxy_type, letter) in RESTRICTED {
			assert_eq!(
				proxy_type.filter(call),
				letters.contains(letter),
				"{proxy_type:?} on {pallet}.{name}"
			);
		}
		seen.insert(key);
		checked += 1;
	}
	for (pallet, name) in expected.keys() {
		assert!(
			seen.contains(&(pallet.clone(), name.clone()))
				|| undecodable.contains(&(pallet.clone(), name.clone())),
			"EXPECTED lists {pallet}.{name}, which the runtime does not have"
		);
	}
	let known: BTreeSet<(String, String)> =
		UNDECODABLE.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect();
	assert_eq!(undecodable, known, "calls that do not decode from zeroed arguments");
	assert!(UNDECODABLE.iter().all(|(pallet, _)| REFUSED_PALLETS.contains(pallet)));
	assert_eq!(seen.len(), checked);
	// A sanity bound: the runtime has about two hundred calls.
	assert!(checked > 150, "only {checked} calls checked");
}

#[test]
fn is_superset_is_inclusion_of_allowed_calls() {
	let calls: Vec<RuntimeCall> = every_call().into_iter().filter_map(|e| e.call).collect();
	for a in ALL_TYPES {
		for b in ALL_TYPES {
			let includes = calls.iter().all(|call| !b.filter(call) || a.filter(call));
			assert_eq!(a.is_superset(&b), includes, "{a:?} ⊇ {b:?}");
		}
	}
	assert!(ProxyType::NonTransfer.is_superset(&ProxyType::Governance));
	assert!(ProxyType::NonTransfer.is_superset(&ProxyType::CancelProxy));
	assert!(!ProxyType::NonTransfer.is_superset(&ProxyType::Lending));
	assert!(!ProxyType::NonTransfer.is_superset(&ProxyType::Any));
	assert!(!ProxyType::Lending.is_superset(&ProxyType::NonTransfer));
}

#[test]
fn non_transfer_refuses_lending_calls_that_move_funds() {
	let calls = [
		RuntimeCall::P2pLoans(pallet_p2p_loans::Call::fund { loan: 0, amount: 1 }),
		RuntimeCall::P2pLoans(pallet_p2p_loans::Call::repay { loan: 0, amount: 1 }),
		RuntimeCall::P2pLoans(pallet_p2p_loans::Call::buy_shares { listing: 0, shares: 1 }),
		RuntimeCall::SmeFinance(pallet_sme_finance::Call::repay_line { line: 0, amount: 1 }),
		RuntimeCall::SmeFinance(pallet_sme_finance::Call::finance_invoice {
			invoice: 0,
			advance_rate: Permill::from_percent(80),
			fee_rate: Permill::from_percent(2),
		}),
		RuntimeCall::LiquidityPools(pallet_liquidity_pools::Call::deposit { asset: 1, amount: 1 }),
		RuntimeCall::LiquidityPools(pallet_liquidity_pools::Call::borrow { asset: 1, amount: 1 }),
	];
	for call in &calls {
		assert!(!ProxyType::NonTransfer.filter(call), "NonTransfer allows {call:?}");
		assert!(!ProxyType::Governance.filter(call), "Governance allows {call:?}");
		assert!(!ProxyType::CancelProxy.filter(call), "CancelProxy allows {call:?}");
		assert!(ProxyType::Lending.filter(call), "Lending refuses {call:?}");
		assert!(ProxyType::Any.filter(call));
	}
}

#[test]
fn only_any_may_transfer_balances_or_assets() {
	let calls = [
		transfer_to(bob()),
		RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: MultiAddress::Id(bob()),
			keep_alive: false,
		}),
		RuntimeCall::Assets(pallet_assets::Call::transfer {
			id: codec::Compact(1),
			target: MultiAddress::Id(bob()),
			amount: 1,
		}),
	];
	for call in &calls {
		assert!(ProxyType::Any.filter(call));
		for (proxy_type, _) in RESTRICTED {
			assert!(!proxy_type.filter(call), "{proxy_type:?} allows {call:?}");
		}
	}
	assert!(ProxyType::NonTransfer.filter(&remark()));
	assert!(!ProxyType::CancelProxy.filter(&remark()));
}

#[test]
fn a_non_transfer_proxy_cannot_batch_a_transfer() {
	with_proxy(ProxyType::NonTransfer, || {
		let (alice_before, bob_before) =
			(Balances::free_balance(alice()), Balances::free_balance(bob()));
		let calls = vec![remark(), transfer_to(bob())];
		bob_as_alice(RuntimeCall::Utility(pallet_utility::Call::batch { calls: calls.clone() }));
		bob_as_alice(RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: calls.clone(),
		}));
		bob_as_alice(RuntimeCall::Utility(pallet_utility::Call::force_batch { calls }));
		bob_as_alice(transfer_to(bob()));

		assert_eq!(Balances::free_balance(alice()), alice_before);
		assert_eq!(Balances::free_balance(bob()), bob_before);
		// `batch` stops at the transfer; `batch_all` fails (and undoes the remark);
		// `force_batch` skips it; the transfer alone is refused.
		assert_eq!(proxied_results(), [OK, refused(), OK, refused()]);
		assert_eq!(
			utility_events(),
			[
				pallet_utility::Event::ItemCompleted,
				pallet_utility::Event::BatchInterrupted { index: 1, error: filtered() },
				pallet_utility::Event::ItemCompleted,
				pallet_utility::Event::ItemFailed { error: filtered() },
				pallet_utility::Event::BatchCompletedWithErrors,
			]
		);
	});
}

#[test]
fn an_any_proxy_can_batch_a_transfer() {
	with_proxy(ProxyType::Any, || {
		let bob_before = Balances::free_balance(bob());
		bob_as_alice(RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![remark(), transfer_to(bob())],
		}));
		assert_eq!(proxied_results(), [OK]);
		assert_eq!(Balances::free_balance(bob()), bob_before + XDI);
	});
}

#[test]
fn a_non_transfer_proxy_cannot_reach_through_a_nested_proxy() {
	with_proxy(ProxyType::NonTransfer, || {
		// Alice may do anything as Charlie; Bob may act only as Alice, without transfers.
		assert_ok!(Proxy::add_proxy(
			RuntimeOrigin::signed(charlie()),
			MultiAddress::Id(alice()),
			ProxyType::Any,
			0
		));
		let charlie_before = Balances::free_balance(charlie());
		bob_as_alice(RuntimeCall::Proxy(pallet_proxy::Call::proxy {
			real: MultiAddress::Id(charlie()),
			force_proxy_type: None,
			call: Box::new(transfer_to(bob())),
		}));
		assert_eq!(proxied_results(), [refused()]);
		assert_eq!(Balances::free_balance(charlie()), charlie_before);
	});
}

#[test]
fn a_non_transfer_proxy_adds_only_proxies_it_is_a_superset_of() {
	with_proxy(ProxyType::NonTransfer, || {
		for proxy_type in ALL_TYPES {
			bob_as_alice(RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: MultiAddress::Id(charlie()),
				proxy_type,
				delay: 0,
			}));
		}
		// Any, NonTransfer, CancelProxy, Lending, Governance.
		assert_eq!(proxied_results(), [refused(), OK, OK, refused(), OK]);
	});
}
