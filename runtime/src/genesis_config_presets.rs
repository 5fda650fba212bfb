//! Genesis presets for dev and test networks (`--dev`, `--chain local`, `build-spec`).
//!
//! Both presets endow the well-known dev accounts (Alice … Ferdie) with XDI and create the two
//! lending assets wallets should show from block zero: the stablecoin `USDX` and the collateral
//! asset `XBTC`, with balances for the same accounts.
//!
//! Privileged dev keys exist on `development` only: there Alice holds sudo and owns (and
//! administers, issues and freezes) USDX and XBTC — she is root anyway, and tests may mint or
//! freeze with her key. On `local_testnet` no dev key is privileged: there is no sudo, and the
//! assets belong to the treasury account, which no key controls (only governance, through
//! `force_asset_status`, can hand them to someone), so nobody can freeze the pools' custody
//! account or mint USDX. Dev accounts there are ordinary users, the risk council and the oracle's
//! price feeders (a price needs two of the three).
//!
//! The parachain runtime offers the same presets with the same domain content; its validators
//! are collators (Aura keys only, no GRANDPA) and `parachainInfo` holds [`PARA_ID`].

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
#[cfg(not(xindai_parachain))]
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use pallet_liquidity_pools::types::{JumpRateModel, PoolParams};
use sp_runtime::Permill;
use xindai_primitives::{interest::Rate, price::Price};

use crate::{
	opaque::SessionKeys, AccountId, AssetId, AssetsConfig, Balance, BalancesConfig,
	LiquidityPoolsConfig, OracleMembershipConfig, RiskCouncilMembershipConfig,
	RuntimeGenesisConfig, SessionConfig, SudoConfig, ValidatorSetConfig, XDI,
};

/// The para id the parachain presets register in `parachainInfo`: the first id a relay chain
/// hands out to a new parachain (`registrar.reserve`), what local relays and zombienet use.
pub const PARA_ID: u32 = 2000;

/// XDI in the liquidity-pools account at genesis: it pays the metadata deposits of the LP
/// tokens of the pools created at genesis and by governance later.
pub const POOLS_ACCOUNT_ENDOWMENT: Balance = 100 * XDI;

/// XDI in the treasury at genesis, so dev and test networks can try spends.
pub const TREASURY_ENDOWMENT: Balance = 1_000_000 * XDI;

/// XDI given to each dev account: one million.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * XDI;

/// The dev stablecoin, pegged to the US dollar.
pub mod usdx {
	use super::*;
	/// Asset id of `USDX`.
	pub const ID: AssetId = 1;
	/// Display name.
	pub const NAME: &[u8] = b"Xindai USD";
	/// Ticker.
	pub const SYMBOL: &[u8] = b"USDX";
	/// Decimals, as on most dollar stablecoins.
	pub const DECIMALS: u8 = 6;
	/// One whole USDX in its smallest unit.
	pub const UNIT: Balance = 1_000_000;
	/// Smallest balance an account may hold: one cent.
	pub const MIN_BALANCE: Balance = UNIT / 100;
	/// Given to each dev account: one million USDX.
	pub const DEV_ENDOWMENT: Balance = 1_000_000 * UNIT;
	/// The reference price: one credit unit per unit (USDX *is* the credit unit).
	pub fn price() -> Price {
		Price::from_u32(1)
	}
	/// The USDX pool: a stablecoin lent against collateral.
	pub fn pool_params() -> PoolParams {
		PoolParams {
			collateral_factor: Permill::from_percent(80),
			liquidation_threshold: Permill::from_percent(85),
			liquidation_incentive: Permill::from_percent(8),
			close_factor: Permill::from_percent(50),
			reserve_factor: Permill::from_percent(10),
			rate_model: JumpRateModel::stablecoin(),
			supply_cap: 100_000_000 * UNIT,
			borrow_cap: 80_000_000 * UNIT,
		}
	}
}

/// The dev collateral asset, a wrapped bitcoin.
pub mod xbtc {
	use super::*;
	/// Asset id of `XBTC`.
	pub const ID: AssetId = 2;
	/// Display name.
	pub const NAME: &[u8] = b"Xindai BTC";
	/// Ticker.
	pub const SYMBOL: &[u8] = b"XBTC";
	/// Decimals, as bitcoin's satoshi.
	pub const DECIMALS: u8 = 8;
	/// One whole XBTC in its smallest unit.
	pub const UNIT: Balance = 100_000_000;
	/// Smallest balance an account may hold: 1000 satoshi.
	pub const MIN_BALANCE: Balance = 1_000;
	/// Given to each dev account: one hundred XBTC.
	pub const DEV_ENDOWMENT: Balance = 100 * UNIT;
	/// The reference price: 60,000 USDX per XBTC, i.e. 600 credit units per satoshi.
	pub fn price() -> Price {
		Price::from_u32(600)
	}
	/// The XBTC pool: mainly collateral, lent sparingly.
	pub fn pool_params() -> PoolParams {
		PoolParams {
			collateral_factor: Permill::from_percent(70),
			liquidation_threshold: Permill::from_percent(75),
			liquidation_incentive: Permill::from_percent(10),
			close_factor: Permill::from_percent(50),
			reserve_factor: Permill::from_percent(20),
			rate_model: JumpRateModel {
				base: Rate::from_rational(1, 100),
				multiplier: Rate::from_rational(5, 100),
				jump_multiplier: Rate::from_u32(2),
				kink: Permill::from_percent(60),
			},
			supply_cap: 10_000 * UNIT,
			borrow_cap: 2_000 * UNIT,
		}
	}
}

/// The accounts endowed at genesis of dev and test networks.
pub fn dev_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// A genesis for a network of the given authorities and `endowed` rich accounts. `asset_owner`
/// owns, issues, administers and freezes the dev assets (and needs no balance: genesis assets
/// carry no deposit); `sudo` (dev only) holds the sudo key; `council` is the risk council, and its
/// members are also the oracle's price feeders.
fn testnet_genesis(
	initial_authorities: Vec<(AccountId, SessionKeys)>,
	asset_owner: AccountId,
	sudo: Option<AccountId>,
	council: Vec<AccountId>,
	endowed: Vec<AccountId>,
) -> Value {
	let treasury = crate::governance::TreasuryAccount::get();
	let pools_account = pallet_liquidity_pools::Pallet::<crate::Runtime>::account_id();
	let feeders = council.clone();
	let asset_balances =
		|id: AssetId, amount: Balance| endowed.iter().cloned().map(move |who| (id, who, amount));
	#[cfg_attr(not(xindai_parachain), allow(unused_mut))]
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed
				.iter()
				.cloned()
				.map(|who| (who, DEV_ENDOWMENT))
				.chain([(treasury, TREASURY_ENDOWMENT), (pools_account, POOLS_ACCOUNT_ENDOWMENT)])
				.collect::<Vec<_>>(),
		},
		// Aura's and GRANDPA's authorities come from the session keys (their own genesis lists
		// stay empty): each validator account registers its keys at genesis.
		validator_set: ValidatorSetConfig {
			members: initial_authorities
				.iter()
				.map(|(account, _)| account.clone())
				.collect::<Vec<_>>()
				.try_into()
				.expect("at most `MaxValidators` genesis validators"),
		},
		session: SessionConfig {
			keys: initial_authorities
				.iter()
				.map(|(account, keys)| (account.clone(), account.clone(), keys.clone()))
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: sudo },
		risk_council_membership: RiskCouncilMembershipConfig {
			members: council.try_into().unwrap_or_default(),
		},
		oracle_membership: OracleMembershipConfig {
			members: feeders.try_into().unwrap_or_default(),
		},
		liquidity_pools: LiquidityPoolsConfig {
			pools: vec![(usdx::ID, usdx::pool_params()), (xbtc::ID, xbtc::pool_params())],
			prices: vec![(usdx::ID, usdx::price()), (xbtc::ID, xbtc::price())],
		},
		assets: AssetsConfig {
			// Sufficient: an account may hold USDX/XBTC without holding XDI.
			assets: vec![
				(usdx::ID, asset_owner.clone(), true, usdx::MIN_BALANCE),
				(xbtc::ID, asset_owner.clone(), true, xbtc::MIN_BALANCE),
			],
			metadata: vec![
				(usdx::ID, usdx::NAME.to_vec(), usdx::SYMBOL.to_vec(), usdx::DECIMALS),
				(xbtc::ID, xbtc::NAME.to_vec(), xbtc::SYMBOL.to_vec(), xbtc::DECIMALS),
			],
			accounts: asset_balances(usdx::ID, usdx::DEV_ENDOWMENT)
				.chain(asset_balances(xbtc::ID, xbtc::DEV_ENDOWMENT))
				.chain(custody_reserves())
				.collect::<Vec<_>>(),
		},
	});
	#[cfg(xindai_parachain)]
	if let Value::Object(fields) = &mut patch {
		fields.insert("parachainInfo".into(), serde_json::json!({ "parachainId": PARA_ID }));
	}
	patch
}

/// Each lending pallet's custody account holds one minimum balance of each dev asset from
/// genesis, outside the books and never paid out: custody stays alive, so paying out of it
/// never burns dust (see `xindai_primitives::custody`).
fn custody_reserves() -> Vec<(AssetId, AccountId, Balance)> {
	let custodians = [
		pallet_liquidity_pools::Pallet::<crate::Runtime>::account_id(),
		pallet_p2p_loans::Pallet::<crate::Runtime>::account_id(),
		pallet_sme_finance::Pallet::<crate::Runtime>::account_id(),
	];
	let mut reserves = Vec::new();
	for custodian in custodians {
		reserves.push((usdx::ID, custodian.clone(), usdx::MIN_BALANCE));
		reserves.push((xbtc::ID, custodian, xbtc::MIN_BALANCE));
	}
	reserves
}

/// A well-known dev account as a validator: its account, and its session keys (sr25519 for
/// Aura, ed25519 for GRANDPA, from the same dev seed).
#[cfg(not(xindai_parachain))]
fn authority_keys(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AccountId, SessionKeys) {
	let keys = SessionKeys {
		aura: AuraId::from(aura.public()),
		grandpa: GrandpaId::from(grandpa.public()),
	};
	(aura.to_account_id(), keys)
}

/// A well-known dev account as a collator: its account and its Aura key (a parachain has no
/// finality key of its own: the relay chain finalizes, so the ed25519 key is not used).
#[cfg(xindai_parachain)]
fn authority_keys(aura: Sr25519Keyring, _finality: Ed25519Keyring) -> (AccountId, SessionKeys) {
	(aura.to_account_id(), SessionKeys { aura: AuraId::from(aura.public()) })
}

/// The risk council of dev and test networks: Alice, Bob and Charlie.
fn dev_council() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.into_iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// `development`: Alice is sudo, the sole authority, and the dev assets' owner and admin.
pub fn development_config_genesis() -> Value {
	let alice = Sr25519Keyring::Alice.to_account_id();
	testnet_genesis(
		vec![authority_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		alice.clone(),
		Some(alice),
		dev_council(),
		dev_accounts(),
	)
}

/// `local_testnet`: Alice and Bob are authorities. No sudo key and no dev key over the assets:
/// they belong to the keyless treasury account; changes go through governance.
pub fn local_config_genesis() -> Value {
	local_genesis_with(&[
		(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
	])
}

/// The preset of a local network of four validators: the smallest set whose finality survives a
/// lost validator (GRANDPA needs more than two thirds of the votes).
pub const LOCAL_FOUR_VALIDATORS_PRESET: &str = "local_four_validators";

/// `local_four_validators`: `local_testnet` with Alice, Bob, Charlie and Dave as authorities.
pub fn local_four_validators_genesis() -> Value {
	local_genesis_with(&[
		(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	])
}

/// A local network of these dev validators, without sudo or privileged dev keys.
fn local_genesis_with(validators: &[(Sr25519Keyring, Ed25519Keyring)]) -> Value {
	testnet_genesis(
		validators.iter().map(|(aura, grandpa)| authority_keys(*aura, *grandpa)).collect(),
		crate::governance::TreasuryAccount::get(),
		None,
		dev_council(),
		dev_accounts(),
	)
}

/// The JSON of the preset called `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		LOCAL_FOUR_VALIDATORS_PRESET => local_four_validators_genesis(),
		_ => return None,
	};
	// Serialising a `serde_json::Value` cannot fail: it holds no maps with non-string keys.
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// The genesis storage of the preset called `name`, built natively the way the node builds it:
/// the preset's patch applied on top of the default config. For tests and the runtime fuzzer.
#[cfg(feature = "std")]
pub fn preset_storage(name: &str) -> Result<sp_runtime::Storage, alloc::string::String> {
	use alloc::{format, string::ToString};
	use sp_runtime::BuildStorage;

	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) => {
				for (key, value) in patch {
					merge(base.entry(key).or_insert(Value::Null), value);
				}
			},
			(base, patch) => *base = patch,
		}
	}

	let preset = get_preset(&PresetId::from(name)).ok_or_else(|| format!("no preset {name}"))?;
	let patch: Value = serde_json::from_slice(&preset).map_err(|e| e.to_string())?;
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).map_err(|e| e.to_string())?;
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).map_err(|e| e.to_string())?;
	config.build_storage()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(LOCAL_FOUR_VALIDATORS_PRESET),
	]
}

#[cfg(test)]
pub(crate) mod tests {
	use super::*;
	use crate::{
		configs::lending::{OracleCoolingOff, OraclePrices, LP_ASSET_ID_OFFSET},
		Assets, Aura, Balances, BlockNumber, LiquidityPools, Moment, Oracle, Runtime,
		RuntimeOrigin, System,
	};
	use frame_support::traits::{
		fungibles::{metadata::Inspect as MetadataInspect, Inspect},
		OnFinalize,
	};
	use sp_runtime::{DispatchError, MultiAddress};
	use xindai_primitives::price::{PriceProvider, TimestampedPrice};

	/// Builds the genesis state of the preset called `name`.
	pub(crate) fn genesis_of(name: &str) -> sp_io::TestExternalities {
		let mut ext = sp_io::TestExternalities::new(preset_storage(name).expect("genesis builds"));
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	#[test]
	fn custody_accounts_hold_their_reserve_and_every_asset_is_conserved() {
		use frame_support::traits::fungibles::Inspect;
		for preset in [
			sp_genesis_builder::DEV_RUNTIME_PRESET,
			sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
		] {
			genesis_of(preset).execute_with(|| {
				for (asset, custodian, reserve) in custody_reserves() {
					assert_eq!(
						reserve,
						<crate::Assets as Inspect<AccountId>>::minimum_balance(asset)
					);
					assert!(
						<crate::Assets as Inspect<AccountId>>::balance(asset, &custodian)
							>= reserve
					);
				}
				xindai_primitives::testing::assert_assets_conserved::<crate::Runtime, ()>();
			});
		}
	}

	/// Every preset's genesis is a state every pallet's invariants hold in (run with
	/// `try-runtime`, as `scripts/test` does for both runtimes).
	#[cfg(feature = "try-runtime")]
	#[test]
	fn every_preset_passes_every_pallets_try_state() {
		use frame_support::traits::{TryState, TryStateSelect};
		for name in preset_names() {
			genesis_of(name.as_ref()).execute_with(|| {
				crate::AllPalletsWithSystem::try_state(1, TryStateSelect::All)
					.unwrap_or_else(|e| panic!("preset {name}: {e:?}"));
			});
		}
	}

	#[test]
	fn every_advertised_preset_exists() {
		for name in preset_names() {
			assert!(get_preset(&name).is_some(), "preset {name} is advertised but missing");
		}
		assert!(get_preset(&PresetId::from("mainnet")).is_none());
	}

	#[test]
	fn development_endows_dev_accounts_with_xdi_usdx_and_xbtc() {
		genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			for who in dev_accounts() {
				assert_eq!(Balances::free_balance(&who), DEV_ENDOWMENT);
				assert_eq!(Assets::balance(usdx::ID, &who), usdx::DEV_ENDOWMENT);
				assert_eq!(Assets::balance(xbtc::ID, &who), xbtc::DEV_ENDOWMENT);
			}
			assert_eq!(
				<Assets as MetadataInspect<AccountId>>::symbol(usdx::ID),
				usdx::SYMBOL.to_vec()
			);
			assert_eq!(<Assets as MetadataInspect<AccountId>>::decimals(usdx::ID), usdx::DECIMALS);
			assert_eq!(<Assets as MetadataInspect<AccountId>>::name(xbtc::ID), xbtc::NAME.to_vec());
			assert_eq!(<Assets as MetadataInspect<AccountId>>::decimals(xbtc::ID), xbtc::DECIMALS);
			assert_eq!(Assets::minimum_balance(usdx::ID), usdx::MIN_BALANCE);
			let alice = Sr25519Keyring::Alice.to_account_id();
			// On `development` only, Alice administers the dev assets.
			for id in [usdx::ID, xbtc::ID] {
				let details = pallet_assets::Asset::<Runtime>::get(id).expect("a genesis asset");
				assert_eq!(details.admin, alice);
			}
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice));
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
			#[cfg(not(xindai_parachain))]
			assert_eq!(crate::Grandpa::grandpa_authorities().len(), 1);
			#[cfg(xindai_parachain)]
			{
				assert_eq!(crate::ParachainInfo::parachain_id(), PARA_ID.into());
				// AuraExt's copy of the authorities (what it checks block authors against) is
				// Aura's, which the session set (its storage is private to the crate: read raw).
				let key = [
					sp_io::hashing::twox_128(b"AuraExt"),
					sp_io::hashing::twox_128(b"Authorities"),
				]
				.concat();
				let aura_ext: Option<Vec<AuraId>> = frame_support::storage::unhashed::get(&key);
				let aura = pallet_aura::Authorities::<Runtime>::get().into_inner();
				assert_eq!(aura_ext, Some(aura));
			}
			assert_eq!(Aura::slot_duration(), crate::SLOT_DURATION);
			let treasury = crate::governance::TreasuryAccount::get();
			assert_eq!(Balances::free_balance(&treasury), TREASURY_ENDOWMENT);
			let pools_account = pallet_liquidity_pools::Pallet::<crate::Runtime>::account_id();
			// Of its endowment, the LP tokens' metadata deposits are reserved.
			let reserved = Balances::reserved_balance(&pools_account);
			assert!(reserved > 0);
			assert_eq!(Balances::free_balance(&pools_account) + reserved, POOLS_ACCOUNT_ENDOWMENT);
			assert_eq!(pallet_credit_records::TierTable::<Runtime>::get().len(), 5);
			// Pools with their LP tokens, feeders and reference prices.
			for (asset, lp_symbol) in
				[(usdx::ID, b"lpUSDX".to_vec()), (xbtc::ID, b"lpXBTC".to_vec())]
			{
				let pool = crate::LiquidityPools::pool_info(asset).expect("a genesis pool");
				assert_eq!(
					<Assets as MetadataInspect<AccountId>>::symbol(pool.lp_asset),
					lp_symbol
				);
			}
			assert_eq!(
				pallet_membership::Members::<Runtime, pallet_membership::Instance2>::get().len(),
				3
			);
			assert_eq!(OraclePrices::price(xbtc::ID).map(|p| p.price), Some(xbtc::price()));
		});
	}

	#[test]
	fn local_testnet_has_alice_and_bob_as_authorities() {
		genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			// In the session's order: the validator accounts', sorted (Bob's sorts first).
			let aura = pallet_aura::Authorities::<Runtime>::get();
			assert_eq!(aura.len(), 2);
			assert_eq!(aura[0], Sr25519Keyring::Bob.public().into());
			assert_eq!(aura[1], Sr25519Keyring::Alice.public().into());
			#[cfg(not(xindai_parachain))]
			{
				let grandpa = crate::Grandpa::grandpa_authorities();
				assert_eq!(grandpa[0].0, Ed25519Keyring::Bob.public().into());
				assert_eq!(grandpa[1].0, Ed25519Keyring::Alice.public().into());
			}
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), None, "no sudo outside development");
			assert_eq!(
				pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get().len(),
				3
			);
		});
	}

	#[test]
	fn local_testnet_gives_no_dev_key_power_over_the_assets() {
		genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			let treasury = crate::governance::TreasuryAccount::get();
			for id in [usdx::ID, xbtc::ID] {
				let details = pallet_assets::Asset::<Runtime>::get(id).expect("a genesis asset");
				for role in [&details.owner, &details.issuer, &details.admin, &details.freezer] {
					assert_eq!(role, &treasury, "asset {id}");
					assert!(!dev_accounts().contains(role));
				}
			}
			// The LP tokens are the pools account's, as everywhere; the pools and their prices are
			// there as on `development`.
			let pools_account = LiquidityPools::account_id();
			for asset in [usdx::ID, xbtc::ID] {
				let lp = LiquidityPools::pool_info(asset).expect("a genesis pool").lp_asset;
				let details = pallet_assets::Asset::<Runtime>::get(lp).expect("an LP token");
				assert_eq!(details.admin, pools_account);
			}
			assert_eq!(OraclePrices::price(xbtc::ID).map(|p| p.price), Some(xbtc::price()));
		});
	}

	#[test]
	fn signed_accounts_cannot_create_lp_ids_but_new_pools_get_theirs() {
		genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let alice = Sr25519Keyring::Alice.to_account_id();
			let create = |id: AssetId| {
				Assets::create(
					RuntimeOrigin::signed(alice.clone()),
					codec::Compact(id),
					MultiAddress::Id(alice.clone()),
					1,
				)
			};
			let lp = LP_ASSET_ID_OFFSET + 7;
			assert_eq!(create(lp), Err(DispatchError::BadOrigin), "the LP id of a future pool");
			assert_eq!(create(LP_ASSET_ID_OFFSET + 1_000), Err(DispatchError::BadOrigin));
			assert_eq!(create(AssetId::MAX), Err(DispatchError::BadOrigin));
			assert!(!Assets::asset_exists(lp));
			// Below the range, anyone may create an asset; governance then pools it, and the
			// pool's LP token is created by the pallet in the reserved range.
			assert_eq!(create(7), Ok(()));
			assert_eq!(
				LiquidityPools::create_pool(RuntimeOrigin::root(), 7, usdx::pool_params()),
				Ok(())
			);
			assert_eq!(LiquidityPools::pool_info(7).map(|p| p.lp_asset), Some(lp));
			let details = pallet_assets::Asset::<Runtime>::get(lp).expect("the LP token");
			assert_eq!(details.owner, LiquidityPools::account_id());
			// Root still may create in the range.
			assert_eq!(
				Assets::force_create(
					RuntimeOrigin::root(),
					codec::Compact(LP_ASSET_ID_OFFSET + 8),
					MultiAddress::Id(alice.clone()),
					true,
					1,
				),
				Ok(())
			);
		});
	}

	/// Ends the block (the oracle accepts one feed per feeder and block) and starts the next one
	/// `ms` later.
	fn next_block(block: &mut BlockNumber, now: &mut Moment, ms: Moment) {
		<Oracle as OnFinalize<BlockNumber>>::on_finalize(*block);
		*block += 1;
		*now += ms;
		System::set_block_number(*block);
		pallet_timestamp::Now::<Runtime>::put(*now);
	}

	/// `who` posts XBTC at `price` credit units per satoshi.
	fn feed_xbtc(who: &Sr25519Keyring, price: u32) {
		let values = vec![(xbtc::ID, Price::from_u32(price))].try_into().expect("one value fits");
		assert!(Oracle::feed_values(RuntimeOrigin::signed(who.to_account_id()), values).is_ok());
	}

	/// XBTC as the lending pallets see it.
	fn xbtc_seen() -> TimestampedPrice {
		OraclePrices::price(xbtc::ID).expect("XBTC is priced")
	}

	#[test]
	fn a_price_needs_two_feeders_and_an_unconfirmed_jump_cools_off() {
		use Sr25519Keyring::{Alice, Bob, Charlie};
		const HOUR: Moment = 60 * 60 * 1_000;
		const SECOND: Moment = 1_000;
		let p = Price::from_u32;
		genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			let mut block: BlockNumber = 1;
			let mut now: Moment = 1_700_000_000_000;
			pallet_timestamp::Now::<Runtime>::put(now);
			// The genesis price, stamped at genesis: stale.
			assert_eq!(xbtc_seen(), TimestampedPrice { price: p(600), updated_at: 0 });

			// One feeder alone sets nothing.
			feed_xbtc(&Alice, 610);
			assert_eq!(xbtc_seen(), TimestampedPrice { price: p(600), updated_at: 0 });
			// A second one makes a quorum: the price moves and is fresh.
			feed_xbtc(&Bob, 610);
			assert_eq!(xbtc_seen(), TimestampedPrice { price: p(610), updated_at: now });

			// Alice alone contradicts Bob (Charlie silent): the price stays, and cools off.
			next_block(&mut block, &mut now, 6 * SECOND);
			feed_xbtc(&Alice, 240);
			assert_eq!(xbtc_seen(), TimestampedPrice { price: p(610), updated_at: 0 });
			// Bob agrees: a 60% fall, reflected, but not fresh until it is confirmed or the
			// cooling-off ends.
			feed_xbtc(&Bob, 240);
			assert_eq!(xbtc_seen(), TimestampedPrice { price: p(240), updated_at: 0 });
			let combined = pallet_oracle::Values::<Runtime>::get(xbtc::ID).map(|v| v.value);
			assert_eq!(combined, Some(p(240)));
			// Charlie confirms: fresh at once.
			feed_xbtc(&Charlie, 240);
			assert_eq!(xbtc_seen(), TimestampedPrice { price: p(240), updated_at: now });

			// With three fresh values, one feeder alone moves nothing.
			next_block(&mut block, &mut now, 6 * SECOND);
			feed_xbtc(&Alice, 600);
			assert_eq!(xbtc_seen().price, p(240));
			assert!(xbtc_seen().is_fresh(now, HOUR));
			// A second feeder moves it: +150%, so it cools off, and nobody confirms.
			let jumped_at = now;
			feed_xbtc(&Bob, 600);
			assert_eq!(xbtc_seen(), TimestampedPrice { price: p(600), updated_at: 0 });
			// Without a confirmation the cooling-off ends by itself, and the price is fresh.
			now = jumped_at + OracleCoolingOff::get() - 1;
			pallet_timestamp::Now::<Runtime>::put(now);
			assert!(!xbtc_seen().is_fresh(now, HOUR));
			now += 1;
			pallet_timestamp::Now::<Runtime>::put(now);
			assert_eq!(xbtc_seen(), TimestampedPrice { price: p(600), updated_at: jumped_at });
			assert!(xbtc_seen().is_fresh(now, HOUR));
		});
	}
}
