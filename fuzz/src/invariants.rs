//! The checks run after every block.
//!
//! - **try-state** (with the `try-runtime` feature): every pallet's `try_state`
//!   (`TryStateSelect::All`), which for the four domain pallets includes that each custody
//!   account holds at least what its books say it holds for others, and the whole state decodes.
//! - **integrity**: every pallet's `integrity_test`.
//! - **native conservation**: total issuance equals the sum of every account's free and reserved
//!   XDI.
//! - **asset conservation**: every asset's supply equals the sum of its accounts' balances
//!   (the runtime's assets have no holds or freezes of their own).
//! - **custody reserve**: each lending pallet's custody account keeps at least one minimum
//!   balance of each dev asset, so paying out of custody never burns dust.
//!
//! (The weight checks, per call and per block, are made while the block is built.)

use frame_support::traits::{fungibles::Inspect, IntegrityTest};
use xindai_primitives::{AssetId, Balance};
use xindai_runtime::{AllPalletsWithSystem, Assets, Runtime};

/// A failed check: its name and what it saw.
pub type Violation = (&'static str, String);

/// Runs every check against the state after block `number`.
pub fn check_all(number: u32) -> Result<(), Violation> {
	native_conservation()?;
	asset_conservation()?;
	custody_reserves()?;
	<AllPalletsWithSystem as IntegrityTest>::integrity_test();
	try_state(number)
}

#[cfg(feature = "try-runtime")]
fn try_state(number: u32) -> Result<(), Violation> {
	use frame_support::traits::{
		PalletsInfoAccess, TryDecodeEntireStorage, TryState, TryStateSelect,
	};
	let _no_writes = frame_support::StorageNoopGuard::default();
	if <AllPalletsWithSystem as TryState<u32>>::try_state(number, TryStateSelect::All).is_err() {
		// `All` only says that something failed: name each pallet that did, with its error.
		let failed: Vec<String> = AllPalletsWithSystem::infos()
			.into_iter()
			.filter_map(|info| {
				let only = TryStateSelect::Only(vec![info.name.as_bytes().to_vec()]);
				<AllPalletsWithSystem as TryState<u32>>::try_state(number, only)
					.err()
					.map(|e| format!("{}: {e:?}", info.name))
			})
			.collect();
		return Err(("try-state", failed.join("; ")));
	}
	AllPalletsWithSystem::try_decode_entire_state()
		.map_err(|errors| ("decode-state", format!("{errors:?}")))?;
	Ok(())
}

#[cfg(not(feature = "try-runtime"))]
fn try_state(_number: u32) -> Result<(), Violation> {
	Ok(())
}

fn native_conservation() -> Result<(), Violation> {
	let mut held: Balance = 0;
	for (_, info) in frame_system::Account::<Runtime>::iter() {
		held = held.saturating_add(info.data.free).saturating_add(info.data.reserved);
	}
	let issued = pallet_balances::TotalIssuance::<Runtime>::get();
	if held != issued {
		return Err((
			"native-conservation",
			format!("total issuance {issued}, accounts hold {held}"),
		));
	}
	Ok(())
}

fn asset_conservation() -> Result<(), Violation> {
	for (asset, details) in pallet_assets::Asset::<Runtime>::iter() {
		let held = pallet_assets::Account::<Runtime>::iter_prefix(asset)
			.fold(0u128, |sum, (_, account)| sum.saturating_add(account.balance));
		if held != details.supply {
			return Err((
				"asset-conservation",
				format!("asset {asset}: supply {}, accounts hold {held}", details.supply),
			));
		}
	}
	Ok(())
}

/// The dev assets every custody account keeps a reserve of.
const RESERVED_ASSETS: [AssetId; 2] = [
	xindai_runtime::genesis_config_presets::usdx::ID,
	xindai_runtime::genesis_config_presets::xbtc::ID,
];

fn custody_reserves() -> Result<(), Violation> {
	let custodians = [
		("liquidity-pools", pallet_liquidity_pools::Pallet::<Runtime>::account_id()),
		("p2p-loans", pallet_p2p_loans::Pallet::<Runtime>::account_id()),
		("sme-finance", pallet_sme_finance::Pallet::<Runtime>::account_id()),
	];
	for (pallet, custodian) in custodians {
		for asset in RESERVED_ASSETS {
			let held = <Assets as Inspect<_>>::balance(asset, &custodian);
			let reserve = <Assets as Inspect<_>>::minimum_balance(asset);
			if held < reserve {
				return Err((
					"custody-reserve",
					format!("{pallet} custody holds {held} of asset {asset}, below {reserve}"),
				));
			}
		}
	}
	Ok(())
}
