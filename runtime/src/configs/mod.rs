//! Configuration of every pallet in the runtime.
//!
//! Amounts are in planks of XDI (12 decimals). Deposits follow one rule, [`deposit`], so that
//! storing a byte costs the same everywhere.

pub mod consensus;
pub mod lending;
pub mod oracle;
#[cfg(xindai_parachain)]
pub mod parachain;
pub mod proxy;

pub use proxy::ProxyType;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		AsEnsureOriginWithArg, ConstBool, ConstU128, ConstU16, ConstU32, ConstU64, ConstU8,
		Contains, VariantCountOf,
	},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, ConstantMultiplier, IdentityFee, Weight},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot, EnsureSigned,
};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_runtime::{traits::Bounded, FixedPointNumber, Perbill, Perquintill};

use crate::{
	AccountId, AssetId, Aura, Balance, Balances, Block, BlockNumber, Hash, Moment, Nonce,
	PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	RuntimeOrigin, RuntimeTask, System, MICRO_XDI, MILLI_XDI, VERSION, XDI,
};

/// The deposit for storing `items` records of `bytes` bytes in total.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	items as Balance * 100 * MILLI_XDI + (bytes as Balance) * MILLI_XDI
}

/// The share of a block's weight and length that normal (user) transactions may fill; the rest
/// is kept for operational transactions and inherents.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// The most proof a block may need to be validated: unbounded on the standalone chain (nobody
/// else re-executes its blocks from a proof), the relay chain's PoV limit on the parachain.
#[cfg(not(xindai_parachain))]
const MAX_BLOCK_PROOF_SIZE: u64 = u64::MAX;
#[cfg(xindai_parachain)]
const MAX_BLOCK_PROOF_SIZE: u64 = cumulus_primitives_core::relay_chain::MAX_POV_SIZE as u64;

/// The standalone node stores state in ParityDB; polkadot-omni-node defaults to RocksDB, whose
/// reads and writes cost more.
#[cfg(not(xindai_parachain))]
type ChainDbWeight = frame_support::weights::constants::ParityDbWeight;
#[cfg(xindai_parachain)]
type ChainDbWeight = frame_support::weights::constants::RocksDbWeight;

/// What happens on `set_code`: the standalone chain swaps its code at once; the parachain hands
/// the code to the relay chain, which schedules the upgrade.
#[cfg(not(xindai_parachain))]
type ChainSetCode = ();
#[cfg(xindai_parachain)]
type ChainSetCode = cumulus_pallet_parachain_system::ParachainSetCode<Runtime>;

/// Several blocks per Aura slot: the parachain's consensus hook bounds them (velocity 1), and
/// omni-node's dev mode may seal faster than a slot. The standalone chain never does.
#[cfg(not(xindai_parachain))]
type MultipleBlocksPerSlot = ConstBool<false>;
#[cfg(xindai_parachain)]
type MultipleBlocksPerSlot = ConstBool<true>;

/// The least time between blocks: half a slot on the standalone chain (Aura's slot is twice
/// it); none on the parachain, whose block rate the relay chain and the consensus hook set.
#[cfg(not(xindai_parachain))]
const MINIMUM_PERIOD: u64 = crate::SLOT_DURATION / 2;
#[cfg(xindai_parachain)]
const MINIMUM_PERIOD: u64 = 0;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: sp_version::RuntimeVersion = VERSION;
	/// Two seconds of compute per six-second block (and, on the parachain, at most the relay's
	/// PoV limit of proof), `NORMAL_DISPATCH_RATIO` of it for normal transactions and the rest
	/// kept for operational ones; 10 % expected in `on_initialize`. An empty block and each
	/// extrinsic cost what `benchmark overhead` measured for this runtime
	/// ([`crate::weights::block_weights`], [`crate::weights::extrinsic_weights`]).
	pub RuntimeBlockWeights: BlockWeights = {
		let block = Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, MAX_BLOCK_PROOF_SIZE);
		let normal = NORMAL_DISPATCH_RATIO * block;
		BlockWeights::builder()
			.base_block(crate::weights::BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |weights| {
				weights.base_extrinsic = crate::weights::ExtrinsicBaseWeight::get();
			})
			.for_class(DispatchClass::Normal, |weights| {
				weights.max_total = Some(normal);
			})
			.for_class(DispatchClass::Operational, |weights| {
				weights.max_total = Some(block);
				weights.reserved = Some(block.saturating_sub(normal));
			})
			.avg_block_initialization(Perbill::from_percent(10))
			.build_or_panic()
	};
	/// 5 MiB blocks, of which normal transactions may fill `NORMAL_DISPATCH_RATIO`.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	/// The generic Substrate prefix: addresses start with `5`.
	pub const SS58Prefix: u16 = 42;
}

/// What no signed origin may call, whatever its pallet allows: a member of the validator set,
/// the oracle's feeders or the risk council handing its seat to another account (`changeKey`).
/// Those sets are root's to change (see `governance::tracks`), so a member whose key is lost or
/// stolen is replaced by a referendum, not by whoever holds the key. Root is never filtered.
pub struct NoSeatHandOver;

impl Contains<RuntimeCall> for NoSeatHandOver {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(
			call,
			RuntimeCall::ValidatorSet(pallet_membership::Call::change_key { .. })
				| RuntimeCall::OracleMembership(pallet_membership::Call::change_key { .. })
				| RuntimeCall::RiskCouncilMembership(pallet_membership::Call::change_key { .. })
		)
	}
}

#[cfg_attr(
	not(xindai_parachain),
	derive_impl(frame_system::config_preludes::SolochainDefaultConfig)
)]
#[cfg_attr(xindai_parachain, derive_impl(frame_system::config_preludes::ParaChainDefaultConfig))]
impl frame_system::Config for Runtime {
	/// The checks of every signed transaction, benchmarked on this runtime.
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	type OnSetCode = ChainSetCode;
	type BaseCallFilter = NoSeatHandOver;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The database the node stores state in: ParityDB (xindai-node) or RocksDB (omni-node's
	/// default).
	type DbWeight = ChainDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<MINIMUM_PERIOD>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

/// The smallest XDI balance an account may hold; below it the account is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_XDI;

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees rise while blocks are fuller than a quarter (of their normal weight or proof size,
	/// whichever is fuller) and fall back while they are emptier, as polkadot-sdk's relay
	/// chains price congestion.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast: a run of full blocks raises fees by about 2.3% per 100 blocks (10 minutes),
	/// so a day of full blocks multiplies them by about 26.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(3, 10_000);
	/// Empty blocks bring fees down to a tenth of the base, no lower.
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	/// No upper bound: sustained spam pays ever more.
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
	/// Every byte of a transaction is kept by every node for good: 10 µXDI a byte (a
	/// transfer's ~140 bytes cost 1.4 mXDI; a block's normal length, 3.9 MB, 39 XDI at the base
	/// multiplier).
	pub const TransactionByteFee: Balance = 10 * MICRO_XDI;
}

/// The fee multiplier's update after every block.
pub type SlowAdjustingFeeUpdate<R> = TargetedFeeAdjustment<
	R,
	TargetBlockFullness,
	AdjustmentVariable,
	MinimumMultiplier,
	MaximumMultiplier,
>;

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees go to the treasury.
	type OnChargeTransaction = FungibleAdapter<
		Balances,
		frame_support::traits::tokens::imbalance::ResolveTo<
			crate::governance::TreasuryAccount,
			Balances,
		>,
	>;
	type OperationalFeeMultiplier = ConstU8<5>;
	/// One plank per picosecond of weight: a transfer costs about 0.0002 XDI of weight fee.
	type WeightToFee = IdentityFee<Balance>;
	/// Ten micro-XDI per byte (`TransactionByteFee`).
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = SlowAdjustingFeeUpdate<Runtime>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

parameter_types! {
	pub const AssetDeposit: Balance = 10 * XDI;
	pub const AssetAccountDeposit: Balance = deposit(1, 16);
	pub const ApprovalDeposit: Balance = EXISTENTIAL_DEPOSIT;
	pub const AssetsStringLimit: u32 = 50;
	pub const MetadataDepositBase: Balance = deposit(1, 68);
	pub const MetadataDepositPerByte: Balance = deposit(0, 1);
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	/// Any signed account, for ids below the LP-token range (1_000_000 and up): LP tokens are
	/// created by the liquidity-pools pallet only, so nobody can squat a future pool's LP id.
	type CreateOrigin = lending::OutsideLpRange<AsEnsureOriginWithArg<EnsureSigned<AccountId>>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = AssetsStringLimit;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = crate::OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	// One storage item; key size is 32; value is size 4+4+16+32 bytes = 56 bytes.
	pub const DepositBase: Balance = deposit(1, 88);
	// Additional storage item size of 32 bytes.
	pub const DepositFactor: Balance = deposit(0, 32);
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = DepositBase;
	type DepositFactor = DepositFactor;
	type MaxSignatories = ConstU32<100>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = System;
}

parameter_types! {
	pub const ProfileDeposit: Balance = deposit(1, 80);
	pub const GrantDepositBase: Balance = deposit(1, 48);
	pub const GrantDepositPerByte: Balance = deposit(0, 1);
	/// Two years.
	pub const MaxGrantDuration: Moment = 2 * 365 * 24 * 60 * 60 * 1_000;
	/// No tier may let one borrower owe more than ten million USDX.
	pub const MaxExposureCap: Balance = 10_000_000 * pallet_credit_records::CREDIT_UNIT;
}

impl pallet_credit_records::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Time = crate::Timestamp;
	type VerifierAdminOrigin = crate::governance::RootOrVerifierAdmin;
	type RiskOrigin = crate::governance::RootOrRiskAdmin;
	type FreezeOrigin = crate::governance::EmergencyOrigin;
	/// Flags are reviewed by two thirds of the risk council (or the risk-admin track, or root).
	type ReviewOrigin = crate::governance::EmergencyOrigin;
	type ProfileDeposit = ProfileDeposit;
	type GrantDepositBase = GrantDepositBase;
	type GrantDepositPerByte = GrantDepositPerByte;
	type MaxVerifiers = ConstU32<100>;
	type MaxNameLength = ConstU32<64>;
	type MaxAttestations = ConstU32<16>;
	type MaxGrants = ConstU32<32>;
	type MaxEnvelopeLength = ConstU32<512>;
	type MaxGrantDuration = MaxGrantDuration;
	type MaxTiers = ConstU32<10>;
	type MaxExposureCap = MaxExposureCap;
	/// At most 30% a year on top of a product's base rate.
	type MaxRatePremiumBps = ConstU16<3_000>;
	type FreezeOnDefault = ConstBool<true>;
	/// On-time repayments below 10 USDX do not count as instalments in the score.
	type MinCountedRepayment = ConstU128<{ 10 * pallet_credit_records::CREDIT_UNIT }>;
	/// USDX: its smallest unit is the credit unit.
	type CreditAsset = ConstU32<{ crate::genesis_config_presets::usdx::ID }>;
	/// The guarded oracle median, as the lending pallets see it.
	type Prices = lending::OraclePrices;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkPrices = lending::OracleGenesisPrices;
	/// Exposure is valued at prices at most an hour old (the pools' default price age).
	type MaxPriceAge = ConstU64<{ 60 * 60 * 1_000 }>;
	/// Three products, each in a few assets.
	type MaxPositions = ConstU32<8>;
	/// One person may use four accounts (each attested with its identity commitment).
	type MaxAccountsPerPerson = ConstU32<4>;
	/// A deregistered account's history with a delinquency is kept five years after it.
	type HistoryRetention = ConstU64<{ 5 * 365 * 24 * 60 * 60 * 1_000 }>;
	/// Pool debt's monthly service is a month of interest at the pool's current rate.
	type PoolRates = crate::LiquidityPools;
	/// An audited filing's revenue counts for fifteen months after its period ended (the
	/// next annual audit, and a quarter's delay).
	type RevenueValidity = ConstU64<{ 456 * 24 * 60 * 60 * 1_000 }>;
	type WeightInfo = crate::weights::pallet_credit_records::WeightInfo<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

#[cfg(test)]
mod tests {
	use super::*;

	use sp_runtime::traits::Convert;

	/// The multiplier after `blocks` blocks each filled to `fullness` of the normal weight.
	fn after_blocks(start: Multiplier, blocks: u32, fullness: Perbill) -> Multiplier {
		let mut t: sp_io::TestExternalities = sp_runtime::BuildStorage::build_storage(
			&frame_system::GenesisConfig::<Runtime>::default(),
		)
		.unwrap()
		.into();
		t.execute_with(|| {
			let normal = RuntimeBlockWeights::get()
				.get(DispatchClass::Normal)
				.max_total
				.unwrap_or(RuntimeBlockWeights::get().max_block);
			let mut multiplier = start;
			for _ in 0..blocks {
				System::set_block_consumed_resources(fullness * normal, 0);
				multiplier = SlowAdjustingFeeUpdate::<Runtime>::convert(multiplier);
			}
			multiplier
		})
	}

	#[test]
	fn fees_rise_over_full_blocks_and_fall_back() {
		let one = Multiplier::saturating_from_integer(1);
		// 100 full blocks (ten minutes) raise fees by about 2.3%; a quarter-full block holds
		// them.
		let full = after_blocks(one, 100, Perbill::one());
		assert!(full > Multiplier::saturating_from_rational(1_022, 1_000), "{full}");
		assert!(full < Multiplier::saturating_from_rational(1_024, 1_000), "{full}");
		let held = after_blocks(one, 100, Perbill::from_percent(25));
		assert_eq!(held, one);
		// A day of full blocks multiplies them many times over.
		let day = after_blocks(one, 14_400, Perbill::one());
		assert!(day > Multiplier::saturating_from_integer(20), "{day}");
		// Empty blocks bring them back down (a third as fast: the target is a quarter full),
		// to a tenth at least.
		let after = after_blocks(full, 100, Perbill::zero());
		assert!(after < full && after > one, "{after}");
		let later = after_blocks(full, 1_000, Perbill::zero());
		assert!(later < one, "{later}");
		let floor = after_blocks(one, 100_000, Perbill::zero());
		assert_eq!(floor, Multiplier::saturating_from_rational(1, 10u128));
	}

	#[test]
	fn filling_a_blocks_length_costs_39_xdi_at_the_base_multiplier() {
		let normal_length = *RuntimeBlockLength::get().max.get(DispatchClass::Normal) as u128;
		let cost = normal_length * TransactionByteFee::get();
		assert!(cost > 39 * XDI && cost < 40 * XDI, "{cost}");
	}

	#[test]
	fn deposits_grow_with_items_and_bytes() {
		assert_eq!(deposit(0, 0), 0);
		assert_eq!(deposit(1, 0), 100 * MILLI_XDI);
		assert_eq!(deposit(1, 10), 110 * MILLI_XDI);
	}
}
