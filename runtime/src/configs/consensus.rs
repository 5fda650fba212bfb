//! Consensus: who authors blocks (Aura), who finalizes them (GRANDPA), and how that set and its
//! keys change (`pallet-session` over the `ValidatorSet` membership).
//!
//! # Roles
//!
//! - **Validators** are accounts in `ValidatorSet` (a `pallet-membership` instance, at most
//!   [`MaxValidators`]). Only root — a referendum on the root track — adds, removes, swaps or
//!   resets them: the validator set is the chain's security.
//! - **Session keys** are what a validator's node signs with: an sr25519 key for Aura and an
//!   ed25519 key for GRANDPA ([`crate::opaque::SessionKeys`]). A member registers them with
//!   `session.setKeys(keys, proof)`, signed by its account; `proof` is both keys' signatures of
//!   that account id, so nobody can register keys they do not hold (or someone else's). Only
//!   members may register ([`MemberValidatorId`]), so nobody else stores keys; registering holds
//!   [`KeyDeposit`]; `session.purgeKeys` returns it (removed members can still purge). No proxy
//!   type but `Any` may make either call (see `proxy`).
//! - **Members cannot hand their seat over**: `validatorSet.changeKey` is refused to every signed
//!   origin (`NoSeatHandOver`), so a stolen member key cannot move the seat.
//!
//! # Lifecycle
//!
//! Sessions last [`SessionPeriod`] blocks (an hour; 10 blocks with `fast-runtime`). At the end of
//! session `n`, [`ValidatorsWithKeys`] proposes the set for session `n + 2`: the members that have
//! registered keys. A change made during session `n` — a member added or removed, a key rotated —
//! is therefore active at most two sessions later; until then the old keys keep signing, so a
//! rotation has no gap. Aura's and GRANDPA's authorities are never emptied: when no member has
//! keys, [`ValidatorsWithKeys`] proposes no change and they keep the current ones. (So purging
//! the keys of the last validators with keys revokes nothing: replace a compromised key with
//! `setKeys`, never with `purgeKeys`.)
//!
//! GRANDPA finalizes with more than two thirds of the votes: with three validators or fewer,
//! one that is offline (or registered keys its node does not hold) stops finality, and a stalled
//! GRANDPA applies no set change until root calls `grandpa.noteStalled`. Run at least four.
//!
//! # Rotating a key (or replacing a lost one)
//!
//! 1. On the validator's node (unsafe RPC, so from the node's own machine):
//!    `author_rotateKeysWithOwner(<the SCALE-encoded validator account id>)` generates new keys
//!    in the node's keystore and returns `{ keys, proof }`.
//! 2. From the validator's account: `session.setKeys(keys, proof)`.
//! 3. Two sessions later Aura and GRANDPA use the new keys. A lost session key needs nothing more
//!    (the account, a different key, is not lost); a lost account is replaced by root: remove it
//!    from `ValidatorSet`, add the new account, which sets its keys.
//!
//! No migration is needed for any of this. (A chain already running without `pallet-session`
//! would need one that registers the current Aura/GRANDPA authorities as session keys; there is
//! none yet.)

use alloc::vec::Vec;
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use pallet_session::SessionManager;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::Convert;

use super::deposit;
use crate::{
	opaque::SessionKeys, AccountId, Balance, Balances, BlockNumber, Runtime, RuntimeEvent, HOURS,
	SLOT_DURATION,
};

/// A session's number (`sp_staking::SessionIndex`).
type SessionIndex = u32;

/// The most validators: what Aura and GRANDPA accept as authorities.
pub type MaxValidators = ConstU32<32>;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxValidators;
	type AllowMultipleBlocksPerSlot = super::MultipleBlocksPerSlot;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

#[cfg(not(xindai_parachain))]
impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxValidators;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No staking: an equivocation could be proven against a session key's owner, but there is
	// nothing to slash, so none is reported.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

/// The validator set's membership instance.
pub type ValidatorSetInstance = pallet_membership::Instance3;

impl pallet_membership::Config<ValidatorSetInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type SwapOrigin = EnsureRoot<AccountId>;
	type ResetOrigin = EnsureRoot<AccountId>;
	type PrimeOrigin = EnsureRoot<AccountId>;
	/// Sessions read the members when they rotate; nothing else needs telling.
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = MaxValidators;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A session lasts an hour (10 blocks with `fast-runtime`, so tests see rotations).
	pub const SessionPeriod: BlockNumber =
		if cfg!(feature = "fast-runtime") { 10 } else { HOURS };
	/// Sessions start at block 0.
	pub const SessionOffset: BlockNumber = 0;
	/// Held while session keys are registered: the keys (`NextKeys`) and an owner record per key
	/// (`KeyOwner`), three records of about 260 bytes in all, cost what any other stored record
	/// does.
	pub const KeyDeposit: Balance = deposit(3, 260);
}

/// An account's validator id: the account itself, if it is a member of `ValidatorSet`. Only
/// members register session keys.
pub struct MemberValidatorId;

impl Convert<AccountId, Option<AccountId>> for MemberValidatorId {
	fn convert(who: AccountId) -> Option<AccountId> {
		let members = pallet_membership::Members::<Runtime, ValidatorSetInstance>::get();
		members.binary_search(&who).is_ok().then_some(who)
	}
}

/// The validators of the next session: the members of `ValidatorSet` that have registered
/// session keys, or no change (`None`) when that is the current set or would be empty.
pub struct ValidatorsWithKeys;

impl ValidatorsWithKeys {
	/// The members with keys, in the membership's (sorted) order.
	fn members_with_keys() -> Vec<AccountId> {
		pallet_membership::Members::<Runtime, ValidatorSetInstance>::get()
			.into_iter()
			.filter(|member| pallet_session::NextKeys::<Runtime>::contains_key(member))
			.collect()
	}
}

impl SessionManager<AccountId> for ValidatorsWithKeys {
	fn new_session(_new_index: SessionIndex) -> Option<Vec<AccountId>> {
		let next = Self::members_with_keys();
		(!next.is_empty() && next != pallet_session::Validators::<Runtime>::get()).then_some(next)
	}

	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<AccountId>> {
		let first = Self::members_with_keys();
		(!first.is_empty()).then_some(first)
	}

	fn end_session(_end_index: SessionIndex) {}

	fn start_session(_start_index: SessionIndex) {}
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = MemberValidatorId;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = ValidatorsWithKeys;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// Nobody is disabled: there are no offences without staking.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = KeyDeposit;
}

#[cfg(test)]
mod tests {
	use super::*;
	#[cfg(not(xindai_parachain))]
	use crate::Grandpa;
	use crate::{
		genesis_config_presets::tests::genesis_of, Aura, RuntimeOrigin, Session, ValidatorSet,
	};
	use codec::Encode;
	use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
	#[cfg(not(xindai_parachain))]
	use sp_keyring::Ed25519Keyring;
	use sp_keyring::Sr25519Keyring;
	use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
	use sp_runtime::DispatchError;

	/// The `local` genesis (Alice and Bob validate), with a keystore for generating keys.
	fn local() -> sp_io::TestExternalities {
		let mut ext = genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET);
		ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
		ext
	}

	fn account(who: Sr25519Keyring) -> AccountId {
		who.to_account_id()
	}

	/// What `author_rotateKeysWithOwner` does on a node: new keys, and their proof for `owner`.
	fn new_keys_for(owner: &AccountId) -> (SessionKeys, Vec<u8>) {
		let generated = SessionKeys::generate(&owner.encode(), None);
		(generated.keys, generated.proof.encode())
	}

	fn aura_keys() -> Vec<AuraId> {
		pallet_aura::Authorities::<Runtime>::get().into_inner()
	}

	#[cfg(not(xindai_parachain))]
	fn grandpa_keys() -> Vec<sp_consensus_grandpa::AuthorityId> {
		Grandpa::grandpa_authorities().into_iter().map(|(key, _)| key).collect()
	}

	/// Ends `n` sessions, as their last blocks' initialisation would.
	fn rotate(n: u32) {
		for _ in 0..n {
			Session::rotate_session();
		}
	}

	/// Applies GRANDPA's scheduled change (it takes effect in a block's finalisation).
	#[cfg(not(xindai_parachain))]
	fn finalize_grandpa_change() {
		use frame_support::traits::OnFinalize;
		let now = frame_system::Pallet::<Runtime>::block_number();
		Grandpa::on_finalize(now);
	}

	#[test]
	fn genesis_authorities_are_the_validator_sets_session_keys() {
		local().execute_with(|| {
			let (alice, bob) = (account(Sr25519Keyring::Alice), account(Sr25519Keyring::Bob));
			let mut validators = vec![alice.clone(), bob.clone()];
			validators.sort();
			assert_eq!(Session::validators(), validators);
			assert_eq!(
				pallet_membership::Members::<Runtime, ValidatorSetInstance>::get().into_inner(),
				validators
			);
			let mut aura = aura_keys();
			aura.sort();
			let mut expected: Vec<AuraId> =
				vec![Sr25519Keyring::Alice.public().into(), Sr25519Keyring::Bob.public().into()];
			expected.sort();
			assert_eq!(aura, expected);
			#[cfg(not(xindai_parachain))]
			{
				assert!(grandpa_keys().contains(&Ed25519Keyring::Alice.public().into()));
				assert!(grandpa_keys().contains(&Ed25519Keyring::Bob.public().into()));
			}
			assert_eq!(Aura::slot_duration(), crate::SLOT_DURATION);
		});
	}

	#[test]
	fn a_validator_rotates_its_keys_and_they_sign_two_sessions_later() {
		local().execute_with(|| {
			let alice = account(Sr25519Keyring::Alice);
			let old_aura: AuraId = Sr25519Keyring::Alice.public().into();
			let (keys, proof) = new_keys_for(&alice);
			let free_before = Balances::free_balance(&alice);
			assert_ok!(Session::set_keys(
				RuntimeOrigin::signed(alice.clone()),
				keys.clone(),
				proof
			));
			// Replacing registered keys holds no deposit: the record already exists (genesis keys
			// hold none; a validator that registered later already holds one).
			assert_eq!(Balances::free_balance(&alice), free_before);

			// Queued at the end of this session, active at the end of the next.
			rotate(1);
			assert!(
				aura_keys().contains(&old_aura),
				"the old key signs until the change is active"
			);
			rotate(1);
			assert!(aura_keys().contains(&keys.aura));
			assert!(!aura_keys().contains(&old_aura));
			#[cfg(not(xindai_parachain))]
			{
				finalize_grandpa_change();
				assert!(grandpa_keys().contains(&keys.grandpa));
				assert!(!grandpa_keys().contains(&Ed25519Keyring::Alice.public().into()));
			}
		});
	}

	#[test]
	fn keys_need_a_proof_of_their_private_keys_for_the_registering_account() {
		local().execute_with(|| {
			let (alice, eve) = (account(Sr25519Keyring::Alice), account(Sr25519Keyring::Eve));
			// Eve copies Alice's freshly registered public keys with Alice's proof: refused.
			let (keys, proof) = new_keys_for(&alice);
			assert_noop!(
				Session::set_keys(RuntimeOrigin::signed(eve.clone()), keys.clone(), proof.clone()),
				pallet_session::Error::<Runtime>::InvalidProof
			);
			// Garbage proofs too.
			assert_noop!(
				Session::set_keys(RuntimeOrigin::signed(alice.clone()), keys.clone(), vec![0; 128]),
				pallet_session::Error::<Runtime>::InvalidProof
			);
			assert_ok!(Session::set_keys(RuntimeOrigin::signed(alice), keys.clone(), proof));
			// Eve, not a member, cannot store keys even with a valid proof of her own.
			let (eve_keys, eve_proof) = new_keys_for(&eve);
			assert_noop!(
				Session::set_keys(
					RuntimeOrigin::signed(eve.clone()),
					eve_keys.clone(),
					eve_proof.clone()
				),
				pallet_session::Error::<Runtime>::NoAssociatedValidatorId
			);
			// Once root admits her, she registers, holding the key deposit.
			assert_ok!(ValidatorSet::add_member(RuntimeOrigin::root(), eve.clone().into()));
			assert_ok!(Session::set_keys(RuntimeOrigin::signed(eve.clone()), eve_keys, eve_proof));
			assert_eq!(
				KeyDeposit::get(),
				Balances::balance_on_hold(
					&crate::RuntimeHoldReason::Session(pallet_session::HoldReason::Keys),
					&eve
				)
			);
		});
	}

	#[test]
	fn only_root_changes_the_validator_set_and_a_member_validates_once_it_has_keys() {
		local().execute_with(|| {
			let charlie = account(Sr25519Keyring::Charlie);
			for origin in [
				RuntimeOrigin::signed(charlie.clone()),
				crate::governance::origins::Origin::RiskAdmin.into(),
				crate::governance::origins::Origin::ReferendumCanceller.into(),
			] {
				assert_noop!(
					ValidatorSet::add_member(origin, charlie.clone().into()),
					DispatchError::BadOrigin
				);
			}
			assert_ok!(ValidatorSet::add_member(RuntimeOrigin::root(), charlie.clone().into()));
			// A member without keys does not validate.
			rotate(3);
			assert_eq!(Session::validators().len(), 2);
			let (keys, proof) = new_keys_for(&charlie);
			assert_ok!(Session::set_keys(
				RuntimeOrigin::signed(charlie.clone()),
				keys.clone(),
				proof
			));
			rotate(2);
			assert!(Session::validators().contains(&charlie));
			assert!(aura_keys().contains(&keys.aura));
			assert_eq!(aura_keys().len(), 3);

			// Root removes Bob: two sessions later he no longer authors.
			let bob = account(Sr25519Keyring::Bob);
			assert_ok!(ValidatorSet::remove_member(RuntimeOrigin::root(), bob.clone().into()));
			rotate(2);
			assert!(!Session::validators().contains(&bob));
			assert!(!aura_keys().contains(&Sr25519Keyring::Bob.public().into()));
		});
	}

	#[test]
	fn the_validator_set_never_becomes_empty() {
		local().execute_with(|| {
			let before = Session::validators();
			assert_ok!(ValidatorSet::reset_members(RuntimeOrigin::root(), vec![]));
			rotate(3);
			assert_eq!(Session::validators(), before);
			assert_eq!(aura_keys().len(), 2);
			// Nor when every member lacks keys.
			let eve = account(Sr25519Keyring::Eve);
			assert_ok!(ValidatorSet::reset_members(RuntimeOrigin::root(), vec![eve]));
			rotate(3);
			assert_eq!(Session::validators(), before);
		});
	}
}
