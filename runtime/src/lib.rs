//! # Xindai runtime
//!
//! The state transition function of the Xindai chain: which pallets exist, how each is
//! configured ([`configs`]), the runtime APIs the node and clients call ([`apis`]) and the
//! genesis presets of dev and test networks ([`genesis_config_presets`]).
//!
//! Pallet indices are explicit and never reused, so that encoded calls and storage stay stable
//! across upgrades: 0–9 consensus and system, 10–19 money (balances, fees, assets), 20–29
//! account tools (utility, multisig, proxy), 30–39 governance (referenda, conviction voting,
//! treasury, risk council), 50–59 credit and lending, 255 sudo (dev/test
//! bootstrap only).
//!
//! # One source, two runtimes
//!
//! The same source builds two runtimes, each its own package with its own wasm file:
//!
//! | package | consensus | node | wasm |
//! |---|---|---|---|
//! | `xindai-runtime` (`runtime/`) | Aura + GRANDPA, standalone | `xindai-node` | `xindai_runtime.wasm` |
//! | `xindai-parachain-runtime` (`runtime/parachain/`) | Aura + Cumulus, finality from the relay | `polkadot-omni-node` | `xindai_parachain_runtime.wasm` |
//!
//! The parachain package's manifest points at this very `lib.rs` and at the same build script,
//! which sets `cfg(xindai_parachain)` for it. Everything but consensus — every pallet, its
//! index, its `Config`, the governance tracks, the runtime APIs of the four domain pallets, the
//! genesis presets' domain content — is therefore written once and cannot drift between the two.
//! What differs is behind `cfg(xindai_parachain)` and gathered in few places: the pallet list
//! below, [`configs::consensus`] (GRANDPA or nothing), [`configs::parachain`] (Cumulus), the
//! transaction extensions, block weights, the consensus runtime APIs and the session keys.
//!
//! Why not one package with a `parachain` feature: cargo unifies features across a workspace,
//! so building the node (standalone) and the parachain wasm in one `cargo build` would give the
//! node a runtime with the parachain pieces — whose weight-reclaim extension calls a host
//! function the standalone node does not have — and both builds would write the same wasm file.
//! Why not two crates over a shared configuration crate (Centrifuge's and Acala's way): a
//! `Config` implementation must live in the crate that declares `Runtime`, so each of those
//! runtimes repeats its configuration blocks; here none is repeated.
//!
//! Collators are the standalone chain's validators by another name: the members of
//! `ValidatorSet` that registered session keys, changed only by root (a referendum). A credit
//! chain's block producers are accredited operators, and on a parachain they need no economic
//! security (the relay's validators check every block), so `pallet-collator-selection`'s open
//! candidacy with bonds would add an attack surface and a second governance path for nothing.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`runtime` generate large enums and recursion.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

// Declared first: its `define_benchmarks!` macros are used by `apis`.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod governance;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{generic, impl_opaque_keys};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;
pub use xindai_primitives::{
	AccountId, Address, AssetId, Balance, BlockNumber, Hash, Header, Moment, Nonce, Signature,
	MICRO_XDI, MILLI_XDI, XDI, XDI_DECIMALS,
};

/// Opaque types: what the node needs to know of the chain without knowing the runtime.
pub mod opaque {
	use super::*;

	pub use xindai_primitives::opaque::{Block, UncheckedExtrinsic};

	#[cfg(not(xindai_parachain))]
	impl_opaque_keys! {
		/// The session keys of a validator: one for block production, one for finality.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}

	#[cfg(xindai_parachain)]
	impl_opaque_keys! {
		/// The session keys of a collator: block production only (the relay chain finalizes).
		pub struct SessionKeys {
			pub aura: Aura,
		}
	}
}

// A fast-runtime wasm has governance periods of a few blocks: it must never be what a real
// chain upgrades to. Its distinct `spec_name` makes `system.setCode` refuse it on a production
// chain (`InvalidSpecName`), and the release build for on-chain upgrades refuses to compile it.
#[cfg(all(feature = "fast-runtime", feature = "on-chain-release-build"))]
compile_error!(
	"the `fast-runtime` feature (governance periods of a few blocks) is for tests only and cannot \
	 be combined with `on-chain-release-build`"
);

/// Declares [`VERSION`] with the given `spec_name`: everything else is the same in both builds.
/// (`tt`, not `literal`: `#[runtime_version]` reads the literal itself, not a macro fragment.)
macro_rules! runtime_version_named {
	($spec_name:tt) => {
		/// The runtime's version: wallets and nodes use it to know how to talk to the chain.
		#[runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: Cow::Borrowed($spec_name),
			impl_name: Cow::Borrowed("xindai"),
			authoring_version: 1,
			// Bump on every change of the runtime's logic; `transaction_version` on every change
			// of call encodings or transaction extensions.
			spec_version: 106,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}

#[cfg(all(not(feature = "fast-runtime"), not(xindai_parachain)))]
runtime_version_named!("xindai");
// The fast runtime's distinct name: no production chain accepts it as an upgrade.
#[cfg(all(feature = "fast-runtime", not(xindai_parachain)))]
runtime_version_named!("xindai-fast-runtime");
// The parachain's own names: neither chain accepts the other's wasm as an upgrade.
#[cfg(all(not(feature = "fast-runtime"), xindai_parachain))]
runtime_version_named!("xindai-parachain");
#[cfg(all(feature = "fast-runtime", xindai_parachain))]
runtime_version_named!("xindai-parachain-fast-runtime");

/// Target block time. Aura authors one block per slot of this length.
///
/// It cannot change once the chain runs: Aura derives slots from timestamps.
pub const MILLISECS_PER_BLOCK: u64 = 6_000;

/// The Aura slot: one block per slot.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

/// Blocks per minute, hour and day at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// The transaction extensions: checks and payments applied to every signed transaction.
///
/// `CheckMetadataHash` lets offline signers (e.g. hardware wallets) prove which metadata they
/// decoded the call with; the node compiles the real hash in with the `metadata-hash` feature.
#[cfg(not(xindai_parachain))]
pub type TxExtension = TxChecks;

/// The transaction extensions of the parachain: the same checks, inside Cumulus' weight
/// reclaim, which also corrects the proof size a transaction really used (a host function that
/// omni-node provides and the standalone node does not).
#[cfg(xindai_parachain)]
pub type TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim<Runtime, TxChecks>;

/// The checks both chains apply to every signed transaction, in this order, followed by the
/// given extensions (the types, written once for both runtimes).
macro_rules! tx_checks_then {
	($($last:ty),*) => {
		(
			frame_system::CheckNonZeroSender<Runtime>,
			frame_system::CheckSpecVersion<Runtime>,
			frame_system::CheckTxVersion<Runtime>,
			frame_system::CheckGenesis<Runtime>,
			frame_system::CheckEra<Runtime>,
			frame_system::CheckNonce<Runtime>,
			frame_system::CheckWeight<Runtime>,
			pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
			frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
			$($last,)*
		)
	};
}

/// The checks of every signed transaction; the standalone chain reclaims unused weight last.
#[cfg(not(xindai_parachain))]
pub type TxChecks = tx_checks_then!(frame_system::WeightReclaim<Runtime>);

/// The checks of every signed transaction (the parachain reclaims weight in [`TxExtension`]'s
/// wrapper instead of `frame_system::WeightReclaim`).
#[cfg(xindai_parachain)]
pub type TxChecks = tx_checks_then!();

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// Migrations to run on the next runtime upgrade, beyond those the pallets declare: each is
/// versioned, so it runs once and is a no-op on a chain already migrated.
#[allow(unused_parens)]
type Migrations = (pallet_credit_records::migrations::v1::MigrateV0ToV1<Runtime>,);

/// Executive: dispatches to the pallets and runs the block lifecycle.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// Declares `Runtime` with every pallet both chains share, and the given consensus pallets.
/// (`#[frame_support::runtime]` resolves every pallet's crate even under a false `#[cfg]`, so
/// the two lists of consensus pallets are handed in from two `cfg`'d calls.)
///
/// Hooks, inherents and genesis run in the order of the pallet *indices* (the macro sorts by
/// them), not of the declarations: on the parachain, Timestamp (1) and Aura (2) initialise before
/// ParachainSystem (6), whose consensus hook reads the slot Aura set, and AuraExt (8) copies
/// Aura's genesis authorities after Session (5) has set them.
macro_rules! compose_runtime {
	($($consensus:tt)*) => {
		#[frame_support::runtime]
		mod runtime {
			#[runtime::runtime]
			#[runtime::derive(
				RuntimeCall,
				RuntimeEvent,
				RuntimeError,
				RuntimeOrigin,
				RuntimeFreezeReason,
				RuntimeHoldReason,
				RuntimeSlashReason,
				RuntimeLockId,
				RuntimeTask,
				RuntimeViewFunction
			)]
			pub struct Runtime;

			#[runtime::pallet_index(0)]
			pub type System = frame_system;

			#[runtime::pallet_index(1)]
			pub type Timestamp = pallet_timestamp;

			#[runtime::pallet_index(2)]
			pub type Aura = pallet_aura;

			$($consensus)*

			#[runtime::pallet_index(10)]
			pub type Balances = pallet_balances;

			// Built at genesis before Balances (indices order genesis): the session genesis
			// finds the validator accounts without a provider yet and gives each a provider
			// reference instead of a consumer one (pallet-session's fallback). Hooks do not depend
			// on the order: keys a session hands to Aura and GRANDPA apply from the next block.
			#[runtime::pallet_index(4)]
			pub type ValidatorSet = pallet_membership<Instance3>;

			#[runtime::pallet_index(5)]
			pub type Session = pallet_session;

			#[runtime::pallet_index(11)]
			pub type TransactionPayment = pallet_transaction_payment;

			#[runtime::pallet_index(12)]
			pub type Assets = pallet_assets;

			#[runtime::pallet_index(20)]
			pub type Utility = pallet_utility;

			#[runtime::pallet_index(21)]
			pub type Multisig = pallet_multisig;

			#[runtime::pallet_index(22)]
			pub type Proxy = pallet_proxy;

			#[runtime::pallet_index(30)]
			pub type Scheduler = pallet_scheduler;

			#[runtime::pallet_index(31)]
			pub type Preimage = pallet_preimage;

			#[runtime::pallet_index(32)]
			pub type Referenda = pallet_referenda;

			#[runtime::pallet_index(33)]
			pub type ConvictionVoting = pallet_conviction_voting;

			#[runtime::pallet_index(34)]
			pub type Origins = governance::origins::pallet_custom_origins;

			#[runtime::pallet_index(35)]
			pub type Treasury = pallet_treasury;

			#[runtime::pallet_index(36)]
			pub type RiskCouncil = pallet_collective<Instance1>;

			#[runtime::pallet_index(37)]
			pub type RiskCouncilMembership = pallet_membership<Instance1>;

			#[runtime::pallet_index(40)]
			pub type Oracle = pallet_oracle;

			#[runtime::pallet_index(41)]
			pub type OracleMembership = pallet_membership<Instance2>;

			#[runtime::pallet_index(50)]
			pub type CreditRecords = pallet_credit_records;

			#[runtime::pallet_index(51)]
			pub type LiquidityPools = pallet_liquidity_pools;

			#[runtime::pallet_index(52)]
			pub type P2pLoans = pallet_p2p_loans;

			#[runtime::pallet_index(53)]
			pub type SmeFinance = pallet_sme_finance;

			#[runtime::pallet_index(255)]
			pub type Sudo = pallet_sudo;
		}
	};
}

#[cfg(not(xindai_parachain))]
compose_runtime! {
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
}

// The parachain's Cumulus pallets (see `configs::parachain`).
#[cfg(xindai_parachain)]
compose_runtime! {
	#[runtime::pallet_index(6)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;

	#[runtime::pallet_index(7)]
	pub type ParachainInfo = staging_parachain_info;

	#[runtime::pallet_index(8)]
	pub type AuraExt = cumulus_pallet_aura_ext;

	#[runtime::pallet_index(9)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;

	#[runtime::pallet_index(13)]
	pub type MessageQueue = pallet_message_queue;
}

// The parachain's validation entry point: how relay-chain validators execute a block of ours.
#[cfg(xindai_parachain)]
cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}
